{% macro quarantined_records(source_name, staging_model, has_counts=false) -%}
    {#- The rows of one staging model that go to quarantine, in landing_quarantine's columns. -#}
    select
        '{{ source_name }}' as source,
        file_name,
        record_number,
        {%- if has_counts %}
        coalesce(rejection_reason, 'invalid count (read as 0): ' || invalid_count_fields)
            as reason,
        {%- else %}
        rejection_reason as reason,
        {%- endif %}
        rejection_reason is null as is_still_counted,
        quarantined_record_text as record_text
    from {{ ref(staging_model) }}
    where rejection_reason is not null
        {%- if has_counts %}
        or invalid_count_fields is not null
        {%- endif %}
{%- endmacro %}
