{{ active_users_headline(by_team=false) }}
