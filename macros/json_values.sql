{#- Reading values out of vendor JSON. Engine-specific, so each is dispatched. -#}

{% macro json_count(json_value) %}
    {{ return(adapter.dispatch('json_count', 'ai_adoption')(json_value)) }}
{% endmacro %}

{% macro duckdb__json_count(json_value) -%}
    {#- A count that is not a JSON number, or is negative, counts as 0 (contract section 7). A
        fraction is rounded up; a count above max_json_count() (1e20, 1e400) is valid and counts
        as that cap, so that sums over an organisation and a year still fit a BIGINT. try_cast:
        DuckDB evaluates the cast for every row, also those the type check excludes. -#}
    case
        when json_type({{ json_value }}) in ('UBIGINT', 'BIGINT', 'DOUBLE', 'HUGEINT')
            and {{ json_number_is_non_negative(json_value) }}
            then cast(
                least(ceil(try_cast({{ json_value }} as double)), {{ max_json_count() }})
                as bigint
            )
        else 0
    end
{%- endmacro %}

{% macro max_json_count() -%}
    {#- The largest value one vendor count is read as: a trillion, which no tool reports. -#}
    1000000000000
{%- endmacro %}

{% macro json_number_is_non_negative(json_value) -%}
    {#- Of a JSON value of a numeric type: a number from 0 to the largest double, or one spelled
        with digits beyond it (1e400, which reads as infinity). DuckDB's JSON reader also takes
        NaN, Infinity, nan and inf (any case, with a minus) for numbers, which JSON has not (RFC
        8259): false for them. NaN compares above every number, so the range leaves it out. A
        case, not an or: DuckDB evaluates both sides of an or outside a condition, and the text
        is to be read only for a value outside the range. -#}
    case
        when try_cast({{ json_value }} as double) between 0 and 1.7976931348623157e308 then true
        else regexp_matches(cast({{ json_value }} as varchar), '^[0-9]')
    end
{%- endmacro %}

{% macro json_count_sum(json_values) %}
    {{ return(adapter.dispatch('json_count_sum', 'ai_adoption')(json_values)) }}
{% endmacro %}

{% macro duckdb__json_count_sum(json_values) -%}
    {#- The sum of a JSON list of counts, each read as json_count does; 0 for an empty list. -#}
    coalesce(list_sum(list_transform(
        {{ json_values }}, lambda element: {{ json_count('element') }}
    )), 0)
{%- endmacro %}

{% macro json_count_is_invalid(json_value) %}
    {{ return(adapter.dispatch('json_count_is_invalid', 'ai_adoption')(json_value)) }}
{% endmacro %}

{% macro duckdb__json_count_is_invalid(json_value) -%}
    {#- One list of the numeric types, and 'NULL' tested apart: DuckDB plans an IN list of five
        texts as a join, about 0.05 s per field for Cursor's 518,000 records at 5,000
        developers. -#}
    coalesce(
        case
            when json_type({{ json_value }}) in ('UBIGINT', 'BIGINT', 'DOUBLE', 'HUGEINT')
                then not {{ json_number_is_non_negative(json_value) }}
            else json_type({{ json_value }}) <> 'NULL'
        end,
        false
    )
{%- endmacro %}

{% macro json_flag(json_value) %}
    {{ return(adapter.dispatch('json_flag', 'ai_adoption')(json_value)) }}
{% endmacro %}

{% macro duckdb__json_flag(json_value) -%}
    {#- try_cast: DuckDB evaluates the cast for every row, also those the type check excludes, so
        a cast of "" or "n/a" failed the whole build. -#}
    coalesce(
        json_type({{ json_value }}) = 'BOOLEAN' and try_cast({{ json_value }} as boolean), false
    )
{%- endmacro %}

{% macro json_flag_is_invalid(json_value) %}
    {{ return(adapter.dispatch('json_flag_is_invalid', 'ai_adoption')(json_value)) }}
{% endmacro %}

{% macro duckdb__json_flag_is_invalid(json_value) -%}
    {#- A flag present but not a JSON boolean ("true", 1, "", an object): read as false. -#}
    coalesce(json_type({{ json_value }}) not in ('BOOLEAN', 'NULL'), false)
{%- endmacro %}

{% macro json_text(json_value, path) %}
    {{ return(adapter.dispatch('json_text', 'ai_adoption')(json_value, path)) }}
{% endmacro %}

{% macro duckdb__json_text(json_value, path) -%}
    {{ trimmed_text("json_extract_string(" ~ json_value ~ ", '" ~ path ~ "')") }}
{%- endmacro %}

{% macro json_value(json_value, path) %}
    {{ return(adapter.dispatch('json_value', 'ai_adoption')(json_value, path)) }}
{% endmacro %}

{% macro duckdb__json_value(json_value, path) -%}
    json_extract({{ json_value }}, '{{ path }}')
{%- endmacro %}

{% macro invalid_count_fields(fields, list_fields={}) -%}
    {#- A comma-separated list of the count fields whose value is not a non-negative JSON number
        (fields: reported name -> JSON value; list_fields: reported name -> JSON list of values,
        invalid when any element is); NULL when every count is valid. -#}
    {%- set conditions = {} %}
    {%- for name, value in fields.items() %}
        {%- do conditions.update({name: json_count_is_invalid(value)}) %}
    {%- endfor %}
    {%- for name, values in list_fields.items() %}
        {%- do conditions.update({name: 'len(list_filter(' ~ values ~ ', lambda element: '
            ~ json_count_is_invalid('element') ~ ')) > 0'}) %}
    {%- endfor %}
    {{- field_names_where(conditions) }}
{%- endmacro %}

{% macro invalid_flag_fields(fields) -%}
    {#- A comma-separated list of the flag fields present but not a JSON boolean (fields: reported
        name -> JSON value); NULL when every flag is valid. -#}
    {%- set conditions = {} %}
    {%- for name, value in fields.items() %}
        {%- do conditions.update({name: json_flag_is_invalid(value)}) %}
    {%- endfor %}
    {{- field_names_where(conditions) }}
{%- endmacro %}

{% macro field_names_where(conditions) -%}
    {#- The comma-separated names whose SQL condition holds (conditions: name -> condition), in
        the dict's order; NULL when none does. -#}
    nullif(concat_ws(', '
        {%- for name, condition in conditions.items() %},
        case when {{ condition }} then '{{ name }}' end
        {%- endfor %}
    ), '')
{%- endmacro %}

{% macro json_counts_may_be_invalid(json_value, fields) %}
    {{ return(adapter.dispatch('json_counts_may_be_invalid', 'ai_adoption')(json_value, fields)) }}
{% endmacro %}

{% macro duckdb__json_counts_may_be_invalid(json_value, fields) -%}
    {#- False when, anywhere in the JSON, every value of the keys `fields` starts like a
        non-negative number or null; true when one may be invalid (a string, a negative
        number, true, an object, nan). One regular expression over the text: it spares the exact
        check (json_count_is_invalid on each element of each field) for the records that
        cannot fail it, 3.9 s of CPU for Copilot's 416,000 records at 5,000 developers. -#}
    coalesce(regexp_matches(
        cast({{ json_value }} as varchar),
        '"(?:{{ fields | join('|') }})"\s*:\s*(?:[^0-9n\s]|n[^u])'
    ), false)
{%- endmacro %}

{% macro json_values(json_value, paths) %}
    {{ return(adapter.dispatch('json_values', 'ai_adoption')(json_value, paths)) }}
{% endmacro %}

{% macro duckdb__json_values(json_value, paths) -%}
    {#- The list of json_value of each path (no wildcards), parsing the JSON once. -#}
    json_extract({{ json_value }}, [
        {%- for path in paths %}'{{ path }}'{{ ', ' if not loop.last }}{% endfor -%}
    ])
{%- endmacro %}

{% macro json_strings(json_value, paths) %}
    {{ return(adapter.dispatch('json_strings', 'ai_adoption')(json_value, paths)) }}
{% endmacro %}

{% macro duckdb__json_strings(json_value, paths) -%}
    {#- The list of json_extract_string of each path (no wildcards), parsing the JSON once. -#}
    json_extract_string({{ json_value }}, [
        {%- for path in paths %}'{{ path }}'{{ ', ' if not loop.last }}{% endfor -%}
    ])
{%- endmacro %}

{% macro json_scalar_read_as_text(json_value, path, text) %}
    {{ return(adapter.dispatch('json_scalar_read_as_text', 'ai_adoption')(
        json_value, path, text)) }}
{% endmacro %}

{% macro duckdb__json_scalar_read_as_text(json_value, path, text) -%}
    {#- True when the field at `path` of the JSON is a number or a boolean, which its text (`text`,
        json_extract_string) writes as `7` or `false`: no login or e-mail, where a vendor sent one.
        Only a text that such a value writes (`true`, `false`, or a leading digit or minus: ASCII
        45-57) is looked up again in the JSON, as that parses the record a second time. -#}
    case
        when {{ text }} = 'true' or {{ text }} = 'false' or ascii({{ text }}) between 45 and 57
            then coalesce(json_type({{ json_value }}, '{{ path }}') <> 'VARCHAR', false)
        else false
    end
{%- endmacro %}

{% macro json_texts(json_value, paths) -%}
    {#- The list of json_text of each path (no wildcards), parsing the JSON once. -#}
    list_transform({{ json_strings(json_value, paths) }}, lambda text: {{ trimmed_text('text') }})
{%- endmacro %}

{% macro text_is_json_container(value) %}
    {{ return(adapter.dispatch('text_is_json_container', 'ai_adoption')(value)) }}
{% endmacro %}

{% macro duckdb__text_is_json_container(value) -%}
    {#- True when a field read as text holds a JSON object or list (the vendor sent
        `{"login": "eve"}` where a login belongs: a text column of read_json holds it as its
        compact JSON text). No login or e-mail starts with `{` or `[`, so only those few are
        parsed (starts_with: a third of the CPU of left(ltrim(...)), 0.14 s per 6 million). -#}
    case
        when starts_with({{ value }}, '{') or starts_with({{ value }}, '[')
            then coalesce(json_valid({{ value }}), false)
        else false
    end
{%- endmacro %}
