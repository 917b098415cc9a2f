{% macro calendar_dates(bounds) %}
    {{ return(adapter.dispatch('calendar_dates', 'ai_adoption')(bounds)) }}
{% endmacro %}

{% macro duckdb__calendar_dates(bounds) -%}
    {#- Every day of the period, however long: a commit dated 1970 by a broken clock, or a
        repository imported with its 1990s history, makes coverage_start decades ago. -#}
    select
        cast(unnest(generate_series(first_day, last_day, interval 1 day)) as date)
            as calendar_date
    from {{ bounds }}
{%- endmacro %}

{% macro default__calendar_dates(bounds) -%}
    {#- Engines whose series needs a bound known before the query runs: at most
        var('calendar_max_days') days. -#}
    select
        cast(
            {{ dbt.dateadd('day', 'day_numbers.generated_number - 1', bounds ~ '.first_day') }}
            as date
        ) as calendar_date
    from {{ bounds }}
    cross join ({{ dbt.generate_series(var('calendar_max_days')) }}) as day_numbers
    where day_numbers.generated_number - 1
        <= {{ dbt.datediff(bounds ~ '.first_day', bounds ~ '.last_day', 'day') }}
{%- endmacro %}
