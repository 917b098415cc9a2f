{% macro delivery_ranked(records, partition_by, ranked_after_write=false) -%}
    {#- The rows of `records` with delivery_rank: 1 for the latest delivery of each key
        (partition_by: SQL expressions, the first being `rejection_reason is null`), the latest
        file first, then the last record of that file.
        One window over the rows. Ranking (file_name, record_number) alone and joining the ranks
        back made DuckDB keep a second copy of every record for the join: at 5,000 developers
        git's model peaked at 2.2 GiB instead of 1.3 GiB for the same CPU, and two such models at
        once pushed the shared memory limit into spilling (benchmarks/RESULTS.md).
        ranked_after_write: in a full build on DuckDB every row gets rank 1 here, and the
        post-hook flag_superseded_deliveries ranks the keys that occur more than once once the
        table is written: the window carries every column of every row through a sort, the
        post-hook only the key columns of the repeated keys. -#}
    {%- if ranked_after_write and deliveries_ranked_after_write() %}
    select *, 1 as delivery_rank from {{ records }}
    {%- else %}
    select
        *,
        row_number() over (
            partition by {{ partition_by | join(', ') }}
            order by file_name desc, record_number desc
        ) as delivery_rank
    from {{ records }}
    {%- endif %}
{%- endmacro %}

{% macro deliveries_ranked_after_write() -%}
    {#- True in a full build of a model on DuckDB: there is a table for the post-hook to update.
        False in an incremental run (the run ranks its batch with the loaded rows around it) and
        where there is no target relation (a unit test: the model's SQL ranks). -#}
    {{ return(execute and target.type == 'duckdb' and this is not none
              and not is_incremental_run()) }}
{%- endmacro %}

{% macro flag_superseded_deliveries(key) %}
    {#- post-hook of a staging model ranked after write (delivery_ranked), run after its commit
        (`transaction: false`; _macros.yml says why): for each key (a list of column names) that
        more than one valid row holds, every row but the latest delivery (the latest file, then
        the last record of that file) is no longer current. A no-op where the model's SQL
        ranked. -#}
    {%- if deliveries_ranked_after_write() -%}
    {%- set repeated_rows -%}
        (
            select file_name, record_number, rejection_reason, {{ key | join(', ') }}
            from {{ this }}
            where rejection_reason is null
                and ({{ key | join(', ') }}) in (
                    select {{ key | join(', ') }}
                    from {{ this }}
                    where rejection_reason is null
                    group by {{ key | join(', ') }}
                    having count(*) > 1
                )
        ) as repeated_rows
    {%- endset %}
    update {{ this }} as target_rows
    set is_current = false
    from (
        select file_name, record_number
        from ({{ delivery_ranked(repeated_rows, ['rejection_reason is null'] + key) }}) as ranked
        where delivery_rank > 1
    ) as superseded
    where target_rows.file_name = superseded.file_name
        and target_rows.record_number = superseded.record_number
    {%- else -%}
    select 1 as nothing_to_flag
    {%- endif -%}
{% endmacro %}
