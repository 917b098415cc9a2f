{{ active_users_bucket_table('month', by_team=true) }}
