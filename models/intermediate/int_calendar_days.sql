{#- One row per day from the first day of the earliest bucket (ISO week or month) holding
    coverage_start to the last day of the latest bucket holding as_of_date. -#}
with

period as (

    select * from {{ ref('int_reporting_period') }}

),

bounds as (

    select
        least(
            cast({{ dbt.date_trunc('week', 'coverage_start') }} as date),
            cast({{ dbt.date_trunc('month', 'coverage_start') }} as date)
        ) as first_day,
        greatest(
            cast({{ dbt.dateadd('day', 6, dbt.date_trunc('week', 'as_of_date')) }} as date),
            cast({{ dbt.dateadd('day', -1, dbt.dateadd('month', 1,
                dbt.date_trunc('month', 'as_of_date'))) }} as date)
        ) as last_day
    from period
    where coverage_start is not null and as_of_date is not null

),

final as (

    {{ calendar_dates('bounds') }}

)

select * from final
