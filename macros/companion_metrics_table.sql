{% macro companion_metrics_table(grain) -%}
    {#- One row per bucket of the grain and source (each source, and `all`), zero-filled: Total
        AI Actions, Lines Added and Lines Accepted of developers (integrations section 7).
        Incremental like the bucket tables (macros/incremental_derived.sql): a daily run
        rebuilds the buckets holding a date to rebuild. -#}
    {{ replace_dates_config('bucket', contract=true, bucket_grain=grain) }}
    {%- set rebuild_dates = derived_rebuild_dates() %}
    with

    buckets as (

        select * from {{ ref('int_calendar_buckets') }}
        where grain = '{{ grain }}'
            and {{ rebuilt_buckets_filter(none, 'bucket_start', rebuild_dates, [grain]) }}

    ),

    daily_volume as (

        select * from {{ ref('int_developer_daily_volume') }}
        where {{ days_of_rebuilt_buckets_filter('activity_date', rebuild_dates, [grain]) }}

    ),

    sources as (

        select 'all' as source
        union all select 'copilot'
        union all select 'cursor'
        union all select 'claude_code'
        union all select 'github'
        union all select 'git'

    ),

    bucketed_volume as (

        select
            {{ bucket_start(grain, 'activity_date') }} as bucket_start,
            source,
            developer_id,
            total_ai_actions,
            lines_added,
            lines_accepted
        from daily_volume

    ),

    volume_by_source as (

        select
            bucket_start,
            source,
            sum(total_ai_actions) as total_ai_actions,
            sum(lines_added) as lines_added,
            sum(lines_accepted) as lines_accepted,
            count(distinct developer_id) as developers_with_volume
        from bucketed_volume
        group by bucket_start, source
        union all
        select
            bucket_start,
            'all' as source,
            sum(total_ai_actions) as total_ai_actions,
            sum(lines_added) as lines_added,
            sum(lines_accepted) as lines_accepted,
            count(distinct developer_id) as developers_with_volume
        from bucketed_volume
        group by bucket_start

    ),

    final as (

        select
            buckets.bucket_start,
            buckets.bucket_end,
            sources.source,
            cast(coalesce(volume_by_source.total_ai_actions, 0) as bigint) as total_ai_actions,
            cast(coalesce(volume_by_source.lines_added, 0) as bigint) as lines_added,
            cast(coalesce(volume_by_source.lines_accepted, 0) as bigint) as lines_accepted,
            cast(coalesce(volume_by_source.developers_with_volume, 0) as bigint)
                as developers_with_volume,
            buckets.is_complete
        from buckets
        cross join sources
        left join volume_by_source
            on buckets.bucket_start = volume_by_source.bucket_start
            and sources.source = volume_by_source.source

    )

    select * from final
{%- endmacro %}
