{#- One row per developer, activity date and source with AI volume (integrations section 7):
    Total AI Actions, Lines Added (AI code inserted) and Lines Accepted (AI code delivered).
    Shared accounts, bots and API-key actors count for nobody, as for active users. -#}
{{ replace_dates_config('activity_date') }}
{%- set rebuild_dates = derived_rebuild_dates() %}
with

identities as (

    select * from {{ ref('int_identities_resolved') }}
    where developer_id is not null

),

period as (

    select * from {{ ref('int_reporting_period') }}

),

copilot_records as (

    select * from {{ ref('stg_copilot__user_days') }}
    where is_current and {{ rebuilt_dates_filter('activity_date', rebuild_dates) }}

),

copilot_features as (

    select * from {{ ref('int_copilot__user_day_features') }}
    where {{ rebuilt_dates_filter('partition_date', rebuild_dates) }}

),

cursor_records as (

    select * from {{ ref('stg_cursor__user_days') }}
    where is_current and {{ rebuilt_dates_filter('activity_date', rebuild_dates) }}

),

claude_records as (

    select * from {{ ref('stg_claude_code__usage_records') }}
    where is_current and {{ rebuilt_dates_filter('activity_date', rebuild_dates) }}

),

event_and_commit_interactions as (

    select * from {{ ref('int_ai_interactions') }}
    where source in ('github', 'git')
        and {{ rebuilt_dates_filter('activity_date', rebuild_dates) }}

),

copilot_accepted_feature_lines as (

    select
        file_name,
        record_number,
        sum(loc_added_sum) as accepted_lines
    from copilot_features
    where code_acceptance_activity_count > 0
    group by file_name, record_number

),

copilot_volume as (

    select
        'copilot' as source,
        copilot_records.account_key,
        copilot_records.activity_date,
        copilot_records.user_initiated_interaction_count
        + copilot_records.code_acceptance_activity_count as ai_actions,
        copilot_records.loc_added_sum as lines_added,
        case
            when copilot_records.has_feature_breakdown
                then coalesce(copilot_accepted_feature_lines.accepted_lines, 0)
            when copilot_records.code_acceptance_activity_count > 0
                then copilot_records.loc_added_sum
            else 0
        end as lines_accepted
    from copilot_records
    left join copilot_accepted_feature_lines
        on copilot_records.file_name = copilot_accepted_feature_lines.file_name
            and copilot_records.record_number = copilot_accepted_feature_lines.record_number

),

cursor_volume as (

    select
        'cursor' as source,
        account_key,
        activity_date,
        total_tabs_accepted + total_accepts + chat_requests + composer_requests
        + agent_requests + cmdk_usages + bugbot_usages as ai_actions,
        total_lines_added as lines_added,
        accepted_lines_added as lines_accepted
    from cursor_records

),

claude_code_volume as (

    select
        'claude_code' as source,
        account_key,
        activity_date,
        accepted_tool_action_count + session_count as ai_actions,
        lines_added,
        lines_added as lines_accepted
    from claude_records
    where is_user_actor

),

qualifying_events_and_commits as (

    select
        source,
        account_key,
        activity_date,
        count(distinct record_id) as ai_actions,
        0 as lines_added,
        0 as lines_accepted
    from event_and_commit_interactions
    group by source, account_key, activity_date

),

volume as (

    select * from copilot_volume
    union all
    select * from cursor_volume
    union all
    select * from claude_code_volume
    union all
    select * from qualifying_events_and_commits

),

final as (

    select
        identities.developer_id,
        volume.activity_date,
        volume.source,
        sum(volume.ai_actions) as total_ai_actions,
        sum(volume.lines_added) as lines_added,
        sum(volume.lines_accepted) as lines_accepted
    from volume
    inner join identities on volume.account_key = identities.account_key
    cross join period
    where volume.activity_date >= period.coverage_start
        and volume.activity_date <= period.as_of_date
    group by identities.developer_id, volume.activity_date, volume.source
    having sum(volume.ai_actions) > 0
        or sum(volume.lines_added) > 0
        or sum(volume.lines_accepted) > 0

)

select * from final
