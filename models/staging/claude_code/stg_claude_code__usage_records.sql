{%- set invalid_fields = {
    'num_sessions': 'num_sessions_value', 'lines_of_code.added': 'lines_added_value',
    'commits_by_claude_code': 'commits_value',
    'pull_requests_by_claude_code': 'pull_requests_value'} -%}
{#- Every tool of tool_actions counts (edit, multi_edit, write, notebook_edit and any new one). -#}
{%- set invalid_list_fields = {'tool_actions.*.accepted': 'accepted_values'} -%}

{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='partition_date',
    post_hook="{{ delete_rows_of_stale_files('claude_code_usage_report') }}",
) }}

with

source as (

    select * from {{ landing_batch('claude_code', 'claude_code_usage_report') }}

),

extracted as (

    select
        file_name,
        record_number,
        file_version,
        cast(record as varchar) as source_record,
        file_error,
        {{ json_text('record', '$.date') }} as date_text,
        {{ json_text('record', '$.organization_id') }} as organization_id,
        {{ json_text('record', '$.customer_type') }} as customer_type,
        coalesce({{ json_text('record', '$.terminal_type') }}, 'unknown') as terminal_type,
        {{ json_text('record', '$.actor.type') }} as actor_type,
        {{ json_text('record', '$.actor.email_address') }} as actor_email,
        {{ json_text('record', '$.actor.api_key_name') }} as api_key_name,
        {{ json_value('record', '$.core_metrics.num_sessions') }} as num_sessions_value,
        {{ json_value('record', '$.core_metrics.lines_of_code.added') }} as lines_added_value,
        {{ json_value('record', '$.core_metrics.lines_of_code.removed') }} as lines_removed_value,
        {{ json_value('record', '$.core_metrics.commits_by_claude_code') }} as commits_value,
        {{ json_value('record', '$.core_metrics.pull_requests_by_claude_code') }}
            as pull_requests_value,
        {{ json_value('record', '$.tool_actions.*.accepted') }} as accepted_values,
        {{ json_value('record', '$.tool_actions.*.rejected') }} as rejected_values
    from source

),

renamed as (

    select
        file_name,
        record_number,
        file_version,
        source_record,
        cast({{ parse_timestamp_utc('date_text') }} as date) as activity_date,
        organization_id,
        customer_type,
        terminal_type,
        actor_type,
        case when actor_type = 'user_actor' then actor_email end as actor_email,
        api_key_name,
        case
            when actor_type = 'user_actor' then {{ normalize_account_key('actor_email', 'email') }}
        end as account_key,
        {{ json_count('num_sessions_value') }} as session_count,
        {{ json_count('lines_added_value') }} as lines_added,
        {{ json_count('lines_removed_value') }} as lines_removed,
        {{ json_count('commits_value') }} as commit_count,
        {{ json_count('pull_requests_value') }} as pull_request_count,
        {{ json_count_sum('accepted_values') }} as accepted_tool_action_count,
        {{ json_count_sum('rejected_values') }} as rejected_tool_action_count,
        {{ invalid_count_fields(invalid_fields, invalid_list_fields) }} as invalid_count_fields,
        case
            when file_error is not null then file_error
            when {{ parse_timestamp_utc('date_text') }} is null then 'date is missing or invalid'
            when actor_type is null then 'actor.type is missing'
            when actor_type = 'user_actor' and actor_email is null
                then 'actor.email_address is missing'
            when cast({{ parse_timestamp_utc('date_text') }} as date)
                > {{ latest_plausible_date() }}
                then 'date is more than a year after the run'
        end as rejection_reason
    from extracted

),

staged as (

    select
        * exclude (source_record),
        case
            when rejection_reason is not null or invalid_count_fields is not null
                then source_record
        end as quarantined_record_text,
        coalesce(activity_date, {{ no_partition_date() }}) as partition_date
    from renamed

),

records as (

    {{ staged_with_loaded_records('staged', 'claude_code_usage_report') }}

),

ranked as (

    select
        *,
        row_number() over (
            partition by
                rejection_reason is null,
                activity_date,
                actor_type,
                coalesce(account_key, lower(api_key_name)),
                terminal_type
            order by file_name desc, record_number desc
        ) as delivery_rank
    from records

),

final as (

    select
        file_name,
        record_number,
        activity_date,
        organization_id,
        customer_type,
        terminal_type,
        actor_type,
        actor_email,
        api_key_name,
        account_key,
        actor_type = 'user_actor' as is_user_actor,
        session_count,
        lines_added,
        lines_removed,
        commit_count,
        pull_request_count,
        accepted_tool_action_count,
        rejected_tool_action_count,
        invalid_count_fields,
        quarantined_record_text,
        rejection_reason,
        rejection_reason is null and delivery_rank = 1 as is_current,
        partition_date,
        file_version,
        {{ loaded_at() }} as loaded_at
    from ranked

)

select * from final
