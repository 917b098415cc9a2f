{% macro relation_fingerprint(relation) -%}
    {#- A scalar subquery: the md5 of every row of `relation`, in a fixed order; it changes
        when any row does. -#}
    {{ return(adapter.dispatch('relation_fingerprint', 'ai_adoption')(relation)) }}
{%- endmacro %}

{% macro duckdb__relation_fingerprint(relation) -%}
    (
        select md5(coalesce(string_agg(row_text, chr(10) order by row_text), ''))
        from (
            select cast(fingerprinted as varchar) as row_text
            from {{ relation }} as fingerprinted
        ) as row_texts
    )
{%- endmacro %}

{% macro default__relation_fingerprint(relation) -%}
    {%- set fields = ["''"] -%}
    {%- if execute -%}
        {%- for column in adapter.get_columns_in_relation(relation) -%}
            {%- do fields.extend(["'|'", "coalesce(cast(" ~ adapter.quote(column.name) ~ " as "
                                 ~ dbt.type_string() ~ "), '<null>')"]) -%}
        {%- endfor -%}
    {%- endif -%}
    (
        select {{ dbt.hash(dbt.listagg('row_text', "'\\n'", 'order by row_text')) }}
        from (select {{ dbt.concat(fields) }} as row_text from {{ relation }}) as row_texts
    )
{%- endmacro %}
