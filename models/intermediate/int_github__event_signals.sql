{#- One row per current GitHub event and AI signal it carries (integrations section 6):
    an AI reviewer requested, an issue assigned to an AI agent, a comment invoking an AI
    reviewer, a comment mentioning an AI agent outside the reviewer commands. -#}
{#- The reviewer commands and agent names become two constant regular expressions when the
    model is compiled, so they are compiled once, not once per comment. -#}
{%- set reviewer_commands = github_signal_alternation('reviewer_command') -%}
{%- set agent_names = github_signal_alternation('agent_mention') -%}

with

events as (

    select * from {{ ref('stg_github__events') }}
    where is_current

),

github_signals as (

    select
        signal_type,
        lower(trim(value)) as value
    from {{ ref('ai_github_signals') }}

),

review_requests as (

    select
        events.event_id,
        'ai_reviewer_requested' as signal_name
    from events
    inner join github_signals
        on github_signals.signal_type = 'reviewer_account'
            and lower(events.requested_reviewer_login) = github_signals.value
    where events.event_type = 'PullRequestEvent'
        and events.action = 'review_requested'

),

agent_assignments as (

    select
        events.event_id,
        'ai_agent_assigned' as signal_name
    from events
    inner join github_signals
        on github_signals.signal_type = 'agent_account'
            and lower(events.assignee_login) = github_signals.value
    where events.event_type = 'IssuesEvent'
        and events.action = 'assigned'

),

comments as (

    select
        events.event_id,
        coalesce(events.comment_body, '') as comment_body
    from events
    where events.event_type in ('IssueCommentEvent', 'PullRequestReviewCommentEvent')

),

comment_signals as (

    select
        event_id,
        {{ regex_matches('comment_body', "'(?i)(" ~ reviewer_commands ~ ")'") }}
            as invokes_reviewer,
        {{ regex_matches(
            "regexp_replace(comment_body, '(?i)(" ~ reviewer_commands ~ ")', ' ', 'g')",
            "'(?i)(^|[^\\pL\\pN@.])@(" ~ agent_names ~ ")($|[^\\pL\\pN\\-\\[])'") }}
            as mentions_agent
    from comments

),

signals as (

    select * from review_requests
    union all
    select * from agent_assignments
    union all
    select
        event_id,
        'ai_reviewer_command' as signal_name
    from comment_signals
    where invokes_reviewer
    union all
    select
        event_id,
        'ai_agent_mention' as signal_name
    from comment_signals
    where mentions_agent

),

final as (

    select distinct
        events.event_id,
        events.event_type,
        events.account_key,
        events.activity_date,
        signals.signal_name
    from signals
    inner join events on signals.event_id = events.event_id

)

select * from final
