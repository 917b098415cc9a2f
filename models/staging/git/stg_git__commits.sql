{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='partition_date',
    post_hook=[
        "{{ log_loaded_partitions('git_commits') }}",
        "{{ delete_rows_of_stale_files('git_commits') }}",
        {"sql": "{{ flag_superseded_deliveries(['commit_sha']) }}", "transaction": false},
    ],
) }}

{{ scheduled_after_landing_listing() }}

with

source as (

    select * from {{ landing_batch('git', 'git_commits') }}

),

renamed as (

    select
        file_name,
        record_number,
        file_version,
        source as source_row,
        sha is null and authored_at is null and message is null and repository is null
            as is_unparsed_line,
        {{ trimmed_text('repository') }} as repository,
        lower({{ trimmed_text('sha') }}) as commit_sha,
        coalesce(json_array_length(parents), 0) as parent_count,
        author_name,
        {{ trimmed_text('author_email') }} as author_email,
        {{ normalize_account_key('author_email', 'email') }} as account_key,
        {{ parse_timestamp_utc('authored_at') }} as authored_at,
        committer_name,
        {{ trimmed_text('committer_email') }} as committer_email,
        {{ parse_timestamp_utc('committed_at') }} as committed_at,
        {#- replace copies every message; only one with a carriage return needs it. #}
        case
            when contains(message, chr(13))
                then replace(replace(message, chr(13) || chr(10), chr(10)), chr(13), chr(10))
            else coalesce(message, '')
        end as message,
        encoding_repair
    from source

),

validated as (

    select
        *,
        {{ reporting_date('authored_at') }} as activity_date,
        case
            when is_unparsed_line then 'line is not a valid JSON object'
            when commit_sha is null then 'sha is missing'
            when authored_at is null then 'authored_at is missing or not an ISO-8601 timestamp'
            when cast(authored_at as date)
                not between {{ first_valid_date() }} and {{ last_valid_date() }}
                then {{ date_out_of_range_reason() }}
        end as rejection_reason
    from renamed

),

staged as (

    select
        * exclude (source_row, is_unparsed_line),
        case
            when rejection_reason is not null or encoding_repair is not null
                then {{ landed_record_text('source_row') }}
        end as quarantined_record_text,
        coalesce(activity_date, {{ no_partition_date() }}) as partition_date
    from validated

),

records as (

    {{ staged_with_loaded_records('staged', 'git_commits', delivery_key=['commit_sha']) }}

),

ranked as (

    {{ delivery_ranked('records', ['rejection_reason is null', 'commit_sha'],
                        ranked_after_write=true) }}

),

final as (

    select
        file_name,
        record_number,
        repository,
        commit_sha,
        parent_count,
        author_name,
        author_email,
        account_key,
        authored_at,
        activity_date,
        committer_name,
        committer_email,
        committed_at,
        message,
        encoding_repair,
        quarantined_record_text,
        rejection_reason,
        rejection_reason is null and delivery_rank = 1 as is_current,
        partition_date,
        file_version,
        {{ loaded_at() }} as loaded_at
    from ranked
    where not is_delivery_context

)

select * from final
