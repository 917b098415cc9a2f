{#- How much qualifying AI activity counts for nobody, and why (shared accounts, bots, API keys,
    records without an account)? Per source over the whole period. -#}
select
    source,
    sum(records_qualifying) as records_qualifying,
    sum(qualifying_attributed) as attributed,
    sum(qualifying_shared_account) as shared_account,
    sum(qualifying_bot) as bot,
    sum(qualifying_api_key_actor) as api_key_actor,
    sum(qualifying_no_account) as no_account,
    sum(records_quarantined) as quarantined
from {{ ref('ai_attribution_audit') }}
group by source
order by source
