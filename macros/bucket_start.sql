{% macro bucket_start(grain, date_expression) -%}
    {#- First day of the day / ISO week (Monday) / calendar month holding the date. -#}
    {%- if grain == 'day' -%}
        cast({{ date_expression }} as date)
    {%- elif grain in ('week', 'month') -%}
        cast({{ dbt.date_trunc(grain, date_expression) }} as date)
    {%- else -%}
        {{ exceptions.raise_compiler_error("bucket_start: unknown grain '" ~ grain ~ "'") }}
    {%- endif -%}
{%- endmacro %}

{% macro bucket_grains() -%}
    {#- The grains of the bucket tables, finest first. -#}
    {{ return(['day', 'week', 'month']) }}
{%- endmacro %}

{% macro bucketed(relation, date_column, columns, grains=none) -%}
    {#- The rows of `relation` once per grain (day, week, month), with the grain and the start of
        the bucket holding `date_column`. -#}
    {%- for grain in grains or bucket_grains() %}
    select
        '{{ grain }}' as grain,
        {{ bucket_start(grain, date_column) }} as bucket_start,
        {{ columns | join(', ') }}
    from {{ relation }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
