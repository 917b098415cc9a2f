{#- One row per current commit and AI signal found in its message: trailers of the last
    paragraph (Co-authored-by, Assisted-by, Generated-by, ...) matched against the ai_signatures
    seed, and whole-message signatures (Generated with [Claude Code], aider:). -#}
{{ config(
    materialized='incremental',
    incremental_strategy='replace_partitions',
    partitions_of='stg_git__commits',
) }}

with

commits as (

    select * from {{ ref('stg_git__commits') }}
    where is_current
        and {{ partitions_to_rebuild() }}

),

signatures as (

    select
        lower(pattern) as pattern,
        match_type,
        kind,
        tool
    from {{ ref('ai_signatures') }}

),

multi_line_messages as (

    select
        commit_sha,
        {{ trimmed_text('message', 'trailing') }} as message
    from commits
    where contains(message, chr(10))

),

last_paragraphs as (

    select
        commit_sha,
        {{ last_paragraph('message') }} as last_paragraph
    from multi_line_messages

),

paragraph_lines as (

    {#- Not filtered on last_paragraph, which would evaluate it twice: a NULL list unnests to no
        row. -#}
    select
        commit_sha,
        unnest(string_split(last_paragraph, chr(10))) as paragraph_line
    from last_paragraphs

),

trailer_lines as (

    {#- Every white space character (a tab, a no-break space) becomes a space, so that a line
        indented with a tab is a trailer as one indented with a space is, and `\s` below and
        trim see one kind of white space. The replace, four times the cost of the test, runs
        only on a line that holds other white space than a space. -#}
    select
        commit_sha,
        trim(
            case
                when regexp_matches(paragraph_line, '{{ whitespace_regex_class(excluding=[32]) }}')
                    then regexp_replace(paragraph_line, '{{ whitespace_regex_class() }}', ' ', 'g')
                else paragraph_line
            end
        ) as trailer_line
    from paragraph_lines

),

trailer_values as (

    select
        commit_sha,
        lower(regexp_extract(trailer_line, '^([A-Za-z0-9][A-Za-z0-9-]*)\s*:', 1)) as trailer_key,
        regexp_extract(trailer_line, '^[A-Za-z0-9][A-Za-z0-9-]*\s*:\s*(.*)$', 1) as trailer_value
    from trailer_lines
    where regexp_matches(trailer_line, '^[A-Za-z0-9][A-Za-z0-9-]*\s*:\s*\S')

),

trailers as (

    {#- `Name <e-mail>`, and the e-mail of `Name <e-mail` (no `>`) too. Without `<`, the value
        is the name, and its last word is the e-mail when it holds an `@`
        (`Co-authored-by: noreply@anthropic.com`). -#}
    select
        commit_sha,
        trailer_key,
        trim(regexp_extract(trailer_value, '^([^<]*?)\s*(?:<|$)', 1)) as trailer_name,
        nullif(trim(
            case
                when contains(trailer_value, '<')
                    then regexp_extract(trailer_value, '<([^>]*)', 1)
                else regexp_extract(trailer_value, '([^\s<]+@\S*)$', 1)
            end
        ), '') as trailer_email
    from trailer_values

),

trailer_identities as materialized (

    {#- Read four times below: inlined, its regular expressions would run four times. -#}
    select
        commit_sha,
        trailer_key,
        lower(trailer_name) as trailer_name,
        lower(trailer_email) as trailer_email,
        case
            when {{ normalize_account_key('trailer_email', 'email') }} like 'login:%'
                then substr({{ normalize_account_key('trailer_email', 'email') }}, 7)
        end as trailer_login
    from trailers

),

distinct_trailer_names as (

    select distinct trailer_name from trailer_identities

),

name_signatures as (

    {#- Names are matched once per distinct name, not per trailer: a regular expression whose
        pattern comes from the seed is compiled for every row it meets. -#}
    select
        distinct_trailer_names.trailer_name,
        signatures.kind,
        signatures.tool
    from distinct_trailer_names
    inner join signatures
        on (
            signatures.match_type = 'name'
            and distinct_trailer_names.trailer_name = signatures.pattern
        )
        or (
            signatures.match_type = 'name_regex'
            and {{ regex_matches('distinct_trailer_names.trailer_name', 'signatures.pattern') }}
        )

),

trailer_matches as (

    select
        trailer_identities.commit_sha,
        trailer_identities.trailer_key,
        name_signatures.kind,
        name_signatures.tool
    from trailer_identities
    inner join name_signatures
        on trailer_identities.trailer_name = name_signatures.trailer_name

    union all

    select
        trailer_identities.commit_sha,
        trailer_identities.trailer_key,
        signatures.kind,
        signatures.tool
    from trailer_identities
    inner join signatures
        on signatures.match_type = 'email'
            and trailer_identities.trailer_email = signatures.pattern

    union all

    select
        trailer_identities.commit_sha,
        trailer_identities.trailer_key,
        signatures.kind,
        signatures.tool
    from trailer_identities
    inner join signatures
        on signatures.match_type = 'login'
            and trailer_identities.trailer_login = signatures.pattern

),

trailer_signals as (

    select distinct
        commit_sha,
        trailer_key as signal_scope,
        kind as signal_kind,
        tool
    from trailer_matches

),

lowered_messages as (

    select
        commit_sha,
        lower(message) as message
    from commits

),

message_signals as (

    select distinct
        lowered_messages.commit_sha,
        'message' as signal_scope,
        signatures.kind as signal_kind,
        signatures.tool
    from lowered_messages
    inner join signatures
        on (
            signatures.match_type = 'message_contains'
            and contains(lowered_messages.message, signatures.pattern)
        )
        or (
            signatures.match_type = 'message_prefix'
            and starts_with(
                {{ trimmed_text('lowered_messages.message', 'leading') }},
                signatures.pattern
            )
        )

),

signals as (

    select * from trailer_signals
    union all
    select * from message_signals

),

final as (

    select
        commits.commit_sha,
        commits.repository,
        commits.account_key,
        commits.activity_date,
        signals.signal_scope,
        signals.signal_kind,
        signals.tool,
        commits.partition_date,
        {{ loaded_at() }} as loaded_at
    from signals
    inner join commits on signals.commit_sha = commits.commit_sha

)

select * from final
