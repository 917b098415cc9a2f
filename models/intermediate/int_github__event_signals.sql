{#- One row per current GitHub event and AI signal it carries (integrations section 6):
    an AI reviewer requested, an issue assigned to an AI agent, a comment invoking an AI
    reviewer, a comment mentioning an AI agent outside the reviewer commands. -#}
{#- Matching uses no regular expression built from the seed (that would be compiled once per
    comment): reviewer commands are case-insensitive substrings, removed from the comment before
    one constant expression extracts its `@name` mentions. -#}

{{ config(
    materialized='incremental',
    incremental_strategy='replace_partitions',
    partitions_of='stg_github__events',
) }}

with

typed_events as (

    select
        event_id,
        event_type,
        account_key,
        activity_date,
        requested_reviewer_login,
        assignee_login,
        comment_body,
        partition_date,
        event_type = 'PullRequestEvent' and action = 'review_requested' as is_review_request,
        event_type = 'IssuesEvent' and action = 'assigned' as is_assignment,
        event_type in ('IssueCommentEvent', 'PullRequestReviewCommentEvent') as is_comment
    from {{ ref('stg_github__events') }}
    where is_current
        and {{ partitions_to_rebuild() }}

),

events as (

    {#- Only the events a rule below can read: the CTE is read five times, and these are a
        quarter of all events. -#}
    select * from typed_events
    where is_review_request or is_assignment or is_comment

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
    where events.is_review_request

),

agent_assignments as (

    select
        events.event_id,
        'ai_agent_assigned' as signal_name
    from events
    inner join github_signals
        on github_signals.signal_type = 'agent_account'
            and lower(events.assignee_login) = github_signals.value
    where events.is_assignment

),

comments as (

    select
        event_id,
        lower(coalesce(comment_body, '')) as comment_body
    from events
    where is_comment

),

reviewer_commands as (

    select value as command from github_signals
    where signal_type = 'reviewer_command'

),

agent_names as (

    select value as agent_name from github_signals
    where signal_type = 'agent_mention'

),

command_list as (

    {#- Longest first: a command that holds another is removed whole. #}
    select coalesce(list(command order by length(command) desc, command), []) as commands
    from reviewer_commands

),

comments_without_commands as (

    {#- noqa: sqlfluff's duckdb dialect does not parse a two-argument lambda (list_reduce). Only
        a comment holding an `@` can mention an agent (replacing by spaces adds none). -#}
    select
        comments.event_id,
        {{ replace_each('comments.comment_body', 'command_list.commands', "' '") }} -- noqa: PRS
            as remaining_body
    from comments
    cross join command_list
    where contains(comments.comment_body, '@')

),

reviewer_command_hits as (

    select distinct comments.event_id
    from comments
    inner join reviewer_commands
        on contains(comments.comment_body, reviewer_commands.command)

),

mention_tokens as (

    {#- `@` not preceded by a letter, digit, `@` or `.`, then the longest run of letters,
        digits, `-` and `[`: the mention is of `name` exactly when the run equals it. Matches
        do not overlap, so a run ending in `-` or `[` right before an `@` (`@jules-@claude`)
        would take the character that lets the next `@` start a mention: a space goes between
        them first. -#}
    select
        event_id,
        unnest({{ regex_extract_all(
            "replace(replace(remaining_body, '-@', '- @'), '[@', '[ @')",
            "'(?:^|[^\\pL\\pN@.])@([\\pL\\pN\\-\\[]+)'", 1) }})
            as mentioned_name
    from comments_without_commands
    where contains(remaining_body, '@')

),

agent_mention_hits as (

    select distinct mention_tokens.event_id
    from mention_tokens
    inner join agent_names on mention_tokens.mentioned_name = agent_names.agent_name

),

comment_signals as (

    select
        event_id,
        'ai_reviewer_command' as signal_name
    from reviewer_command_hits

    union all

    select
        event_id,
        'ai_agent_mention' as signal_name
    from agent_mention_hits

),

signals as (

    select * from review_requests
    union all
    select * from agent_assignments
    union all
    select * from comment_signals

),

final as (

    select distinct
        events.event_id,
        events.event_type,
        events.account_key,
        events.activity_date,
        signals.signal_name,
        events.partition_date,
        {{ loaded_at() }} as loaded_at
    from signals
    inner join events on signals.event_id = events.event_id

)

select * from final
