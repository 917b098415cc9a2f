{#- One row: what the replace_dates models (macros/incremental_derived.sql) read besides dated
    rows and resolved identities. inputs_fingerprint changes with any directory row, the start
    of the period or the first day of the calendar, and makes them rebuild in full; as_of_date
    and the calendar's last day tell which days entered or left the reporting period since
    their last build. -#}
with

period as (

    select * from {{ ref('int_reporting_period') }}

),

calendar as (

    select
        min(calendar_date) as calendar_first_day,
        max(calendar_date) as calendar_last_day
    from {{ ref('int_calendar_days') }}

),

final as (

    select
        {{ dbt.hash(dbt.concat([
            relation_fingerprint(ref('stg_directory__people')), "'|'",
            relation_fingerprint(ref('stg_directory__team_memberships')), "'|'",
            "coalesce(cast(period.coverage_start as " ~ dbt.type_string() ~ "), '')", "'|'",
            "coalesce(cast(calendar.calendar_first_day as " ~ dbt.type_string() ~ "), '')"])) }}
            as inputs_fingerprint,
        period.coverage_start,
        period.as_of_date,
        calendar.calendar_first_day,
        calendar.calendar_last_day
    from period
    cross join calendar

)

select * from final
