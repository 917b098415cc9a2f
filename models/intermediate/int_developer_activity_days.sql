{#- One row per developer, activity date and dimension (the four AI dimensions and `all`, their
    union), with the developer's roster person and team on that date. -#}
{{ replace_dates_config('activity_date') }}
{%- set rebuild_dates = derived_rebuild_dates() %}
with

qualified as (

    select * from {{ ref('int_interactions_qualified') }}
    where {{ rebuilt_dates_filter('activity_date', rebuild_dates) }}

),

identities as (

    select * from {{ ref('int_identities_resolved') }}

),

person_days as (

    select * from {{ ref('int_person_days') }}
    where {{ rebuilt_dates_filter('calendar_date', rebuild_dates) }}

),

developers as (

    select distinct
        developer_id,
        person_id
    from identities
    where developer_id is not null

),

developer_dimension_days as (

    select distinct
        developer_id,
        activity_date,
        dimension
    from qualified
    {# `all` is no rule's dimension (accepted_values on qualifying_rules): nothing to
        de-duplicate between the two halves. #}
    union all
    select distinct
        developer_id,
        activity_date,
        'all' as dimension
    from qualified

),

final as (

    select
        developer_dimension_days.developer_id,
        developer_dimension_days.activity_date,
        developer_dimension_days.dimension,
        developers.person_id,
        person_days.person_id is not null as is_rostered,
        coalesce(person_days.team, 'Unassigned') as team
    from developer_dimension_days
    left join developers
        on developer_dimension_days.developer_id = developers.developer_id
    left join person_days
        on developers.person_id = person_days.person_id
            and developer_dimension_days.activity_date = person_days.calendar_date

)

select * from final
