{% macro active_users_headline(by_team) -%}
    {#-
        The headline: per grain and window (var headline_windows), the mean of the per-bucket
        active_users over the window's most recent complete buckets (zeros included), beside the
        distinct developers active over the whole window (contract section 6).
    -#}
    {%- set team_column = ['team'] if by_team else [] -%}
    with

    bucket_counts as (

        select * from {{ ref('int_active_users_by_bucket_team' if by_team
                             else 'int_active_users_by_bucket') }}
        where is_complete

    ),

    activity_days as (

        select * from {{ ref('int_developer_activity_days') }}

    ),

    windows as (

        {%- set rows = [] -%}
        {#- A malformed var is reported by check_vars before any model runs; here it only must
            not stop dbt from parsing the project. #}
        {%- set windows = var('headline_windows') -%}
        {%- for grain, lengths in (windows.items() if windows is mapping else []) -%}
            {%- for length in (lengths if lengths is iterable and lengths is not string else []) -%}
                {%- do rows.append((grain, length)) -%}
            {%- endfor -%}
        {%- endfor %}
        {%- for grain, length in rows %}
        select '{{ grain }}' as grain, {{ length }} as window_buckets
        {{ 'union all' if not loop.last }}
        {%- else %}
        {#- No window configured (headline_windows: {}): no headline row. #}
        select cast(null as {{ dbt.type_string() }}) as grain, 0 as window_buckets
        where 1 = 0
        {%- endfor %}

    ),

    ranked_buckets as (

        select
            bucket_counts.*,
            dense_rank() over (
                partition by grain order by bucket_start desc
            ) as recency_rank
        from bucket_counts

    ),

    window_buckets as (

        select
            windows.grain,
            windows.window_buckets,
            ranked_buckets.bucket_start,
            ranked_buckets.bucket_end,
            ranked_buckets.dimension,
            {%- if by_team %}
            ranked_buckets.team,
            {%- endif %}
            ranked_buckets.active_users
        from windows
        inner join ranked_buckets
            on windows.grain = ranked_buckets.grain
            and ranked_buckets.recency_rank <= windows.window_buckets

    ),

    window_averages as (

        select
            grain,
            window_buckets,
            dimension,
            {%- if by_team %}
            team,
            {%- endif %}
            min(bucket_start) as window_start,
            max(bucket_end) as window_end,
            count(*) as bucket_count,
            avg(cast(active_users as double)) as avg_active_users
        from window_buckets
        group by grain, window_buckets, dimension{{ ', team' if by_team }}

    ),

    window_ends as (

        {#- Where the windows of each grain end (the end of its latest complete bucket, in every
            window of the grain), a column per grain, per dimension (and team). #}
        select
            dimension,
            {%- if by_team %}
            team,
            {%- endif %}
            {%- for grain in bucket_grains() %}
            max(case when grain = '{{ grain }}' then window_end end) as {{ grain }}_window_end
            {{- ',' if not loop.last }}
            {%- endfor %}
        from window_averages
        group by dimension{{ ', team' if by_team }}

    ),

    last_activity as (

        {#- Per developer and dimension (and team), the latest activity day up to the end of
            each grain's windows: a developer is active in a window [start, end] when that day
            falls on or after start. One pass over the activity days, where a join on the date
            range would read them once per window. #}
        select
            activity_days.developer_id,
            activity_days.dimension,
            {%- if by_team %}
            activity_days.team,
            {%- endif %}
            {%- for grain in bucket_grains() %}
            max(
                case
                    when activity_days.activity_date <= window_ends.{{ grain }}_window_end
                        then activity_days.activity_date
                end
            ) as last_active_by_{{ grain }}_end
            {{- ',' if not loop.last }}
            {%- endfor %}
        from activity_days
        inner join window_ends
            on {{ same_dimension_and_team('activity_days', 'window_ends', by_team) }}
        group by
            activity_days.developer_id,
            activity_days.dimension{{ ', activity_days.team' if by_team }}

    ),

    window_distinct as (

        select
            window_averages.grain,
            window_averages.window_buckets,
            window_averages.dimension,
            {%- if by_team %}
            window_averages.team,
            {%- endif %}
            count(*) as distinct_active_users
        from window_averages
        inner join last_activity
            on {{ same_dimension_and_team('window_averages', 'last_activity', by_team) }}
        where
            case window_averages.grain
                {%- for grain in bucket_grains() %}
                when '{{ grain }}' then last_activity.last_active_by_{{ grain }}_end
                {%- endfor %}
            end >= window_averages.window_start
        group by
            window_averages.grain,
            window_averages.window_buckets,
            window_averages.dimension{{ ', window_averages.team' if by_team }}

    ),

    final as (

        select
            window_averages.grain,
            cast(window_averages.window_buckets as integer) as window_buckets,
            window_averages.dimension,
            {%- if by_team %}
            window_averages.team,
            {%- endif %}
            window_averages.window_start,
            window_averages.window_end,
            cast(window_averages.bucket_count as integer) as bucket_count,
            cast(window_averages.avg_active_users as double) as avg_active_users,
            cast(coalesce(window_distinct.distinct_active_users, 0) as bigint)
                as distinct_active_users
        from window_averages
        left join window_distinct
            on window_averages.grain = window_distinct.grain
            and window_averages.window_buckets = window_distinct.window_buckets
            and {{ same_dimension_and_team('window_averages', 'window_distinct', by_team) }}

    )

    select * from final
{%- endmacro %}

{% macro same_dimension_and_team(left, right, by_team) -%}
    {#- Join condition: the same dimension (and, by team, the same team) on both sides. -#}
    {{ left }}.dimension = {{ right }}.dimension
    {%- if by_team %}
            and {{ left }}.team = {{ right }}.team
    {%- endif %}
{%- endmacro %}
