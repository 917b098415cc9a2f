{% test accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true) -%}
    {#-
        Fails on every row whose `column_name` lies outside [min_value, max_value] (both bounds
        optional; exclusive when inclusive is false). NULL values pass: pair with not_null when
        they must not occur.
    -#}
    {%- if min_value is none and max_value is none -%}
        {{ exceptions.raise_compiler_error("accepted_range: give min_value, max_value or both") }}
    {%- endif %}

    select *
    from {{ model }}
    where
        {%- if min_value is not none %}
        {{ column_name }} {{ '<' if inclusive else '<=' }} {{ min_value }}
        {%- endif %}
        {%- if min_value is not none and max_value is not none %}
        or
        {%- endif %}
        {%- if max_value is not none %}
        {{ column_name }} {{ '>' if inclusive else '>=' }} {{ max_value }}
        {%- endif %}
{%- endtest %}
