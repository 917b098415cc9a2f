{% macro normalize_account_key(value, kind) %}
    {{ return(adapter.dispatch('normalize_account_key', 'ai_adoption')(value, kind)) }}
{% endmacro %}

{% macro duckdb__normalize_account_key(value, kind) -%}
    {#-
        Contract section 3: e-mails trimmed and lower-cased, a GitHub no-reply e-mail is its
        login, logins lower-cased. Keys read `login:<login>` or `email:<e-mail>`; NULL for a
        missing or blank value (a prefix joined to NULL is NULL). The LIKE spares the regular
        expression on every e-mail that is not a no-reply one. A JSON object or list where the
        vendor should have sent text (`{"login": "eve"}`) is no account: NULL too.
        An e-mail written with a display name (`Ivy <ivy@acme.com>`, `<ivy@acme.com>`, as git
        and mail tools write an address) is the address between the angle brackets: names are
        never keys. Text that only looks like one (`Ivy <ivy@acme.com> >`: no address ends it)
        is its own key, as in ai_adoption.identity; it was NULL, which failed the build.
        kind: 'login', 'email', or 'auto' (an e-mail when the value holds an @).
    -#}
    {%- if kind not in ('login', 'email', 'auto') -%}
        {{ exceptions.raise_compiler_error("normalize_account_key: unknown kind '" ~ kind ~ "'") }}
    {%- endif -%}
    {%- set cleaned = "lower(" ~ trimmed_text(value) ~ ")" -%}
    {%- set noreply = '^(?:[0-9]+\\+)?([^@]+)@users\\.noreply\\.github\\.com$' -%}
    {%- set address = "case when " ~ cleaned ~ " like '%<%>' and regexp_matches(" ~ cleaned
        ~ ", '<[^<>]*>$') then " ~ trimmed_text("regexp_extract(" ~ cleaned ~ ", '<([^<>]*)>$', 1)")
        ~ " else " ~ cleaned ~ " end" -%}
    case
        when {{ text_is_json_container(value) }} then null
    {%- if kind == 'login' %}
        else 'login:' || {{ cleaned }}
    {%- else %}
        when {{ address }} like '%@users.noreply.github.com'
            and regexp_matches({{ address }}, '{{ noreply }}')
            then 'login:' || regexp_extract({{ address }}, '{{ noreply }}', 1)
        {%- if kind == 'email' %}
        else 'email:' || {{ address }}
        {%- else %}
        when {{ address }} like '%@%' then 'email:' || {{ address }}
        else 'login:' || {{ address }}
        {%- endif %}
    {%- endif %}
    end
{%- endmacro %}
