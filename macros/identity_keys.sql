{% macro normalize_account_key(value, kind) %}
    {{ return(adapter.dispatch('normalize_account_key', 'ai_adoption')(value, kind)) }}
{% endmacro %}

{% macro duckdb__normalize_account_key(value, kind) -%}
    {#-
        Contract section 3: e-mails trimmed and lower-cased, a GitHub no-reply e-mail is its
        login, logins lower-cased. Keys read `login:<login>` or `email:<e-mail>`.
        kind: 'login', 'email', or 'auto' (an e-mail when the value holds an @).
    -#}
    {%- set cleaned = 'lower(trim(' ~ value ~ ", ' ' || chr(9) || chr(10) || chr(13)))" -%}
    {%- set noreply = '^(?:[0-9]+\\+)?([^@]+)@users\\.noreply\\.github\\.com$' -%}
    case
        when nullif({{ cleaned }}, '') is null then null
        {%- if kind in ('email', 'auto') %}
        when regexp_matches({{ cleaned }}, '{{ noreply }}')
            then 'login:' || regexp_extract({{ cleaned }}, '{{ noreply }}', 1)
        {%- endif %}
        {%- if kind == 'email' %}
        else 'email:' || {{ cleaned }}
        {%- elif kind == 'auto' %}
        when {{ cleaned }} like '%@%' then 'email:' || {{ cleaned }}
        else 'login:' || {{ cleaned }}
        {%- else %}
        else 'login:' || {{ cleaned }}
        {%- endif %}
    end
{%- endmacro %}
