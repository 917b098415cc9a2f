{% macro quarantined_records(
    source_name, staging_model, has_counts=false, has_flags=false, renumber=false,
    repair_column=none
) -%}
    {#- The rows of one staging model that go to quarantine, in landing_quarantine's columns.
        renumber: the staging record_number runs across the files of the source (NDJSON); the
        quarantine gives the record's position inside its own file instead.
        repair_column: the model's column that says how a record was repaired (it counts):
        encoding_repair, value_repair.
        has_counts / has_flags: the model lists the invalid values it read as 0 / false in
        invalid_count_fields / invalid_flag_fields (the record counts). -#}
    select
        '{{ source_name }}' as source,
        staged.file_name,
        {%- if renumber %}
        staged.record_number - file_starts.first_record_number + 1 as record_number,
        {%- else %}
        staged.record_number,
        {%- endif %}
        {%- if has_counts or has_flags %}
        {%- set still_counted = [] %}
        {%- if has_counts %}
            {%- do still_counted.append(
                "'invalid count (read as 0): ' || staged.invalid_count_fields") %}
        {%- endif %}
        {%- if has_flags %}
            {%- do still_counted.append(
                "'invalid flag (read as false): ' || staged.invalid_flag_fields") %}
        {%- endif %}
        coalesce(staged.rejection_reason, concat_ws('; ', {{ still_counted | join(', ') }}))
            as reason,
        {%- elif repair_column %}
        coalesce(staged.rejection_reason, staged.{{ repair_column }}) as reason,
        {%- else %}
        staged.rejection_reason as reason,
        {%- endif %}
        staged.rejection_reason is null as is_still_counted,
        staged.quarantined_record_text as record_text
    from {{ ref(staging_model) }} as staged
    {%- if renumber %}
    inner join (
        select
            file_name,
            min(record_number) as first_record_number
        from {{ ref(staging_model) }}
        group by file_name
    ) as file_starts on staged.file_name = file_starts.file_name
    {%- endif %}
    where staged.rejection_reason is not null
        {%- if has_counts %}
        or staged.invalid_count_fields is not null
        {%- endif %}
        {%- if has_flags %}
        or staged.invalid_flag_fields is not null
        {%- endif %}
        {%- if repair_column %}
        or staged.{{ repair_column }} is not null
        {%- endif %}
{%- endmacro %}

{% macro landed_record_text(row) %}
    {{ return(adapter.dispatch('landed_record_text', 'ai_adoption')(row)) }}
{% endmacro %}

{% macro duckdb__landed_record_text(row) -%}
    {#- The record as it was landed, as JSON text for the quarantine: the landing row without the
        columns the landing reader adds (file_name, record_number, file_version,
        encoding_repair, spare_fields, file_problem), which say where the record is or how it
        was read, not what it holds. -#}
    json_merge_patch(
        to_json({{ row }}),
        '{"file_name": null, "record_number": null, "file_version": null, "encoding_repair": null,
            "spare_fields": null, "file_problem": null}'
    )
{%- endmacro %}

{% macro csv_spare_fields_reason(spare_fields) -%}
    {#- The rejection reason of a directory CSV row with more fields than its header
        (landing_csv_spare_fields): its fields cannot be matched to the columns. -#}
    'row has more fields than the header (a value holding the delimiter needs quotes); '
        || 'spare fields: ' || {{ spare_fields }}
{%- endmacro %}
