{#- One row per grain, bucket and dimension, every bucket of the reporting period present
    (zero-filled): the organisation-level AI Active Users counts (contract sections 5 and 6). -#}
with

buckets as (

    select * from {{ ref('int_calendar_buckets') }}

),

activity_days as (

    select * from {{ ref('int_developer_activity_days') }}

),

employed_person_days as (

    select * from {{ ref('int_person_days') }}
    where is_employed

),

dimensions as (

    select * from {{ ref('ai_dimensions') }}

),

bucketed_activity as (

    select distinct
        grain,
        bucket_start,
        dimension,
        developer_id,
        person_id,
        is_rostered
    from ({{ bucketed('activity_days', 'activity_date',
                      ['dimension', 'developer_id', 'person_id', 'is_rostered']) }})
        as activity

),

bucket_headcount as (

    select distinct
        grain,
        bucket_start,
        person_id
    from ({{ bucketed('employed_person_days', 'calendar_date', ['person_id']) }}) as employed

),

activity_counts as (

    select
        bucketed_activity.grain,
        bucketed_activity.bucket_start,
        bucketed_activity.dimension,
        count(distinct bucketed_activity.developer_id) as active_users,
        count(distinct bucket_headcount.person_id) as active_rostered_users
    from bucketed_activity
    left join bucket_headcount
        on bucketed_activity.is_rostered
            and bucketed_activity.grain = bucket_headcount.grain
            and bucketed_activity.bucket_start = bucket_headcount.bucket_start
            and bucketed_activity.person_id = bucket_headcount.person_id
    group by bucketed_activity.grain, bucketed_activity.bucket_start, bucketed_activity.dimension

),

headcounts as (

    select
        grain,
        bucket_start,
        count(*) as headcount
    from bucket_headcount
    group by grain, bucket_start

),

final as (

    select
        buckets.grain,
        buckets.bucket_start,
        buckets.bucket_end,
        dimensions.dimension,
        coalesce(activity_counts.active_users, 0) as active_users,
        coalesce(activity_counts.active_rostered_users, 0) as active_rostered_users,
        coalesce(headcounts.headcount, 0) as headcount,
        cast(coalesce(activity_counts.active_rostered_users, 0) as double)
        / nullif(coalesce(headcounts.headcount, 0), 0) as adoption_rate,
        buckets.is_complete
    from buckets
    cross join dimensions
    left join activity_counts
        on buckets.grain = activity_counts.grain
            and buckets.bucket_start = activity_counts.bucket_start
            and dimensions.dimension = activity_counts.dimension
    left join headcounts
        on buckets.grain = headcounts.grain
            and buckets.bucket_start = headcounts.bucket_start

)

select * from final
