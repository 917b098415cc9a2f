{% macro parse_timestamp_utc(value) %}
    {{ return(adapter.dispatch('parse_timestamp_utc', 'ai_adoption')(value)) }}
{% endmacro %}

{% macro duckdb__parse_timestamp_utc(value) -%}
    {#- An ISO-8601 text with its UTC offset to a UTC timestamp; NULL when it does not parse.
        Also git's own "ISO-like" form (`%ai`, `--date=iso`: `2025-10-04 10:00:00 +0200`), whose
        space before the offset DuckDB does not read, and RFC 3339's lower-case `t` and `z`; the
        second try runs only on the texts that the first one could not read. DuckDB reads any
        two pairs of digits as an offset (`+99:99` moved a commit by four days): an offset of
        24 hours or more, or of 60 minutes or more, is no offset, and the text does not parse.
        A text ending in `Z` (every GitHub event) skips that check. -#}
    {%- set impossible_offset = '[+-]((2[4-9]|[3-9][0-9]):?[0-9]{2}|[0-9]{2}:?[6-9][0-9])$' -%}
    {%- set checked -%}
        (case
            when ends_with({{ value }}, 'Z') then {{ value }}
            when regexp_matches({{ value }}, '{{ impossible_offset }}') then null
            else {{ value }}
        end)
    {%- endset -%}
    cast(timezone('UTC', coalesce(
        try_cast({{ checked }} as timestamptz),
        try_cast(regexp_replace(upper({{ checked }}), '\s+([+-]\d\d:?\d\d)$', '\1') as timestamptz)
    )) as timestamp)
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
    {#- YYYY-MM-DD text to a date, also the date part of an ISO-8601 timestamp
        (2025-10-01T00:00:00Z is 2025-10-01, never shifted); NULL for anything else
        (2025-13-45 included). -#}
    case
        when regexp_full_match(
                trim({{ value }}), '[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}\S*)?')
            then try_cast(left(trim({{ value }}), 10) as date)
    end
{%- endmacro %}

{% macro json_epoch_ms(json_value) %}
    {{ return(adapter.dispatch('json_epoch_ms', 'ai_adoption')(json_value)) }}
{% endmacro %}

{% macro duckdb__json_epoch_ms(json_value) -%}
    {#- A JSON value holding epoch milliseconds as a BIGINT: a JSON integer, an integral JSON
        number (1727740800000.0, as JavaScript writes it) or a string of digits; NULL for
        anything else. -#}
    case json_type({{ json_value }})
        when 'BIGINT' then cast({{ json_value }} as bigint)
        when 'UBIGINT' then try_cast({{ json_value }} as bigint)
        when 'DOUBLE' then
            case
                when cast({{ json_value }} as double) = floor(cast({{ json_value }} as double))
                    then try_cast(cast({{ json_value }} as double) as bigint)
            end
        when 'VARCHAR' then
            case
                when regexp_full_match(trim(json_extract_string({{ json_value }}, '$')), '[0-9]+')
                    then try_cast(trim(json_extract_string({{ json_value }}, '$')) as bigint)
            end
    end
{%- endmacro %}

{% macro epoch_ms_to_date(value) %}
    {{ return(adapter.dispatch('epoch_ms_to_date', 'ai_adoption')(value)) }}
{% endmacro %}

{% macro duckdb__epoch_ms_to_date(value) -%}
    {#- Epoch milliseconds read as a UTC calendar date. -#}
    cast(epoch_ms(cast({{ value }} as bigint)) as date)
{%- endmacro %}

{% macro last_epoch_ms() -%}
    {#- 9999-12-31 23:59:59.999 UTC in epoch milliseconds: beyond it a timestamp cannot hold the
        value, and reading it would stop the build. -#}
    253402300799999
{%- endmacro %}

{% macro least_epoch_ms() -%}
    {#- 1973-03-03 09:46:40 UTC in epoch milliseconds (10^11). A smaller value is epoch seconds
        (10^11 seconds is the year 5138), and is rejected rather than rescaled. -#}
    100000000000
{%- endmacro %}

{% macro first_valid_date() -%}
    {#- 1900-01-01: an activity date before it is rejected. 0001-01-01 is the zero value some
        exporters write for "no date"; as coverage_start it would make every bucket table 740,000
        days long. A commit dated 1970 by a broken clock is read. -#}
    cast('1900-01-01' as date)
{%- endmacro %}

{% macro last_valid_date() -%}
    {#- 2199-12-31: an activity date after it is rejected, as a year typo such as 9025 would
        make every bucket table millions of days long. A nearer typo (2125 for 2025) is read
        like any other date: the contract has no plausibility rule, and a rule relative to the
        run would make the tables depend on the day they are built. The data test
        int_reporting_period__as_of_date_within_a_year warns about it. -#}
    cast('2199-12-31' as date)
{%- endmacro %}

{% macro date_out_of_range_reason() -%}
    'date is not between 1900-01-01 and 2199-12-31'
{%- endmacro %}
