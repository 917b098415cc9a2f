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

{% macro github_signal_alternation(signal_type) -%}
    {#- The ai_github_signals seed's values of one signal_type as a regular-expression alternation
        of literal texts (lower-cased, escaped), read when the model runs. A pattern that matches
        nothing when the seed has no such rows. -#}
    {%- set never_matches = '[^\\s\\S]' -%}
    {%- if not execute or load_relation(ref('ai_github_signals')) is none -%}
        {{ return(never_matches) }}
    {%- endif -%}
    {%- set rows = run_query(
        "select distinct lower(trim(value)) from " ~ ref('ai_github_signals')
        ~ " where signal_type = '" ~ signal_type ~ "' order by 1") -%}
    {%- set escaped = [] -%}
    {%- for value in rows.columns[0].values() -%}
        {%- set ns = namespace(text='') -%}
        {%- for character in value -%}
            {%- if character in '.^$*+?()[]{}|\\' -%}
                {%- set ns.text = ns.text ~ '\\' ~ character -%}
            {%- elif character == "'" -%}
                {%- set ns.text = ns.text ~ "''" -%}
            {%- else -%}
                {%- set ns.text = ns.text ~ character -%}
            {%- endif -%}
        {%- endfor -%}
        {%- do escaped.append(ns.text) -%}
    {%- endfor -%}
    {{- return(escaped | join('|') if escaped else never_matches) -}}
{%- endmacro %}
