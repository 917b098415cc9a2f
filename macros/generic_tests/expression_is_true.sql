{% test expression_is_true(model, expression, column_name=none) -%}
    {#-
        Fails on every row where `expression` (a boolean SQL expression over the model's columns)
        is false. A NULL result passes, as in dbt_utils.expression_is_true: write
        `coalesce(..., false)` or add `x is not null` when NULL must fail. Given under a column,
        the expression is appended to the column (`column_name ~ ' ' ~ expression`, e.g.
        `expression: ">= 0"`). Narrow the rows with the test's `config: where:`.
    -#}
    {%- set condition = (column_name ~ ' ' ~ expression) if column_name else expression %}

    select *
    from {{ model }}
    where not ({{ condition }})
{%- endtest %}
