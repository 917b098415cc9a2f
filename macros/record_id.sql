{% macro file_record_id(source, file_name, record_number) -%}
    {#- `<source>:<file name>#<line or element number>`, the record_id of a record without a
        vendor key. The number is cast: BigQuery's || joins no integer to text. -#}
    '{{ source }}:' || {{ file_name }} || '#'
        || cast({{ record_number }} as {{ dbt.type_string() }})
{%- endmacro %}
