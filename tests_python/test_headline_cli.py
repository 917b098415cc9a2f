"""`python -m ai_adoption headline`: the table it prints, and what it says when it has none."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from ai_adoption.headline import print_headline

COLUMNS = (
    "grain varchar, window_buckets integer, dimension varchar, window_start date,"
    " window_end date, bucket_count integer, avg_active_users double,"
    " distinct_active_users bigint"
)


def warehouse(path: Path, rows: list[tuple]) -> Path:
    """A warehouse holding only marts.ai_active_users_headline with `rows`."""
    with duckdb.connect(str(path)) as connection:
        connection.execute("create schema marts")
        connection.execute(f"create table marts.ai_active_users_headline ({COLUMNS})")
        if rows:
            connection.executemany(
                "insert into marts.ai_active_users_headline values (?, ?, ?, ?, ?, ?, ?, ?)", rows
            )
    return path


WEEK_4 = [
    ("week", 4, "coding_agents", date(2025, 11, 3), date(2025, 11, 30), 4, 2.5, 4),
    ("week", 4, "all", date(2025, 11, 3), date(2025, 11, 30), 4, 10.25, 12),
    ("week", 12, "all", date(2025, 9, 8), date(2025, 11, 30), 12, 9.0, 20),
]


def test_the_window_is_printed_all_first(tmp_path, capsys):
    assert print_headline(warehouse(tmp_path / "w.duckdb", WEEK_4), "week", 4) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        "AI Active Users — average per week over the last 4 complete ISO weeks"
        " (2025-11-03 to 2025-11-30)"
    )
    assert lines[4].split() == ["All", "AI", "tools", "10.2", "12"]
    assert lines[5].split() == ["Coding", "Agents", "2.5", "4"]


def test_a_window_length_the_warehouse_does_not_hold_is_named_as_such(tmp_path, capsys):
    assert print_headline(warehouse(tmp_path / "w.duckdb", WEEK_4), "week", 5) == 0
    assert capsys.readouterr().out.strip() == (
        "No 5-week headline: the warehouse holds week windows of 4, 12 ISO weeks"
        " (dbt var headline_windows)."
    )


def test_no_complete_bucket_yet(tmp_path, capsys):
    assert print_headline(warehouse(tmp_path / "w.duckdb", WEEK_4), "month", 3) == 0
    assert capsys.readouterr().out.strip() == (
        "No complete months in the reporting period yet: no 3-month headline."
    )


@pytest.mark.parametrize("built", [False, True], ids=["no_file", "no_table"])
def test_a_warehouse_without_the_headline_is_an_error(tmp_path, capsys, built):
    db = tmp_path / "w.duckdb"
    if built:
        duckdb.connect(str(db)).close()
    assert print_headline(db, "week", 4) == 1
    assert "headline:" in capsys.readouterr().err
