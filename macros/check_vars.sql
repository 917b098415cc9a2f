{% macro check_vars() %}
    {#- The first on-run-start hook: a var that cannot work stops the command with one message
        naming every such var, before a landing view, an incremental table or its state is
        touched. -#}
    {%- if not execute -%}{{ return('') }}{%- endif -%}
    {%- set problems = [] -%}
    {%- set period = {} -%}
    {%- for name in ['coverage_start', 'as_of_date'] -%}
        {%- set value = var(name) -%}
        {%- if value is not none and value ~ '' != '' -%}
            {%- set text = value ~ '' -%}
            {%- set read = run_query('select ' ~ date_or_null(
                "'" ~ text | replace("'", "''") ~ "'")) -%}
            {%- set parsed = read.columns[0].values()[0] -%}
            {#- The warehouse's cast also reads 2025/10/31 and `infinity`, a day without end. -#}
            {%- if parsed is none
                or not modules.re.fullmatch('[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}', text | trim) -%}
                {%- do problems.append(
                    name ~ " is '" ~ text ~ "', which is not a date (YYYY-MM-DD)") -%}
            {%- else -%}
                {%- do period.update({name: parsed}) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if period | length == 2 and period['coverage_start'] > period['as_of_date'] -%}
        {%- do problems.append('coverage_start (' ~ period['coverage_start']
            ~ ') is after as_of_date (' ~ period['as_of_date']
            ~ '): the reporting period holds no day') -%}
    {%- endif -%}

    {%- set zone = var('reporting_timezone') -%}
    {%- set zone_query = known_time_zone(zone | replace("'", "''"))
        if zone is string and zone | trim != '' -%}
    {%- if zone is not string or zone | trim == ''
        or (zone_query and not run_query('select ' ~ zone_query).columns[0].values()[0]) -%}
        {%- do problems.append("reporting_timezone is '" ~ zone
            ~ "', not the name of a time zone the warehouse knows (UTC, Europe/Berlin)") -%}
    {%- endif -%}

    {%- set windows = var('headline_windows') -%}
    {%- if windows is not mapping -%}
        {%- do problems.append('headline_windows is ' ~ windows
            ~ ', not a mapping of grains to window lengths ({day: [7, 28], week: [4]})') -%}
    {%- else -%}
        {%- for grain, lengths in windows.items() -%}
            {%- if grain not in bucket_grains() -%}
                {%- do problems.append("headline_windows has the grain '" ~ grain
                    ~ "'; the grains are day, week and month") -%}
            {%- elif lengths is string or lengths is not iterable
                or lengths | reject('integer') | list
                or lengths | select('le', 0) | list -%}
                {%- do problems.append('headline_windows.' ~ grain ~ ' is ' ~ lengths
                    ~ ', not a list of whole numbers of buckets above 0') -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}

    {%- set share = var('quarantine_max_share') -%}
    {%- if share is not number or share is sameas true or share is sameas false
        or share < 0 or share > 1 -%}
        {%- do problems.append('quarantine_max_share is ' ~ share
            ~ ', not a share from 0 to 1 (0.05 is 5 %)') -%}
    {%- endif -%}

    {%- if quarantine_share_severity(strict=true) is none -%}
        {%- do problems.append("quarantine_share_severity is '"
            ~ var('quarantine_share_severity') ~ "', neither warn nor error") -%}
    {%- endif -%}

    {%- set counts = {
        'incremental_lookback_days': 0,
        'calendar_max_days': 1,
        'landing_max_object_bytes': 1,
    } -%}
    {%- for name, least in counts.items() -%}
        {%- set value = var(name) -%}
        {%- if value is not integer or value is sameas true or value is sameas false
            or value < least -%}
            {%- do problems.append(name ~ ' is ' ~ value ~ ', not a whole number of at least '
                ~ least) -%}
        {%- endif -%}
    {%- endfor -%}

    {#- A var passed on the command line that the project has not (`asof_date`): dbt would
        ignore it without a word, and the tables would use the default. -#}
    {%- set passed = invocation_args_dict.get('vars') or {} -%}
    {%- if passed is string -%}{%- set passed = fromyaml(passed) or {} -%}{%- endif -%}
    {%- for name in passed if name not in project_var_names() -%}
        {%- do problems.append(name ~ ' is no var of this project (its vars: '
            ~ project_var_names() | join(', ') ~ ')') -%}
    {%- endfor -%}

    {%- if problems -%}
        {{ exceptions.raise_compiler_error(
            'ai_adoption: these dbt vars cannot work (set them in --vars or dbt_project.yml):'
            ~ '\n  - ' ~ problems | join('\n  - ')) }}
    {%- endif -%}
    {{ return('') }}
{% endmacro %}

{% macro project_var_names() -%}
    {#- The vars of dbt_project.yml (tests_python/test_vars.py keeps the two lists equal). -#}
    {{ return(['landing_path', 'as_of_date', 'coverage_start', 'reporting_timezone',
        'headline_windows', 'calendar_max_days', 'quarantine_max_share',
        'quarantine_share_severity', 'incremental_lookback_days', 'landing_max_object_bytes']) }}
{%- endmacro %}

{% macro date_or_null(text) %}
    {{ return(adapter.dispatch('date_or_null', 'ai_adoption')(text)) }}
{% endmacro %}

{% macro default__date_or_null(text) -%}
    {#- The date the warehouse reads from `text` (as the reporting period's cast does), NULL
        when it reads none. -#}
    {{ dbt.safe_cast(text, api.Column.translate_type('date')) }}
{%- endmacro %}

{% macro duckdb__date_or_null(text) -%}
    try_cast({{ text }} as date)
{%- endmacro %}

{% macro known_time_zone(zone) %}
    {{ return(adapter.dispatch('known_time_zone', 'ai_adoption')(zone)) }}
{% endmacro %}

{% macro default__known_time_zone(zone) -%}
    {#- No portable list of time zone names: the first model converting a timestamp names an
        unknown one. -#}
    {{ return(none) }}
{%- endmacro %}

{% macro duckdb__known_time_zone(zone) -%}
    exists (select 1 from pg_timezone_names() where lower(name) = lower('{{ zone }}'))
{%- endmacro %}

{% macro quarantine_share_severity(strict=false) %}
    {#- var quarantine_share_severity as dbt spells a severity. dbt reads it while parsing, before
        any hook: a value that is neither (`fatal`) reads as warn there, and check_vars, asking
        strictly (none), then stops the command naming the var. -#}
    {%- set value = var('quarantine_share_severity') -%}
    {%- set severity = (value | string | trim | lower) if value is string else none -%}
    {%- if severity in ['warn', 'error'] -%}{{ return(severity) }}{%- endif -%}
    {{ return(none if strict else 'warn') }}
{% endmacro %}

{% macro stop_on_an_empty_reporting_period() %}
    {#- int_reporting_period's post-hook. With one period var given, the data may put the other
        end on its wrong side (coverage_start after every activity date, as_of_date before
        every one): the period holds no day, and the build stops here, naming the vars, before
        every table after it is built empty. check_vars refuses two vars in that order. -#}
    {%- if not execute -%}{{ return('') }}{%- endif -%}
    {%- set period = run_query('select coverage_start, as_of_date, first_activity_date,'
        ~ ' last_activity_date from ' ~ this ~ ' where coverage_start > as_of_date') -%}
    {%- if period.rows | length > 0 -%}
        {%- set row = period.rows[0] -%}
        {{ exceptions.raise_compiler_error(
            'ai_adoption: the reporting period holds no day: coverage_start ' ~ row[0]
            ~ (' (var)' if var('coverage_start') else ' (the earliest activity date)')
            ~ ' is after as_of_date ' ~ row[1]
            ~ (' (var)' if var('as_of_date') else ' (the latest activity date)')
            ~ '. The landing data spans ' ~ row[2] ~ ' to ' ~ row[3]
            ~ '; give both vars, or one inside that span.') }}
    {%- endif -%}
    {{ return('') }}
{% endmacro %}
