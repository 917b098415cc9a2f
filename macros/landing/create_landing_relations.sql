{% macro create_landing_relations() %}
    {{ return(adapter.dispatch('create_landing_relations', 'ai_adoption')()) }}
{% endmacro %}

{% macro default__create_landing_relations() %}
    {#- Elsewhere an EL tool loads the landing tables; nothing to do here. -#}
    {{ return('') }}
{% endmacro %}

{% macro duckdb__create_landing_relations() %}
    {#-
        Runs before every dbt command: lists each landing folder and (re)creates one view per
        source in schema `landing`. A missing folder or one without matching files gives an empty
        view with the same columns, so that integration simply contributes nothing.
    -#}
    {%- if not execute -%}{{ return('') }}{%- endif -%}
    {%- set root = landing_path() -%}
    {%- set statements = ['create schema if not exists landing'] -%}
    {%- set read_files = [] -%}
    {%- set unlistable_files = [] -%}
    {%- for source in landing_sources() -%}
        {%- set files = landing_glob(landing_source_pattern(source), unlistable_files) -%}
        {%- do read_files.extend(files) -%}
        {%- if files | length == 0 -%}
            {%- set body = landing_empty_select(source) -%}
            {%- set versions = landing_empty_file_versions() -%}
        {%- else -%}
            {%- set body = landing_read_select(source, files, repair_encoding=false) -%}
            {%- set versions = landing_file_versions(files) -%}
        {%- endif -%}
        {%- do statements.append(
            'create or replace view landing.' ~ source.name ~ ' as ' ~ body) -%}
        {%- do statements.append(
            'create or replace view landing.' ~ source.name ~ '_files as ' ~ versions) -%}
        {{ log('landing: ' ~ source.name ~ ' <- ' ~ (files | length) ~ ' file(s) in '
               ~ root ~ '/' ~ source.folder, info=true) }}
    {%- endfor -%}
    {%- set unread = landing_unread_files(root, read_files, unlistable_files) -%}
    {#- No file: not an error (contract section 1), but a mistyped path looks just like it. A
        landing folder that does not exist is listed as the one unread "file", so that the
        landing_unread_files_is_empty test warns in the run's summary too; on a warehouse
        already built from data it stops the run, which would empty every table. -#}
    {%- set missing = not read_files and not unread.count and landing_listing_plugin_loaded()
        and '://' not in root and not run_query('select ai_adoption_is_folder('
            ~ landing_sql_text(root) ~ ')').columns[0].values()[0] -%}
    {%- if missing and not flags.FULL_REFRESH -%}
        {%- set partition_log = adapter.get_relation(database=target.database,
            schema='staging', identifier='partition_loads') -%}
        {%- if partition_log is not none and run_query('select count(*) from '
            ~ partition_log).columns[0].values()[0] > 0 -%}
            {{ exceptions.raise_compiler_error('landing: ' ~ root ~ ' is not a folder (it does'
                ~ ' not exist?), but this warehouse was built from a landing folder: the run'
                ~ ' would empty every table. Fix env AI_ADOPTION_LANDING or var landing_path, or'
                ~ ' run with --full-refresh to empty the warehouse on purpose.') }}
        {%- endif -%}
    {%- endif -%}
    {%- set unread_select = unread.select if not missing else 'select * from (values '
        ~ landing_unread_file_row(root, none, 'not read: the landing folder does not exist'
            ~ ' (env AI_ADOPTION_LANDING or var landing_path)')
        ~ ') as unread (file_name, folder, reason)' -%}
    {%- do statements.append(
        'create or replace view landing.landing_unread_files as ' ~ unread_select) -%}
    {%- if unread.count -%}
        {{ log('landing: ' ~ unread.count ~ ' file(s) not read (audit.landing_unread_files'
               ~ ' says why)', info=true) }}
    {%- elif not read_files -%}
        {%- do exceptions.warn('landing: ' ~ (root ~ ' is not a folder (it does not exist?)'
            if missing else 'no file at all under ' ~ root) ~ ': every table will be empty'
            ~ ' (is the folder right? env AI_ADOPTION_LANDING or var landing_path)') -%}
    {%- endif -%}
    {{ return(statements | join(';\n')) }}
{% endmacro %}

{% macro landing_unread_files(root, read_files, unlistable_files) -%}
    {#- The files anywhere under the landing folder that no source reads (a Copilot export saved
        as .json, a sub-folder per month, a folder of a tool the project does not know, a name
        DuckDB cannot handle), each with why: a select for the view
        landing.landing_unread_files, and how many. Names starting with a dot (.DS_Store,
        .gitkeep) are the file system's, not deliveries. unlistable_files: the names the
        sources' listings left out (landing_glob), which a source folder that is a symbolic
        link may hold out of the folder walk's sight. -#}
    {%- set unlistable = unlistable_files | list -%}
    {%- if landing_listing_plugin_loaded() and '://' not in root -%}
        {%- set listed_files = landing_listed_files(
            'ai_adoption_landing_walk(' ~ landing_sql_text(root) ~ ')', unlistable) -%}
    {%- else -%}
        {%- set listed_files = landing_glob(glob_escape(root) ~ '/**') -%}
    {%- endif -%}
    {%- set sources_by_folder = {} -%}
    {%- for source in landing_sources() -%}
        {%- do sources_by_folder.setdefault(source.folder, []).append(source.pattern) -%}
    {%- endfor -%}
    {%- set rows = [] -%}
    {%- set unlistable_paths = unlistable | map(attribute='file') | list -%}
    {%- for file in listed_files if file not in read_files and file not in unlistable_paths -%}
        {%- set relative = file[landing_prefix() | length:] -%}
        {%- set parts = relative.split('/') -%}
        {%- if not (relative.startswith('.') or '/.' in relative) -%}
            {%- set folder = parts[0] if parts | length > 1 else none -%}
            {%- if folder in sources_by_folder -%}
                {%- set reason = 'not read: ' ~ ('a sub-folder; ' if parts | length > 2 else
                    'the name does not match; ') ~ folder ~ '/ reads '
                    ~ (sources_by_folder[folder] | join(', ')) ~ ' only' -%}
            {%- else -%}
                {%- set reason = 'not read: outside the source folders ('
                    ~ (sources_by_folder | join('/, ')) ~ '/)' -%}
            {%- endif -%}
            {%- do rows.append(landing_unread_file_row(relative, folder, reason)) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set reported = [] -%}
    {%- for file in unlistable | sort(attribute='file') if file.file not in reported -%}
        {%- do reported.append(file.file) -%}
        {%- set relative = file.file[landing_prefix() | length:] -%}
        {%- set folder = relative.split('/')[0] if '/' in relative else none -%}
        {%- if not (relative.startswith('.') or '/.' in relative) -%}
            {%- do rows.append(landing_unread_file_row(relative, folder,
                'not read: ' ~ file.reason)) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if rows -%}
        {%- set select = 'select * from (values ' ~ rows | join(', ')
            ~ ') as unread (file_name, folder, reason)' -%}
    {%- else -%}
        {%- set select = 'select cast(null as varchar) as file_name,'
            ~ ' cast(null as varchar) as folder, cast(null as varchar) as reason where false' -%}
    {%- endif -%}
    {{ return({'select': select, 'count': rows | length}) }}
{%- endmacro %}

{% macro landing_unread_file_row(file_name, folder, reason) -%}
    {#- A typed NULL: a bare one in every row made the column's type NULL, not VARCHAR. -#}
    {%- set folder_sql = "'" ~ folder | replace("'", "''") ~ "'" if folder
        else 'cast(null as varchar)' -%}
    {{- return("('" ~ file_name | replace("'", "''") ~ "', " ~ folder_sql ~ ", '"
        ~ reason | replace("'", "''") ~ "')") -}}
{%- endmacro %}

{% macro landing_glob(pattern, unlistable_files=none) -%}
    {#- The files a glob pattern matches, sorted. The landing_listing plugin (profiles.yml)
        lists them in Python and leaves out the names DuckDB cannot handle (not UTF-8, or
        holding a backslash), adding them to unlistable_files when given: DuckDB's glob()
        fails the whole query at the first name that is not UTF-8. Without the plugin, or for a
        landing folder that is a URL, glob() lists them. -#}
    {%- if landing_listing_plugin_loaded() and '://' not in pattern -%}
        {{ return(landing_listed_files(
            'ai_adoption_landing_glob(' ~ landing_sql_text(pattern) ~ ')',
            unlistable_files if unlistable_files is not none else [])) }}
    {%- endif -%}
    {%- set listing = run_query(
        'select file from glob(' ~ landing_sql_text(pattern) ~ ') order by file') -%}
    {{ return(listing.columns[0].values() | list) }}
{%- endmacro %}

{% macro landing_listed_files(listing_call, unlistable_files) -%}
    {#- The files of a listing function of the plugin (`{file, reason}` structs), in its order;
        those with a reason go to unlistable_files instead. -#}
    {%- set listing = run_query('select file, reason from (select unnest(' ~ listing_call
        ~ ', recursive := true)) as listing') -%}
    {%- set files = [] -%}
    {%- for row in listing.rows -%}
        {%- if row['reason'] is none -%}
            {%- do files.append(row['file']) -%}
        {%- else -%}
            {%- do unlistable_files.append({'file': row['file'], 'reason': row['reason']}) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(files) }}
{%- endmacro %}

{% macro landing_sql_text(text) -%}
    {{- return("'" ~ text | replace("'", "''") ~ "'") -}}
{%- endmacro %}

{% macro landing_listing_plugin_loaded() -%}
    {%- set found = run_query("select count(*) from duckdb_functions()"
        ~ " where function_name = 'ai_adoption_landing_glob'") -%}
    {{ return(found.columns[0].values()[0] > 0) }}
{%- endmacro %}

{% macro landing_file_list(files) -%}
    {#- DuckDB reads every path of the list as a glob pattern: each file's own name, escaped. -#}
    [{%- for file in files -%}
        '{{ glob_escape(file) | replace("'", "''") }}'{{ ', ' if not loop.last }}
    {%- endfor -%}]
{%- endmacro %}

{% macro glob_escape(path) -%}
    {#- A path as a glob pattern that matches only itself: `[`, `*` and `?` (a file named
        `users[1].ndjson`) become one-character classes, `[[]`, `[*]` and `[?]`. -#}
    {{- path | replace('[', '[[]') | replace('*', '[*]') | replace('?', '[?]') -}}
{%- endmacro %}

{% macro landing_empty_select(source) -%}
    {%- if source.format == 'ndjson' -%}
        select cast(null as varchar) as file_name, cast(null as bigint) as record_number,
            cast(null as varchar) as file_version
        {%- for column, data_type in source.columns.items() -%}
            , cast(null as {{ data_type }}) as {{ column }}
        {%- endfor %}
        {%- if source.get('repair_encoding') %}, cast(null as varchar) as encoding_repair{% endif %}
        where false
    {%- elif source.format == 'ndjson_records' -%}
        select cast(null as varchar) as file_name, cast(null as bigint) as record_number,
            cast(null as varchar) as file_version, cast(null as json) as record where false
    {%- elif source.format == 'json_document' -%}
        select cast(null as varchar) as file_name, cast(null as bigint) as record_number,
            cast(null as varchar) as file_version, cast(null as json) as record,
            cast(null as varchar) as file_error where false
    {%- else -%}
        select cast(null as varchar) as file_name, cast(null as bigint) as record_number,
            cast(null as varchar) as file_version
        {%- for column in source.columns -%}
            , cast(null as varchar) as {{ column }}
        {%- endfor %}, cast(null as varchar) as spare_fields,
            cast(null as varchar) as file_problem where false
    {%- endif -%}
{%- endmacro %}

{% macro landing_read_select(source, files, repair_encoding=true) -%}
    {%- if source.format == 'ndjson' and source.get('repair_encoding') -%}
        {{ landing_ndjson_with_encoding_repair(source, files, repair_encoding) }}
    {%- elif source.format in ('ndjson', 'ndjson_records') -%}
        {{ landing_ndjson_read(source, files) }}
    {%- elif source.format == 'json_document' -%}
        {#- One row per element of each file's `data` array, and one row with a file_error for
            a file that is not a JSON document with a `data` array. -#}
        with documents as (
            select
                {{ landing_relative_name('filename') }} as file_name,
                {{ landing_file_version() }} as file_version,
                ltrim(try(decode(content)), chr(65279)) as document_text,
                content is null or octet_length(content) = 0 as is_empty
            from read_blob({{ landing_file_list(files) }})
        ),
        parsed as materialized (
            {#- One parse of each document: its data array, NULL when the document is not valid
                JSON or its data is not an array. Materialized: otherwise DuckDB parses each
                document again in every filter and projection that reads `records`. -#}
            select
                file_name,
                file_version,
                document_text,
                try(from_json(document_text, '{"data": "JSON[]"}')).data as records
            from documents
            {#- An empty response (nothing but white space) holds no record: nothing to read,
                nothing to report. A full match stops at the first other character, where trim
                would copy the whole text. #}
            where not is_empty and not coalesce(regexp_full_match(document_text, '\s*'), false)
        ),
        checked as (
            select
                file_name,
                file_version,
                records,
                case
                    when document_text is null then 'file is not valid UTF-8 text'
                    when records is not null then null
                    when not json_valid(document_text) then 'file is not valid JSON (truncated?)'
                    else 'file has no data array'
                end as file_error
            from parsed
        ),
        arrays as (
            select file_name, file_version, records
            from checked
            where file_error is null
        )
        select file_name, generate_subscripts(records, 1) as record_number, file_version,
            unnest(records) as record, cast(null as varchar) as file_error
        from arrays
        union all
        select file_name, 0 as record_number, file_version, cast(null as json) as record,
            file_error
        from checked
        where file_error is not null
    {%- else -%}
        {#- A CSV file that is not UTF-8 (people.csv saved by Excel as Windows-1252) is read
            from a UTF-8 copy (landing_utf8_copy); one that starts with a UTF-16 byte order mark
            (Windows PowerShell's `>` and Excel's "Unicode Text" write UTF-16 little-endian) is
            read as UTF-16. -#}
        {%- set utf16_files = landing_files_utf16(files) -%}
        {%- set copies = {} -%}
        {%- for file in landing_files_not_utf8(files) if file not in utf16_files -%}
            {%- do copies.update({file: landing_utf8_copy(file)}) -%}
        {%- endfor -%}
        {%- set key_column = source.columns[0] -%}
        {%- set field_reads = [] -%}
        {%- for file in files if file not in utf16_files -%}
            {%- do field_reads.append({'file': file, 'path': copies.get(file, file),
                                       'encoding': 'utf-8'}) -%}
        {%- endfor -%}
        {%- for file in utf16_files -%}
            {%- do field_reads.append({'file': file, 'path': file, 'encoding': 'utf-16'}) -%}
        {%- endfor -%}
        {#- A title line above the header (`Directory export 2025-07-01`) is skipped: the
            header is the first line that names the key column. -#}
        {%- set headers = landing_csv_headers(field_reads, key_column) -%}
        {#- DuckDB's CSV reader skips blank lines, and its sniffer then takes the header below
            them for a data row: such a file is read from its fields too. -#}
        {%- set blank_first = landing_files_whose_content(
            field_reads | rejectattr('encoding', 'equalto', 'utf-16') | map(attribute='path')
                | list,
            "coalesce(regexp_matches(ltrim(try(decode(content)), chr(65279)), '^[ \t]*\r?\n'),"
            ~ " false)") -%}
        {#- Files whose header line was found are read with its delimiter: DuckDB's sniffer
            reads `"person_id";"email"` (Excel's CSV where the list separator is `;`) as one
            column. The others are left to the sniffer. -#}
        {#- A file with text but no such line (no header at all, or a workbook saved as CSV) is
            not read: its first row would be taken for the header and lost. It is one rejected
            row, record 0, whose file_problem says why. -#}
        {%- set sniffed_reads = {} -%}
        {%- set titled_reads = [] -%}
        {%- set reads_with_header = [] -%}
        {%- set headerless_files = [] -%}
        {%- for read in field_reads -%}
            {%- set header = headers.get(read.file, {'line': 1, 'delimiter': none}) -%}
            {%- if header.line is none and header.has_text -%}
                {%- do headerless_files.append(read.file[landing_prefix() | length:]) -%}
            {%- elif header.line is not none -%}
                {%- do read.update({'header_line': header.line,
                                    'delimiter': header.delimiter}) -%}
                {%- if read.delimiter is not none -%}
                    {%- do reads_with_header.append(read) -%}
                {%- endif -%}
                {%- if read.header_line > 1 or read.path in blank_first -%}
                    {%- do titled_reads.append(read) -%}
                {%- else -%}
                    {%- do sniffed_reads.setdefault(
                        (read.encoding, read.delimiter or ''), []).append(read.path) -%}
                {%- endif -%}
            {%- endif -%}
        {%- endfor %}
        {#- normalize_names prefixes a header that is an SQL keyword with `_` (`source` reads
            `_source`): both spellings are read. -#}
        with csv_records as (
        select csv_records.file_name, csv_records.record_number
        {%- for column in source.columns -%}
            , {{ trimmed_text('coalesce(csv_records."' ~ column ~ '", csv_records."_'
                ~ column ~ '")') }} as {{ column }}
        {%- endfor %}, csv_records.file_problem
        from (
            select cast(null as varchar) as file_name, cast(null as bigint) as record_number
            {%- for column in source.columns -%}
                , cast(null as varchar) as "{{ column }}", cast(null as varchar) as "_{{ column }}"
            {%- endfor %}, cast(null as varchar) as file_problem
            where false
            {%- for read_as, paths in sniffed_reads | dictsort %}
            union all by name
            {{ landing_csv_records(paths, copies, encoding=read_as[0], delimiter=read_as[1]) }}
            {%- endfor %}
            {%- for read in titled_reads %}
            union all by name
            ({{ landing_csv_records_below_title(read, source.columns) }})
            {%- endfor %}
            {%- for file in headerless_files %}
            union all by name
            select {{ landing_sql_text(file) }} as file_name, 0 as record_number,
                {{ landing_sql_text('no header line naming ' ~ key_column ~ ' in the first ten'
                    ~ ' lines: the file is not read (its first line must name the columns)') }}
                    as file_problem
            {%- endfor %}
        ) as csv_records
        ),
        spare_fields as (
            {{ landing_csv_spare_fields(reads_with_header, key_column) }}
        )
        select csv_records.file_name, csv_records.record_number, file_versions.file_version
        {%- for column in source.columns -%}, csv_records.{{ column }}{%- endfor %},
            {#- The reads agree on the row: the same number of rows in the file, the same key. -#}
            case
                when spare_fields.data_rows = count(*) over (partition by csv_records.file_name)
                    and spare_fields.key_value is not distinct from csv_records.{{ key_column }}
                    then spare_fields.spare_fields
            end as spare_fields,
            csv_records.file_problem
        from csv_records
        inner join ({{ landing_file_versions(files) }}) as file_versions
            on csv_records.file_name = file_versions.file_name
        left join spare_fields
            on csv_records.file_name = spare_fields.file_name
            and csv_records.record_number = spare_fields.record_number
    {%- endif -%}
{%- endmacro %}

{% macro landing_csv_spare_fields(reads, key_column) -%}
    {#- The data rows of CSV files that hold more fields than the header, and not only empty
        ones: a value holding the delimiter without quotes (`p1,Smith, Ann,...`). DuckDB's
        reader keeps as many fields as its sniffer found columns and drops the rest, so such a
        row would read shifted into the wrong columns without a word. Each file is read again
        as plain fields (landing_csv_field_lines), split at the delimiter that found the key
        column in its header (landing_csv_headers). A row's spare fields count only where the
        two reads agree on it (landing_read_select): a file that the reads split into lines
        otherwise (a line this read cannot parse) has no spare field at all, rather than the
        fields of another row. One row per flagged data row: file_name, record_number (from 1),
        key_value, data_rows (of the file), spare_fields (their text, joined by the
        delimiter). `reads`: the files whose header was found, with header_line and delimiter. -#}
    with lines as (
        select cast(null as varchar) as file_name, cast(null as varchar) as delimiter,
            cast(null as bigint) as line_number, cast(null as varchar[]) as fields,
            cast(null as bigint) as header_line
        where false
        {%- for read in reads %}
        union all
        select *, {{ read.header_line }} as header_line
        from ({{ landing_csv_field_lines(read, read.delimiter) }}) as file_lines
        {%- endfor %}
    ),
    headers as (
        select file_name, header_line, len(fields) as header_width,
            {{ landing_csv_key_position('fields', key_column) }} as key_position
        from lines
        where line_number = header_line
    ),
    rows_read as (
        select
            lines.file_name,
            lines.line_number - headers.header_line as record_number,
            count(*) over (partition by lines.file_name) as data_rows,
            {{ trimmed_text('lines.fields[headers.key_position]') }} as key_value,
            lines.fields[headers.header_width + 1:] as spare,
            lines.delimiter
        from lines
        inner join headers on lines.file_name = headers.file_name
        where lines.line_number > headers.header_line
    )
    select file_name, record_number, data_rows, key_value,
        list_reduce(spare, lambda joined, field: joined || delimiter || field) as spare_fields
    from rows_read
    where list_bool_or(list_transform(spare, lambda field: {{ trimmed_text('field') }} is not null))
{%- endmacro %}

{% macro landing_csv_headers(field_reads, key_column) -%}
    {#- The header of each CSV file: the first of its first ten lines whose fields, split at
        one of landing_csv_delimiters(), name the key column (`person_id`), as a dict file ->
        {line (from 1, blank lines not counted), delimiter, has_text}; line and delimiter are
        none for a file without such a line, has_text whether it has a line that is not blank
        (none of it is read; with text, it is reported). A file without a line this read can
        parse, or with one of 64 fields or more (the key column may lie beyond them), is left
        out: it is read as before, its first line the header (nothing, for an empty file). A
        file whose header is below its first line (a title line above it) is read from these
        fields (landing_csv_records_below_title): DuckDB's sniffer guesses the delimiter
        wrongly after a title (one column, split at `|`). -#}
    {%- if not execute or not field_reads -%}{{ return({}) }}{%- endif -%}
    {%- set searches = [] -%}
    {%- for read in field_reads -%}
        {%- for delimiter in landing_csv_delimiters() -%}
            {%- do searches.append(
                '(' ~ landing_csv_field_lines(read, delimiter, limit=10) ~ ')') -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- set is_header = 'len(fields) > 1 and ' ~ landing_csv_key_position('fields', key_column)
        ~ ' > 0' -%}
    {%- set found = run_query(
        'select file_name, min(line_number) filter (where ' ~ is_header ~ ') as line,'
        ~ ' arg_min(delimiter, line_number * 1000 + ascii(delimiter)) filter (where '
        ~ is_header ~ ') as delimiter, coalesce(bool_or(list_bool_or(list_transform(fields,'
        ~ ' lambda field: ' ~ trimmed_text('field') ~ ' is not null))), false) as has_text,'
        ~ ' max(len(fields)) as widest from (' ~ searches | join(' union all ')
        ~ ') group by file_name') -%}
    {%- set headers = {} -%}
    {%- for row in found.rows -%}
        {#- A line of 64 fields may hold the key column beyond what this read keeps: such a
            file is read as before. -#}
        {%- if row['line'] is not none or row['widest'] < 64 -%}
            {%- do headers.update({landing_prefix() ~ row['file_name']:
                                   {'line': row['line'], 'delimiter': row['delimiter'],
                                    'has_text': row['has_text']}}) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(headers) }}
{%- endmacro %}

{% macro landing_csv_delimiters() -%}
    {#- The delimiters a directory CSV may use: comma, semicolon (Excel in much of Europe), tab
        (Excel's "Text (Tab delimited)"), pipe. -#}
    {{ return([',', ';', '\t', '|']) }}
{%- endmacro %}

{% macro landing_csv_header_name(field) -%}
    {#- A header field as DuckDB's normalize_names writes a column name: lower case, without
        surrounding spaces, quotes or a byte order mark, other characters than letters, digits
        and `_` as `_` (`Person ID` is `person_id`). -#}
    regexp_replace(lower(trim({{ field }}, ' "' || chr(65279))), '[^a-z0-9_]+', '_', 'g')
{%- endmacro %}

{% macro landing_csv_key_position(fields, key_column) -%}
    {#- The position (from 1) of the key column's name among a line's fields, 0 if absent. -#}
    list_position(
        list_transform({{ fields }}, lambda field: {{ landing_csv_header_name('field') }}),
        '{{ key_column }}'
    )
{%- endmacro %}

{% macro landing_csv_field_lines(read, delimiter, limit=none) -%}
    {#- Each line of one CSV file that is not blank as its list of fields, split at
        `delimiter` with the double quotes of RFC 4180: file_name, delimiter, line_number (from
        1, blank lines not counted), fields. Up to 64 fields a line (more are dropped); an
        empty field is '', and a line this read cannot parse is left out. `read`: file (the
        landing path), path (the file to read: a UTF-8 copy of a file that is not UTF-8) and
        encoding. -#}
    {%- set field_names = [] -%}
    {%- for index in range(1, 65) -%}{%- do field_names.append('field_' ~ index) -%}{%- endfor -%}
    select
        {{ landing_sql_text(read.file[landing_prefix() | length:]) }} as file_name,
        {{ landing_sql_text(delimiter) }} as delimiter,
        ordinality as line_number,
        list_filter([{{ field_names | join(', ') }}], lambda field: field is not null) as fields
    from read_csv({{ landing_file_list([read.path]) }}, header = false, auto_detect = false,
        delim = {{ landing_sql_text(delimiter) }}, quote = '"', escape = '"', columns = {
        {%- for name in field_names -%}
            '{{ name }}': 'VARCHAR'{{ ', ' if not loop.last }}
        {%- endfor -%}},
        {#- Padding reads as NULL, an empty field as '' (no field is this text). -#}
        null_padding = true, nullstr = chr(1) || 'absent' || chr(1), strict_mode = false,
        ignore_errors = true, parallel = false, encoding = '{{ read.encoding }}')
        with ordinality
    {%- if limit %}
    limit {{ limit }}
    {%- endif %}
{%- endmacro %}

{% macro landing_csv_records(read_files, copies, encoding='utf-8', delimiter='') -%}
    {#- Every record of CSV files with a header: its fields as text, file_name (the landing
        file's, also for a UTF-8 copy of one: `copies` maps landing file -> copy) and
        record_number. The delimiter is the given one, or else DuckDB's guess. Quotes are the
        double quotes of RFC 4180 (what spreadsheets write), not left to DuckDB's dialect
        detection: it can pick the single quote, and then fails the whole build on a line
        holding `''` before a non-ASCII letter, or on binary garbage (a workbook saved as
        people.csv). -#}
    select * exclude (filename),
        {%- if copies %}
        case filename
            {%- for file, copy in copies.items() %}
            when '{{ copy | replace("'", "''") }}'
                then '{{ file[landing_prefix() | length:] | replace("'", "''") }}'
            {%- endfor %}
            else {{ landing_relative_name('filename') }}
        end as file_name,
        {%- else %}
        {{ landing_relative_name('filename') }} as file_name,
        {%- endif %}
        ordinality as record_number
    from read_csv({{ landing_file_list(read_files) }}, header = true, all_varchar = true,
        normalize_names = true, filename = true, null_padding = true, strict_mode = false,
        parallel = false, quote = '"', escape = '"', encoding = '{{ encoding }}'
        {%- if delimiter %}, delim = {{ landing_sql_text(delimiter) }}{% endif %})
        with ordinality
{%- endmacro %}

{% macro landing_csv_records_below_title(read, columns) -%}
    {#- landing_csv_records for a CSV file with a title line above its header
        (landing_csv_headers): its lines as fields (landing_csv_field_lines) from
        the header on, each column the field below its name in the header. DuckDB's sniffer
        is not used: after a title it guesses another delimiter, and given the right one it
        fails the whole build on a file of a few rows where one row has a spare field. -#}
    with lines as (
        {{ landing_csv_field_lines(read, read.delimiter) }}
    ),
    header as (
        select list_transform(fields, lambda field: {{ landing_csv_header_name('field') }})
            as names
        from lines
        where line_number = {{ read.header_line }}
    )
    select lines.file_name, lines.line_number - {{ read.header_line }} as record_number
    {%- for column in columns -%}
        , lines.fields[nullif(list_position(header.names, '{{ column }}'), 0)] as "{{ column }}"
    {%- endfor %}
    from lines
    cross join header
    where lines.line_number > {{ read.header_line }}
{%- endmacro %}

{% macro landing_ndjson_read(source, files) -%}
    {#- format ndjson: the declared columns. format ndjson_records: each line whole, as the JSON
        `record` (NULL for a line that is not valid JSON), for a model that extracts its fields
        with one list of JSON paths: one parse of each line, where declared JSON columns are
        parsed, written back to text and parsed again by the model. -#}
    select records.*, file_versions.file_version
    from (
        select {{ landing_relative_name('filename') }} as file_name, ordinality as record_number
        {%- if source.format == 'ndjson_records' %}, json as record
        from read_ndjson_objects({{ landing_file_list(files) }},
        {%- else -%}
        {%- for column in source.columns -%}, "{{ column }}"{%- endfor %}
        from read_json({{ landing_file_list(files) }}, format = 'newline_delimited',
            columns = {
            {%- for column, data_type in source.columns.items() -%}
                '{{ column }}': '{{ data_type }}'{{ ', ' if not loop.last }}
            {%- endfor -%}},
        {%- endif %}
            ignore_errors = true, filename = true,
            maximum_object_size = {{ var('landing_max_object_bytes') }}) with ordinality
    ) as records
    inner join ({{ landing_file_versions(files) }}) as file_versions
        on records.file_name = file_versions.file_name
{%- endmacro %}

{% macro landing_ndjson_with_encoding_repair(source, files, repair_encoding) -%}
    {#- NDJSON whose lines may hold bytes that are not UTF-8 (a commit message written in
        Latin-1), or JSON escapes of lone surrogates (`\udce9`: what Python's json.dumps writes
        for such a byte read with errors='surrogateescape'): read_json turns such a line into a
        row of NULLs, so such a file is read line by line instead
        (landing_files_to_read_by_line). A line that is valid UTF-8 reads as it is; a line that
        is not reads byte by byte as Windows-1252 characters, and lone surrogates are replaced
        (json_lone_surrogates_replaced); encoding_repair says so. repair_encoding=false (the
        views of schema landing) skips the check, which reads every byte of every file. -#}
    {%- set files_read_by_line = landing_files_to_read_by_line(files) if repair_encoding else [] -%}
    {%- set files_read_whole = files | reject('in', files_read_by_line) | list -%}
    {%- set ns = namespace(parts=[]) -%}
    {%- if files_read_whole -%}
        {%- do ns.parts.append(
            'select *, cast(null as varchar) as encoding_repair from ('
            ~ landing_ndjson_read(source, files_read_whole) ~ ')') -%}
    {%- endif -%}
    {%- if files_read_by_line -%}
        {%- do ns.parts.append(
            'select * from (' ~ landing_ndjson_lines_read(source, files_read_by_line) ~ ')') -%}
    {%- endif -%}
    {%- if not ns.parts -%}
        {{ landing_empty_select(source) }}
    {%- else -%}
        {{ ns.parts | join('
union all by name
') }}
    {%- endif -%}
{%- endmacro %}

{% macro landing_ndjson_lines_read(source, files) -%}
    with records as (
        select
            file_name,
            row_number() over (partition by file_name order by line_index) as line_number,
            line,
            is_repaired
        from ({{ landing_decoded_lines(files) }}) as lines
        {# Blank as read_json sees it (a form feed or vertical tab too). #}
        where trim(line, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13)) <> ''
    ),
    surrogates_replaced as (
        select
            *,
            case
                when not json_valid(line) and regexp_matches(line, '\\u[dD][89a-fA-F]')
                    then {{ json_lone_surrogates_replaced('line') }}
            end as replaced_line
        from records
    ),
    parsed as (
        select
            file_name,
            line_number as record_number,
            case
                when json_valid(line) and json_type(line) = 'OBJECT' then cast(line as json)
                when json_valid(replaced_line) and json_type(replaced_line) = 'OBJECT'
                    then cast(replaced_line as json)
            end as record,
            nullif(concat_ws('; ',
                case
                    when is_repaired then 'line is not valid UTF-8: each of its bytes was read'
                        || ' as a Windows-1252 character'
                end,
                case
                    when json_valid(replaced_line) then 'line holds escaped lone surrogates:'
                        || ' each \udc80-\udcff (a byte that was not UTF-8, escaped by the'
                        || ' exporter) was read as the Latin-1 character of that byte, any'
                        || ' other as U+FFFD'
                end
            ), '') as encoding_repair
        from surrogates_replaced
    )
    select parsed.file_name, parsed.record_number, file_versions.file_version
    {%- for column, data_type in source.columns.items() -%}
        {%- if data_type == 'JSON' %}
        , json_extract(parsed.record, '$.{{ column }}') as {{ column }}
        {%- else %}
        , json_extract_string(parsed.record, '$.{{ column }}') as {{ column }}
        {%- endif -%}
    {%- endfor %}
        , parsed.encoding_repair
    from parsed
    inner join ({{ landing_file_versions(files) }}) as file_versions
        on parsed.file_name = file_versions.file_name
{%- endmacro %}

{% macro landing_files_utf16(files) -%}
    {#- The files (of `files`) that start with the UTF-16 little-endian byte order mark (FF FE),
        which Windows writes. DuckDB reads no big-endian UTF-16 (it returns no rows): such a
        file goes the way of other bytes that are not UTF-8. -#}
    {{ return(landing_files_whose_content(files, "hex(content[1:2]) = 'FFFE'")) }}
{%- endmacro %}

{% macro landing_files_to_read_by_line(files) -%}
    {#- The files (of `files`) that read_json cannot read whole: bytes that are not valid
        UTF-8, or a JSON escape of a lone surrogate (`\udce9`, not part of a pair such as
        `\ud83d\ude00`, which json.dumps writes for an emoji); reads every byte of each. -#}
    {{ return(landing_files_whose_content(files,
        "case when try(decode(content)) is null then true"
        ~ " when not regexp_matches(decode(content), '\\\\u[dD][89a-fA-F]') then false"
        ~ " else regexp_matches(" ~ json_surrogate_pairs_removed('decode(content)')
        ~ ", '\\\\u[dD][89a-fA-F]') end")) }}
{%- endmacro %}

{% macro json_surrogate_pairs_removed(text) -%}
    regexp_replace({{ text }},
        '\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}', '', 'g')
{%- endmacro %}

{% macro json_lone_surrogates_replaced(text) -%}
    {#- JSON text whose escapes of lone surrogates (which no JSON parser here accepts) are
        replaced: `\udc80`-`\udcff`, which Python's errors='surrogateescape' makes of a byte
        that is not UTF-8, by the Windows-1252 character of that byte, as bytes that are not
        UTF-8 read elsewhere (`\udce9` -> `\u00e9`, é; `\udc93` -> `\u201c`, “), any other by
        U+FFFD. A pair (`\ud83d\ude00`) is kept: set aside under chr(1) first. An escaped
        backslash before `u` (the text `\\udce9`) is taken for an escape too: this runs only on
        lines that are not valid JSON. -#}
    {%- set ns = namespace(text="regexp_replace(" ~ text ~ ", "
        ~ "'\\\\u([dD][89abAB][0-9a-fA-F]{2})\\\\u([dD][c-fC-F][0-9a-fA-F]{2})', "
        ~ "chr(1) || '\\1' || chr(1) || '\\2', 'g')") -%}
    {%- set code_points = windows_1252_code_points_80_9f() -%}
    {%- for byte in range(128, 160) if code_points[byte - 128] != byte -%}
        {%- set ns.text = "replace(" ~ ns.text ~ ", '\\udc" ~ '%02x' | format(byte)
            ~ "', '\\u" ~ '%04x' | format(code_points[byte - 128]) ~ "')" -%}
    {%- endfor -%}
    regexp_replace(regexp_replace(regexp_replace({{ ns.text }},
        '\\u[dD][cC]([89a-fA-F][0-9a-fA-F])', '\\u00\1', 'g'),
        '\\u[dD][89a-fA-F][0-9a-fA-F]{2}', '\\ufffd', 'g'),
        chr(1) || '([0-9a-fA-F]{4})', '\\u\1', 'g')
{%- endmacro %}

{% macro landing_files_not_utf8(files) -%}
    {#- The files (of `files`) whose bytes are not valid UTF-8; reads every byte of each. -#}
    {{ return(landing_files_whose_content(files, 'try(decode(content)) is null')) }}
{%- endmacro %}

{% macro landing_files_whose_content(files, condition) -%}
    {#- The files (of `files`), sorted, whose bytes (read_blob's `content`) meet `condition`. -#}
    {%- if not execute or not files -%}{{ return([]) }}{%- endif -%}
    {%- set check = run_query(
        'select filename from read_blob(' ~ landing_file_list(files) ~ ') where ' ~ condition
        ~ ' order by filename') -%}
    {{ return(check.columns[0].values() | list) }}
{%- endmacro %}

{% macro landing_decoded_lines(files) -%}
    {#- One row per line of each file: file_name, line_index (1 for the first line), line (text,
        without a UTF-8 byte order mark or a trailing carriage return) and is_repaired. A line
        that is valid UTF-8 reads as it is; a line that is not reads each byte as its
        Windows-1252 character (which Latin-1 is but for 0x80-0x9F, where Windows-1252 has the
        curly quotes, dashes and the euro sign that such files hold). DuckDB's own Latin-1
        reader rejects a whole file that holds one of those bytes, so the files are read whole
        (read_blob) and split here: for the rare files that are not UTF-8
        (landing_files_not_utf8), not for every file.
        A blob cast to text writes every byte that is not printable ASCII, and every quote and
        backslash, as `\xNN`, the rest as it is: split at `\x0A` (a newline byte), each piece is
        one line's bytes, written the same way (windows_1252_from_escaped reads them). The list
        of a file's lines is unnested in the select list, which does not copy the file's text
        into every line's row. -#}
    with files as (
        select
            {{ landing_relative_name('filename') }} as file_name,
            string_split(cast(content as varchar), '\x0A') as escaped_lines
        from read_blob({{ landing_file_list(files) }})
    ),
    lines as (
        select
            file_name,
            unnest(escaped_lines) as escaped_line,
            unnest(range(1, len(escaped_lines) + 1)) as line_index
        from files
    ),
    unmarked as (
        select
            file_name,
            line_index,
            case
                when starts_with(escaped_line, '\xEF\xBB\xBF') then substr(escaped_line, 13)
                else escaped_line
            end as escaped_line
        from lines
    ),
    decoded as (
        select
            file_name,
            line_index,
            escaped_line,
            try(decode(cast(escaped_line as blob))) as utf8_line
        from unmarked
    ),
    texts as (
        select
            file_name,
            line_index,
            rtrim(case
                when utf8_line is not null then utf8_line
                else {{ windows_1252_from_escaped('escaped_line') }}
            end, chr(13)) as line,
            utf8_line is null as is_repaired
        from decoded
    )
    select * from texts
{%- endmacro %}

{% macro windows_1252_code_points_80_9f() -%}
    {#- The Unicode code points of the bytes 0x80-0x9F in Windows-1252 (the five bytes it
        leaves undefined map to the code point of the same number, as Windows does). -#}
    {{- return([
        8364, 129, 8218, 402, 8222, 8230, 8224, 8225, 710, 8240, 352, 8249, 338, 141, 381, 143,
        144, 8216, 8217, 8220, 8221, 8226, 8211, 8212, 732, 8482, 353, 8250, 339, 157, 382, 376])
    -}}
{%- endmacro %}

{% macro windows_1252_from_escaped(escaped) -%}
    {#- Text whose bytes are written as a blob cast to text writes them (`\xNN` for the bytes
        0x00-0x1F, `"`, `'`, `\`, 0x7F and 0x80-0xFF, the others as they are), each byte read as
        its Windows-1252 character: 0x80-0x9F map to the table below (the five bytes that
        Windows-1252 leaves undefined to the code point of the same number, as Windows does),
        every other byte to the code point of the same number (Latin-1). One replace per
        escaped byte, so the time grows with the text; `\x5C` (a backslash) last, so that no
        backslash it brings back starts another escape. -#}
    {%- set code_points_80_9f = windows_1252_code_points_80_9f() -%}
    {%- set escaped_bytes = (range(0, 32) | list) + [34, 39, 127] + (range(128, 256) | list) -%}
    {%- set ns = namespace(text=escaped) -%}
    {%- for byte in escaped_bytes -%}
        {%- set code_point = code_points_80_9f[byte - 128] if 128 <= byte < 160 else byte -%}
        {%- set ns.text = 'replace(' ~ ns.text ~ ", chr(92) || 'x" ~ '%02X' | format(byte)
            ~ "', chr(" ~ code_point ~ '))' -%}
    {%- endfor -%}
    replace({{ ns.text }}, chr(92) || 'x5C', chr(92))
{%- endmacro %}

{% macro landing_utf8_copy(file) -%}
    {#- Writes a UTF-8 copy of a landing CSV file that is not UTF-8 (landing_decoded_lines) next
        to the warehouse file, `<warehouse>.utf8.<folder>__<file name>`, and returns its path:
        DuckDB's CSV reader reads files only, and none in Windows-1252. Never into the landing
        folder, which the project only reads. -#}
    {%- set database_path = run_query(
        'select path from duckdb_databases() where database_name = current_database()'
    ).columns[0].values()[0] -%}
    {%- if not database_path or database_path == ':memory:' -%}
        {#- An in-memory warehouse: the system's temporary folder, one name per dbt run. -#}
        {%- set database_path = env_var('TMPDIR', '/tmp').rstrip('/') ~ '/ai_adoption-'
            ~ invocation_id -%}
    {%- endif -%}
    {%- set relative_name = file[landing_prefix() | length:] -%}
    {%- set copy = database_path ~ '.utf8.' ~ relative_name | replace('/', '__') -%}
    {%- do run_query(
        "copy (select rtrim(string_agg(line, chr(10) order by line_index), chr(10)) from ("
        ~ landing_decoded_lines([file]) ~ ")) to '" ~ copy | replace("'", "''")
        ~ "' (format csv, header false, quote '', escape '', delimiter '|')") -%}
    {{ return(copy) }}
{%- endmacro %}

{% macro landing_relative_name(path_column) -%}
    {#- A landing file's name inside the landing folder (`github/events_2025-06-02.ndjson`):
        what the warehouse records, so that moving the folder neither changes file_name nor
        makes an incremental run read every file again. -#}
    substr({{ path_column }}, {{ landing_prefix() | length + 1 }})
{%- endmacro %}

{% macro landing_file_version() -%}
    {#- What changes when a file is rewritten in place: its size and modification time. An
        incremental run reads a file again when its version differs from the one loaded. -#}
    size || ':' || epoch_us(last_modified)
{%- endmacro %}

{% macro landing_empty_file_versions() -%}
    select cast(null as varchar) as file_name, cast(null as varchar) as file_version where false
{%- endmacro %}

{% macro landing_file_versions(files) -%}
    {#- read_blob without `content` lists the files' metadata without reading them. -#}
    select {{ landing_relative_name('filename') }} as file_name,
        {{ landing_file_version() }} as file_version
    from read_blob({{ landing_file_list(files) }})
{%- endmacro %}

