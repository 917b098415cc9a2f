{#- One row per account key and source seen in the current records of any source. -#}
with

final as (

    select
        'copilot' as source,
        account_key,
        count(*) as record_count,
        min(activity_date) as first_activity_date,
        max(activity_date) as last_activity_date
    from {{ ref('stg_copilot__user_days') }}
    where is_current and account_key is not null
    group by account_key

    union all

    select
        'cursor' as source,
        account_key,
        count(*) as record_count,
        min(activity_date) as first_activity_date,
        max(activity_date) as last_activity_date
    from {{ ref('stg_cursor__user_days') }}
    where is_current and account_key is not null
    group by account_key

    union all

    select
        'claude_code' as source,
        account_key,
        count(*) as record_count,
        min(activity_date) as first_activity_date,
        max(activity_date) as last_activity_date
    from {{ ref('stg_claude_code__usage_records') }}
    where is_current and account_key is not null
    group by account_key

    union all

    select
        'github' as source,
        account_key,
        count(*) as record_count,
        min(activity_date) as first_activity_date,
        max(activity_date) as last_activity_date
    from {{ ref('stg_github__events') }}
    where is_current and account_key is not null
    group by account_key

    union all

    select
        'git' as source,
        account_key,
        count(*) as record_count,
        min(activity_date) as first_activity_date,
        max(activity_date) as last_activity_date
    from {{ ref('stg_git__commits') }}
    where is_current and account_key is not null
    group by account_key

)

select * from final
