{{ config(severity='warn') }}
{#- Warns when the AI coding agents one can assign (ai_github_signals, `agent_account`) and the
    agent logins of the git rule (ai_signatures, match_type `login`, kind `ai_coding_agent`)
    differ: integrations section 6 makes them one list, kept in two seeds, so an analyst who adds
    or removes an agent in one seed is told to edit the other. -#}
with

assignable as (

    select distinct lower(value) as login
    from {{ ref('ai_github_signals') }}
    where signal_type = 'agent_account'

),

git_agents as (

    select distinct lower(pattern) as login
    from {{ ref('ai_signatures') }}
    where match_type = 'login' and kind = 'ai_coding_agent'

)

select
    coalesce(assignable.login, git_agents.login) as login,
    case
        when git_agents.login is null
            then 'an agent_account of ai_github_signals, no ai_coding_agent login of ai_signatures'
        else 'an ai_coding_agent login of ai_signatures, no agent_account of ai_github_signals'
    end as mismatch
from assignable
full outer join git_agents on assignable.login = git_agents.login
where assignable.login is null or git_agents.login is null
