{% macro bucket_start(grain, date_expression) -%}
    {#- First day of the day / ISO week (Monday) / calendar month holding the date. -#}
    {%- if grain == 'day' -%}
        cast({{ date_expression }} as date)
    {%- elif grain == 'week' -%}
        {{ iso_week_start(date_expression) }}
    {%- elif grain == 'month' -%}
        cast({{ dbt.date_trunc('month', date_expression) }} as date)
    {%- else -%}
        {{ exceptions.raise_compiler_error("bucket_start: unknown grain '" ~ grain ~ "'") }}
    {%- endif -%}
{%- endmacro %}

{% macro iso_week_start(date_expression) -%}
    {{ return(adapter.dispatch('iso_week_start', 'ai_adoption')(date_expression)) }}
{%- endmacro %}

{% macro default__iso_week_start(date_expression) -%}
    {#- dbt.date_trunc('week') starts weeks on Monday on DuckDB, Postgres, Redshift, Spark and
        Databricks. -#}
    cast({{ dbt.date_trunc('week', date_expression) }} as date)
{%- endmacro %}

{% macro bigquery__iso_week_start(date_expression) -%}
    {#- BigQuery's `week` starts on Sunday; `isoweek` on Monday. -#}
    date_trunc(cast({{ date_expression }} as date), isoweek)
{%- endmacro %}

{% macro snowflake__iso_week_start(date_expression) -%}
    {#- Snowflake's `week` follows the session's WEEK_START; dayofweekiso does not. -#}
    dateadd(day, 1 - dayofweekiso({{ date_expression }}), cast({{ date_expression }} as date))
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

{% macro is_monday(date_expression) -%}
    {#- For data tests: SQL true on a Monday, counted in days from Monday 2001-01-01, so that the
        check does not lean on the engine's idea of a week (iso_week_start). -#}
    mod({{ dbt.datediff("cast('2001-01-01' as date)", date_expression, 'day') }}, 7) = 0
{%- endmacro %}

{% macro is_week_bucket(start_date, end_date) -%}
    {#- For data tests: SQL true when the dates run from a Monday to the Sunday after it. -#}
    ({{ is_monday(start_date) }} and {{ dbt.datediff(start_date, end_date, 'day') }} = 6)
{%- endmacro %}

{% macro is_month_bucket(start_date, end_date) -%}
    {#- For data tests: SQL true when the dates are the first and the last day of a month. -#}
    ({{ start_date }} = cast({{ dbt.date_trunc('month', start_date) }} as date)
        and {{ end_date }} = cast({{ dbt.last_day(start_date, 'month') }} as date))
{%- endmacro %}

{% macro is_window_of_buckets(grain, start_date, end_date, bucket_count) -%}
    {#- For data tests: SQL true when the dates span bucket_count whole, consecutive buckets of
        the grain (a column holding day, week or month). -#}
    case {{ grain }}
        when 'day' then {{ dbt.datediff(start_date, end_date, 'day') }} + 1 = {{ bucket_count }}
        when 'week' then {{ is_monday(start_date) }}
            and {{ dbt.datediff(start_date, end_date, 'day') }} + 1 = 7 * {{ bucket_count }}
        when 'month' then {{ start_date }} = cast({{ dbt.date_trunc('month', start_date) }} as date)
            and {{ end_date }} = cast({{ dbt.last_day(end_date, 'month') }} as date)
            and {{ dbt.datediff(start_date, end_date, 'month') }} + 1 = {{ bucket_count }}
        else false
    end
{%- endmacro %}
