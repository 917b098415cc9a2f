{#- One row per file under the landing folder that no source reads, with why. On DuckDB the
    on-run-start hook lists them (macro landing_unread_files); elsewhere the EL tool loads the
    landing tables, and there is no folder to list. -#}
{%- if target.type == 'duckdb' %}

    select
        file_name,
        folder,
        reason
    from {{ source('landing_folder', 'landing_unread_files') }}

{%- else %}

    select
        cast(null as {{ dbt.type_string() }}) as file_name,
        cast(null as {{ dbt.type_string() }}) as folder,
        cast(null as {{ dbt.type_string() }}) as reason
    where false

{%- endif %}
