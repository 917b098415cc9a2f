{#- Which teams adopt AI tools, and how broadly? Average weekly active users and adoption rate
    per team over the last four complete ISO weeks, all dimensions together. Unassigned comes
    last: it is no team but the people without one, and its active users count every unrostered
    developer. -#}
with

headline as (

    select * from {{ ref('ai_active_users_headline_by_team') }}
    where grain = 'week' and window_buckets = 4 and dimension = 'all'

),

weekly as (

    select * from {{ ref('ai_active_users_by_team_weekly') }}
    where dimension = 'all' and is_complete

),

window_adoption as (

    select
        weekly.team,
        avg(weekly.adoption_rate) as avg_adoption_rate,
        avg(weekly.headcount) as avg_headcount
    from weekly
    inner join headline
        on weekly.team = headline.team
            and weekly.bucket_start >= headline.window_start
            and weekly.bucket_end <= headline.window_end
    group by weekly.team

)

select
    headline.team,
    headline.window_start,
    headline.window_end,
    headline.avg_active_users,
    headline.distinct_active_users,
    window_adoption.avg_headcount,
    window_adoption.avg_adoption_rate
from headline
left join window_adoption on headline.team = window_adoption.team
order by
    headline.team = 'Unassigned' asc,
    window_adoption.avg_adoption_rate desc nulls last,
    headline.team asc
