{{ scheduled_after_landing_listing() }}

with

source as (

    select * from {{ source('directory', 'directory_people') }}

),

renamed as (

    select
        file_name,
        record_number,
        case when file_problem is null then {{ landed_record_text('source') }} end as source_record,
        person_id,
        full_name,
        email,
        github_login,
        {{ normalize_account_key('email', 'email') }} as email_key,
        {{ normalize_account_key('github_login', 'login') }} as login_key,
        team,
        {{ directory_flag('is_bot') }} as is_bot,
        {{ directory_flag_repair('is_bot') }} as value_repair,
        {{ parse_date('employment_start') }} as employment_start_date,
        {{ parse_date('employment_end') }} as employment_end_date,
        case
            when file_problem is not null then file_problem
            when spare_fields is not null then {{ csv_spare_fields_reason('spare_fields') }}
            when person_id is null then 'person_id is missing'
            when email is null and github_login is null then 'neither email nor github_login'
            when employment_start is not null and {{ parse_date('employment_start') }} is null
                then 'employment_start is not a YYYY-MM-DD date'
            when employment_end is not null and {{ parse_date('employment_end') }} is null
                then 'employment_end is not a YYYY-MM-DD date'
            when {{ parse_date('employment_end') }} < {{ parse_date('employment_start') }}
                then 'employment_end is before employment_start'
        end as rejection_reason
    from source

),

ranked as (

    select
        *,
        row_number() over (
            partition by rejection_reason is null, person_id
            order by record_number desc
        ) as delivery_rank
    from renamed

),

final as (

    select
        file_name,
        record_number,
        person_id,
        full_name,
        email,
        github_login,
        email_key,
        login_key,
        team,
        is_bot,
        employment_start_date,
        employment_end_date,
        case
            when rejection_reason is not null or value_repair is not null
                then source_record
        end as quarantined_record_text,
        rejection_reason,
        value_repair,
        rejection_reason is null and delivery_rank = 1 as is_current
    from ranked

)

select * from final
