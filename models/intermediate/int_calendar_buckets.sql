{#- One row per bucket of each grain (day, ISO week, month) from the bucket holding
    coverage_start to the bucket holding as_of_date (contract section 5). -#}
with

calendar_days as (

    select * from {{ ref('int_calendar_days') }}

),

period as (

    select * from {{ ref('int_reporting_period') }}

),

bucketed_days as (

    {{ bucketed('calendar_days', 'calendar_date', ['calendar_date']) }}

),

buckets as (

    select
        grain,
        bucket_start,
        max(calendar_date) as bucket_end
    from bucketed_days
    group by grain, bucket_start

),

final as (

    select
        buckets.grain,
        buckets.bucket_start,
        buckets.bucket_end,
        buckets.bucket_start >= period.coverage_start
        and buckets.bucket_end <= period.as_of_date as is_complete
    from buckets
    cross join period
    where buckets.bucket_end >= period.coverage_start
        and buckets.bucket_start <= period.as_of_date

)

select * from final
