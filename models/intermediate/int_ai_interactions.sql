{#- One row per current source record and AI dimension it qualifies for, by the rules of the
    qualifying_rules seed (integrations section 6), still keyed by account (not yet developer). -#}
{%- set copilot_counts = copilot_count_columns() -%}
{%- set cursor_metrics = cursor_count_fields() -%}
{%- set claude_metrics = {
    'accepted_tool_actions': 'accepted_tool_action_count', 'num_sessions': 'session_count',
    'commits_by_claude_code': 'commit_count',
    'pull_requests_by_claude_code': 'pull_request_count', 'lines_added': 'lines_added'} -%}

{{ config(
    materialized='incremental',
    incremental_strategy='replace_partitions',
    partitions_of=event_staging_models(),
) }}
-- depends_on: {{ ref('stg_github__events') }}
-- depends_on: {{ ref('stg_git__commits') }}
{%- set rebuild_dates = changed_partition_dates() %}

with

rules as (

    {#- Numbered in rule_id order: a record's rules are collected as numbers (final). -#}
    select
        *,
        row_number() over (order by rule_id) as rule_number
    from {{ ref('qualifying_rules') }}

),

rule_ids_by_number as (

    select {{ text_list_by_number('rule_id', 'rule_number') }} as rule_ids
    from rules

),

copilot_records as (

    select * from {{ ref('stg_copilot__user_days') }}
    where is_current and {{ partition_filter('partition_date', rebuild_dates) }}

),

copilot_features as (

    select * from {{ ref('int_copilot__user_day_features') }}
    where {{ partition_filter('partition_date', rebuild_dates) }}

),

cursor_records as (

    select * from {{ ref('stg_cursor__user_days') }}
    where is_current and {{ partition_filter('partition_date', rebuild_dates) }}

),

claude_records as (

    select * from {{ ref('stg_claude_code__usage_records') }}
    where is_current and {{ partition_filter('partition_date', rebuild_dates) }}

),

event_signals as (

    select * from {{ ref('int_github__event_signals') }}
    where {{ partition_filter('partition_date', rebuild_dates) }}

),

commit_signals as (

    select * from {{ ref('int_git__commit_signals') }}
    where {{ partition_filter('partition_date', rebuild_dates) }}

),

copilot_feature_hits as (

    select
        'copilot' as source,
        {{ file_record_id(
            'copilot', 'copilot_features.file_name', 'copilot_features.record_number'
        ) }} as record_id,
        copilot_features.account_key,
        copilot_features.activity_date,
        rules.dimension,
        rules.rule_number
    from copilot_features
    inner join rules
        on rules.source = 'copilot'
            and rules.scope = 'feature'
            and copilot_features.feature = rules.scope_value
    where {{ pick_metric('rules.metric', dict(zip(copilot_counts, copilot_counts))) }} > 0

),

copilot_record_hits as (

    select
        'copilot' as source,
        {{ file_record_id(
            'copilot', 'copilot_records.file_name', 'copilot_records.record_number'
        ) }} as record_id,
        copilot_records.account_key,
        copilot_records.activity_date,
        rules.dimension,
        rules.rule_number
    from copilot_records
    inner join rules
        on rules.source = 'copilot'
            and (
                rules.scope = 'record'
                or (
                    rules.scope = 'record_without_features'
                    and not copilot_records.has_feature_breakdown
                )
            )
    {%- set copilot_record_metrics = dict(zip(copilot_counts, copilot_counts)) %}
    {%- do copilot_record_metrics.update({
        'used_agent': 'case when copilot_records.used_agent then 1 else 0 end',
        'used_chat': 'case when copilot_records.used_chat then 1 else 0 end',
        'used_cli': 'case when copilot_records.used_cli then 1 else 0 end',
        'totals_by_cli.request_count': 'copilot_records.cli_request_count'}) %}
    where {{ pick_metric('rules.metric', copilot_record_metrics) }} > 0

),

cursor_hits as (

    select
        'cursor' as source,
        {{ file_record_id(
            'cursor', 'cursor_records.file_name', 'cursor_records.record_number'
        ) }} as record_id,
        cursor_records.account_key,
        cursor_records.activity_date,
        rules.dimension,
        rules.rule_number
    from cursor_records
    inner join rules
        on rules.source = 'cursor'
            and rules.scope = 'record'
    where {{ pick_metric('rules.metric', cursor_metrics) }} > 0

),

claude_code_hits as (

    select
        'claude_code' as source,
        {{ file_record_id(
            'claude_code', 'claude_records.file_name', 'claude_records.record_number'
        ) }} as record_id,
        claude_records.account_key,
        claude_records.activity_date,
        rules.dimension,
        rules.rule_number
    from claude_records
    inner join rules
        on rules.source = 'claude_code'
            and rules.scope = 'record'
    where {{ pick_metric('rules.metric', claude_metrics) }} > 0

),

github_hits as (

    select
        'github' as source,
        'github:' || event_signals.event_id as record_id,
        event_signals.account_key,
        event_signals.activity_date,
        rules.dimension,
        rules.rule_number
    from event_signals
    inner join rules
        on rules.source = 'github'
            and rules.scope = 'signal'
            and event_signals.signal_name = rules.scope_value

),

git_hits as (

    select
        'git' as source,
        'git:' || commit_signals.commit_sha as record_id,
        commit_signals.account_key,
        commit_signals.activity_date,
        rules.dimension,
        rules.rule_number
    from commit_signals
    inner join rules
        on rules.source = 'git'
            and commit_signals.signal_scope = rules.scope
            and rules.scope_value in (commit_signals.signal_kind, '*')

),

hits as (

    select * from copilot_feature_hits
    union all
    select * from copilot_record_hits
    union all
    select * from cursor_hits
    union all
    select * from claude_code_hits
    union all
    select * from github_hits
    union all
    select * from git_hits

),

rule_numbers_by_record as (

    select
        source,
        record_id,
        account_key,
        activity_date,
        dimension,
        {{ distinct_number_list('rule_number') }} as rule_numbers
    from hits
    group by source, record_id, account_key, activity_date, dimension

),

final as (

    select
        rule_numbers_by_record.source,
        rule_numbers_by_record.record_id,
        rule_numbers_by_record.account_key,
        rule_numbers_by_record.activity_date,
        rule_numbers_by_record.dimension,
        {{ texts_at('rule_numbers_by_record.rule_numbers', 'rule_ids_by_number.rule_ids') }}
            as rule_ids,
        rule_numbers_by_record.activity_date as partition_date,
        {{ loaded_at() }} as loaded_at
    from rule_numbers_by_record
    cross join rule_ids_by_number

)

select * from final
