{{ active_users_bucket_table('day', by_team=true) }}
