{{ active_users_bucket_table('week', by_team=true) }}
