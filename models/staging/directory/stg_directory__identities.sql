{{ scheduled_after_landing_listing() }}

with

{#- Not `source`: identities.csv has a column of that name, and to_json(source) would read it
    instead of the row. #}
landed as (

    select * from {{ source('directory', 'directory_identities') }}

),

renamed as (

    select
        file_name,
        record_number,
        case when file_problem is null then {{ landed_record_text('landed') }} end as source_record,
        person_id,
        lower(source) as account_source,
        account,
        {{ normalize_account_key('account', 'auto') }} as account_key,
        {{ directory_flag('is_shared') }} as is_shared,
        {{ directory_flag_repair('is_shared') }} as value_repair,
        case
            when file_problem is not null then file_problem
            when spare_fields is not null then {{ csv_spare_fields_reason('spare_fields') }}
            when account is null then 'account is missing'
            when person_id is null and not {{ directory_flag('is_shared') }}
                then 'person_id is missing on an account that is not shared'
        end as rejection_reason
    from landed

),

final as (

    select
        file_name,
        record_number,
        person_id,
        account_source,
        account,
        account_key,
        is_shared,
        case
            when rejection_reason is not null or value_repair is not null
                then source_record
        end as quarantined_record_text,
        rejection_reason,
        value_repair,
        rejection_reason is null as is_current
    from renamed

)

select * from final
