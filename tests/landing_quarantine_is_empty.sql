{{ config(severity='warn') }}
{#- Warns when any landing record went to quarantine (audit.landing_quarantine says why). -#}
select
    source,
    reason,
    count(*) as quarantined_records
from {{ ref('landing_quarantine') }}
group by source, reason
