{% macro directory_flag(column) -%}
    {#- A directory CSV's true/false column (people.is_bot, identities.is_shared) as a boolean:
        true, t, 1, yes, y are true, in any case; blank is false; any other value is false too,
        and directory_flag_repair says so. -#}
    coalesce(lower({{ column }}) in ({{ directory_flag_true_values() }}), false)
{%- endmacro %}

{% macro directory_flag_repair(column) -%}
    {#- Why a directory flag was read as false although it is neither blank nor a true or false
        value (`x`, `WAHR` from a German Excel): reported in the quarantine, the row counts. -#}
    case
        when {{ column }} is not null
            and lower({{ column }}) not in ({{ directory_flag_true_values() }},
                'false', 'f', '0', 'no', 'n')
            then '{{ column }} is neither true nor false (read as false): ' || {{ column }}
    end
{%- endmacro %}

{% macro directory_flag_true_values() -%}
    'true', 't', '1', 'yes', 'y'
{%- endmacro %}
