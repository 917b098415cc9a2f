{#- One row per account key and source seen in the current records of any source. -#}
with

accounts as (

    {%- for source_name, model in [
        ('copilot', 'stg_copilot__user_days'), ('cursor', 'stg_cursor__user_days'),
        ('claude_code', 'stg_claude_code__usage_records'), ('github', 'stg_github__events'),
        ('git', 'stg_git__commits')] %}
    select
        '{{ source_name }}' as source,
        account_key,
        count(*) as record_count,
        min(activity_date) as first_activity_date,
        max(activity_date) as last_activity_date
    from {{ ref(model) }}
    where is_current and account_key is not null
    group by account_key
    {{ 'union all' if not loop.last }}
    {%- endfor %}

)

select * from accounts
