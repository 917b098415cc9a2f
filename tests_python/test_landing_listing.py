"""The landing_listing plugin lists like DuckDB's glob(), and says which names DuckDB cannot
handle, so that the landing macros report them instead of failing (bad-input case 49)."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest
from conftest import copilot_user_day, query, write_ndjson

from ai_adoption.landing_listing import Plugin, landing_glob, landing_walk

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


def duckdb_glob(pattern: str) -> list[str]:
    return sorted(row[0] for row in duckdb.sql(f"select file from glob('{pattern}')").fetchall())


def files(listing: list[dict]) -> list[str]:
    return [file["file"] for file in listing if file["reason"] is None]


@pytest.mark.parametrize(
    "pattern", ["copilot/*.ndjson", "cursor/*.json", "directory/people.csv", "missing/*.json"]
)
def test_a_source_pattern_lists_what_duckdb_glob_lists(landing: Path, pattern: str):
    full_pattern = escaped(landing) + "/" + pattern
    assert files(landing_glob(full_pattern)) == duckdb_glob(full_pattern)
    assert landing_glob(full_pattern) or pattern == "missing/*.json"


def test_the_walk_lists_what_duckdb_glob_lists_under_the_folder(landing: Path):
    walked = files(landing_walk(str(landing)))
    # The walk does not enter folders named with a dot, whose files the macros leave out.
    assert walked == duckdb_glob(escaped(landing) + "/**")
    assert len(walked) == len(NAMES)


def test_the_walk_does_not_enter_a_linked_folder(landing: Path):
    """DuckDB's `**` does not follow a symbolic link to a folder: a link to a parent would list
    the landing folder again and again, or never end."""
    (landing / "current").symlink_to(".")
    (landing / "copilot" / "up").symlink_to("..")
    assert files(landing_walk(str(landing))) == duckdb_glob(escaped(landing) + "/**")


def test_a_relative_folder_is_listed_without_a_leading_dot_slash(landing: Path, monkeypatch):
    monkeypatch.chdir(landing)
    assert files(landing_glob("./directory/*.csv")) == ["directory/people.csv"]
    assert "directory/people.csv" in files(landing_walk("."))


def test_names_duckdb_cannot_handle_come_with_why(landing: Path):
    with open(os.fsencode(landing / "copilot") + b"/r\xe9sum\xe9.ndjson", "wb") as file:
        file.write(b"{}\n")
    (landing / "github").mkdir()
    (landing / "github" / "2025-10-01\\events.ndjson").write_text("{}\n")
    (landing / ".git").mkdir()
    with open(os.fsencode(landing / ".git") + b"/obj\xff", "wb") as file:
        file.write(b"")

    not_utf8 = {
        "file": f"{landing}/copilot/r\\xe9sum\\xe9.ndjson",
        "reason": "the file name is not valid UTF-8; rename the file",
    }
    backslash = {
        "file": f"{landing}/github/2025-10-01\\events.ndjson",
        "reason": "the file name holds a backslash; rename the file",
    }
    assert not_utf8 in landing_glob(escaped(landing) + "/copilot/*.ndjson")
    assert [file for file in landing_walk(str(landing)) if file["reason"]] == [not_utf8, backslash]
    with pytest.raises(duckdb.InvalidInputException, match="unicode"):
        duckdb.sql(f"select file from glob('{escaped(landing)}/**')").fetchall()


def test_a_file_the_build_cannot_open_comes_with_why(landing: Path, monkeypatch):
    """DuckDB fails the whole read of a source at a file it cannot open: a link to nothing, or
    a file its user may not read (tested through os.access: the tests may run as root)."""
    (landing / "copilot" / "moved.ndjson").symlink_to(landing / "gone.ndjson")
    locked = landing / "cursor" / "locked.json"
    locked.write_text("{}")
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda path, mode: path != str(locked) and real_access(path, mode)
    )
    dangling = {
        "file": f"{landing}/copilot/moved.ndjson",
        "reason": "a symbolic link to a file that does not exist; mend or remove the link",
    }
    unreadable = {
        "file": str(locked),
        "reason": "the build's user may not read the file; give it read permission",
    }
    assert dangling in landing_glob(escaped(landing) + "/copilot/*.ndjson")
    assert unreadable in landing_glob(escaped(landing) + "/cursor/*.json")
    assert [file for file in landing_walk(str(landing)) if file["reason"]] == [
        dangling,
        unreadable,
    ]


def test_json_written_as_utf16_comes_with_why(landing: Path):
    """Windows PowerShell 5 writes `>` and Out-File as UTF-16 with a byte order mark; the walk
    leaves the content to the sources' listings, which check it."""
    powershell = landing / "cursor" / "2025-10-02.json"
    powershell.write_bytes('{"data": []}'.encode("utf-16"))
    (landing / "directory" / "teams.csv").write_bytes("person_id\n".encode("utf-16"))
    utf16 = {
        "file": str(powershell),
        "reason": "JSON written as UTF-16 (Windows PowerShell's `>` or Out-File); save it as"
        " UTF-8 (Out-File -Encoding utf8)",
    }
    assert utf16 in landing_glob(escaped(landing) + "/cursor/*.json")
    assert not [
        file for file in landing_glob(escaped(landing) + "/directory/*.csv") if file["reason"]
    ]
    assert not [file for file in landing_walk(str(landing)) if file["reason"]]


def test_the_plugin_registers_both_functions_for_every_cursor(landing: Path):
    connection = duckdb.connect()
    Plugin("landing_listing", {}).configure_connection(connection)
    cursor = connection.cursor()
    listed = cursor.sql(
        f"select unnest(ai_adoption_landing_glob('{escaped(landing)}/directory/*.csv'),"
        " recursive := true)"
    ).fetchall()
    assert listed == [(str(landing / "directory" / "people.csv"), None)]
    walked = cursor.sql(f"select len(ai_adoption_landing_walk('{landing}'))").fetchall()
    assert walked == [(len(NAMES),)]


@pytest.mark.parametrize("exists", [True, False], ids=["empty", "missing"])
def test_a_landing_folder_without_a_file_is_a_warning_not_an_error(tmp_path: Path, exists: bool):
    """Contract section 1: a missing or empty folder is not an error. A mistyped path looks
    just like it, so the run says which of the two it found."""
    from conftest import run_dbt

    landing = tmp_path / "landing"
    if exists:
        landing.mkdir()
    result = run_dbt(
        ["seed", "--select", "ai_dimensions"],
        landing=landing,
        db=tmp_path / "warehouse.duckdb",
        work_dir=tmp_path,
    )
    missing = f"{landing} is not a folder (it does not exist?)"
    found = f"no file at all under {landing}" if exists else missing
    assert f"landing: {found}: every table will be empty" in result.stdout
    log = (tmp_path / "logs" / "dbt.log").read_text()
    assert f"[warn ] [MainThread]: landing: {found}" in log
    test = run_dbt(
        ["build", "--select", "landing_unread_files", "landing_unread_files_is_empty"],
        landing=landing,
        db=tmp_path / "warehouse.duckdb",
        work_dir=tmp_path,
    )
    summary = "WARN=0" if exists else "WARN=1"  # a mistyped path warns in the summary too
    assert summary in test.stdout
    folder_type = query(
        tmp_path / "warehouse.duckdb",
        "select data_type from information_schema.columns"
        " where table_schema = 'audit' and table_name = 'landing_unread_files'"
        " and column_name = 'folder'",
    )
    assert folder_type == [{"data_type": "VARCHAR"}]


def test_a_mistyped_landing_folder_does_not_empty_a_built_warehouse(tmp_path: Path):
    """On a warehouse built from data, a landing folder that does not exist stops the run: it
    would empty every table. --full-refresh empties it on purpose."""
    from conftest import DbtBuildError, run_dbt

    landing, db = tmp_path / "landing", tmp_path / "warehouse.duckdb"
    write_ndjson(
        landing / "copilot" / "2025-10-01.ndjson",
        [copilot_user_day("2025-10-01", 1, "octo", code_acceptance_activity_count=1)],
    )
    staging = ["--select", "stg_copilot__user_days"]
    run_dbt(["run", *staging], landing=landing, db=db, work_dir=tmp_path)
    mistyped = tmp_path / "landnig"
    with pytest.raises(DbtBuildError, match="would empty every table"):
        run_dbt(["run", *staging], landing=mistyped, db=db, work_dir=tmp_path)
    assert query(db, "select count(*) as n from staging.stg_copilot__user_days") == [{"n": 1}]
    run_dbt(["run", *staging, "--full-refresh"], landing=mistyped, db=db, work_dir=tmp_path)
    assert query(db, "select count(*) as n from staging.stg_copilot__user_days") == [{"n": 0}]
