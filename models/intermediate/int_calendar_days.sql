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

day_numbers as (

    {{ dbt.generate_series(var('calendar_max_days')) }}

),

final as (

    select
        cast(
            {{ dbt.dateadd('day', 'day_numbers.generated_number - 1', 'bounds.first_day') }}
            as date
        ) as calendar_date
    from bounds
    cross join day_numbers
    where day_numbers.generated_number - 1
        <= {{ dbt.datediff('bounds.first_day', 'bounds.last_day', 'day') }}

)

select * from final
