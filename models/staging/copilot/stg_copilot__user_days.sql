{%- set count_columns = copilot_count_columns() -%}
{%- set invalid_fields = dict(zip(count_columns, count_columns)) -%}
{%- do invalid_fields.update(
    {'totals_by_cli.request_count': json_value('totals_by_cli', '$.request_count')}) -%}
{%- set invalid_feature_fields = {} -%}
{%- for column in count_columns -%}
    {%- do invalid_feature_fields.update(
        {'totals_by_feature.' ~ column: json_value('totals_by_feature', '$[*].' ~ column)}) -%}
{%- endfor -%}

{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='partition_date',
    post_hook=[
        "{{ log_loaded_partitions('copilot_user_daily_usage') }}",
        "{{ delete_rows_of_stale_files('copilot_user_daily_usage') }}",
    ],
) }}

{{ scheduled_after_landing_listing() }}

with

source as (

    select * from {{ landing_batch('copilot', 'copilot_user_daily_usage') }}

),

renamed as (

    select
        file_name,
        record_number,
        file_version,
        source as source_row,
        day is null and user_login is null and user_id is null as is_unparsed_line,
        {{ parse_date('day') }} as activity_date,
        {{ trimmed_text('user_id') }} as user_id,
        {{ trimmed_text('user_login') }} as user_login,
        {{ normalize_account_key('user_login', 'login') }} as account_key,
        {%- for column in count_columns %}
            {{ json_count(column) }} as {{ column }},
        {%- endfor %}
        {{ json_count(json_value('totals_by_cli', '$.request_count')) }} as cli_request_count,
        {{ json_flag('used_agent') }} as used_agent,
        {{ json_flag('used_chat') }} as used_chat,
        {{ json_flag('used_cli') }} as used_cli,
        coalesce(json_array_length(totals_by_feature), 0) > 0 as has_feature_breakdown,
        totals_by_feature as feature_totals,
        case
            when {{ json_counts_may_be_invalid('totals_by_feature', count_columns) }}
                then {{ invalid_count_fields(invalid_fields, invalid_feature_fields) }}
            else {{ invalid_count_fields(invalid_fields) }}
        end as invalid_count_fields,
        {{ invalid_flag_fields(
            {'used_agent': 'used_agent', 'used_chat': 'used_chat', 'used_cli': 'used_cli'}) }}
            as invalid_flag_fields
    from source

),

validated as (

    select
        *,
        case
            when is_unparsed_line then 'line is not a valid JSON object'
            when activity_date is null then 'day is missing or not a YYYY-MM-DD date'
            when user_login is null then 'user_login is missing'
            when {{ text_is_json_container('user_login') }}
                then 'user_login is an object or a list, not a login'
            when activity_date not between {{ first_valid_date() }} and {{ last_valid_date() }}
                then {{ date_out_of_range_reason() }}
        end as rejection_reason
    from renamed

),

staged as (

    select
        * exclude (source_row, is_unparsed_line),
        case
            when rejection_reason is not null or invalid_count_fields is not null
                or invalid_flag_fields is not null
                then {{ landed_record_text('source_row') }}
        end as quarantined_record_text,
        coalesce(activity_date, {{ no_partition_date() }}) as partition_date
    from validated

),

records as (

    {{ staged_with_loaded_records('staged', 'copilot_user_daily_usage') }}

),

ranked as (

    {{ delivery_ranked('records', [
        'rejection_reason is null', 'activity_date', 'coalesce(user_id, account_key)']) }}

),

final as (

    select
        file_name,
        record_number,
        activity_date,
        user_id,
        user_login,
        account_key,
        {%- for column in count_columns %}
            {{ column }},
        {%- endfor %}
        cli_request_count,
        used_agent,
        used_chat,
        used_cli,
        has_feature_breakdown,
        feature_totals,
        invalid_count_fields,
        invalid_flag_fields,
        quarantined_record_text,
        rejection_reason,
        rejection_reason is null and delivery_rank = 1 as is_current,
        partition_date,
        file_version,
        {{ loaded_at() }} as loaded_at
    from ranked

)

select * from final
