{#- One row: the reporting period (contract sections 1 and 7). Defaults come from every parsed
    record of every source whose activity date could be read, qualifying or not, quarantined or
    not (a record without an account still tells which days were delivered); the vars
    as_of_date / coverage_start override. -#}
{{ config(post_hook="{{ stop_on_an_empty_reporting_period() }}") }}
with

activity_dates as (

    select activity_date from {{ ref('stg_copilot__user_days') }}
    where activity_date between {{ first_valid_date() }} and {{ last_valid_date() }}
    union all
    select activity_date from {{ ref('stg_cursor__user_days') }}
    where activity_date between {{ first_valid_date() }} and {{ last_valid_date() }}
    union all
    select activity_date from {{ ref('stg_claude_code__usage_records') }}
    where activity_date between {{ first_valid_date() }} and {{ last_valid_date() }}
    union all
    select activity_date from {{ ref('stg_github__events') }}
    where activity_date between {{ first_valid_date() }} and {{ last_valid_date() }}
    union all
    select activity_date from {{ ref('stg_git__commits') }}
    where activity_date between {{ first_valid_date() }} and {{ last_valid_date() }}

),

bounds as (

    select
        min(activity_date) as first_activity_date,
        max(activity_date) as last_activity_date
    from activity_dates

),

final as (

    select
        first_activity_date,
        last_activity_date,
        {%- if var('coverage_start') %}
        cast('{{ var("coverage_start") }}' as date) as coverage_start,
        {%- else %}
            first_activity_date as coverage_start,
        {%- endif %}
        {%- if var('as_of_date') %}
        cast('{{ var("as_of_date") }}' as date) as as_of_date
        {%- else %}
            last_activity_date as as_of_date
        {%- endif %}
    from bounds

)

select * from final
