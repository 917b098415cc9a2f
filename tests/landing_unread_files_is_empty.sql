{{ config(severity='warn') }}
{#- Warns when a file under the landing folder is read by no source (audit.landing_unread_files
    says which and why): a delivery saved under the wrong name is not silently left out. -#}
select
    file_name,
    reason
from {{ ref('landing_unread_files') }}
