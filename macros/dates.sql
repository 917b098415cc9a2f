{% macro parse_timestamp_utc(value) %}
    {{ return(adapter.dispatch('parse_timestamp_utc', 'ai_adoption')(value)) }}
{% endmacro %}

{% macro duckdb__parse_timestamp_utc(value) -%}
    {#- An ISO-8601 text with its UTC offset to a UTC timestamp; NULL when it does not parse. -#}
    cast(timezone('UTC', try_cast({{ value }} as timestamptz)) as timestamp)
{%- endmacro %}

{% macro reporting_date(utc_timestamp) %}
    {{ return(adapter.dispatch('reporting_date', 'ai_adoption')(utc_timestamp)) }}
{% endmacro %}

{% macro duckdb__reporting_date(utc_timestamp) -%}
    {#- The calendar date of a UTC timestamp in var('reporting_timezone'); in UTC itself no time
        zone conversion is needed (a conversion costs about a second per 6 million records). -#}
    {%- if var("reporting_timezone") | upper == 'UTC' -%}
        cast({{ utc_timestamp }} as date)
    {%- else -%}
        cast(timezone('{{ var("reporting_timezone") }}', timezone('UTC', {{ utc_timestamp }}))
            as date)
    {%- endif -%}
{%- endmacro %}

{% macro parse_date(value) %}
    {{ return(adapter.dispatch('parse_date', 'ai_adoption')(value)) }}
{% endmacro %}

{% macro duckdb__parse_date(value) -%}
    {#- YYYY-MM-DD text to a date; NULL for anything else (2025-13-45 included). -#}
    case
        when regexp_matches(trim({{ value }}), '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')
            then try_cast(trim({{ value }}) as date)
    end
{%- endmacro %}

{% macro epoch_ms_to_date(value) %}
    {{ return(adapter.dispatch('epoch_ms_to_date', 'ai_adoption')(value)) }}
{% endmacro %}

{% macro duckdb__epoch_ms_to_date(value) -%}
    {#- Epoch milliseconds read as a UTC calendar date. -#}
    cast(epoch_ms(cast({{ value }} as bigint)) as date)
{%- endmacro %}

{% macro latest_plausible_date() -%}
    {#- A year after the run: an activity date beyond it is a typo (2205 for 2025) that would
        otherwise become the default as_of_date. -#}
    cast('{{ (run_started_at + modules.datetime.timedelta(days=366)).strftime("%Y-%m-%d") }}'
        as date)
{%- endmacro %}
