{% macro pick_metric(metric_name, metric_columns) -%}
    {#- The value of the column a rule names: metric_columns maps each metric name a seed may use
        to the SQL expression holding it. An unknown name gives NULL and qualifies nothing. -#}
    case {{ metric_name }}
        {%- for name, expression in metric_columns.items() %}
        when '{{ name }}' then {{ expression }}
        {%- endfor %}
    end
{%- endmacro %}
