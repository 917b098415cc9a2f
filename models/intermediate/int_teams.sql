{#- One row per team: every team named in people.csv or team_memberships.csv, and Unassigned. -#}
with

people as (

    select * from {{ ref('stg_directory__people') }}
    where is_current

),

memberships as (

    select * from {{ ref('stg_directory__team_memberships') }}
    where is_current

),

teams as (

    select team from people
    where team is not null
    union
    select team from memberships
    union
    select 'Unassigned' as team

)

select team from teams
