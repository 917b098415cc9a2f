{% test has_one_row(model) -%}
    {#- The model's grain is the whole table: exactly one row. Fails with the row count. -#}
    select count(*) as row_count
    from {{ model }}
    having count(*) <> 1
{%- endtest %}
