{#- One row per team: every team named in people.csv or team_memberships.csv, and Unassigned
    (contract section 7). Every row that names a team counts, also one in quarantine (a
    membership whose valid_to is not after its valid_from) or superseded by a later row: the
    team is still named in the directory, and its rows are zero-filled like any other. -#}
with

people as (

    select * from {{ ref('stg_directory__people') }}

),

memberships as (

    select * from {{ ref('stg_directory__team_memberships') }}

),

final as (

    select team from people
    where team is not null
    union
    select team from memberships
    where team is not null
    union
    select 'Unassigned' as team

)

select * from final
