{#- One row per day from the first day of the earliest bucket (ISO week or month) holding
    coverage_start to the last day of the latest bucket holding as_of_date. -#}
with

period as (

    select * from {{ ref('int_reporting_period') }}

),

bounds as (

    select
        least(
            {{ bucket_start('week', 'coverage_start') }},
            {{ bucket_start('month', 'coverage_start') }}
        ) as first_day,
        greatest(
            cast({{ dbt.dateadd('day', 6, bucket_start('week', 'as_of_date')) }} as date),
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
