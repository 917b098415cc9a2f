-- The floor of `make bench`: the weekly organisation-level AI Active Users table
-- (marts.ai_active_users_weekly) computed straight from the landing files by one hand-written
-- DuckDB script, without dbt, staging tables or quarantine. It is what the engine needs at least
-- to answer the question; bench.py compares the dbt project's build time with it.
--
-- benchmarks/bench.py replaces __LANDING__ with the landing folder before running the script in
-- a fresh DuckDB connection; the last statement's rows are the weekly table.
--
-- The default rules of shared/integrations.md section 6 and contract.md sections 3-7, with these
-- documented simplifications (none of them changes a count on the generated sample data):
--   * every landing folder must exist and hold files (the generated data always has all five);
--   * counts are read as typed JSON numbers: no quarantine, no per-field invalid-count handling;
--   * de-duplication per source key as in the project (latest file name wins, then the last
--     line of the file for copilot, cursor and claude_code); for github and git the copies of one
--     id / sha inside one file are not ordered (the generator's are identical), and github events
--     are de-duplicated only among those that can carry a signal (review_requested, assigned,
--     comments);
--   * identity: the normalised key, mapped to a person by people.csv e-mail / login and
--     identities.csv; a key linked to two people or flagged is_shared counts for nobody; bots are
--     [bot] logins, the default bot seed, release robots and is_bot people. With only person-key
--     links, connected components are exactly "the key's person, else the key itself", so this
--     matches the project's union-find without one;
--   * the rules, AI accounts and git signatures are the seeds' default rows, written inline as
--     conditions (constant regular expressions, so each is compiled once);
--   * read_text + from_json for the one-document-per-file sources (cursor, claude_code): on
--     DuckDB 2.0 it is many times faster than read_json for large single-object files;
--   * reporting time zone UTC; coverage_start / as_of_date are the earliest / latest activity
--     date of any parsed record (no dbt vars).

set TimeZone = 'UTC';

create or replace temp macro email_key(value) as
    case
        when nullif(trim(value), '') is null then null
        when regexp_matches(lower(trim(value)), '^(?:[0-9]+\+)?([^@]+)@users\.noreply\.github\.com$')
            then 'login:' || regexp_extract(
                lower(trim(value)), '^(?:[0-9]+\+)?([^@]+)@users\.noreply\.github\.com$', 1)
        else 'email:' || lower(trim(value))
    end;

create or replace temp macro login_key(value) as
    case when nullif(trim(value), '') is not null then 'login:' || lower(trim(value)) end;

create or replace temp macro auto_key(value) as
    case when contains(value, '@') then email_key(value) else login_key(value) end;

create or replace temp macro truthy(value) as
    coalesce(lower(trim(value)) in ('true', 't', '1', 'yes', 'y'), false);

with

-- ---------------------------------------------------------------------------------- directory
people as (
    select
        trim(person_id) as person_id,
        email_key(email) as email_key,
        login_key(github_login) as login_key,
        truthy(is_bot) as is_bot,
        try_cast(nullif(trim(employment_start), '') as date) as employment_start,
        try_cast(nullif(trim(employment_end), '') as date) as employment_end
    from read_csv('__LANDING__/directory/people.csv', header = true, all_varchar = true)
        with ordinality
    where nullif(trim(person_id), '') is not null
        and coalesce(nullif(trim(email), ''), nullif(trim(github_login), '')) is not null
    qualify row_number() over (partition by trim(person_id) order by ordinality desc) = 1
),

identities as (
    select
        nullif(trim(person_id), '') as person_id,
        auto_key(account) as account_key,
        truthy(is_shared) as is_shared
    from read_csv('__LANDING__/directory/identities.csv', header = true, all_varchar = true)
    where nullif(trim(account), '') is not null
        and (nullif(trim(person_id), '') is not null or truthy(is_shared))
),

key_links as (
    select email_key as account_key, person_id, false as is_shared from people
    where email_key is not null
    union all
    select login_key, person_id, false from people
    where login_key is not null
    union all
    select account_key, person_id, is_shared from identities
),

key_people as (
    select
        account_key,
        bool_or(is_shared) or count(distinct person_id) > 1 as is_shared,
        max(person_id) as person_id
    from key_links
    group by account_key
),

bot_seed (account_key) as (
    values
        ('login:dependabot[bot]'), ('login:dependabot'), ('login:dependabot-preview[bot]'),
        ('email:support@dependabot.com'), ('login:renovate[bot]'), ('login:renovate'),
        ('email:bot@renovateapp.com'), ('login:github-actions[bot]'), ('login:github-actions'),
        ('email:action@github.com'), ('email:noreply@github.com'), ('login:web-flow'),
        ('login:ghost'), ('login:pre-commit-ci[bot]'), ('login:copilot'),
        ('email:noreply@anthropic.com'), ('email:cursoragent@cursor.com'),
        ('email:noreply@aider.chat')
),

-- -------------------------------------------------------------------------------------- copilot
copilot_records as (
    select
        filename as file_name,
        ordinality as record_number,
        try_cast(day as date) as activity_date,
        nullif(trim(user_id), '') as user_id,
        login_key(user_login) as account_key,
        code_acceptance_activity_count,
        used_agent,
        totals_by_cli.request_count as cli_request_count,
        coalesce(totals_by_feature, []) as features
    from read_json(
        '__LANDING__/copilot/*.ndjson',
        format = 'newline_delimited',
        columns = {
            day: 'VARCHAR', user_id: 'VARCHAR', user_login: 'VARCHAR',
            code_acceptance_activity_count: 'BIGINT', used_agent: 'BOOLEAN',
            totals_by_cli: 'STRUCT(request_count BIGINT)',
            totals_by_feature: 'STRUCT(feature VARCHAR, user_initiated_interaction_count BIGINT,
                code_acceptance_activity_count BIGINT, loc_added_sum BIGINT)[]'
        },
        filename = true
    ) with ordinality
    where try_cast(day as date) is not null and nullif(trim(user_login), '') is not null
),

copilot_hits as (
    select account_key, activity_date, unnest(dimensions) as dimension
    from (
        select
            account_key,
            activity_date,
            list_distinct(list_filter(
                list_transform(features, lambda f: case
                    when f.feature = 'code_completion' and f.code_acceptance_activity_count > 0
                        then 'coding_assistance'
                    when f.feature in ('chat_panel_ask_mode', 'chat_inline', 'chat_panel_custom_mode')
                        and f.user_initiated_interaction_count > 0
                        then 'coding_assistance'
                    when f.feature in ('chat_panel_edit_mode', 'agent_edit')
                        and (f.code_acceptance_activity_count > 0 or f.loc_added_sum > 0)
                        then 'ai_coding'
                    when f.feature in ('chat_panel_agent_mode', 'copilot_cli')
                        and f.user_initiated_interaction_count > 0
                        then 'coding_agents'
                    when f.feature = 'code_review' and f.user_initiated_interaction_count > 0
                        then 'code_review'
                end)
                || [
                    case when used_agent then 'coding_agents' end,
                    case when cli_request_count > 0 then 'coding_agents' end,
                    case when len(features) = 0 and code_acceptance_activity_count > 0
                        then 'coding_assistance' end
                ],
                lambda d: d is not null
            )) as dimensions
        from copilot_records
        qualify row_number() over (
            partition by activity_date, coalesce(user_id, account_key)
            order by file_name desc, record_number desc
        ) = 1
    )
),

-- --------------------------------------------------------------------------------------- cursor
cursor_records as (
    select
        file_name,
        record_number,
        cast(epoch_ms(r.date) as date) as activity_date,
        email_key(r.email) as account_key,
        r.*
    from (
        -- one JSON document per file: read_text + from_json is much faster than read_json here
        select
            filename as file_name,
            unnest(document.data) as r,
            generate_subscripts(document.data, 1) as record_number
        from (
            select
                filename,
                from_json(content, '{"data": [{"date": "BIGINT", "email": "VARCHAR",
                    "totalTabsAccepted": "BIGINT", "chatRequests": "BIGINT",
                    "cmdkUsages": "BIGINT", "totalAccepts": "BIGINT", "totalApplies": "BIGINT",
                    "acceptedLinesAdded": "BIGINT", "composerRequests": "BIGINT",
                    "bugbotUsages": "BIGINT", "agentRequests": "BIGINT"}]}') as document
            from read_text('__LANDING__/cursor/*.json')
        )
    )
    where r.date >= 100000000000 and nullif(trim(r.email), '') is not null
),

cursor_hits as (
    select account_key, activity_date, unnest(dimensions) as dimension
    from (
        select
            account_key,
            activity_date,
            list_filter([
                case when totalTabsAccepted > 0 or chatRequests > 0 or cmdkUsages > 0
                    then 'coding_assistance' end,
                case when totalAccepts > 0 or totalApplies > 0 or acceptedLinesAdded > 0
                    or composerRequests > 0 then 'ai_coding' end,
                case when bugbotUsages > 0 then 'code_review' end,
                case when agentRequests > 0 then 'coding_agents' end
            ], lambda d: d is not null) as dimensions
        from cursor_records
        qualify row_number() over (
            partition by activity_date, account_key order by file_name desc, record_number desc
        ) = 1
    )
),

-- ---------------------------------------------------------------------------------- claude_code
claude_code_records as (
    select
        file_name,
        record_number,
        cast(try_cast(r.date as timestamptz) as date) as activity_date,
        r.actor.type as actor_type,
        case when r.actor.type = 'user_actor' then email_key(r.actor.email_address) end
            as account_key,
        lower(r.actor.api_key_name) as api_key_name,
        coalesce(nullif(trim(r.terminal_type), ''), 'unknown') as terminal_type,
        r.core_metrics.num_sessions as num_sessions,
        r.core_metrics.commits_by_claude_code as commits,
        r.core_metrics.pull_requests_by_claude_code as pull_requests,
        coalesce(r.tool_actions.edit_tool.accepted, 0)
        + coalesce(r.tool_actions.multi_edit_tool.accepted, 0)
        + coalesce(r.tool_actions.write_tool.accepted, 0)
        + coalesce(r.tool_actions.notebook_edit_tool.accepted, 0) as accepted_tool_actions
    from (
        select
            filename as file_name,
            unnest(document.data) as r,
            generate_subscripts(document.data, 1) as record_number
        from (
            select
                filename,
                from_json(content, '{"data": [{"date": "VARCHAR", "terminal_type": "VARCHAR",
                    "actor": {"type": "VARCHAR", "email_address": "VARCHAR",
                        "api_key_name": "VARCHAR"},
                    "core_metrics": {"num_sessions": "BIGINT", "commits_by_claude_code": "BIGINT",
                        "pull_requests_by_claude_code": "BIGINT"},
                    "tool_actions": {"edit_tool": {"accepted": "BIGINT"},
                        "multi_edit_tool": {"accepted": "BIGINT"},
                        "write_tool": {"accepted": "BIGINT"},
                        "notebook_edit_tool": {"accepted": "BIGINT"}}}]}') as document
            from read_text('__LANDING__/claude_code/*.json')
        )
    )
    where try_cast(r.date as timestamptz) is not null and r.actor.type is not null
),

claude_code_hits as (
    select account_key, activity_date, unnest(dimensions) as dimension
    from (
        select
            account_key,
            activity_date,
            list_filter([
                case when accepted_tool_actions > 0 then 'ai_coding' end,
                case when num_sessions > 0 or commits > 0 or pull_requests > 0
                    then 'coding_agents' end
            ], lambda d: d is not null) as dimensions
        from claude_code_records
        where actor_type = 'user_actor'
        qualify row_number() over (
            partition by activity_date, actor_type, coalesce(account_key, api_key_name),
                terminal_type
            order by file_name desc, record_number desc
        ) = 1
    )
),

-- --------------------------------------------------------------------------------------- github
github_records as (
    select
        filename as file_name,
        nullif(trim(id), '') as event_id,
        type as event_type,
        cast(try_cast(created_at as timestamptz) as date) as activity_date,
        login_key(actor.login) as account_key,
        payload.action as action,
        lower(payload.requested_reviewer.login) as reviewer,
        lower(payload.assignee.login) as assignee,
        payload.comment.body as comment_body
    from read_json(
        '__LANDING__/github/*.ndjson',
        format = 'newline_delimited',
        columns = {
            id: 'VARCHAR', type: 'VARCHAR', actor: 'STRUCT(login VARCHAR)',
            created_at: 'VARCHAR',
            payload: 'STRUCT(action VARCHAR, requested_reviewer STRUCT(login VARCHAR),
                assignee STRUCT(login VARCHAR), comment STRUCT(body VARCHAR))'
        },
        filename = true
    )
    where nullif(trim(id), '') is not null
        and try_cast(created_at as timestamptz) is not null
        and nullif(trim(actor.login), '') is not null
),

github_events as (
    -- the events that can carry a signal, one per id: the latest file's copy
    select
        event_id,
        arg_max(
            struct_pack(account_key, activity_date, event_type, action, reviewer, assignee,
                comment_body),
            file_name
        ) as e
    from github_records
    where (event_type = 'PullRequestEvent' and action = 'review_requested')
        or (event_type = 'IssuesEvent' and action = 'assigned')
        or event_type in ('IssueCommentEvent', 'PullRequestReviewCommentEvent')
    group by event_id
),

github_hits as (
    select e.account_key, e.activity_date, unnest(list_filter([
        case
            when e.event_type = 'PullRequestEvent' and e.action = 'review_requested'
                and e.reviewer in ('gemini-code-assist[bot]', 'coderabbitai[bot]',
                    'copilot-pull-request-reviewer[bot]', 'sourcery-ai[bot]', 'copilot')
                then 'code_review'
            when e.event_type = 'IssuesEvent' and e.action = 'assigned'
                and e.assignee in ('copilot', 'copilot-swe-agent[bot]', 'google-labs-jules[bot]',
                    'claude[bot]', 'devin-ai-integration[bot]')
                then 'coding_agents'
        end,
        case when e.event_type in ('IssueCommentEvent', 'PullRequestReviewCommentEvent')
            and regexp_matches(coalesce(e.comment_body, ''),
                '(?i)(/gemini review|@coderabbitai review|@copilot review|@cursor review|bugbot run)')
            then 'code_review' end,
        case when e.event_type in ('IssueCommentEvent', 'PullRequestReviewCommentEvent')
            and regexp_matches(
                regexp_replace(coalesce(e.comment_body, ''),
                    '(?i)(/gemini review|@coderabbitai review|@copilot review|@cursor review|bugbot run)',
                    ' ', 'g'),
                '(?i)(^|[^\pL\pN@.])@(claude|codex|copilot|cursor|devin|jules)($|[^\pL\pN\-\[])')
            then 'coding_agents' end
    ], lambda d: d is not null)) as dimension
    from github_events
),

-- ------------------------------------------------------------------------------------------ git
git_records as (
    select
        filename as file_name,
        lower(trim(sha)) as commit_sha,
        email_key(author_email) as account_key,
        cast(try_cast(authored_at as timestamptz) as date) as activity_date,
        message
    from read_json(
        '__LANDING__/git/*.ndjson',
        format = 'newline_delimited',
        columns = {
            sha: 'VARCHAR', author_email: 'VARCHAR', authored_at: 'VARCHAR', message: 'VARCHAR'
        },
        filename = true,
        maximum_object_size = 67108864
    )
    where nullif(trim(sha), '') is not null and try_cast(authored_at as timestamptz) is not null
),

git_commits as (
    -- one row per sha, the latest file's copy; the message lower-cased (every rule is
    -- case-insensitive) with CR LF / CR read as LF
    select
        commit_sha,
        c.account_key,
        c.activity_date,
        lower(replace(replace(coalesce(c.message, ''), chr(13) || chr(10), chr(10)),
            chr(13), chr(10))) as message
    from (
        select
            commit_sha,
            arg_max(struct_pack(account_key, activity_date, message), file_name) as c
        from git_records
        group by commit_sha
    )
),

trailers as (
    -- the lines of the last paragraph (after the last blank line) of the form `Key: value`,
    -- for the three trailer keys the rules read; only messages that hold one of them at all
    select
        commit_sha,
        trailer_key,
        trim(regexp_extract(line, '^[a-z0-9][a-z0-9-]*\s*:\s*([^<]*)', 1)) as trailer_name,
        nullif(trim(regexp_extract(line, '<([^>]*)>', 1)), '') as trailer_email,
        nullif(regexp_extract(trim(regexp_extract(line, '<([^>]*)>', 1)),
            '^(?:[0-9]+\+)?([^@]+)@users\.noreply\.github\.com$', 1), '') as trailer_login
    from (
        select
            commit_sha,
            line,
            regexp_extract(line, '^([a-z0-9][a-z0-9-]*)\s*:', 1) as trailer_key
        from (
            select
                commit_sha,
                trim(unnest(string_split(last_paragraph, chr(10)))) as line
            from (
                select
                    commit_sha,
                    nullif(regexp_extract(
                        rtrim(message, ' ' || chr(9) || chr(10)), '(?s)^.*\n[ \t]*\n(.*)$', 1
                    ), '') as last_paragraph
                from git_commits
                where contains(message, 'co-authored-by')
                    or contains(message, 'assisted-by')
                    or contains(message, 'generated-by')
            )
            where last_paragraph is not null
        )
        where regexp_matches(line, '^[a-z0-9][a-z0-9-]*\s*:\s*\S')
    )
    where trailer_key in ('co-authored-by', 'assisted-by', 'generated-by')
),

trailer_kinds as (
    -- the kinds of AI signature a trailer names (the ai_signatures seed, written as conditions)
    select commit_sha, trailer_key, unnest(list_filter([
        case
            when trailer_name in ('claude', 'claude[bot]', 'copilot', 'copilot-swe-agent[bot]',
                    'google-labs-jules[bot]', 'cursor agent', 'devin-ai-integration[bot]', 'codex')
                or regexp_matches(trailer_name,
                    '^claude\s+(opus|sonnet|haiku|code|v?[0-9][0-9.]*)(\s.*)?$')
                or trailer_email in ('noreply@anthropic.com', 'cursoragent@cursor.com')
                or trailer_login in ('claude[bot]', 'copilot', 'copilot-swe-agent[bot]',
                    'google-labs-jules[bot]', 'devin-ai-integration[bot]')
                then 'ai_coding_agent'
        end,
        case
            when trailer_name in ('gemini-code-assist[bot]', 'coderabbitai[bot]',
                    'copilot-pull-request-reviewer[bot]', 'sourcery-ai[bot]')
                or trailer_login in ('gemini-code-assist[bot]', 'coderabbitai[bot]',
                    'copilot-pull-request-reviewer[bot]', 'sourcery-ai[bot]')
                then 'ai_review_bot'
        end,
        case when regexp_matches(trailer_name, '^aider(\s*\(.*\))?$') then 'aider' end,
        case
            when regexp_matches(trailer_name,
                    '(^|[^a-z0-9])claude($|\s+(opus|sonnet|haiku|code|v?[0-9])|[^a-z0-9\s])')
                or regexp_matches(trailer_name,
                    '(^|[^a-z0-9])(copilot|cursor|gemini|codex|chatgpt)($|[^a-z0-9])')
                then 'ai_tool'
        end
    ], lambda k: k is not null)) as kind
    from trailers
),

git_hits as (
    select git_commits.account_key, git_commits.activity_date, signals.dimension
    from (
        select distinct
            commit_sha,
            case
                when trailer_key = 'co-authored-by' and kind = 'ai_review_bot' then 'code_review'
                when trailer_key = 'co-authored-by' and kind = 'ai_coding_agent'
                    then 'coding_agents'
                when trailer_key = 'co-authored-by' and kind = 'aider' then 'ai_coding'
                when trailer_key in ('assisted-by', 'generated-by') then 'ai_coding'
            end as dimension
        from trailer_kinds
    ) as signals
    inner join git_commits on signals.commit_sha = git_commits.commit_sha
    where signals.dimension is not null
    union all
    select account_key, activity_date, unnest(list_filter([
        case when contains(message, 'generated with [claude code]') then 'coding_agents' end,
        case when starts_with(ltrim(message), 'aider:') then 'ai_coding' end
    ], lambda d: d is not null)) as dimension
    from git_commits
),

-- ----------------------------------------------------------------------- period and identities
activity_dates as (
    select min(activity_date) as first_date, max(activity_date) as last_date from copilot_records
    union all
    select min(activity_date), max(activity_date) from cursor_records
    union all
    select min(activity_date), max(activity_date) from claude_code_records
    union all
    select min(activity_date), max(activity_date) from github_records
    union all
    select min(activity_date), max(activity_date) from git_records
),

period as (
    select min(first_date) as coverage_start, max(last_date) as as_of_date from activity_dates
),

hits as (
    select distinct account_key, activity_date, dimension
    from (
        select * from copilot_hits
        union all
        select * from cursor_hits
        union all
        select * from claude_code_hits
        union all
        select * from github_hits
        union all
        select * from git_hits
    )
    where account_key is not null and dimension is not null
),

resolved as (
    select
        keys.account_key,
        coalesce(key_people.person_id, keys.account_key) as developer_id,
        people.person_id as rostered_person_id
    from (select distinct account_key from hits) as keys
    left join key_people on keys.account_key = key_people.account_key
    left join people on key_people.person_id = people.person_id
    where not coalesce(key_people.is_shared, false)
        and not coalesce(people.is_bot, false)
        and keys.account_key not in (select account_key from bot_seed)
        and not (keys.account_key like 'login:%' and keys.account_key like '%[bot]')
        and not regexp_matches(
            case
                when keys.account_key like 'email:%'
                    then split_part(substr(keys.account_key, 7), '@', 1)
                else substr(keys.account_key, 7)
            end,
            '(-bot|-robot|_bot|\.bot)$')
),

attributed as (
    select distinct
        resolved.developer_id,
        resolved.rostered_person_id,
        hits.activity_date,
        hits.dimension
    from hits
    inner join resolved on hits.account_key = resolved.account_key
    cross join period
    where hits.activity_date between period.coverage_start and period.as_of_date
),

developer_days as (
    select developer_id, rostered_person_id, activity_date, dimension from attributed
    union all
    select distinct developer_id, rostered_person_id, activity_date, 'all' from attributed
),

-- ----------------------------------------------------------------------------------- the table
weeks as (
    select
        cast(week_start as date) as bucket_start,
        cast(week_start as date) + 6 as bucket_end,
        cast(week_start as date) >= period.coverage_start
        and cast(week_start as date) + 6 <= period.as_of_date as is_complete
    from period,
        generate_series(
            cast(date_trunc('week', period.coverage_start) as timestamp),
            cast(date_trunc('week', period.as_of_date) as timestamp),
            interval 7 day
        ) as series (week_start)
),

dimensions (dimension) as (
    values ('coding_assistance'), ('ai_coding'), ('code_review'), ('coding_agents'), ('all')
),

headcount_people as (
    select weeks.bucket_start, people.person_id
    from weeks
    inner join people
        on not people.is_bot
            and coalesce(people.employment_start <= weeks.bucket_end, true)
            and coalesce(people.employment_end >= weeks.bucket_start, true)
),

headcounts as (
    select bucket_start, count(*) as headcount from headcount_people group by bucket_start
),

weekly_active as (
    select
        cast(date_trunc('week', developer_days.activity_date) as date) as bucket_start,
        developer_days.dimension,
        count(distinct developer_days.developer_id) as active_users,
        count(distinct headcount_people.person_id) as active_rostered_users
    from developer_days
    left join headcount_people
        on developer_days.rostered_person_id = headcount_people.person_id
            and cast(date_trunc('week', developer_days.activity_date) as date)
            = headcount_people.bucket_start
    group by all
)

select
    weeks.bucket_start,
    weeks.bucket_end,
    dimensions.dimension,
    coalesce(weekly_active.active_users, 0) as active_users,
    coalesce(weekly_active.active_rostered_users, 0) as active_rostered_users,
    coalesce(headcounts.headcount, 0) as headcount,
    cast(coalesce(weekly_active.active_rostered_users, 0) as double)
    / nullif(coalesce(headcounts.headcount, 0), 0) as adoption_rate,
    weeks.is_complete
from weeks
cross join dimensions
left join weekly_active
    on weeks.bucket_start = weekly_active.bucket_start
        and dimensions.dimension = weekly_active.dimension
left join headcounts on weeks.bucket_start = headcounts.bucket_start
order by weeks.bucket_start, dimensions.dimension;
