{% macro landing_sources() %}
    {#-
        The landing folder's layout (contract section 2): one relation of schema `landing` per
        entry, declared as a dbt source in models/staging/<source>/_<source>__sources.yml.
        format ndjson: one JSON object per line, read with the columns below (counts as JSON so
        that a string or negative count is caught in staging instead of dropping the record).
        format ndjson_records: one JSON object per line, read whole as the JSON `record` (GitHub
        events: a few paths out of large nested objects).
        format json_document: one JSON document per file whose `data` array holds the records.
        repair_encoding: a file that is not valid UTF-8 is read line by line (git messages).
        format csv: a header row; every column read as text, missing columns read as NULL.
    -#}
    {%- set count_columns = copilot_count_columns() -%}
    {%- set copilot_columns = {
        'day': 'VARCHAR', 'enterprise_id': 'VARCHAR', 'user_id': 'VARCHAR',
        'user_login': 'VARCHAR', 'used_agent': 'JSON', 'used_chat': 'JSON', 'used_cli': 'JSON',
        'totals_by_feature': 'JSON', 'totals_by_ide': 'JSON', 'totals_by_cli': 'JSON'} -%}
    {%- for column in count_columns -%}
        {%- do copilot_columns.update({column: 'JSON'}) -%}
    {%- endfor -%}
    {{ return([
        {'name': 'copilot_user_daily_usage', 'folder': 'copilot', 'pattern': '*.ndjson',
         'format': 'ndjson', 'columns': copilot_columns},
        {'name': 'cursor_daily_usage', 'folder': 'cursor', 'pattern': '*.json',
         'format': 'json_document'},
        {'name': 'claude_code_usage_report', 'folder': 'claude_code', 'pattern': '*.json',
         'format': 'json_document'},
        {'name': 'github_events', 'folder': 'github', 'pattern': '*.ndjson',
         'format': 'ndjson_records'},
        {'name': 'git_commits', 'folder': 'git', 'pattern': '*.ndjson', 'format': 'ndjson',
         'repair_encoding': true,
         'columns': {'repository': 'VARCHAR', 'sha': 'VARCHAR', 'parents': 'JSON',
                     'author_name': 'VARCHAR', 'author_email': 'VARCHAR',
                     'authored_at': 'VARCHAR', 'committer_name': 'VARCHAR',
                     'committer_email': 'VARCHAR', 'committed_at': 'VARCHAR',
                     'message': 'VARCHAR'}},
        {'name': 'directory_people', 'folder': 'directory', 'pattern': 'people.csv',
         'format': 'csv',
         'columns': ['person_id', 'full_name', 'email', 'github_login', 'team', 'is_bot',
                     'employment_start', 'employment_end']},
        {'name': 'directory_identities', 'folder': 'directory', 'pattern': 'identities.csv',
         'format': 'csv', 'columns': ['person_id', 'source', 'account', 'is_shared']},
        {'name': 'directory_team_memberships', 'folder': 'directory',
         'pattern': 'team_memberships.csv', 'format': 'csv',
         'columns': ['person_id', 'team', 'valid_from', 'valid_to']},
    ]) }}
{% endmacro %}
