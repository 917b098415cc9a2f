{#- One row per rostered person (people.csv, not a bot) and calendar day: whether employed that
    day and the team that day (the membership with the latest valid_from covering the day, the
    later line of the file on a tie, else people.team, else Unassigned). -#}
{{ replace_dates_config('calendar_date') }}
{%- set rebuild_dates = derived_rebuild_dates() %}
with

directory_people as (

    select * from {{ ref('stg_directory__people') }}
    where is_current and not is_bot

),

bot_keys as (

    {#- A shared key is a bot when one of its people is; that says nothing of the others. -#}
    select account_key from {{ ref('int_identities_resolved') }}
    where is_bot and not is_shared

),

memberships as (

    select * from {{ ref('stg_directory__team_memberships') }}
    where is_current

),

calendar_days as (

    select * from {{ ref('int_calendar_days') }}
    where {{ rebuilt_dates_filter('calendar_date', rebuild_dates) }}

),

people as (

    {#- A person whose own e-mail or login is a bot ([bot] login, bot seed, release robot) is a
        bot even when is_bot is not set (int_identities_resolved: a bot person). -#}
    select directory_people.*
    from directory_people
    where not exists (
            select 1
            from bot_keys
            where bot_keys.account_key in (directory_people.email_key, directory_people.login_key)
        )

),

person_days as (

    select
        people.person_id,
        people.team as directory_team,
        calendar_days.calendar_date,
        coalesce(people.employment_start_date <= calendar_days.calendar_date, true)
        and coalesce(people.employment_end_date >= calendar_days.calendar_date, true)
            as is_employed
    from people
    cross join calendar_days

),

covering_memberships as (

    select
        person_days.person_id,
        person_days.calendar_date,
        memberships.team,
        row_number() over (
            partition by person_days.person_id, person_days.calendar_date
            order by memberships.valid_from_date desc, memberships.record_number desc
        ) as membership_rank
    from person_days
    inner join memberships
        on person_days.person_id = memberships.person_id
            and person_days.calendar_date >= memberships.valid_from_date
            and (
                memberships.valid_to_date is null
                or person_days.calendar_date < memberships.valid_to_date
            )

),

final as (

    select
        person_days.person_id,
        person_days.calendar_date,
        person_days.is_employed,
        coalesce(covering_memberships.team, person_days.directory_team, 'Unassigned') as team
    from person_days
    left join covering_memberships
        on person_days.person_id = covering_memberships.person_id
            and person_days.calendar_date = covering_memberships.calendar_date
            and covering_memberships.membership_rank = 1

)

select * from final
