"""One row per account key: the developer it belongs to, or why it counts for nobody.

Connected components over people, accounts and keys (contract section 3); the algorithm lives in
ai_adoption.identity and is tested by pytest.
"""

from ai_adoption.identity import resolve_identities

OUTPUT_TYPES = {
    "account_key": "varchar",
    "key_type": "varchar",
    "developer_id": "varchar",
    "person_id": "varchar",
    "is_rostered": "boolean",
    "is_shared": "boolean",
    "is_bot": "boolean",
    "resolution": "varchar",
    "is_observed": "boolean",
}


def model(dbt, session):
    dbt.config(materialized="table")
    people = (
        dbt.ref("stg_directory__people")
        .filter("is_current")
        .project("person_id, email_key, login_key, is_bot")
    )
    identity_links = (
        dbt.ref("stg_directory__identities")
        .filter("is_current")
        .project("person_id, account_key, account_source as source, is_shared")
    )
    accounts = dbt.ref("int_accounts_observed").project("account_key, source")
    bot_accounts = dbt.ref("bot_accounts").project("account_key, reason")
    resolved = resolve_identities(
        people=people.df(),
        identity_links=identity_links.df(),
        accounts=accounts.df(),
        bot_accounts=bot_accounts.df(),
    )
    # Typed explicitly: a column that is all None (no people.csv) must still be a varchar.
    typed_columns = ", ".join(
        f"cast({column} as {data_type}) as {column}" for column, data_type in OUTPUT_TYPES.items()
    )
    return session.from_df(resolved).project(typed_columns)
