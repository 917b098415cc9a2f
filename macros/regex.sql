{% macro regex_matches(value, pattern) %}
    {{ return(adapter.dispatch('regex_matches', 'ai_adoption')(value, pattern)) }}
{% endmacro %}

{% macro duckdb__regex_matches(value, pattern) -%}
    regexp_matches({{ value }}, {{ pattern }})
{%- endmacro %}

{% macro regex_escape(value) %}
    {{ return(adapter.dispatch('regex_escape', 'ai_adoption')(value)) }}
{% endmacro %}

{% macro duckdb__regex_escape(value) -%}
    {#- A literal text made safe to embed in a regular expression. -#}
    regexp_replace({{ value }}, '([.^$*+?()\[\]{}|\\])', '\\\1', 'g')
{%- endmacro %}

{% macro last_paragraph(message) %}
    {{ return(adapter.dispatch('last_paragraph', 'ai_adoption')(message)) }}
{% endmacro %}

{% macro duckdb__last_paragraph(message) -%}
    {#- The lines after the message's last blank (or white-space only) line; NULL when the
        message is a single paragraph (contract section 7, git trailers). -#}
    nullif(regexp_extract({{ message }}, '(?s)^.*\n[ \t]*\n(.*)$', 1), '')
{%- endmacro %}
