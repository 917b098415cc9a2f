{#- Fails when the share of a source's records that could not be used passes
    var('quarantine_max_share'): a delivery that broken is a problem to fix upstream, not
    noise to count around. -#}
with

records as (

    select * from {{ ref('int_source_records') }}

),

shares as (

    select
        source,
        count(*) as records_read,
        {{ count_where('rejection_reason is not null') }} as records_quarantined
    from records
    group by source

)

select *
from shares
where records_quarantined > {{ var('quarantine_max_share') }} * records_read
