{#- One row per grain, bucket and dimension, every bucket of the reporting period present
    (zero-filled): the organisation-level AI Active Users counts (contract sections 5 and 6). -#}
{{ replace_dates_config('bucket') }}
{%- set rebuild_dates = derived_rebuild_dates() %}
with

buckets as (

    select * from {{ ref('int_calendar_buckets') }}
    where {{ rebuilt_buckets_filter('grain', 'bucket_start', rebuild_dates) }}

),

activity_days as (

    select * from {{ ref('int_developer_activity_days') }}
    where {{ days_of_rebuilt_buckets_filter('activity_date', rebuild_dates) }}

),

employed_person_days as (

    select * from {{ ref('int_person_days') }}
    where is_employed
        and {{ days_of_rebuilt_buckets_filter('calendar_date', rebuild_dates) }}

),

dimensions as (

    select * from {{ ref('ai_dimensions') }}

),

rostered_activity_days as (

    select
        developer_id,
        activity_date,
        dimension,
        case when is_rostered then person_id end as rostered_person_id
    from activity_days

),

bucketed_activity as (

    {#- One row per grain, bucket, dimension and developer. The day rows are that already
        (the grain of int_developer_activity_days). -#}
    select
        'day' as grain,
        activity_date as bucket_start,
        dimension,
        developer_id,
        rostered_person_id
    from rostered_activity_days
    union all
    select
        grain,
        bucket_start,
        dimension,
        developer_id,
        max(rostered_person_id) as rostered_person_id
    from ({{ bucketed('rostered_activity_days', 'activity_date',
                      ['dimension', 'developer_id', 'rostered_person_id'],
                      grains=['week', 'month']) }}) as activity
    group by grain, bucket_start, dimension, developer_id

),

bucket_headcount as (

    {#- One row per grain, bucket and employed person (int_person_days: one row per person and
        day). -#}
    select
        'day' as grain,
        calendar_date as bucket_start,
        person_id
    from employed_person_days
    union all
    select distinct
        grain,
        bucket_start,
        person_id
    from ({{ bucketed('employed_person_days', 'calendar_date', ['person_id'],
                      grains=['week', 'month']) }}) as employed

),

activity_counts as (

    {#- A developer is one row of its bucket, and a rostered person is one developer
        (its person_id is its developer_id, tested in int_identities_resolved), so the counts
        of rows are counts of distinct developers. -#}
    select
        bucketed_activity.grain,
        bucketed_activity.bucket_start,
        bucketed_activity.dimension,
        count(*) as active_users,
        count(bucket_headcount.person_id) as active_rostered_users
    from bucketed_activity
    left join bucket_headcount
        on bucketed_activity.grain = bucket_headcount.grain
            and bucketed_activity.bucket_start = bucket_headcount.bucket_start
            and bucketed_activity.rostered_person_id = bucket_headcount.person_id
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
