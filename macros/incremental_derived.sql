{#-
    Incremental models downstream of identity resolution (strategy replace_dates).

    Qualified interactions, person days, activity days, daily volume, the attribution audit, the
    bucket tables and the companion metrics marts read identities, the directory or the
    reporting period besides the event records. A daily run rebuilds, in
    each of them, only
      - the dates the incremental staging models rebuilt since the model was last built
        (staging.partition_loads), and
      - the days that entered or left the reporting period or the calendar: when as_of_date
        moves, the days between the old and the new as_of_date; when the calendar's last day
        moves (it runs to the end of as_of_date's week and month), the days between the old
        and the new last day;
    and the bucket tables and companion marts rebuild every bucket (day, ISO week, month) that
    holds such a date.
    The model is rebuilt in full instead when what else it reads changed since its last build:
      - the directory (people and team memberships), coverage_start or the first day of the
        calendar (int_rebuild_inputs.inputs_fingerprint): a team move changes every date;
      - the resolution of an account it saw then (another developer or person, now a bot or a
        shared account, or gone), compared with the copy it kept
        (staging.derived_identity_snapshots). An account seen for the first time changes
        nothing else: its records are new or changed, so their dates are rebuilt anyway.
    Each model records its build in staging.derived_model_builds (log_derived_build).

    Like the replace_partitions models, these assume that a run which builds one of them also
    builds what it reads (the `daily` selector builds every model); `--full-refresh` repairs a
    table built from a stale input.
-#}

{% macro derived_build_log_relation() %}
    {#- staging.derived_model_builds: one row per replace_dates model, its latest build. -#}
    {{ return(api.Relation.create(database=target.database, schema='staging',
                                  identifier='derived_model_builds')) }}
{% endmacro %}

{% macro derived_identity_snapshot_relation() %}
    {#- staging.derived_identity_snapshots: per replace_dates model, the resolution of every
        account when it was last built. -#}
    {{ return(api.Relation.create(database=target.database, schema='staging',
                                  identifier='derived_identity_snapshots')) }}
{% endmacro %}

{% macro snapshot_identity_columns() %}
    {#- The columns of int_identities_resolved the replace_dates models read. -#}
    {{ return(['developer_id', 'person_id', 'is_rostered', 'is_shared', 'is_bot']) }}
{% endmacro %}

{% macro create_derived_build_log() %}
    {#- on-run-start: the build log and the identity snapshots exist before any replace_dates
        model writes to them. -#}
    {%- if not on_run_start_creates_logs() -%}{{ return('') }}{%- endif -%}
    {%- set relation = derived_build_log_relation() -%}
    {%- do adapter.create_schema(relation) -%}
    {%- set text, flag = dbt.type_string(), dbt.type_boolean() -%}
    {{ return('create table if not exists ' ~ relation ~ ' (model_name ' ~ text
              ~ ', built_at ' ~ dbt.type_timestamp() ~ ', inputs_fingerprint ' ~ text
              ~ ', as_of_date date, calendar_last_day date);\n'
              ~ 'create table if not exists ' ~ derived_identity_snapshot_relation()
              ~ ' (model_name ' ~ text ~ ', account_key ' ~ text ~ ', developer_id ' ~ text
              ~ ', person_id ' ~ text ~ ', is_rostered ' ~ flag ~ ', is_shared ' ~ flag
              ~ ', is_bot ' ~ flag ~ ')') }}
{% endmacro %}

{% macro replace_dates_config(rebuild_key, contract=false, bucket_grain=none) %}
    {#- The config of a replace_dates model; rebuild_key: the date column (an expression) of its
        rows, or 'bucket' for grain and bucket_start (bucket_grain: the one grain of a table
        without a grain column). A model with an enforced contract fails on a schema change
        (dbt requires a choice; a model whose SQL changed is rebuilt in full, not altered). -#}
    {%- do config(
        materialized='incremental',
        incremental_strategy='replace_dates',
        rebuild_key=rebuild_key,
        bucket_grain=bucket_grain,
        post_hook="{{ log_derived_build() }}",
        on_schema_change='fail' if contract else 'ignore',
    ) -%}
{% endmacro %}

{% macro derived_rebuild_dates(announce=true) %}
    {#- none when the model is built in full (a full build, no record of its last build, another
        inputs_fingerprint, an empty period, an account of its snapshot resolved otherwise);
        else the dates to rebuild, sorted, as date objects. Every replace_dates model calls it:
        its refs make int_rebuild_inputs and int_identities_resolved the model's parents. -#}
    {%- set inputs_relation = ref('int_rebuild_inputs') -%}
    {%- set identities_relation = ref('int_identities_resolved') -%}
    {%- if not is_incremental_run() -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set inputs, builds, dates, changed_accounts = [], [], [], [] -%}
    {%- for row in run_query(rebuild_state_sql(inputs_relation, identities_relation)) -%}
        {%- if row['row_kind'] == 'inputs' -%}
            {%- do inputs.append(row) -%}
        {%- elif row['row_kind'] == 'build' -%}
            {%- do builds.append(row) -%}
        {%- elif row['row_kind'] == 'loaded' -%}
            {%- do dates.append(row['partition_date']) -%}
        {%- else -%}
            {%- do changed_accounts.append(row['changed_accounts']) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set now = inputs[0] -%}
    {%- set reason = none -%}
    {%- if builds | length != 1 -%}
        {%- set reason = 'no record of its last build' -%}
    {%- elif builds[0]['inputs_fingerprint'] != now['inputs_fingerprint'] -%}
        {%- set reason = 'the directory or coverage_start changed since its last build' -%}
    {%- elif none in [builds[0]['as_of_date'], builds[0]['calendar_last_day'],
                      now['as_of_date'], now['calendar_last_day']] -%}
        {%- set reason = 'the reporting period was empty' -%}
    {%- elif changed_accounts[0] > 0 -%}
        {%- set reason = changed_accounts[0]
                         ~ ' account(s) resolved otherwise since its last build' -%}
    {%- endif -%}
    {%- if reason is not none -%}
        {%- if announce -%}
            {{ log(this.identifier ~ ': ' ~ reason ~ '; rebuilding it in full', info=true) }}
        {%- endif -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set last = builds[0] -%}
    {#- The days that entered or left the period (after the earlier as_of_date, up to the later
        one) or the calendar (after its earlier last day, up to the later one). A day that
        stays on the same side of both keeps its rows: none of them reads as_of_date otherwise
        (the bucket tables' is_complete changes only in a bucket holding such a day). -#}
    {%- set day = modules.datetime.timedelta(days=1) -%}
    {%- for bound in ['as_of_date', 'calendar_last_day'] -%}
        {%- set old_bound, new_bound = last[bound], now[bound] -%}
        {%- set earlier = [old_bound, new_bound] | min -%}
        {%- set later = [old_bound, new_bound] | max -%}
        {%- for offset in range(1, (later - earlier).days + 1) -%}
            {%- do dates.append(earlier + day * offset) -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- set dates = dates | unique | sort -%}
    {%- if announce -%}
        {{ log(this.identifier ~ ': incremental run, ' ~ (dates | length)
               ~ ' date(s) to rebuild', info=true) }}
    {%- endif -%}
    {{ return(dates) }}
{% endmacro %}

{% macro rebuild_state_sql(inputs_relation, identities_relation) %}
    {#- One query for what derived_rebuild_dates weighs, a row per fact (row_kind): the current
        inputs; the model's last build (none, or one row); the dates the event staging models
        rebuilt since that build ('loaded'); the number of accounts of the model's identity
        snapshot resolved otherwise now ('changed'). -#}
    with

    last_build as (
        select built_at, inputs_fingerprint, as_of_date, calendar_last_day
        from {{ derived_build_log_relation() }}
        where model_name = '{{ this.identifier }}'
    )

    select
        'inputs' as row_kind,
        inputs_fingerprint,
        as_of_date,
        calendar_last_day,
        cast(null as date) as partition_date,
        cast(null as {{ dbt.type_bigint() }}) as changed_accounts
    from {{ inputs_relation }}
    union all
    select 'build', inputs_fingerprint, as_of_date, calendar_last_day, null, null
    from last_build
    union all
    select 'loaded', null, null, null, partition_date, null
    from ({{ partitions_loaded_after(event_staging_models(),
                                     '(select max(built_at) from last_build)') }}) as loaded
    union all
    select 'changed', null, null, null, null, ({{ changed_identities_sql(identities_relation) }})
{% endmacro %}

{% macro changed_identities_sql(identities_relation) %}
    {#- The number of accounts of the model's identity snapshot resolved otherwise now. -#}
    select count(*)
    from {{ derived_identity_snapshot_relation() }} as snapshot
    left join {{ identities_relation }} as identities
        on snapshot.account_key = identities.account_key
    where snapshot.model_name = '{{ this.identifier }}'
        and (
            identities.account_key is null
            {%- for column in snapshot_identity_columns() %}
            or case
                when snapshot.{{ column }} = identities.{{ column }}
                    or (snapshot.{{ column }} is null and identities.{{ column }} is null)
                    then false
                else true
            end
            {%- endfor %}
        )
{% endmacro %}

{% macro date_literals(dates) -%}
    {#- SQL date literals of the dates (none stays none). -#}
    {%- if dates is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set literals = [] -%}
    {%- for value in dates -%}
        {%- do literals.append("cast('" ~ value ~ "' as date)") -%}
    {%- endfor -%}
    {{ return(literals) }}
{%- endmacro %}

{% macro rebuilt_dates_filter(column, dates) -%}
    {#- The rows of a date column a replace_dates model rebuilds: all (dates none), or those of
        the dates to rebuild. -#}
    {{ partition_filter(column, date_literals(dates)) }}
{%- endmacro %}

{% macro bucket_starts_of(dates, grain) -%}
    {#- SQL: the first days of the day / ISO week / month buckets holding `dates` (bucket_start
        of each date literal), separated by commas. -#}
    {%- set starts = [] -%}
    {%- for literal in date_literals(dates) -%}
        {%- do starts.append(bucket_start(grain, literal)) -%}
    {%- endfor -%}
    {{ return(starts | join(', ')) }}
{%- endmacro %}

{% macro rebuilt_buckets_filter(grain_column, bucket_start_column, dates, grains=none) -%}
    {#- The bucket rows a replace_dates bucket table rebuilds: every bucket of `grains` holding a
        date to rebuild. grain_column none: a table of one grain, without a grain column. -#}
    {%- if dates is none or dates | length == 0 -%}
        {{ rebuilt_dates_filter(bucket_start_column, dates) }}
    {%- else -%}
        (
        {%- for grain in grains or bucket_grains() %}
            (
            {%- if grain_column %}{{ grain_column }} = '{{ grain }}' and {% endif -%}
            {{ bucket_start_column }} in ({{ bucket_starts_of(dates, grain) }}))
            {{- ' or' if not loop.last }}
        {%- endfor %}
        )
    {%- endif -%}
{%- endmacro %}

{% macro days_of_rebuilt_buckets_filter(date_column, dates, grains=['week', 'month']) -%}
    {#- The input days a bucket table reads to rebuild its buckets: every day of each bucket of
        `grains` holding a date to rebuild (a day lies in its week: the default covers the day
        buckets too). -#}
    {%- if dates is none or dates | length == 0 -%}
        {{ rebuilt_dates_filter(date_column, dates) }}
    {%- else -%}
        (
        {%- for grain in grains -%}
            {{ bucket_start(grain, date_column) }} in ({{ bucket_starts_of(dates, grain) }})
            {{- ' or ' if not loop.last }}
        {%- endfor -%}
        )
    {%- endif -%}
{%- endmacro %}

{% macro rebuilt_rows_filter(dates) -%}
    {#- The rows of the model being built that a replace_dates run replaces (config
        rebuild_key: a date column, or 'bucket' for grain and bucket_start; with config
        bucket_grain, a table of that one grain). -#}
    {%- set key = config.require('rebuild_key') -%}
    {%- set bucket_grain = config.get('bucket_grain') -%}
    {%- if key == 'bucket' and bucket_grain -%}
        {{ rebuilt_buckets_filter(none, 'bucket_start', dates, [bucket_grain]) }}
    {%- elif key == 'bucket' -%}
        {{ rebuilt_buckets_filter('grain', 'bucket_start', dates) }}
    {%- else -%}
        {{ rebuilt_dates_filter(key, dates) }}
    {%- endif -%}
{%- endmacro %}

{% macro get_incremental_replace_dates_sql(arg_dict) %}
    {#- Incremental strategy of the models downstream of identity resolution: delete the rows of
        every date (or bucket) to rebuild, then insert the rebuilt rows. In full, every row. -#}
    {%- set target_relation = arg_dict['target_relation'] -%}
    {%- set columns = get_quoted_csv(arg_dict['dest_columns'] | map(attribute='name')) -%}
    delete from {{ target_relation }}
    where {{ rebuilt_rows_filter(derived_rebuild_dates(announce=false)) }};
    insert into {{ target_relation }} ({{ columns }})
    select {{ columns }} from {{ arg_dict['temp_relation'] }}
{% endmacro %}

{% macro log_derived_build() %}
    {#- post-hook of every replace_dates model: when it was built and from which inputs. -#}
    {%- set log_relation = derived_build_log_relation() -%}
    {%- set snapshot_relation = derived_identity_snapshot_relation() -%}
    {%- set columns = ['account_key'] + snapshot_identity_columns() -%}
    delete from {{ snapshot_relation }} where model_name = '{{ this.identifier }}';
    insert into {{ snapshot_relation }} (model_name, {{ columns | join(', ') }})
    select '{{ this.identifier }}', {{ columns | join(', ') }}
    from {{ ref('int_identities_resolved') }};
    delete from {{ log_relation }} where model_name = '{{ this.identifier }}';
    insert into {{ log_relation }}
        (model_name, built_at, inputs_fingerprint, as_of_date, calendar_last_day)
    select
        '{{ this.identifier }}',
        {{ loaded_at() }},
        inputs_fingerprint,
        as_of_date,
        calendar_last_day
    from {{ ref('int_rebuild_inputs') }}
{% endmacro %}
