{% macro regex_matches(value, pattern) %}
    {{ return(adapter.dispatch('regex_matches', 'ai_adoption')(value, pattern)) }}
{% endmacro %}

{% macro duckdb__regex_matches(value, pattern) -%}
    regexp_matches({{ value }}, {{ pattern }})
{%- endmacro %}

{% macro regex_extract_all(value, pattern, group) %}
    {{ return(adapter.dispatch('regex_extract_all', 'ai_adoption')(value, pattern, group)) }}
{% endmacro %}

{% macro duckdb__regex_extract_all(value, pattern, group) -%}
    regexp_extract_all({{ value }}, {{ pattern }}, {{ group }})
{%- endmacro %}

{% macro replace_each(value, texts, replacement) %}
    {{ return(adapter.dispatch('replace_each', 'ai_adoption')(value, texts, replacement)) }}
{% endmacro %}

{% macro duckdb__replace_each(value, texts, replacement) -%}
    {#- `value` with every occurrence of each text of the list `texts` replaced, in list order. -#}
    list_reduce(
        list_prepend({{ value }}, {{ texts }}),
        lambda remaining_text, search_text:
            replace(remaining_text, search_text, {{ replacement }})
    )
{%- endmacro %}

{% macro last_paragraph(message) %}
    {{ return(adapter.dispatch('last_paragraph', 'ai_adoption')(message)) }}
{% endmacro %}

{% macro duckdb__last_paragraph(message) -%}
    {#- The lines after the message's last blank (or white-space only) line; NULL when the
        message is a single paragraph or ends with a blank line (contract section 7, git
        trailers). A line ends at a line feed only, as git reads it; white space is
        whitespace_characters. The line feed put in front lets a blank first line count as
        one. Without a capture group RE2 finds the match several times faster; nullif would
        evaluate the regexp_replace twice. -#}
    {%- set blank_line = '\\n' ~ whitespace_regex_class(excluding=[10]) ~ '*\\n' -%}
    {%- set text = "(chr(10) || " ~ message ~ ")" -%}
    case
        when regexp_matches({{ text }}, '{{ blank_line }}')
            and not regexp_matches({{ text }}, '{{ blank_line }}$')
            then regexp_replace({{ text }}, '(?s)^.*{{ blank_line }}', '')
    end
{%- endmacro %}
