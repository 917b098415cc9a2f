{#- Every count the model reads is checked, also those no rule or metric uses (lines removed,
    rejected tool actions): an invalid one reads as 0 and is reported (contract section 7). -#}
{%- set invalid_fields = {
    'num_sessions': 'num_sessions_value', 'lines_of_code.added': 'lines_added_value',
    'lines_of_code.removed': 'lines_removed_value', 'commits_by_claude_code': 'commits_value',
    'pull_requests_by_claude_code': 'pull_requests_value'} -%}
{#- Every tool of tool_actions counts (edit, multi_edit, write, notebook_edit and any new one). -#}
{%- set invalid_list_fields = {
    'tool_actions.*.accepted': 'accepted_values', 'tool_actions.*.rejected': 'rejected_values'} -%}
{%- set text_paths = {
    'date_text': '$.date', 'organization_id': '$.organization_id',
    'customer_type': '$.customer_type', 'terminal_type_text': '$.terminal_type',
    'actor_type_text': '$.actor.type', 'actor_email': '$.actor.email_address',
    'api_key_name': '$.actor.api_key_name'} -%}
{%- set value_paths = {
    'num_sessions_value': '$.core_metrics.num_sessions',
    'lines_added_value': '$.core_metrics.lines_of_code.added',
    'lines_removed_value': '$.core_metrics.lines_of_code.removed',
    'commits_value': '$.core_metrics.commits_by_claude_code',
    'pull_requests_value': '$.core_metrics.pull_requests_by_claude_code'} -%}

{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='partition_date',
    post_hook=[
        "{{ log_loaded_partitions('claude_code_usage_report') }}",
        "{{ delete_rows_of_stale_files('claude_code_usage_report') }}",
    ],
) }}

{{ scheduled_after_landing_listing() }}

with

source as (

    select * from {{ landing_batch('claude_code', 'claude_code_usage_report') }}

),

parsed as (

    select
        *,
        {{ json_texts('record', text_paths.values() | list) }} as record_texts,
        {{ json_values('record', value_paths.values() | list + ['$.tool_actions']) }}
            as record_values
    from source

),

extracted as (

    select
        file_name,
        record_number,
        file_version,
        cast(record as varchar) as source_record,
        file_error,
        {%- for column in text_paths %}
            record_texts[{{ loop.index }}] as {{ column }},
        {%- endfor %}
        {#- An actor with an e-mail but no type is a user: the identity is actor.email_address,
            and only an api_actor is no person. #}
        coalesce(
            record_texts[{{ (text_paths | list).index('actor_type_text') + 1 }}],
            case
                when record_texts[{{ (text_paths | list).index('actor_email') + 1 }}] is not null
                    then 'user_actor'
            end
        ) as actor_type,
        {%- for column in value_paths %}
            record_values[{{ loop.index }}] as {{ column }},
        {%- endfor %}
        {{ json_scalar_read_as_text(
            'record', '$.actor.email_address',
            'record_texts[' ~ ((text_paths | list).index('actor_email') + 1) ~ ']') }}
            as actor_email_is_scalar,
        {%- set tool_actions = 'record_values[' ~ (value_paths | length + 1) ~ ']' %}
        {{ json_value(tool_actions, '$.*.accepted') }} as accepted_values,
        {{ json_value(tool_actions, '$.*.rejected') }} as rejected_values
    from parsed

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
        coalesce(terminal_type_text, 'unknown') as terminal_type,
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
            when actor_type = 'user_actor' and {{ text_is_json_container('actor_email') }}
                then 'actor.email_address is an object or a list, not an e-mail'
            when actor_type = 'user_actor' and actor_email_is_scalar
                then 'actor.email_address is a number or a boolean, not an e-mail'
            when cast({{ parse_timestamp_utc('date_text') }} as date)
                not between {{ first_valid_date() }} and {{ last_valid_date() }}
                then {{ date_out_of_range_reason() }}
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

    {{ delivery_ranked('records', [
        'rejection_reason is null', 'activity_date', 'actor_type',
        'coalesce(account_key, lower(api_key_name))', 'terminal_type']) }}

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
