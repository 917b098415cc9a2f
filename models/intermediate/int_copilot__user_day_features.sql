{#- One row per current Copilot user-day record and element of its totals_by_feature list, with
    the feature's counts (a count that is not a non-negative JSON number reads as 0). -#}
{%- set copilot_counts = copilot_count_columns() -%}
{{ config(
    materialized='incremental',
    incremental_strategy='replace_partitions',
    partitions_of='stg_copilot__user_days',
) }}

with

copilot_records as (

    select * from {{ ref('stg_copilot__user_days') }}
    where is_current and has_feature_breakdown
        and {{ partitions_to_rebuild() }}

),

feature_rows as (

    select
        file_name,
        record_number,
        account_key,
        activity_date,
        partition_date,
        generate_subscripts({{ json_value('feature_totals', '$[*]') }}, 1) as feature_index,
        unnest({{ json_value('feature_totals', '$[*]') }}) as feature_total
    from copilot_records

),

final as (

    select
        file_name,
        record_number,
        account_key,
        activity_date,
        feature_index,
        coalesce({{ json_text('feature_total', '$.feature') }}, 'unknown') as feature,
        partition_date,
        {{ loaded_at() }} as loaded_at,
    {%- for column in copilot_counts %}
        {{ json_count(json_value('feature_total', '$.' ~ column)) }} as {{ column }}
        {{- ',' if not loop.last }}
    {%- endfor %}
    from feature_rows

)

select * from final
