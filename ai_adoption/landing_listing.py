"""dbt-duckdb plugin: lists the landing folder in Python, for the file names DuckDB cannot list.

DuckDB's glob() stops the whole query at a file name that is not UTF-8 (`résumé.ndjson` written
in Latin-1 by an old zip tool: "Invalid unicode detected in value construction"), so one such
file failed every build, and it leaves out a name holding a backslash without a word. The
functions registered here list like glob() and say which names DuckDB cannot handle, so that the
landing macros read every other file and report these as not read.
profiles/profiles.yml loads this plugin; without it the macros fall back to glob().
"""

from __future__ import annotations

import glob
import os

from dbt.adapters.duckdb.plugins import BasePlugin
from duckdb import DuckDBPyConnection

GLOB_FUNCTION = "ai_adoption_landing_glob"
WALK_FUNCTION = "ai_adoption_landing_walk"
FOLDER_FUNCTION = "ai_adoption_is_folder"
LISTED_FILES = "STRUCT(file VARCHAR, reason VARCHAR)[]"


def unlistable_reason(name: str) -> str | None:
    """Why DuckDB cannot list or read a file of this name, and what to do, or None when it
    can."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "the file name is not valid UTF-8; rename the file"
    if "\\" in name:
        return "the file name holds a backslash; rename the file"
    return None


def is_dangling_link(path: str) -> bool:
    return os.path.islink(path) and not os.path.exists(path)


JSON_SUFFIXES = (".json", ".ndjson")
UTF16_BYTE_ORDER_MARKS = (b"\xff\xfe", b"\xfe\xff")


def unreadable_reason(path: str, read_start: bool = True) -> str | None:
    """Why the build cannot open a listed file, or read it as JSON, and what to do, or None
    when it can: DuckDB would fail the whole source's read at a file it cannot open, and read
    each line of a UTF-16 file as garbage. JSON is UTF-8 (RFC 8259), but Windows PowerShell
    5's `>` and Out-File write UTF-16; the directory CSVs are read in UTF-16 too. read_start:
    whether to read a JSON file's first bytes for that."""
    if is_dangling_link(path):
        return "a symbolic link to a file that does not exist; mend or remove the link"
    if not os.access(path, os.R_OK):
        return "the build's user may not read the file; give it read permission"
    if read_start and path.lower().endswith(JSON_SUFFIXES):
        try:
            with open(path, "rb") as file:
                start = file.read(2)
        except OSError:
            return None
        if start in UTF16_BYTE_ORDER_MARKS:
            return (
                "JSON written as UTF-16 (Windows PowerShell's `>` or Out-File); save it as"
                " UTF-8 (Out-File -Encoding utf8)"
            )
    return None


def printable(path: str) -> str:
    """A path as UTF-8 text: bytes that are not UTF-8 are written `\\xe9`."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def listed(path: str, name: str, read_start: bool = True) -> dict[str, str | None]:
    """A listed file: its path written as DuckDB's glob writes it (no leading `./`), and why
    DuckDB cannot handle its name, or a folder's in its path, or cannot open or read it (None
    when it can; read_start as for unreadable_reason)."""
    written = printable(path)
    while written.startswith("./"):
        written = written[2:]
    return {
        "file": written,
        "reason": unlistable_reason(name)
        or unlistable_reason(path)
        or unreadable_reason(path, read_start),
    }


def landing_glob(pattern: str) -> list[dict[str, str | None]]:
    """The files a one-level DuckDB glob pattern matches (`folder/*.ndjson`, `folder/people.csv`;
    `*`, `?` and `[...]`, dot names too), and the links to nothing it would match, sorted, each
    with listed()'s reason."""
    matches = glob.glob(pattern, include_hidden=True)
    return sorted(
        (
            listed(path, os.path.basename(path))
            for path in matches
            if os.path.isfile(path) or is_dangling_link(path)
        ),
        key=lambda file: file["file"],
    )


def landing_walk(root: str) -> list[dict[str, str | None]]:
    """Every file under root, as DuckDB's glob('<root>/**') lists them (a symbolic link to a
    folder is not entered: a link to a parent would loop), sorted, each with listed()'s reason
    for its name relative to root, but for the content of JSON files, which the sources'
    listings (landing_glob) check. Folders whose name starts with a dot are not entered: the
    landing macros leave out everything under them."""
    files = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in names:
            path = os.path.join(folder, name)
            if os.path.isfile(path) or is_dangling_link(path):
                files.append(listed(path, os.path.relpath(path, root), read_start=False))
    return sorted(files, key=lambda file: file["file"])


def is_folder(path: str) -> bool:
    """Whether the landing folder exists: DuckDB's glob() lists nothing either way."""
    return os.path.isdir(path)


class Plugin(BasePlugin):
    def configure_connection(self, conn: DuckDBPyConnection) -> None:
        for name, function in ((GLOB_FUNCTION, landing_glob), (WALK_FUNCTION, landing_walk)):
            conn.create_function(name, function, ["VARCHAR"], LISTED_FILES, side_effects=True)
        conn.create_function(FOLDER_FUNCTION, is_folder, ["VARCHAR"], "BOOLEAN", side_effects=True)
