{% macro active_users_bucket_table(grain, by_team) -%}
    {#- The body of one contract bucket table: a grain's rows of the org or team counts. -#}
    with

    bucket_counts as (

        select * from {{ ref('int_active_users_by_bucket_team' if by_team
                             else 'int_active_users_by_bucket') }}
        where grain = '{{ grain }}'

    ),

    final as (

        select
            bucket_start,
            bucket_end,
            dimension,
            {%- if by_team %}
            team,
            {%- endif %}
            cast(active_users as bigint) as active_users,
            cast(active_rostered_users as bigint) as active_rostered_users,
            cast(headcount as bigint) as headcount,
            cast(adoption_rate as double) as adoption_rate,
            is_complete
        from bucket_counts

    )

    select * from final
{%- endmacro %}
