{{ config(severity=quarantine_share_severity()) }}
{#- Flags a source whose share of records that could not be used passes
    var('quarantine_max_share'): a delivery that broken is a problem to fix upstream, not
    noise to count around. A warning by default, so that `dbt build` on any landing folder
    succeeds (contract section 1); var quarantine_share_severity: error makes a scheduled run
    fail instead. It reads the audit mart (the records read and quarantined per date and
    source), which nothing is built from: an error skips no table. -#}
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
