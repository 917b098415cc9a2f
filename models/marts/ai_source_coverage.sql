{#- One row per grain, bucket and source that delivered anything in the reporting period: on how
    many of the bucket's days (inside the period) the source delivered at least one readable
    record, and whether it missed any (a dip in adoption may be a missing export). -#}
with

buckets as (

    select * from {{ ref('int_calendar_buckets') }}

),

period as (

    select * from {{ ref('int_reporting_period') }}

),

calendar_days as (

    select * from {{ ref('int_calendar_days') }}

),

valid_records as (

    select * from {{ ref('int_source_records') }}
    where rejection_reason is null

),

period_days as (

    select calendar_days.calendar_date
    from calendar_days
    cross join period
    where calendar_days.calendar_date >= period.coverage_start
        and calendar_days.calendar_date <= period.as_of_date

),

delivered_days as (

    select distinct
        source,
        activity_date
    from valid_records

),

delivering_sources as (

    select distinct delivered_days.source
    from delivered_days
    cross join period
    where delivered_days.activity_date >= period.coverage_start
        and delivered_days.activity_date <= period.as_of_date

),

source_days as (

    select
        delivering_sources.source,
        period_days.calendar_date,
        delivered_days.activity_date is not null as has_delivery
    from delivering_sources
    cross join period_days
    left join delivered_days
        on delivering_sources.source = delivered_days.source
            and period_days.calendar_date = delivered_days.activity_date

),

bucketed_source_days as (

    {#- An equi-join on the bucket start, not a range join: a period of decades stays fast. -#}
    {{ bucketed('source_days', 'calendar_date', ['source', 'has_delivery']) }}

),

final as (

    select
        buckets.grain,
        buckets.bucket_start,
        buckets.bucket_end,
        bucketed_source_days.source,
        cast(count(*) as bigint) as days_in_period,
        {{ count_where("bucketed_source_days.has_delivery") }} as days_delivered,
        sum(case when bucketed_source_days.has_delivery then 0 else 1 end) > 0 as has_source_gaps
    from buckets
    inner join bucketed_source_days
        on buckets.grain = bucketed_source_days.grain
            and buckets.bucket_start = bucketed_source_days.bucket_start
    group by
        buckets.grain,
        buckets.bucket_start,
        buckets.bucket_end,
        bucketed_source_days.source

)

select * from final
