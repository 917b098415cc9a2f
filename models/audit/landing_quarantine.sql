{#- One row per landing record (or unreadable file) that could not be used as delivered: the
    source, file, record index, the reason in plain words and the raw record. Records whose only
    problem is an invalid count or flag still count (that field as 0 or false) and are listed
    here too. -#}
with

final as (

    {{ quarantined_records('copilot', 'stg_copilot__user_days',
                           has_counts=true, has_flags=true, renumber=true) }}
    union all
    {{ quarantined_records('cursor', 'stg_cursor__user_days', has_counts=true, has_flags=true) }}
    union all
    {{ quarantined_records('claude_code', 'stg_claude_code__usage_records', has_counts=true) }}
    union all
    {{ quarantined_records('github', 'stg_github__events', renumber=true) }}
    union all
    {{ quarantined_records('git', 'stg_git__commits', renumber=true,
                           repair_column='encoding_repair') }}
    union all
    {{ quarantined_records('directory/people.csv', 'stg_directory__people',
                           repair_column='value_repair') }}
    union all
    {{ quarantined_records('directory/identities.csv', 'stg_directory__identities',
                           repair_column='value_repair') }}
    union all
    {{ quarantined_records('directory/team_memberships.csv',
                           'stg_directory__team_memberships') }}

)

select * from final
