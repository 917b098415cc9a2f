"""The landing_listing plugin lists like DuckDB's glob(), except for the names DuckDB cannot
handle, which it leaves out and names (bad-input case 49)."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from ai_adoption.landing_listing import Plugin, landing_glob, landing_unlistable

NAMES = [
    "copilot/2025-10-01.ndjson",
    "copilot/.hidden.ndjson",
    "copilot/.DS_Store",
    "copilot/users[1].ndjson",
    "copilot/users1.ndjson",
    "copilot/with space.ndjson",
    "copilot/UPPER.NDJSON",
    "copilot/2025/10/nested.ndjson",
    "cursor/page*?.json",
    "directory/people.csv",
    "git/.gitkeep",
    "notes.txt",
]


@pytest.fixture
def landing(tmp_path: Path) -> Path:
    root = tmp_path / "landing[prod]"
    for name in NAMES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("{}\n")
    (root / "copilot" / "folder.ndjson").mkdir()
    return root


def escaped(path: Path) -> str:
    """glob_escape of the landing macros."""
    return str(path).replace("[", "[[]").replace("*", "[*]").replace("?", "[?]")


@pytest.mark.parametrize(
    "pattern",
    ["copilot/*.ndjson", "cursor/*.json", "directory/people.csv", "missing/*.json", "**"],
)
def test_lists_what_duckdb_glob_lists(landing: Path, pattern: str):
    full_pattern = escaped(landing) + "/" + pattern
    by_duckdb = [
        row[0] for row in duckdb.sql(f"select file from glob('{full_pattern}')").fetchall()
    ]
    assert landing_glob(full_pattern) == sorted(by_duckdb)
    assert landing_glob(full_pattern) or pattern == "missing/*.json"


def test_a_relative_folder_is_listed_without_a_leading_dot_slash(landing: Path, monkeypatch):
    monkeypatch.chdir(landing)
    assert landing_glob("./directory/*.csv") == ["directory/people.csv"]


def test_names_duckdb_cannot_handle_are_left_out_and_named(landing: Path):
    with open(os.fsencode(landing / "copilot") + b"/r\xe9sum\xe9.ndjson", "wb") as file:
        file.write(b"{}\n")
    (landing / "github").mkdir()
    (landing / "github" / "2025-10-01\\events.ndjson").write_text("{}\n")
    (landing / ".git").mkdir()
    with open(os.fsencode(landing / ".git") + b"/obj\xff", "wb") as file:
        file.write(b"")

    assert not any("sum" in name for name in landing_glob(escaped(landing) + "/copilot/*.ndjson"))
    assert not any("events" in name for name in landing_glob(escaped(landing) + "/**"))
    assert landing_unlistable(str(landing)) == [
        {
            "file_name": "copilot/r\\xe9sum\\xe9.ndjson",
            "reason": "the file name is not valid UTF-8",
        },
        {
            "file_name": "github/2025-10-01\\events.ndjson",
            "reason": "the file name holds a backslash",
        },
    ]
    with pytest.raises(duckdb.InvalidInputException, match="unicode"):
        duckdb.sql(f"select file from glob('{escaped(landing)}/**')").fetchall()


def test_the_plugin_registers_both_functions_for_every_cursor(landing: Path):
    connection = duckdb.connect()
    Plugin("landing_listing", {}).configure_connection(connection)
    cursor = connection.cursor()
    listed = cursor.sql(
        f"select unnest(ai_adoption_landing_glob('{escaped(landing)}/directory/*.csv'))"
    ).fetchall()
    assert listed == [(str(landing / "directory" / "people.csv"),)]
    assert cursor.sql(f"select ai_adoption_landing_unlistable('{landing}')").fetchall() == [([],)]
