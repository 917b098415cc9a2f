"""dbt-duckdb plugin: lists the landing folder in Python, for the file names DuckDB cannot list.

DuckDB's glob() stops the whole query at a file name that is not UTF-8 (`résumé.ndjson` written
in Latin-1 by an old zip tool: "Invalid unicode detected in value construction"), so one such
file failed every build, and it leaves out a name holding a backslash without a word. The
functions registered here list like glob() but leave both kinds out of the listing, and name
them, so that the landing macros read every other file and report these as not read.
profiles/profiles.yml loads this plugin; without it the macros fall back to glob().
"""

from __future__ import annotations

import glob
import os

from dbt.adapters.duckdb.plugins import BasePlugin
from duckdb import DuckDBPyConnection

GLOB_FUNCTION = "ai_adoption_landing_glob"
UNLISTABLE_FUNCTION = "ai_adoption_landing_unlistable"


def unlistable_reason(name: str) -> str | None:
    """Why DuckDB cannot list or read a file of this name, or None when it can."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "the file name is not valid UTF-8"
    if "\\" in name:
        return "the file name holds a backslash"
    return None


def normalized(path: str) -> str:
    """A matched path written as DuckDB's glob writes it: without a leading `./`."""
    while path.startswith("./"):
        path = path[2:]
    return path


def landing_glob(pattern: str) -> list[str]:
    """The files a DuckDB glob pattern matches (`*`, `?`, `[...]`, `**`; dot names too),
    sorted, without the names DuckDB cannot handle."""
    matches = glob.glob(pattern, recursive=True, include_hidden=True)
    return sorted(
        normalized(path)
        for path in matches
        if os.path.isfile(path) and unlistable_reason(path) is None
    )


def printable(path: str) -> str:
    """A path as UTF-8 text: bytes that are not UTF-8 are written `\\xe9`."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def landing_unlistable(root: str) -> list[dict[str, str]]:
    """The name relative to root, and why, of each file under root that landing_glob leaves
    out; names starting with a dot, at any level, are the file system's and left out here too."""
    found = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        relative_folder = os.path.relpath(folder, root)
        for name in files:
            relative = name if relative_folder == "." else os.path.join(relative_folder, name)
            reason = unlistable_reason(relative)
            if reason is not None and not name.startswith("."):
                found.append({"file_name": printable(relative), "reason": reason})
    return sorted(found, key=lambda file: file["file_name"])


class Plugin(BasePlugin):
    def configure_connection(self, conn: DuckDBPyConnection) -> None:
        conn.create_function(
            GLOB_FUNCTION, landing_glob, ["VARCHAR"], "VARCHAR[]", side_effects=True
        )
        conn.create_function(
            UNLISTABLE_FUNCTION,
            landing_unlistable,
            ["VARCHAR"],
            "STRUCT(file_name VARCHAR, reason VARCHAR)[]",
            side_effects=True,
        )
