{#- One row per landing record of the five activity sources: its date, account, whether it was
    rejected, superseded or current, and whether it came from an API-key actor. The common shape
    the audit marts count. A view: its readers aggregate it at once, so storing its ten million
    rows (and keeping them up to date in every daily run) costs more than reading the staging
    tables again. -#}
{{ config(materialized='view') }}

with

final as (

    select
        'copilot' as source,
        {{ file_record_id('copilot', 'file_name', 'record_number') }} as record_id,
        activity_date,
        account_key,
        rejection_reason,
        is_current,
        false as is_api_key_actor
    from {{ ref('stg_copilot__user_days') }}

    union all

    select
        'cursor' as source,
        {{ file_record_id('cursor', 'file_name', 'record_number') }} as record_id,
        activity_date,
        account_key,
        rejection_reason,
        is_current,
        false as is_api_key_actor
    from {{ ref('stg_cursor__user_days') }}

    union all

    select
        'claude_code' as source,
        {{ file_record_id('claude_code', 'file_name', 'record_number') }} as record_id,
        activity_date,
        account_key,
        rejection_reason,
        is_current,
        not coalesce(is_user_actor, false) as is_api_key_actor
    from {{ ref('stg_claude_code__usage_records') }}

    union all

    select
        'github' as source,
        coalesce(
            'github:' || event_id, {{ file_record_id('github', 'file_name', 'record_number') }}
        ) as record_id,
        activity_date,
        account_key,
        rejection_reason,
        is_current,
        false as is_api_key_actor
    from {{ ref('stg_github__events') }}

    union all

    select
        'git' as source,
        coalesce(
            'git:' || commit_sha, {{ file_record_id('git', 'file_name', 'record_number') }}
        ) as record_id,
        activity_date,
        account_key,
        rejection_reason,
        is_current,
        false as is_api_key_actor
    from {{ ref('stg_git__commits') }}

)

select * from final
