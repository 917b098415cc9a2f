"""dbt-duckdb plugin: names AI_ADOPTION_MEMORY_LIMIT when DuckDB cannot read it as a size.

profiles/profiles.yml sets DuckDB's memory_limit from that variable. DuckDB reads the value only
when dbt opens its first cursor, and its "Parser Error: Memory must have a number" came with a
traceback and without the variable's name.
"""

from __future__ import annotations

from typing import Any

import duckdb
from dbt.adapters.duckdb.plugins import BasePlugin
from dbt_common.exceptions import DbtRuntimeError


def memory_limit_problem(value: str) -> str | None:
    """Why DuckDB refuses `value` as its memory_limit, or None when it reads it."""
    try:
        duckdb.connect(":memory:", config={"memory_limit": value}).close()
    except duckdb.Error as error:
        return str(error)
    return None


class Plugin(BasePlugin):
    def update_connection_config(self, creds: Any, config: dict[str, Any]) -> None:
        value = (creds.settings or {}).get("memory_limit")
        problem = memory_limit_problem(str(value)) if value is not None else None
        if problem:
            raise DbtRuntimeError(
                f"AI_ADOPTION_MEMORY_LIMIT (memory_limit in profiles/profiles.yml) is '{value}',"
                f" which DuckDB cannot read as a size: {problem}. Give a size such as 3GB or"
                " 2500MiB, or leave it unset for 3GB."
            )
