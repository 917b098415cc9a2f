{% test unique_combination_of_columns(model, combination_of_columns) -%}
    {#-
        Fails on every combination of `combination_of_columns` (a list of column names or SQL
        expressions) held by more than one row, returning the combination and its row count.
        NULLs group together, so two rows with NULL in the same column are duplicates too.
        A stand-in for dbt_utils.unique_combination_of_columns (the dbt Hub is unreachable).
    -#}
    {%- if combination_of_columns is string or combination_of_columns | length == 0 -%}
        {{ exceptions.raise_compiler_error(
            "unique_combination_of_columns: combination_of_columns must be a non-empty list") }}
    {%- endif %}

    with

    duplicate_combinations as (

        select
            {%- for column in combination_of_columns %}
            {{ column }} as combination_column_{{ loop.index }},
            {%- endfor %}
            count(*) as row_count
        from {{ model }}
        group by {% for column in combination_of_columns -%}
            {{ column }}{{ ', ' if not loop.last }}
        {%- endfor %}
        having count(*) > 1

    )

    select * from duplicate_combinations
{%- endtest %}
