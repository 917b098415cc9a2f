"""dbt-duckdb plugin: creates the warehouse file's folder before DuckDB opens the file.

DuckDB creates a database file but not its folder, so `dbt build` on a fresh clone, with the
default warehouse `warehouse/ai_adoption.duckdb` (contract: env var AI_ADOPTION_DB), failed with
"Cannot open file" unless `make` had made the folder. profiles/profiles.yml loads this plugin.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dbt.adapters.duckdb.plugins import BasePlugin


def warehouse_folder(path: str) -> Path | None:
    """The folder a DuckDB database path needs, or None for an in-memory database or a URI."""
    if not path or path == ":memory:" or path.startswith(("md:", "motherduck:")) or "://" in path:
        return None
    return Path(path).expanduser().parent


class Plugin(BasePlugin):
    def update_connection_config(self, creds: Any, config: dict[str, Any]) -> None:
        folder = warehouse_folder(creds.path)
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
