"""One row per account key: the developer it belongs to, or why it counts for nobody.

Connected components over people, accounts and keys (contract section 3); the algorithm lives in
ai_adoption.identity and is tested by pytest.
"""

from ai_adoption.identity import resolve_identities


def model(dbt, session):
    dbt.config(materialized="table")
    people = dbt.ref("stg_directory__people").filter("is_current").project(
        "person_id, email_key, login_key, is_bot"
    )
    identity_links = dbt.ref("stg_directory__identities").filter("is_current").project(
        "person_id, account_key, account_source as source, is_shared"
    )
    accounts = dbt.ref("int_accounts_observed").project("account_key, source")
    bot_accounts = dbt.ref("bot_accounts").project("account_key, reason")
    return resolve_identities(
        people=people.df(),
        identity_links=identity_links.df(),
        accounts=accounts.df(),
        bot_accounts=bot_accounts.df(),
    )
