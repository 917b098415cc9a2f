{#- One row per grain, bucket, dimension and team (every team of people.csv and
    team_memberships.csv, and Unassigned), zero-filled: AI Active Users by team. A developer
    counts in the team they belonged to on each active day, so a move counts in both teams. -#}
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

teams as (

    select team from {{ ref('int_teams') }}

),

bucketed_activity as (

    select distinct
        grain,
        bucket_start,
        dimension,
        team,
        developer_id,
        person_id,
        is_rostered
    from ({{ bucketed('activity_days', 'activity_date',
                      ['dimension', 'team', 'developer_id', 'person_id', 'is_rostered']) }})
        as activity

),

team_headcount as (

    select distinct
        grain,
        bucket_start,
        team,
        person_id
    from ({{ bucketed('employed_person_days', 'calendar_date', ['team', 'person_id']) }})
        as employed

),

activity_counts as (

    select
        bucketed_activity.grain,
        bucketed_activity.bucket_start,
        bucketed_activity.dimension,
        bucketed_activity.team,
        count(distinct bucketed_activity.developer_id) as active_users,
        count(distinct team_headcount.person_id) as active_rostered_users
    from bucketed_activity
    left join team_headcount
        on bucketed_activity.is_rostered
            and bucketed_activity.grain = team_headcount.grain
            and bucketed_activity.bucket_start = team_headcount.bucket_start
            and bucketed_activity.team = team_headcount.team
            and bucketed_activity.person_id = team_headcount.person_id
    group by
        bucketed_activity.grain,
        bucketed_activity.bucket_start,
        bucketed_activity.dimension,
        bucketed_activity.team

),

headcounts as (

    select
        grain,
        bucket_start,
        team,
        count(*) as headcount
    from team_headcount
    group by grain, bucket_start, team

),

final as (

    select
        buckets.grain,
        buckets.bucket_start,
        buckets.bucket_end,
        dimensions.dimension,
        teams.team,
        coalesce(activity_counts.active_users, 0) as active_users,
        coalesce(activity_counts.active_rostered_users, 0) as active_rostered_users,
        coalesce(headcounts.headcount, 0) as headcount,
        cast(coalesce(activity_counts.active_rostered_users, 0) as double)
        / nullif(coalesce(headcounts.headcount, 0), 0) as adoption_rate,
        buckets.is_complete
    from buckets
    cross join dimensions
    cross join teams
    left join activity_counts
        on buckets.grain = activity_counts.grain
            and buckets.bucket_start = activity_counts.bucket_start
            and dimensions.dimension = activity_counts.dimension
            and teams.team = activity_counts.team
    left join headcounts
        on buckets.grain = headcounts.grain
            and buckets.bucket_start = headcounts.bucket_start
            and teams.team = headcounts.team

)

select * from final
