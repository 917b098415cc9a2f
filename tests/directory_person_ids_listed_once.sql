{{ config(severity='warn') }}
{#- Warns when people.csv lists a person_id on more than one valid row (a rehire written as a
    second row, a copy-paste): only the last row counts (its team, e-mail, login and employment
    dates), the others are superseded, so the person's earlier accounts and spells count for
    nothing. One row per such person_id, with the record numbers of its rows (1 for the first
    row under the header) and the one that counts. -#}
with

people as (

    select * from {{ ref('stg_directory__people') }}

),

valid_rows as (

    select * from people
    where rejection_reason is null

),

listed_more_than_once as (

    select
        person_id,
        count(*) as valid_rows,
        max(case when is_current then record_number end) as record_number_used,
        {{ dbt.listagg("cast(record_number as " ~ dbt.type_string() ~ ")",
                       "', '", "order by record_number") }} as record_numbers
    from valid_rows
    group by person_id
    having count(*) > 1

)

select * from listed_more_than_once
