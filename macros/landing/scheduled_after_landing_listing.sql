{% macro scheduled_after_landing_listing() -%}
    {#- Scheduling only: makes the calling staging model wait for landing_unread_files (under a
        second), so that dbt starts stg_github__events first. dbt starts the models that are
        ready in name order, which put GitHub's, the largest, after four others; it then read its
        events on one thread (`with ordinality`) long after the others had ended. Started first,
        it overlaps with them: at 5,000 developers a core waits 5-7 s per full run instead of
        10-14 s (benchmarks/RESULTS.md). No column is read from landing_unread_files. dbt
        records the dependency when it parses the model (execute is false); the compiled SQL,
        and a unit test of the model, do without. -#}
    {%- if not execute %}
    -- depends_on: {{ ref('landing_unread_files') }}
    {%- endif %}
{%- endmacro %}
