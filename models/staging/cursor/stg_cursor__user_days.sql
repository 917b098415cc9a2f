{%- set count_fields = cursor_count_fields() -%}
{%- set invalid_fields = {} -%}
{%- set value_paths = {'date_value': '$.date', 'is_active_value': '$.isActive'} -%}
{%- for field, column in count_fields.items() -%}
    {%- do invalid_fields.update({field: column ~ '_value'}) -%}
    {%- do value_paths.update({column ~ '_value': '$.' ~ field}) -%}
{%- endfor -%}
{%- set text_paths = {
    'email': '$.email', 'user_id': '$.userId', 'most_used_model': '$.mostUsedModel',
    'client_version': '$.clientVersion'} -%}

{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='partition_date',
    post_hook=[
        "{{ log_loaded_partitions('cursor_daily_usage') }}",
        "{{ delete_rows_of_stale_files('cursor_daily_usage') }}",
    ],
) }}

{{ scheduled_after_landing_listing() }}

with

source as (

    select * from {{ landing_batch('cursor', 'cursor_daily_usage') }}

),

parsed as (

    select
        *,
        {{ json_values('record', value_paths.values() | list) }} as record_values,
        {{ json_texts('record', text_paths.values() | list) }} as record_texts
    from source

),

extracted as (

    select
        file_name,
        record_number,
        file_version,
        cast(record as varchar) as source_record,
        {%- for column in value_paths %}
            record_values[{{ loop.index }}] as {{ column }},
        {%- endfor %}
        {%- for column in text_paths %}
            record_texts[{{ loop.index }}] as {{ column }},
        {%- endfor %}
        {{ json_scalar_read_as_text(
            'record', '$.email',
            'record_texts[' ~ ((text_paths | list).index('email') + 1) ~ ']') }}
            as email_is_scalar,
        file_error
    from parsed

),

dated as (

    select
        *,
        {{ json_epoch_ms('date_value') }} as date_epoch_ms
    from extracted

),

renamed as (

    select
        file_name,
        record_number,
        file_version,
        source_record,
        case
            when date_epoch_ms between {{ least_epoch_ms() }} and {{ last_epoch_ms() }}
                then {{ epoch_ms_to_date('date_epoch_ms') }}
        end as activity_date,
        user_id,
        email,
        {{ normalize_account_key('email', 'email') }} as account_key,
        {{ json_flag('is_active_value') }} as is_active,
        {%- for field in count_fields %}
            {{ json_count(count_fields[field] ~ '_value') }} as {{ count_fields[field] }},
        {%- endfor %}
        most_used_model,
        client_version,
        {{ invalid_count_fields(invalid_fields) }} as invalid_count_fields,
        {{ invalid_flag_fields({'isActive': 'is_active_value'}) }} as invalid_flag_fields,
        case
            when file_error is not null then file_error
            when date_value is null then 'date is missing'
            when date_epoch_ms is null then 'date is not epoch milliseconds'
            when date_epoch_ms <= 0
                then 'date is zero or negative, not a day in epoch milliseconds'
            when date_epoch_ms < {{ least_epoch_ms() }}
                then 'date looks like epoch seconds, not milliseconds'
            when email is null then 'email is missing'
            when {{ text_is_json_container('email') }}
                then 'email is an object or a list, not an e-mail'
            when email_is_scalar then 'email is a number or a boolean, not an e-mail'
            when date_epoch_ms > {{ last_epoch_ms() }}
                then {{ date_out_of_range_reason() }}
            when {{ epoch_ms_to_date('date_epoch_ms') }}
                not between {{ first_valid_date() }} and {{ last_valid_date() }}
                then {{ date_out_of_range_reason() }}
        end as rejection_reason
    from dated

),

staged as (

    select
        * exclude (source_record),
        case
            when rejection_reason is not null or invalid_count_fields is not null
                or invalid_flag_fields is not null
                then source_record
        end as quarantined_record_text,
        coalesce(activity_date, {{ no_partition_date() }}) as partition_date
    from renamed

),

records as (

    {{ staged_with_loaded_records('staged', 'cursor_daily_usage') }}

),

ranked as (

    {{ delivery_ranked('records', ['rejection_reason is null', 'activity_date', 'account_key']) }}

),

final as (

    select
        file_name,
        record_number,
        activity_date,
        user_id,
        email,
        account_key,
        is_active,
        {%- for field in count_fields %}
            {{ count_fields[field] }},
        {%- endfor %}
        most_used_model,
        client_version,
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
