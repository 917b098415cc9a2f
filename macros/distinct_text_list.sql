{% macro distinct_text_list(column, delimiter=', ') %}
    {{ return(adapter.dispatch('distinct_text_list', 'ai_adoption')(column, delimiter)) }}
{% endmacro %}

{% macro default__distinct_text_list(column, delimiter) -%}
    {#- The group's distinct non-null values, sorted, joined by the delimiter; NULL when it
        has none. -#}
    string_agg(distinct {{ column }}, '{{ delimiter }}' order by {{ column }})
{%- endmacro %}

{% macro duckdb__distinct_text_list(column, delimiter) -%}
    {#- The same without an ordered aggregate, which sorts every group apart (1.7 M groups in
        int_ai_interactions at 5,000 developers: 6.1 s of CPU against 3.4 s this way). -#}
    case
        when count({{ column }}) > 0
            then array_to_string(list_sort(list_distinct(list({{ column }}))), '{{ delimiter }}')
    end
{%- endmacro %}
