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

    window_distinct as (

        select
            window_averages.grain,
            window_averages.window_buckets,
            window_averages.dimension,
            {%- if by_team %}
            window_averages.team,
            {%- endif %}
            count(distinct activity_days.developer_id) as distinct_active_users
        from window_averages
        inner join activity_days
            on window_averages.dimension = activity_days.dimension
            {%- if by_team %}
            and window_averages.team = activity_days.team
            {%- endif %}
            and activity_days.activity_date >= window_averages.window_start
            and activity_days.activity_date <= window_averages.window_end
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
            and window_averages.dimension = window_distinct.dimension
            {%- if by_team %}
            and window_averages.team = window_distinct.team
            {%- endif %}

    )

    select * from final
{%- endmacro %}
