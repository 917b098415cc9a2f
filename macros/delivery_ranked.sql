{% macro delivery_ranked(records, partition_by) -%}
    {#- The rows of `records` with delivery_rank: 1 for the latest delivery of each key
        (partition_by: SQL expressions, the first being `rejection_reason is null`), the latest
        file first, then the last record of that file.
        One window over the rows. Ranking (file_name, record_number) alone and joining the ranks
        back made DuckDB keep a second copy of every record for the join: at 5,000 developers
        git's model peaked at 2.2 GiB instead of 1.3 GiB for the same CPU, and two such models at
        once pushed the shared memory limit into spilling (benchmarks/RESULTS.md). -#}
    select
        *,
        row_number() over (
            partition by {{ partition_by | join(', ') }}
            order by file_name desc, record_number desc
        ) as delivery_rank
    from {{ records }}
{%- endmacro %}
