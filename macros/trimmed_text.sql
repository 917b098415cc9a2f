{% macro whitespace_code_points() -%}
    {#- The code points of Unicode's white space, exactly the set of Python's str.isspace. -#}
    {{ return([9, 10, 11, 12, 13, 28, 29, 30, 31, 32, 133, 160, 5760]
        + range(8192, 8203) | list + [8232, 8233, 8239, 8287, 12288]) }}
{%- endmacro %}

{% macro whitespace_characters() -%}
    {#- The characters a value is trimmed of, as SQL expressions of one character each: the
        white space of Unicode, exactly the set Python's str.strip() removes (str.isspace), so
        that the SQL models and the Python identity resolution read `p1<TAB>` alike. -#}
    {%- set characters = [] -%}
    {%- for code_point in whitespace_code_points() -%}
        {%- do characters.append('chr(' ~ code_point ~ ')') -%}
    {%- endfor -%}
    {{ return(characters) }}
{%- endmacro %}

{% macro whitespace_regex_class(excluding=[]) -%}
    {#- whitespace_characters as a regular expression's character class (`[\x{9}\x{b}...]`),
        without the code points listed in `excluding` (`[10]`: white space within a line). -#}
    {%- set members = [] -%}
    {%- for code_point in whitespace_code_points() if code_point not in excluding -%}
        {%- do members.append('\\x{' ~ '%x' | format(code_point) ~ '}') -%}
    {%- endfor -%}
    {{ return('[' ~ members | join('') ~ ']') }}
{%- endmacro %}

{% macro trimmed_text(value, side='both') %}
    {%- if side not in ('both', 'leading', 'trailing') -%}
        {{ exceptions.raise_compiler_error("trimmed_text: unknown side '" ~ side ~ "'") }}
    {%- endif -%}
    {{ return(adapter.dispatch('trimmed_text', 'ai_adoption')(value, side)) }}
{% endmacro %}

{% macro default__trimmed_text(value, side='both') -%}
    nullif({{ default__trim_characters(value, whitespace_characters(), side) }}, '')
{%- endmacro %}

{% macro duckdb__trimmed_text(value, side='both') -%}
    {#- The value without the white space at either end (whitespace_characters; at its start
        only for side 'leading', at its end only for 'trailing'), NULL when nothing is left; the
        trim runs only where it can change the text. Every ASCII white space character is at
        most ' ' (32), and the others are not ASCII, so text that is all ASCII (strlen = length)
        and neither starts nor ends with a character up to ' ' is already trimmed. trim with a
        character set costs about 1 us per value; the checks a twentieth of that. -#}
    {%- set first = 'ascii(' ~ value ~ ')' -%}
    {%- set last = 'ascii(right(' ~ value ~ ', 1))' -%}
    {%- set untrimmed = {
        'both': first ~ ' <= 32 or ' ~ last ~ ' <= 32 or strlen(' ~ value ~ ') <> length('
            ~ value ~ ')',
        'leading': first ~ ' <= 32 or ' ~ first ~ ' > 127',
        'trailing': last ~ ' <= 32 or ' ~ last ~ ' > 127',
    }[side] -%}
    case
        when {{ untrimmed }}
            then nullif({{ default__trim_characters(value, whitespace_characters(), side) }}, '')
        else {{ value }}
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
