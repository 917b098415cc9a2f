{#-
    Incremental staging of landing files (issue: a daily run reads only new files and dates).

    A staging model of an event source is incremental by `partition_date` (the activity date, or
    0001-01-01 for a record without one). An incremental run
      1. reads only the landing files that are new, or whose size or modification time changed
         since they were loaded (landing_batch);
      2. rebuilds every partition those records touch, together with the partitions of rows whose
         file changed or disappeared, the partitions of the other deliveries of a key delivered
         again or withdrawn, and the last `incremental_lookback_days` dates
         (staged_with_loaded_records): the rows of those partitions already in the table are
         read back, with the other deliveries of their
         event ids or commit shas in partitions that are not rebuilt, so "latest file wins" is
         decided again over every delivery;
      3. deletes and re-inserts those partitions (dbt's delete+insert on partition_date),
         records them in staging.partition_loads (log_loaded_partitions), then drops the rows of
         files that changed or disappeared (delete_rows_of_stale_files).
    Models derived from staging (strategy replace_partitions) rebuild the partitions logged for
    their staging models since their latest row. A model whose SQL, seeds or reporting_timezone
    changed is rebuilt in full at its turn, replacing its table in one transaction
    (reset_changed_incremental_models, should_full_refresh).
    The result equals a full rebuild on the same landing folder (tests_python/test_incremental.py).
-#}

{% macro landing_batch(source_name, table_name) %}
    {#- The landing records a staging model parses: every record in a full build; in an
        incremental run only the records of new or changed files. -#}
    {%- set relation = source(source_name, table_name) -%}
    {%- if not execute or this is none -%}
        {{ return(relation) }}
    {%- endif -%}
    {%- if target.type != 'duckdb' -%}
        {#- Landing tables loaded by an EL tool: in an incremental run, the files not loaded
            yet. -#}
        {%- if is_incremental() -%}
            {{ return('(select * from ' ~ relation ~ ' where file_name not in'
                      ~ ' (select file_name from ' ~ this ~ '))') }}
        {%- endif -%}
        {{ return(relation) }}
    {%- endif -%}
    {%- set landing_source = landing_source_named(table_name) -%}
    {%- if is_incremental() -%}
        {%- set listing = 'select landing.file_name from (' ~ landing_current_files(landing_source)
            ~ ') as landing where not exists (select 1 from (select distinct file_name,'
            ~ ' file_version from ' ~ this ~ ') as loaded'
            ~ ' where loaded.file_name = landing.file_name'
            ~ ' and loaded.file_version = landing.file_version) order by landing.file_name' -%}
    {%- elif landing_source.get('repair_encoding') -%}
        {#- The view of schema landing skips the encoding check; read the files that the
            on-run-start hook listed here. `dbt compile` and `docs generate` run no hook: on a
            new warehouse they list the folder themselves. -#}
        {%- set listed = adapter.get_relation(database=target.database, schema='landing',
                                              identifier=landing_source.name ~ '_files') -%}
        {%- if listed is none -%}
            {%- set listing = none -%}
        {%- else -%}
            {%- set listing = 'select file_name from (' ~ landing_current_files(landing_source)
                ~ ') as landing order by file_name' -%}
        {%- endif -%}
    {%- else -%}
        {{ return(relation) }}
    {%- endif -%}
    {%- set files = [] -%}
    {%- if listing is none -%}
        {%- do files.extend(landing_glob(landing_source_pattern(landing_source))) -%}
    {%- else -%}
        {%- for file_name in run_query(listing).columns[0].values() -%}
            {%- do files.append(landing_prefix() ~ file_name) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if is_incremental() -%}
        {{ log(this.identifier ~ ': incremental run, ' ~ (files | length)
               ~ ' landing file(s) to read (new, changed, or without a record when last read)',
               info=true) }}
    {%- endif -%}
    {%- if files | length == 0 -%}
        {{ return('(' ~ landing_empty_select(landing_source) ~ ')') }}
    {%- endif -%}
    {{ return('(' ~ landing_read_select(landing_source, files) ~ ')') }}
{% endmacro %}

{% macro landing_source_named(table_name) %}
    {%- for landing_source in landing_sources() if landing_source.name == table_name -%}
        {{ return(landing_source) }}
    {%- endfor -%}
    {{ exceptions.raise_compiler_error('no landing source named ' ~ table_name) }}
{% endmacro %}

{% macro landing_current_files(landing_source) -%}
    {#- file_name and file_version of every file of the source in the landing folder: the files
        that the on-run-start hook listed, with their size and modification time now. -#}
    select file_name, file_version from landing.{{ landing_source.name }}_files
{%- endmacro %}

{% macro landing_source_pattern(landing_source) -%}
    {{- return(glob_escape(landing_path() ~ '/' ~ landing_source.folder) ~ '/'
        ~ landing_source.pattern) -}}
{%- endmacro %}

{% macro staged_with_loaded_records(new_records, landing_table, delivery_key=[]) %}
    {#- The rows whose delivery rank is (re)decided in this run: the parsed new records, and in
        an incremental run the rows already loaded in every partition this run rebuilds.
        delivery_key: the columns re-deliveries share when the key does not include the date
        (an event id, a commit sha): an older delivery on another date is re-ranked too, and
        the other deliveries of each key in a rebuilt partition are read as context rows
        (is_delivery_context): they take part in the ranking, the model leaves them out. Without
        them, a partition rebuilt only for the lookback window would find its event current
        again although a later delivery moved it to an older date. -#}
    {%- if is_incremental_run() %}
    {#- Nested CTEs: DuckDB reads each once (every one is used more than once below), where a
        subquery repeated in place would check every loaded row's file again. #}
    with rebuilt_partitions as (
            select partition_date from {{ new_records }}
            union
            select partition_date from {{ this }} as stale
            where {{ is_stale_landing_row('stale', landing_table) }}
            {%- if delivery_key %}
            union
            select earlier.partition_date
            from {{ this }} as earlier
            inner join {{ new_records }} as redelivered
                on
                {%- for column in delivery_key %}
                    earlier.{{ column }} = redelivered.{{ column }}{{ ' and' if not loop.last }}
                {%- endfor %}
            {#- A delivery withdrawn (its file removed or rewritten without it): the other
                deliveries of its key are ranked again, an older one becoming current. #}
            union
            select other.partition_date
            from {{ this }} as other
            inner join {{ this }} as withdrawn
                on
                {%- for column in delivery_key %}
                    other.{{ column }} = withdrawn.{{ column }}{{ ' and' if not loop.last }}
                {%- endfor %}
            where {{ is_stale_landing_row('withdrawn', landing_table) }}
            {%- endif %}
            union
            select partition_date from {{ this }}
            where partition_date >= {{ dbt.dateadd(
                'day', -var('incremental_lookback_days'),
                '(select max(partition_date) from ' ~ this ~ ' where rejection_reason is null)') }}
    )
    {%- if delivery_key %},

    rebuilt_keys as (
        select {{ delivery_key | join(', ') }} from {{ new_records }}
        union
        select {{ delivery_key | join(', ') }} from {{ this }} as rebuilt
        where rebuilt.partition_date in (select partition_date from rebuilt_partitions)
    )
    {%- endif %}

    {% endif -%}
    select *{% if delivery_key %}, false as is_delivery_context{% endif %} from {{ new_records }}
    {%- if is_incremental_run() %}
    union all by name
    select loaded.* exclude (is_current, loaded_at)
        {%- if delivery_key %}, false as is_delivery_context{% endif %}
    from {{ this }} as loaded
    where loaded.partition_date in (select partition_date from rebuilt_partitions)
        and not ({{ is_stale_landing_row('loaded', landing_table) }})
    {%- if delivery_key %}
    union all by name
    select context.* exclude (is_current, loaded_at), true as is_delivery_context
    from (
        select * from {{ this }}
        where partition_date not in (select partition_date from rebuilt_partitions)
            and ({{ delivery_key | join(', ') }}) in (select * from rebuilt_keys)
    ) as context
    where not ({{ is_stale_landing_row('context', landing_table) }})
    {%- endif %}
    {%- endif %}
{% endmacro %}

{% macro is_stale_landing_row(alias, landing_table) -%}
    {#- The row's file is no longer in the landing folder, or was rewritten since it was read. -#}
    {%- if target.type == 'duckdb' -%}
        not exists (
            select 1
            from ({{ landing_current_files(landing_source_named(landing_table)) }}) as landing
            where landing.file_name = {{ alias }}.file_name
                and landing.file_version = {{ alias }}.file_version
        )
    {%- else -%}
        false
    {%- endif -%}
{%- endmacro %}

{% macro delete_rows_of_stale_files(landing_table) %}
    {#- post-hook of an incremental staging model: a changed file's rows were re-read and a
        removed file's rows must go; both are rows whose file version is no longer landed. -#}
    {%- if target.type == 'duckdb' -%}
        delete from {{ this }} as loaded where {{ is_stale_landing_row('loaded', landing_table) }}
    {%- else -%}
        select 1
    {%- endif -%}
{% endmacro %}

{% macro loaded_at() -%}
    {#- When this run (re)built the row's partition: what downstream incremental models compare. -#}
    cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as {{ dbt.type_timestamp() }})
{%- endmacro %}

{% macro no_partition_date() -%}
    {#- partition_date of a record without an activity date (it is quarantined). -#}
    cast('0001-01-01' as date)
{%- endmacro %}

{% macro is_incremental_run() -%}
    {#- is_incremental(), and false where there is no target relation at all (a unit test). -#}
    {{ return(execute and this is not none and is_incremental()) }}
{%- endmacro %}

{% macro partition_log_relation() %}
    {#- staging.partition_loads: one row per incremental staging model, partition date and run
        that rebuilt it, including a partition left empty (all its rows were in a removed or
        rewritten file). Derived models find what changed upstream here. -#}
    {{ return(api.Relation.create(database=target.database, schema='staging',
                                  identifier='partition_loads')) }}
{% endmacro %}

{% macro create_partition_log() %}
    {#- on-run-start: the partition log exists before any staging model writes to it. -#}
    {%- if not on_run_start_creates_logs() -%}{{ return('') }}{%- endif -%}
    {%- set relation = partition_log_relation() -%}
    {%- do adapter.create_schema(relation) -%}
    {{ return('create table if not exists ' ~ relation ~ ' (model_name ' ~ dbt.type_string()
              ~ ', partition_date date, loaded_at ' ~ dbt.type_timestamp() ~ ')') }}
{% endmacro %}

{% macro log_loaded_partitions(landing_table) %}
    {#- post-hook of an incremental staging model, before delete_rows_of_stale_files: the
        partitions this run rebuilt, and those of the rows about to be deleted. -#}
    insert into {{ partition_log_relation() }} (model_name, partition_date, loaded_at)
    select distinct '{{ this.identifier }}', partition_date, {{ loaded_at() }}
    from {{ this }} as loaded
    where loaded.loaded_at = {{ loaded_at() }}
        or {{ is_stale_landing_row('loaded', landing_table) }}
{% endmacro %}

{% macro partitions_loaded_after(model_names, loaded_after) -%}
    {#- The partition dates the staging models `model_names` rebuilt (or emptied) after the
        timestamp expression `loaded_after`. -#}
    select distinct partition_date from {{ partition_log_relation() }}
    where model_name in ('{{ model_names | join("', '") }}')
        and loaded_at > {{ loaded_after }}
{%- endmacro %}

{% macro changed_partitions(upstreams, target_relation) -%}
    {#- The partition dates a model derived from the staging models `upstreams` must rebuild:
        those any of them rebuilt (or emptied) since the model's latest row was written. -#}
    {{ partitions_loaded_after(
        upstreams | map(attribute='identifier') | list,
        "(select coalesce(max(loaded_at), cast('1900-01-01' as " ~ dbt.type_timestamp()
        ~ ')) from ' ~ target_relation ~ ')') }}
{%- endmacro %}

{% macro event_staging_models() %}
    {#- The incremental staging models, one per event source. -#}
    {{ return(['stg_copilot__user_days', 'stg_cursor__user_days',
               'stg_claude_code__usage_records', 'stg_github__events', 'stg_git__commits']) }}
{% endmacro %}

{% macro partition_upstreams() %}
    {#- The relations of config `partitions_of`: incremental staging models (a name or a list). -#}
    {%- set names = config.get('partitions_of') -%}
    {%- if names is string -%}{%- set names = [names] -%}{%- endif -%}
    {%- set relations = [] -%}
    {%- for name in names -%}{%- do relations.append(ref(name)) -%}{%- endfor -%}
    {{ return(relations) }}
{% endmacro %}

{% macro get_incremental_replace_partitions_sql(arg_dict) %}
    {#- Incremental strategy of the models derived from incremental staging models (config
        `partitions_of`): delete every partition that changed upstream, even one that now yields
        no row, then insert the rebuilt rows. delete+insert would keep a partition whose new
        rows are none. -#}
    {%- set target_relation = arg_dict['target_relation'] -%}
    {%- set columns = get_quoted_csv(arg_dict['dest_columns'] | map(attribute='name')) -%}
    delete from {{ target_relation }}
    where partition_date in (
            {{ changed_partitions(partition_upstreams(), target_relation) }}
        );
    insert into {{ target_relation }} ({{ columns }})
    select {{ columns }} from {{ arg_dict['temp_relation'] }}
{% endmacro %}

{% macro changed_partition_dates() %}
    {#- none in a full build; in an incremental run of a replace_partitions model the changed
        partition dates as SQL date literals, looked up once. -#}
    {%- if not is_incremental_run() -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set changed = run_query(changed_partitions(partition_upstreams(), this)) -%}
    {%- set literals = date_literals(changed.columns[0].values()) -%}
    {{ log(this.identifier ~ ': incremental run, ' ~ (literals | length)
           ~ ' partition date(s) to rebuild', info=true) }}
    {{ return(literals) }}
{% endmacro %}

{% macro partition_filter(column, dates) -%}
    {#- The rows of a replace_partitions model's input to read: all of them (dates none), or those
        of the changed partition dates. -#}
    {%- if dates is none -%}
        true
    {%- elif dates | length == 0 -%}
        false
    {%- else -%}
        {{ column }} in ({{ dates | join(', ') }})
    {%- endif -%}
{%- endmacro %}

{% macro partitions_to_rebuild() -%}
    {#- partition_filter on partition_date for a model that reads its input once. -#}
    {{ partition_filter('partition_date', changed_partition_dates()) }}
{%- endmacro %}

{% macro seed_load_log_relation() %}
    {#- staging.seed_loads: the checksum of the file each seed table was last loaded from. -#}
    {{ return(api.Relation.create(database=target.database, schema='staging',
                                  identifier='seed_loads')) }}
{% endmacro %}

{% macro create_seed_load_log() %}
    {#- on-run-start: the seed load log exists before any seed writes to it. -#}
    {%- if not on_run_start_creates_logs() -%}{{ return('') }}{%- endif -%}
    {%- set relation = seed_load_log_relation() -%}
    {%- do adapter.create_schema(relation) -%}
    {{ return('create table if not exists ' ~ relation ~ ' (seed_name ' ~ dbt.type_string()
              ~ ', checksum ' ~ dbt.type_string() ~ ')') }}
{% endmacro %}

{% macro log_seed_load() %}
    {#- post-hook of every seed: which file its table now holds. -#}
    {%- set relation = seed_load_log_relation() -%}
    delete from {{ relation }} where seed_name = '{{ this.identifier }}';
    insert into {{ relation }} values ('{{ this.identifier }}', '{{ model.checksum.checksum }}')
{% endmacro %}

{% macro node_ancestors(node) %}
    {#- The unique ids of every node upstream of `node`, sorted. -#}
    {%- set found = [] -%}
    {%- set pending = node.depends_on.nodes | list -%}
    {%- for _ in range(1000) if pending -%}
        {%- set current = pending.pop() -%}
        {%- if current not in found -%}
            {%- do found.append(current) -%}
            {%- set parent = graph.nodes.get(current) -%}
            {%- if parent is not none -%}
                {%- do pending.extend(parent.depends_on.nodes) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(found | sort) }}
{% endmacro %}

{% macro incremental_fingerprint(node, loaded_seeds) %}
    {#- What an incremental model's stored rows depend on besides the landing files: its SQL,
        every seed upstream of it (qualifying_rules, ai_signatures, ...), and the vars that
        change how records are read or dated. A seed counts with the file its table will hold
        when the model runs: the file itself when this run loads the seed, else the file it was
        last loaded from (loaded_seeds), so `dbt run` after editing a seed file changes nothing
        until the seed is loaded. -#}
    {%- set parts = [node.checksum.checksum, var('reporting_timezone'),
                     var('landing_max_object_bytes') | string] -%}
    {%- for ancestor in node_ancestors(node) if ancestor.startswith('seed.') -%}
        {%- set seed = graph.nodes[ancestor] -%}
        {%- set checksum = seed.checksum.checksum
                if ancestor in selected_resources or seed.name not in loaded_seeds
                else loaded_seeds[seed.name] -%}
        {%- do parts.append(ancestor ~ '=' ~ checksum) -%}
    {%- endfor -%}
    {{ return(local_md5(parts | join('|'))) }}
{% endmacro %}

{% macro pending_rebuild_relation() %}
    {#- staging.incremental_pending_rebuilds: the incremental models left to a full rebuild, one
        row each, from the run that found them changed until a run rebuilds them. -#}
    {{ return(api.Relation.create(database=target.database, schema='staging',
                                  identifier='incremental_pending_rebuilds')) }}
{% endmacro %}

{% macro reset_changed_incremental_models() %}
    {#- on-run-start: an incremental model whose SQL, upstream seeds (qualifying_rules,
        ai_signatures, ...) or reporting_timezone changed since its rows were written is left to
        a full rebuild (staging.incremental_pending_rebuilds, read by should_full_refresh), so
        this run rebuilds it in full instead of applying the change to new dates only; so is
        every incremental model downstream of it, which would otherwise rebuild only the dates
        its staging models logged. Its table stays as it was until the rebuilt one replaces it:
        a run that fails before its turn leaves the last good table, and the next run rebuilds
        it. The fingerprints live in staging.incremental_fingerprints. Only the models this run
        builds are left to a rebuild: the fingerprint of a model downstream of a change that
        this run does not build is forgotten, so that the run that next builds it rebuilds it
        in full. `dbt test` or `dbt run --select` with other vars leaves every other table
        alone. An `--empty` run rebuilds every incremental model it builds without rows and
        forgets its fingerprint: the next run rebuilds it in full from the landing files. -#}
    {%- if not on_run_start_creates_logs() -%}{{ return('') }}{%- endif -%}
    {%- set pending_store = pending_rebuild_relation() -%}
    {%- do adapter.create_schema(pending_store) -%}
    {%- do run_query('create table if not exists ' ~ pending_store ~ ' (model_name '
                     ~ dbt.type_string() ~ ')') -%}
    {%- if flags.WHICH not in ['run', 'build'] -%}{{ return('') }}{%- endif -%}
    {%- set store = api.Relation.create(database=target.database, schema='staging',
                                        identifier='incremental_fingerprints') -%}
    {%- do run_query('create table if not exists ' ~ store ~ ' (model_name ' ~ dbt.type_string()
                     ~ ', fingerprint ' ~ dbt.type_string() ~ ')') -%}
    {%- set stored = {} -%}
    {%- for row in run_query('select model_name, fingerprint from ' ~ store) -%}
        {%- do stored.update({row[0]: row[1]}) -%}
    {%- endfor -%}
    {%- do run_query(create_seed_load_log()) -%}
    {%- set loaded_seeds = {} -%}
    {%- for row in run_query('select seed_name, checksum from ' ~ seed_load_log_relation()) -%}
        {%- do loaded_seeds.update({row[0]: row[1]}) -%}
    {%- endfor -%}
    {%- set incremental = [] -%}
    {%- for node in graph.nodes.values()
            if node.resource_type == 'model' and node.config.materialized == 'incremental' -%}
        {%- do incremental.append(node) -%}
    {%- endfor -%}
    {#- `dbt retry` runs with the flags of the command it retries and no selected_resources: it
        may build any model, so every one counts as built here; one it does not reach stays
        listed for the next run. -#}
    {%- set builds_any = selected_resources | length == 0 -%}
    {%- set fingerprints = {} -%}
    {%- set changed = [] -%}
    {%- for node in incremental -%}
        {%- if builds_any or node.unique_id in selected_resources -%}
            {%- set fingerprint = none if flags.EMPTY
                                  else incremental_fingerprint(node, loaded_seeds) -%}
            {%- do fingerprints.update({node.name: fingerprint}) -%}
            {%- if flags.EMPTY or stored.get(node.name) != fingerprint -%}
                {%- do changed.append(node.unique_id) -%}
            {%- endif -%}
        {%- else -%}
            {%- do fingerprints.update({node.name: stored.get(node.name)}) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set statements = ['delete from ' ~ store,
                          "delete from " ~ pending_store ~ " where model_name not in ('"
                          ~ incremental | map(attribute='name') | join("', '") ~ "')"] -%}
    {%- for node in incremental -%}
        {%- set upstream_changed = node_ancestors(node) | select('in', changed) | list -%}
        {%- set is_built = builds_any or node.unique_id in selected_resources -%}
        {%- if is_built and (node.unique_id in changed or upstream_changed) -%}
            {%- set existing = adapter.get_relation(
                database=node.database, schema=node.schema, identifier=node.alias) -%}
            {#- Listed even without a table, which this run creates from every row anyway: it
                then stays listed when it is built before a listed model it reads
                (clear_pending_rebuilds). -#}
            {%- do statements.append("delete from " ~ pending_store ~ " where model_name = '"
                                     ~ node.name ~ "'") -%}
            {%- do statements.append("insert into " ~ pending_store ~ " values ('"
                                     ~ node.name ~ "')") -%}
            {%- if existing is not none -%}
                {%- if flags.EMPTY -%}
                    {{ log(node.name ~ ': an --empty run builds it without rows; the next run '
                           ~ 'rebuilds it in full', info=true) }}
                {%- elif node.unique_id in changed and stored.get(node.name) is none -%}
                    {{ log(node.name ~ ': no fingerprint of its last build (an --empty run '
                           ~ 'built it, or it is new); rebuilding it in full', info=true) }}
                {%- else -%}
                    {{ log(node.name ~ ': its SQL, seeds or reporting_timezone changed since it '
                           ~ 'was built' ~ (', or a model it reads did' if upstream_changed else '')
                           ~ '; rebuilding it in full', info=true) }}
                {%- endif -%}
            {%- endif -%}
        {%- endif -%}
        {%- set fingerprint = fingerprints[node.name] -%}
        {%- if fingerprint is not none and (is_built or not upstream_changed) -%}
            {%- do statements.append("insert into " ~ store ~ " values ('" ~ node.name ~ "', '"
                                     ~ fingerprint ~ "')") -%}
        {%- endif -%}
    {%- endfor -%}
    {#- One transaction: a run stopped between the delete and the inserts (killed, or an
        error) would leave the fingerprints part-written, and the next run would rebuild every
        model whose fingerprint is missing in full, saying it has none; or it would find a
        changed model's new fingerprint without its pending rebuild, and rebuild only new
        dates. -#}
    {{ return('begin transaction;\n' ~ statements | join(';\n') ~ ';\ncommit') }}
{% endmacro %}

{% macro is_rebuild_pending() %}
    {#- Whether the model being run or compiled is an incremental model that
        reset_changed_incremental_models left to a full rebuild. dbt asks several times per
        model; the list is read once per invocation and kept in `graph`, the one dict every
        node's context shares (a query per question cost the daily run 0.4 s). -#}
    {%- if not execute or model.resource_type != 'model'
            or model.config.materialized != 'incremental' -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set read = graph.get('ai_adoption_pending_rebuilds') -%}
    {%- if read is none or read.invocation_id != invocation_id -%}
        {%- set relation = pending_rebuild_relation() -%}
        {%- if flags.WHICH not in ['run', 'build'] -%}
            {#- No on-run-start hook of this command created the list (`dbt compile`, `show`,
                `docs generate`): a run did, or there is none. -#}
            {%- set relation = adapter.get_relation(database=relation.database,
                                                    schema=relation.schema,
                                                    identifier=relation.identifier) -%}
        {%- endif -%}
        {%- set model_names = [] -%}
        {%- if relation is not none -%}
            {%- do model_names.extend(
                run_query('select model_name from ' ~ relation).columns[0].values()) -%}
        {%- endif -%}
        {%- set read = {'invocation_id': invocation_id, 'model_names': model_names} -%}
        {%- do graph.update({'ai_adoption_pending_rebuilds': read}) -%}
    {%- endif -%}
    {{ return(model.name in read.model_names) }}
{% endmacro %}

{% macro should_full_refresh() %}
    {#- dbt's should_full_refresh (--full-refresh, or the model's full_refresh config), and true
        for an incremental model left to a full rebuild (is_rebuild_pending), even one
        configured full_refresh: false, whose rows would be wrong otherwise. dbt's is_incremental()
        and the incremental materialization call it: the model is built from every row into a
        new table that replaces the old one when it commits. -#}
    {%- set config_full_refresh = config.get('full_refresh') -%}
    {%- if config_full_refresh is none -%}
        {%- set config_full_refresh = flags.FULL_REFRESH -%}
    {%- endif -%}
    {{ return(config_full_refresh or is_rebuild_pending()) }}
{% endmacro %}

{% macro clear_pending_rebuilds(results) %}
    {#- on-run-end: the incremental models this run built are no longer left to a rebuild, but
        for one that reads a model still listed and not built by this run (a run of a subset,
        or one that failed half-way, built it from that model's old rows): it stays listed, to
        be rebuilt after it. A run stopped before this hook leaves them listed: the next run
        rebuilds them in full once more. -#}
    {%- if not execute or flags.WHICH not in ['run', 'build'] -%}
        {{ return('') }}
    {%- endif -%}
    {%- set built = [] -%}
    {%- for result in results
            if result.node.resource_type == 'model' and result.status == 'success'
               and result.node.config.materialized == 'incremental' -%}
        {%- do built.append(result.node) -%}
    {%- endfor -%}
    {%- if built | length == 0 -%}{{ return('') }}{%- endif -%}
    {%- set listed_unbuilt = run_query('select model_name from ' ~ pending_rebuild_relation())
            .columns[0].values() | reject('in', built | map(attribute='name') | list) | list -%}
    {%- set cleared = [] -%}
    {%- for node in built -%}
        {%- set waiting = [] -%}
        {%- for ancestor in node_ancestors(node)
                if ancestor in graph.nodes and graph.nodes[ancestor].name in listed_unbuilt -%}
            {%- do waiting.append(ancestor) -%}
        {%- endfor -%}
        {%- if waiting | length == 0 -%}{%- do cleared.append(node.name) -%}{%- endif -%}
    {%- endfor -%}
    {%- if cleared | length == 0 -%}{{ return('') }}{%- endif -%}
    {{ return('delete from ' ~ pending_rebuild_relation() ~ " where model_name in ('"
              ~ cleared | join("', '") ~ "')") }}
{% endmacro %}

{% macro on_run_start_creates_logs() -%}
    {#- Whether this command's on-run-start hooks create the load logs (create_partition_log,
        create_seed_load_log, create_derived_build_log). Not for `dbt compile`, `docs generate`
        or `show`: they run no model, and dbt runs their hooks side by side, where two hooks
        creating schema staging at once fail the command on a new warehouse. -#}
    {{ return(execute and flags.WHICH not in ['compile', 'generate', 'show']) }}
{%- endmacro %}
