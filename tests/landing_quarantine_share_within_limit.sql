{#- Fails when the share of a source's records that could not be used passes
    var('quarantine_max_share'): a delivery that broken is a problem to fix upstream, not
    noise to count around. It reads the audit mart (the records read and quarantined per date
    and source), which nothing is built from: the failure exits the build with an error, yet
    skips no table. -#}
with

audit as (

    select * from {{ ref('ai_attribution_audit') }}

),

shares as (

    select
        source,
        sum(records_read) as records_read,
        sum(records_quarantined) as records_quarantined
    from audit
    group by source

)

select *
from shares
where records_quarantined > {{ var('quarantine_max_share') }} * records_read
