{% macro count_where(condition) -%}
    {#- The number of rows of the group meeting the condition, as a BIGINT (portable). -#}
    cast(sum(case when {{ condition }} then 1 else 0 end) as bigint)
{%- endmacro %}
