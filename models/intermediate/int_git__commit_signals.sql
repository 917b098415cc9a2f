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

last_paragraphs as (

    select
        commit_sha,
        {{ last_paragraph(trim_characters('message', ["' '", 'chr(9)', 'chr(10)'], 'trailing')) }}
            as last_paragraph
    from commits
    where contains(message, chr(10))

),

trailer_lines as (

    {#- Not filtered on last_paragraph, which would evaluate it twice: a NULL list unnests to no
        row. -#}
    select
        commit_sha,
        trim(unnest(string_split(last_paragraph, chr(10)))) as trailer_line
    from last_paragraphs

),

trailers as (

    select
        commit_sha,
        lower(regexp_extract(trailer_line, '^([A-Za-z0-9][A-Za-z0-9-]*)\s*:', 1)) as trailer_key,
        {#- The name ends before the e-mail's `<`, and before any white space there: trim
            leaves a tab (`Co-authored-by: Codex<TAB>`). #}
        trim(regexp_extract(
            trailer_line, '^[A-Za-z0-9][A-Za-z0-9-]*\s*:\s*([^<]*?)\s*(?:<|$)', 1
        )) as trailer_name,
        {{ trimmed_text("regexp_extract(trailer_line, '<([^>]*)>', 1)") }} as trailer_email
    from trailer_lines
    where regexp_matches(trailer_line, '^[A-Za-z0-9][A-Za-z0-9-]*\s*:\s*\S')

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
                {{ trim_characters('lowered_messages.message',
                    ["' '", 'chr(9)', 'chr(10)', 'chr(13)'], 'leading') }},
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
