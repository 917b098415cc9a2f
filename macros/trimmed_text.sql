{% macro trimmed_text(value) %}
    {{ return(adapter.dispatch('trimmed_text', 'ai_adoption')(value)) }}
{% endmacro %}

{% macro default__trimmed_text(value) -%}
    nullif(trim({{ value }}), '')
{%- endmacro %}

{% macro duckdb__trimmed_text(value) -%}
    {#- nullif(trim(value), ''), with trim run only where it can change the text. DuckDB's trim
        removes Unicode space separators, of which the only ASCII one is ' ', so text that is
        all ASCII (strlen = length) and neither starts nor ends with ' ' is already trimmed.
        trim costs about 110 ns per value; the checks a quarter of that. -#}
    case
        when starts_with({{ value }}, ' ')
            or ends_with({{ value }}, ' ')
            or strlen({{ value }}) <> length({{ value }})
            then nullif(trim({{ value }}), '')
        when {{ value }} <> '' then {{ value }}
    end
{%- endmacro %}

{% macro trim_characters(value, characters, side='both') %}
    {%- if side not in ('both', 'leading', 'trailing') -%}
        {{ exceptions.raise_compiler_error("trim_characters: unknown side '" ~ side ~ "'") }}
    {%- endif -%}
    {{ return(adapter.dispatch('trim_characters', 'ai_adoption')(value, characters, side)) }}
{% endmacro %}

{% macro default__trim_characters(value, characters, side='both') -%}
    {{ {'both': 'trim', 'leading': 'ltrim', 'trailing': 'rtrim'}[side] }}(
        {{- value }}, {{ characters | join(' || ') }})
{%- endmacro %}

{% macro duckdb__trim_characters(value, characters, side='both') -%}
    {#- trim(value, characters) (ltrim for side 'leading', rtrim for 'trailing'), run only on text
        that starts or ends with one of the characters: trim with a character set costs about
        350 ns per value, the checks a sixth of that. characters: SQL expressions of one
        character each (`' '`, `chr(9)`). -#}
    {%- set edges = [] -%}
    {%- for char in characters -%}
        {%- if side != 'trailing' -%}
            {%- do edges.append('starts_with(' ~ value ~ ', ' ~ char ~ ')') -%}
        {%- endif -%}
        {%- if side != 'leading' -%}
            {%- do edges.append('ends_with(' ~ value ~ ', ' ~ char ~ ')') -%}
        {%- endif -%}
    {%- endfor -%}
    (case
        when {{ edges | join(' or ') }}
            then {{ default__trim_characters(value, characters, side) }}
        else {{ value }}
    end)
{%- endmacro %}
