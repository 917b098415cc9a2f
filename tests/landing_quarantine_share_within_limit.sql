{{ config(severity=quarantine_share_severity()) }}
{#- Flags a source whose share of records that could not be used passes
    var('quarantine_max_share'), or that has a response file that could not be read at all (a
    truncated Cursor or Claude Code file: how many records it held, a whole day's perhaps, is
    unknown, and counting it as one record hid it): a delivery that broken is a problem to fix
    upstream, not noise to count around. A warning by default, so that `dbt build` on any
    landing folder succeeds (contract section 1); var quarantine_share_severity: error makes a
    scheduled run fail instead. It reads the audit tables, which nothing is built from: an
    error skips no table. -#}
with

audit as (

    select * from {{ ref('ai_attribution_audit') }}

),

quarantine as (

    select * from {{ ref('landing_quarantine') }}

),

unreadable_files as (

    {#- Record number 0 is a whole file (landing_quarantine.record_number). -#}
    select
        source,
        count(*) as unreadable_files
    from quarantine
    where record_number = 0
    group by source

),

shares as (

    select
        source,
        sum(records_read) as records_read,
        sum(records_quarantined) as records_quarantined
    from audit
    group by source

)

select
    shares.source,
    shares.records_read,
    shares.records_quarantined,
    coalesce(unreadable_files.unreadable_files, 0) as unreadable_files
from shares
left join unreadable_files on shares.source = unreadable_files.source
where shares.records_quarantined > {{ var('quarantine_max_share') }} * shares.records_read
    or unreadable_files.unreadable_files > 0
