{#- One row per grain and bucket: whether any source that delivers data missed a day of the
    bucket, and which (the companion audit of the bucket tables). -#}
with

coverage as (

    select * from {{ ref('ai_source_coverage') }}

),

buckets as (

    select * from {{ ref('int_calendar_buckets') }}

),

gaps as (

    select
        grain,
        bucket_start,
        {{ dbt.listagg(
            'case when has_source_gaps then source end', "', '", 'order by source'
        ) }} as sources_with_gaps
    from coverage
    group by grain, bucket_start

),

final as (

    select
        buckets.grain,
        buckets.bucket_start,
        buckets.bucket_end,
        gaps.sources_with_gaps is not null as has_source_gaps,
        gaps.sources_with_gaps
    from buckets
    left join gaps
        on buckets.grain = gaps.grain
            and buckets.bucket_start = gaps.bucket_start

)

select * from final
