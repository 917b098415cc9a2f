{#- One row per activity date and source: records read, quarantined, superseded by a later
    delivery, current, qualifying, and qualifying activity attributed to nobody, by reason
    (shared account, bot, API-key actor, no account). The limits of the metric, as numbers. -#}
with

records as (

    select * from {{ ref('int_source_records') }}

),

qualifying_records as (

    select distinct record_id from {{ ref('int_ai_interactions') }}

),

identities as (

    select * from {{ ref('int_identities_resolved') }}

),

classified as (

    select
        records.activity_date,
        records.source,
        records.rejection_reason is not null as is_quarantined,
        records.rejection_reason is null and not records.is_current as is_superseded,
        records.is_current,
        records.is_current and qualifying_records.record_id is not null as is_qualifying,
        case
            when identities.developer_id is not null then 'developer'
            when records.is_api_key_actor then 'api_key_actor'
            when records.account_key is null then 'no_account'
            when identities.is_bot then 'bot'
            when identities.is_shared then 'shared_account'
            else 'no_account'
        end as attributed_to
    from records
    left join qualifying_records on records.record_id = qualifying_records.record_id
    left join identities on records.account_key = identities.account_key

),

final as (

    select
        activity_date,
        source,
        count(*) as records_read,
        sum(case when is_quarantined then 1 else 0 end) as records_quarantined,
        sum(case when is_superseded then 1 else 0 end) as records_superseded,
        sum(case when is_current then 1 else 0 end) as records_current,
        sum(case when is_qualifying then 1 else 0 end) as records_qualifying,
        sum(case when is_qualifying and attributed_to = 'developer' then 1 else 0 end)
            as qualifying_attributed,
        sum(case when is_qualifying and attributed_to = 'shared_account' then 1 else 0 end)
            as qualifying_shared_account,
        sum(case when is_qualifying and attributed_to = 'bot' then 1 else 0 end)
            as qualifying_bot,
        sum(case when is_qualifying and attributed_to = 'api_key_actor' then 1 else 0 end)
            as qualifying_api_key_actor,
        sum(case when is_qualifying and attributed_to = 'no_account' then 1 else 0 end)
            as qualifying_no_account
    from classified
    group by activity_date, source

)

select * from final
