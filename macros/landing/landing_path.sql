{% macro landing_path() -%}
    {#- dbt var landing_path, else env var AI_ADOPTION_LANDING, else (both unset or blank)
        data/landing: a blank variable read the working folder, the project. Written the
        way DuckDB's glob writes the paths it returns (landing_path_normalized), so that a
        landing file's name is its path without landing_prefix(). -#}
    {%- set configured = var('landing_path', none) -%}
    {%- if configured is none or configured == '' -%}
        {%- set configured = env_var('AI_ADOPTION_LANDING', '') | trim or 'data/landing' -%}
    {%- endif -%}
    {#- `~/landing` as a shell expands it (a .env file or a scheduler's unit passes it as is). -#}
    {%- if configured == '~' or configured.startswith('~/') -%}
        {%- set configured = env_var('HOME', '~') ~ configured[1:] -%}
    {%- endif -%}
    {{- return(landing_path_normalized(configured)) -}}
{%- endmacro %}

{% macro landing_path_normalized(path) -%}
    {#- A path without repeated or trailing slashes, `.` segments, or `name/..` pairs, as DuckDB's
        glob returns its matches (`./landing//copilot/../copilot` is `landing/copilot`); leading
        `..` of a relative path stay. `.` when nothing is left. -#}
    {%- set is_absolute = path.startswith('/') -%}
    {%- set parts = [] -%}
    {%- for part in path.split('/') if part not in ('', '.') -%}
        {%- if part == '..' and parts and parts[-1] != '..' -%}
            {%- do parts.pop() -%}
        {%- elif not (part == '..' and is_absolute) -%}
            {%- do parts.append(part) -%}
        {%- endif -%}
    {%- endfor -%}
    {{- return(('/' if is_absolute else '') ~ (parts | join('/')) or '.') -}}
{%- endmacro %}

{% macro landing_prefix() -%}
    {#- What every landing file's path starts with: `<landing_path()>/`, or nothing when the
        landing folder is the working directory (DuckDB's glob drops the `./`). -#}
    {{- return('' if landing_path() == '.' else landing_path() ~ '/') -}}
{%- endmacro %}
