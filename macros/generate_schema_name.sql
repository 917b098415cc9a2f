{% macro generate_schema_name(custom_schema_name, node) -%}
    {#- Layers land in fixed schemas (staging, intermediate, marts, seeds) on every target. -#}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
