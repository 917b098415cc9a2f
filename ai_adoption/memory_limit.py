"""dbt-duckdb plugin: names AI_ADOPTION_MEMORY_LIMIT when it cannot be the build's memory limit.

profiles/profiles.yml sets DuckDB's memory_limit from that variable. DuckDB reads the value only
when dbt opens its first cursor, and its "Parser Error: Memory must have a number" came with a
traceback and without the variable's name; a limit like 0GB or 10MB passed, and the build
failed later with DuckDB's "Out of Memory Error".
"""

from __future__ import annotations

from typing import Any

import duckdb
from dbt.adapters.duckdb.plugins import BasePlugin
from dbt_common.exceptions import DbtRuntimeError

# Below this a build cannot run: DuckDB fails its first queries with "Out of Memory".
LEAST_MEMORY_LIMIT = 256 * 1024**2
UNITS = {"bytes": 1, "KiB": 1024, "MiB": 1024**2, "GiB": 1024**3, "TiB": 1024**4, "PiB": 1024**5}


def memory_limit_problem(value: str) -> str | None:
    """Why `value` cannot be DuckDB's memory_limit for a build, or None when it can. DuckDB's
    own readings stand: `-1` is no limit, `50%` half the memory."""
    try:
        with duckdb.connect(":memory:", config={"memory_limit": value}) as connection:
            (effective,) = connection.execute("select current_setting('memory_limit')").fetchone()
    except duckdb.OutOfMemoryException:
        return "DuckDB cannot run a single query within it"
    except duckdb.Error as error:
        return f"DuckDB cannot read it as a size ({str(error).splitlines()[0]})"
    number, _, unit = effective.partition(" ")
    if float(number) * UNITS.get(unit, 1) < LEAST_MEMORY_LIMIT:
        return f"DuckDB reads it as {effective}, below the 256 MiB a build needs"
    return None


class Plugin(BasePlugin):
    def update_connection_config(self, creds: Any, config: dict[str, Any]) -> None:
        value = (creds.settings or {}).get("memory_limit")
        problem = memory_limit_problem(str(value)) if value is not None else None
        if problem:
            raise DbtRuntimeError(
                f"AI_ADOPTION_MEMORY_LIMIT (memory_limit in profiles/profiles.yml) is '{value}',"
                f" which cannot be the build's memory limit: {problem}. Give a size such as 3GB"
                " or 2500MiB (DuckDB's -1 is no limit, 50% half the memory), or leave it unset"
                " for 3GB."
            )
