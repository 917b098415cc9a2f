{#- One row per developer, activity date, dimension and source: the developer performed at least
    one qualifying AI interaction that day. Shared accounts, bots, API-key actors and records
    without an account qualify nobody; dates outside [coverage_start, as_of_date] are ignored. -#}
{{ replace_dates_config('activity_date') }}
{%- set rebuild_dates = derived_rebuild_dates() %}
with

interactions as (

    select * from {{ ref('int_ai_interactions') }}
    where {{ rebuilt_dates_filter('activity_date', rebuild_dates) }}

),

identities as (

    select * from {{ ref('int_identities_resolved') }}

),

period as (

    select * from {{ ref('int_reporting_period') }}

),

attributed as (

    select
        identities.developer_id,
        interactions.activity_date,
        interactions.dimension,
        interactions.source,
        interactions.record_id
    from interactions
    inner join identities on interactions.account_key = identities.account_key
    cross join period
    where identities.developer_id is not null
        and interactions.activity_date >= period.coverage_start
        and interactions.activity_date <= period.as_of_date

),

final as (

    select
        developer_id,
        activity_date,
        dimension,
        source,
        {#- int_ai_interactions holds one row per record_id and dimension, and an account_key
            one row of identities: every row of a group is another record. -#}
        count(*) as evidence_count
    from attributed
    group by developer_id, activity_date, dimension, source

)

select * from final
