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
    {%- for source in landing_sources() -%}
        {%- set pattern = root ~ '/' ~ source.folder ~ '/' ~ source.pattern -%}
        {%- set listing = run_query(
            "select file from glob('" ~ pattern | replace("'", "''") ~ "') order by file") -%}
        {%- set files = listing.columns[0].values() | list -%}
        {%- if files | length == 0 -%}
            {%- set body = landing_empty_select(source) -%}
        {%- else -%}
            {%- set body = landing_read_select(source, files) -%}
        {%- endif -%}
        {%- do statements.append(
            'create or replace view landing.' ~ source.name ~ ' as ' ~ body) -%}
        {{ log('landing: ' ~ source.name ~ ' <- ' ~ (files | length) ~ ' file(s) in '
               ~ root ~ '/' ~ source.folder, info=true) }}
    {%- endfor -%}
    {{ return(statements | join(';\n')) }}
{% endmacro %}

{% macro landing_file_list(files) -%}
    [{%- for file in files -%}'{{ file | replace("'", "''") }}'{{ ', ' if not loop.last }}{%- endfor -%}]
{%- endmacro %}

{% macro landing_empty_select(source) -%}
    {%- if source.format == 'ndjson' -%}
        select cast(null as varchar) as file_name, cast(null as bigint) as record_number,
            cast(null as varchar) as file_version
        {%- for column, data_type in source.columns.items() -%}
            , cast(null as {{ data_type }}) as {{ column }}
        {%- endfor %} where false
    {%- elif source.format == 'json_document' -%}
        select cast(null as varchar) as file_name, cast(null as bigint) as record_number,
            cast(null as varchar) as file_version, cast(null as json) as record,
            cast(null as varchar) as file_error where false
    {%- else -%}
        select cast(null as varchar) as file_name, cast(null as bigint) as record_number,
            cast(null as varchar) as file_version
        {%- for column in source.columns -%}
            , cast(null as varchar) as {{ column }}
        {%- endfor %} where false
    {%- endif -%}
{%- endmacro %}

{% macro landing_read_select(source, files) -%}
    {%- if source.format == 'ndjson' -%}
        select records.*, file_versions.file_version
        from (
            select filename as file_name, ordinality as record_number
            {%- for column in source.columns -%}, "{{ column }}"{%- endfor %}
            from read_json({{ landing_file_list(files) }}, format = 'newline_delimited',
                columns = {
                {%- for column, data_type in source.columns.items() -%}
                    '{{ column }}': '{{ data_type }}'{{ ', ' if not loop.last }}
                {%- endfor -%}},
                ignore_errors = true, filename = true,
                maximum_object_size = {{ var('landing_max_object_bytes') }}) with ordinality
        ) as records
        inner join ({{ landing_file_versions(files) }}) as file_versions
            on records.file_name = file_versions.file_name
    {%- elif source.format == 'json_document' -%}
        {#- One row per element of each file's `data` array, and one row with a file_error for
            a file that is not a JSON document with a `data` array. -#}
        with documents as (
            select
                filename as file_name,
                {{ landing_file_version() }} as file_version,
                ltrim(try(decode(content)), chr(65279)) as document_text,
                content is null or octet_length(content) = 0 as is_empty
            from read_blob({{ landing_file_list(files) }})
        ),
        checked as (
            select
                file_name,
                file_version,
                document_text,
                case
                    when document_text is null then 'file is not valid UTF-8 text'
                    when not json_valid(document_text) then 'file is not valid JSON (truncated?)'
                    when json_type(document_text, '$.data') is distinct from 'ARRAY'
                        then 'file has no data array'
                end as file_error
            from documents
            {# An empty response holds no record: nothing to read, nothing to report. #}
            where not is_empty and coalesce(trim(document_text), 'x') <> ''
        ),
        arrays as (
            select file_name, file_version, json_extract(document_text, '$.data[*]') as records
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
        select csv_records.file_name, csv_records.record_number, file_versions.file_version
        {%- for column in source.columns -%}
            , nullif(trim(csv_records."{{ column }}"), '') as {{ column }}
        {%- endfor %}
        from (
            {{ landing_empty_select(source) }}
            union all by name
            select * exclude (filename), filename as file_name, ordinality as record_number
            from read_csv({{ landing_file_list(files) }}, header = true, all_varchar = true,
                normalize_names = true, filename = true, null_padding = true,
                strict_mode = false, encoding = '{{ landing_csv_encoding(files) }}')
                with ordinality
        ) as csv_records
        inner join ({{ landing_file_versions(files) }}) as file_versions
            on csv_records.file_name = file_versions.file_name
    {%- endif -%}
{%- endmacro %}

{% macro landing_file_version() -%}
    {#- What changes when a file is rewritten in place: its size and modification time. An
        incremental run reads a file again when its version differs from the one loaded. -#}
    size || ':' || epoch_us(last_modified)
{%- endmacro %}

{% macro landing_file_versions(files) -%}
    {#- read_blob without `content` lists the files' metadata without reading them. -#}
    select filename as file_name, {{ landing_file_version() }} as file_version
    from read_blob({{ files if files is string else landing_file_list(files) }})
{%- endmacro %}

{% macro landing_csv_encoding(files) -%}
    {#- utf-8, or latin-1 when a file is not valid UTF-8 (a directory export saved by a
        spreadsheet): every byte then reads as some character instead of failing the build. -#}
    {%- set check = run_query(
        "select count(*) from read_blob(" ~ landing_file_list(files)
        ~ ") where try(decode(content)) is null") -%}
    {{- 'latin-1' if check.columns[0].values()[0] > 0 else 'utf-8' -}}
{%- endmacro %}
