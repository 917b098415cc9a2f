{#- One row per landing record (or unreadable file) that could not be used as delivered: the
    source, file, record index, the reason in plain words and the raw record. Records whose only
    problem is an invalid count still count (that field as 0) and are listed here too. -#}
{%- set staged = [
    ('copilot', 'stg_copilot__user_days', true),
    ('cursor', 'stg_cursor__user_days', true),
    ('claude_code', 'stg_claude_code__usage_records', true),
    ('github', 'stg_github__events', false),
    ('git', 'stg_git__commits', false),
    ('directory/people.csv', 'stg_directory__people', false),
    ('directory/identities.csv', 'stg_directory__identities', false),
    ('directory/team_memberships.csv', 'stg_directory__team_memberships', false),
] -%}

with

quarantined as (

    {%- for source_name, model, has_counts in staged %}

    select
        '{{ source_name }}' as source,
        file_name,
        record_number,
        {%- if has_counts %}
        coalesce(
            rejection_reason,
            'invalid count (read as 0): ' || invalid_count_fields
        ) as reason,
        rejection_reason is null as is_still_counted,
        {%- else %}
        rejection_reason as reason,
        false as is_still_counted,
        {%- endif %}
        quarantined_record_text as record_text
    from {{ ref(model) }}
    where quarantined_record_text is not null
        or rejection_reason is not null
    {{ 'union all' if not loop.last }}
    {%- endfor %}

)

select * from quarantined
