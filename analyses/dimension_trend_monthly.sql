{#- How does each kind of AI use grow? Monthly active users per dimension, complete months. -#}
select
    bucket_start as month,
    dimension,
    active_users,
    active_rostered_users,
    headcount,
    adoption_rate
from {{ ref('ai_active_users_monthly') }}
where is_complete
order by month, dimension
