{% macro landing_path() -%}
    {#- dbt var landing_path, else env var AI_ADOPTION_LANDING, else data/landing; no trailing slash. -#}
    {%- set configured = var('landing_path', none) -%}
    {%- if configured is none or configured == '' -%}
        {%- set configured = env_var('AI_ADOPTION_LANDING', 'data/landing') -%}
    {%- endif -%}
    {{- return(configured.rstrip('/')) -}}
{%- endmacro %}
