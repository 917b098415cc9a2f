{% test bounded_by_parts(model, column_name, parts, join_columns, parts_column=none,
                         parts_where=none) -%}
    {#-
        A distinct count over a union of parts lies between the largest part and the sum of the
        parts. For each row of the model (narrow it with `config: where:`), the rows of `parts`
        (a relation, e.g. ref('...'), narrowed by `parts_where`) sharing its `join_columns` are
        its parts; the test fails on each row whose `column_name` is below the largest part's
        `parts_column` (default: the same column) or above their sum. A row without parts is
        bounded by 0 and 0.
        Examples: a bucket's `all` row against its four dimensions; an org-level row against the
        team rows of the same bucket and dimension (a move counts once in each team).
    -#}
    {%- set parts_column = parts_column or column_name %}

    with

    whole as (

        select * from {{ model }}

    ),

    part_rows as (

        select * from {{ parts }}
        {%- if parts_where %}
        where {{ parts_where }}
        {%- endif %}

    ),

    part_bounds as (

        select
            {%- for column in join_columns %}
            {{ column }},
            {%- endfor %}
            max({{ parts_column }}) as largest_part,
            sum({{ parts_column }}) as sum_of_parts
        from part_rows
        group by {{ join_columns | join(', ') }}

    ),

    compared as (

        select
            {%- for column in join_columns %}
            whole.{{ column }},
            {%- endfor %}
            whole.{{ column_name }} as whole_value,
            coalesce(part_bounds.largest_part, 0) as largest_part,
            coalesce(part_bounds.sum_of_parts, 0) as sum_of_parts
        from whole
        left join part_bounds
            on {% for column in join_columns -%}
            whole.{{ column }} = part_bounds.{{ column }}{{ ' and ' if not loop.last }}
            {%- endfor %}

    )

    select *
    from compared
    where whole_value < largest_part
        or whole_value > sum_of_parts
{%- endtest %}
