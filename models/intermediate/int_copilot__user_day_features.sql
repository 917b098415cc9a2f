{#- One row per current Copilot user-day record and element of its totals_by_feature list, with
    the feature's counts (a count that is not a non-negative JSON number reads as 0). -#}
{%- set copilot_counts = copilot_count_columns() -%}
{%- set count_paths = [] -%}
{%- for column in copilot_counts %}{% do count_paths.append('$.' ~ column) %}{% endfor -%}
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

feature_lists as (

    select
        file_name,
        record_number,
        account_key,
        activity_date,
        partition_date,
        {{ json_value('feature_totals', '$[*]') }} as feature_list
    from copilot_records

),

feature_rows as (

    select
        * exclude (feature_list),
        generate_subscripts(feature_list, 1) as feature_index,
        unnest(feature_list) as feature_total
    from feature_lists

),

feature_values as (

    {#- Each element's JSON is parsed once for all its counts. -#}
    select
        *,
        {{ json_values('feature_total', count_paths) }} as count_values
    from feature_rows

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
        {{ json_count('count_values[' ~ loop.index ~ ']') }} as {{ column }}
        {{- ',' if not loop.last }}
    {%- endfor %}
    from feature_values

)

select * from final
