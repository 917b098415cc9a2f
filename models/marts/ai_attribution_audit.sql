{#- One row per activity date and source: records read, quarantined, superseded by a later
    delivery, current, qualifying, and qualifying activity attributed to nobody, by reason
    (shared account, bot, API-key actor, no account). The limits of the metric, as numbers. -#}
{{ replace_dates_config('coalesce(activity_date, ' ~ no_partition_date() ~ ')', contract=true) }}
{%- set rebuild_dates = derived_rebuild_dates() %}
with

records as (

    select * from {{ ref('int_source_records') }}
    where {{ rebuilt_dates_filter('coalesce(activity_date, ' ~ no_partition_date() ~ ')',
                                  rebuild_dates) }}

),

qualifying_records as (

    {#- A record qualifies when current, and its current row has the date of its
        interactions. #}
    select distinct record_id from {{ ref('int_ai_interactions') }}
    where {{ rebuilt_dates_filter('activity_date', rebuild_dates) }}

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
        cast(count(*) as bigint) as records_read,
        {{ count_where("is_quarantined") }} as records_quarantined,
        {{ count_where("is_superseded") }} as records_superseded,
        {{ count_where("is_current") }} as records_current,
        {{ count_where("is_qualifying") }} as records_qualifying,
        {{ count_where("is_qualifying and attributed_to = 'developer'") }}
            as qualifying_attributed,
        {{ count_where("is_qualifying and attributed_to = 'shared_account'") }}
            as qualifying_shared_account,
        {{ count_where("is_qualifying and attributed_to = 'bot'") }}
            as qualifying_bot,
        {{ count_where("is_qualifying and attributed_to = 'api_key_actor'") }}
            as qualifying_api_key_actor,
        {{ count_where("is_qualifying and attributed_to = 'no_account'") }}
            as qualifying_no_account
    from classified
    group by activity_date, source

)

select * from final
