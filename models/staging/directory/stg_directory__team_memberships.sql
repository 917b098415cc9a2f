{{ scheduled_after_landing_listing() }}

with

source as (

    select * from {{ source('directory', 'directory_team_memberships') }}

),

renamed as (

    select
        file_name,
        record_number,
        case when file_problem is null then {{ landed_record_text('source') }} end as source_record,
        person_id,
        team,
        {{ parse_date('valid_from') }} as valid_from_date,
        {{ parse_date('valid_to') }} as valid_to_date,
        case
            when file_problem is not null then file_problem
            when spare_fields is not null then {{ csv_spare_fields_reason('spare_fields') }}
            when person_id is null then 'person_id is missing'
            when team is null then 'team is missing'
            when {{ parse_date('valid_from') }} is null
                then 'valid_from is missing or not a YYYY-MM-DD date'
            when valid_to is not null and {{ parse_date('valid_to') }} is null
                then 'valid_to is not a YYYY-MM-DD date'
            when {{ parse_date('valid_to') }} <= {{ parse_date('valid_from') }}
                then 'valid_to is not after valid_from'
        end as rejection_reason
    from source

),

final as (

    select
        file_name,
        record_number,
        person_id,
        team,
        valid_from_date,
        valid_to_date,
        case
            when rejection_reason is not null
                then source_record
        end as quarantined_record_text,
        rejection_reason,
        rejection_reason is null as is_current
    from renamed

)

select * from final
