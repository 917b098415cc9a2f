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


def warehouse(path: Path, rows: list[tuple], period_days: int = 90) -> Path:
    """A warehouse holding marts.ai_active_users_headline with `rows`, the days of a reporting
    period from Monday 2025-09-01 in marts.ai_active_users_daily, and its weeks and months
    (is_complete when every day of the bucket is in the period)."""
    with duckdb.connect(str(path)) as connection:
        connection.execute("create schema marts")
        connection.execute(f"create table marts.ai_active_users_headline ({COLUMNS})")
        if rows:
            connection.executemany(
                "insert into marts.ai_active_users_headline values (?, ?, ?, ?, ?, ?, ?, ?)", rows
            )
        connection.execute(
            "create table marts.ai_active_users_daily as select day::date as bucket_start,"
            " dimension, true as is_complete"
            " from range(date '2025-09-01', date '2025-09-01' + ?::int, interval 1 day)"
            " as days (day), (values ('all'), ('ai_coding')) as dimensions (dimension)",
            [period_days],
        )
        for table, grain, bucket_days in (
            ("weekly", "week", "7"),
            ("monthly", "month", "day(last_day(min(day)))"),
        ):
            connection.execute(
                f"create table marts.ai_active_users_{table} as"
                f" select date_trunc('{grain}', day)::date as bucket_start,"
                f" count(distinct day) = {bucket_days} as is_complete"
                " from (select bucket_start as day from marts.ai_active_users_daily) group by 1"
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


def test_each_grain_has_its_own_default_window_and_a_shorter_window_says_so(tmp_path, capsys):
    months = [
        ("month", 3, "all", date(2025, 8, 1), date(2025, 10, 31), 3, 7.0, 9),
        ("month", 12, "all", date(2025, 6, 1), date(2025, 10, 31), 5, 6.0, 11),
    ]
    db = warehouse(tmp_path / "w.duckdb", months)
    assert print_headline(db, "month") == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "AI Active Users — average per month over the last 3 complete months"
        " (2025-08-01 to 2025-10-31)"
    )
    assert print_headline(db, "month", 12) == 0
    assert (
        capsys.readouterr()
        .out.splitlines()[0]
        .endswith(
            "last 5 complete months (2025-06-01 to 2025-10-31)"
            " (12 asked; the reporting period holds no more)"
        )
    )


def test_the_default_window_is_the_shortest_the_build_made(tmp_path, capsys):
    """headline_windows: {week: [2, 8]} makes no 4-week window: the default is then 2."""
    weeks = [
        ("week", 2, "all", date(2025, 11, 17), date(2025, 11, 30), 1, 5.0, 5),
        ("week", 8, "all", date(2025, 10, 6), date(2025, 11, 30), 8, 4.0, 9),
    ]
    assert print_headline(warehouse(tmp_path / "w.duckdb", weeks), "week") == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "AI Active Users — average per week over the last 1 complete ISO weeks"
        " (2025-11-17 to 2025-11-30)"
    )
    assert print_headline(warehouse(tmp_path / "none.duckdb", weeks), "day") == 2
    assert capsys.readouterr().err.strip() == (
        "headline: No day headline: the build made no day window (dbt var headline_windows)."
    )


def test_a_warehouse_the_build_holds_or_another_file_is_an_error(tmp_path, capsys):
    not_duckdb = tmp_path / "README.md"
    not_duckdb.write_text("# no warehouse\n")
    assert print_headline(not_duckdb, "week", 4) == 1
    assert capsys.readouterr().err.startswith(f"headline: cannot read {not_duckdb}:")


def test_a_window_length_the_warehouse_does_not_hold_is_a_usage_error(tmp_path, capsys):
    assert print_headline(warehouse(tmp_path / "w.duckdb", WEEK_4), "week", 5) == 2
    output = capsys.readouterr()
    assert output.out == ""
    assert output.err.strip() == (
        "headline: No 5-week headline: the warehouse holds week windows of 4, 12 ISO weeks"
        " (dbt var headline_windows)."
    )


@pytest.mark.parametrize("window", [3, None], ids=["asked", "default"])
def test_a_grain_the_build_made_no_window_of_is_a_usage_error(tmp_path, capsys, window):
    """90 days hold complete months: no month row means headline_windows has no month."""
    assert print_headline(warehouse(tmp_path / "w.duckdb", WEEK_4), "month", window) == 2
    assert capsys.readouterr().err.strip() == (
        "headline: No month headline: the build made no month window (dbt var headline_windows)."
        if window is None
        else "headline: No 3-month headline: the build made no month window"
        " (dbt var headline_windows)."
    )


@pytest.mark.parametrize("window", [3, None], ids=["asked", "default"])
def test_no_complete_bucket_yet_is_an_answer(tmp_path, capsys, window):
    """Ten days from Monday 2025-09-01 hold an ISO week but no calendar month."""
    db = warehouse(tmp_path / "w.duckdb", [], period_days=10)
    assert print_headline(db, "month", window) == 0
    wanted = "3-month" if window else "month"
    assert capsys.readouterr().out.strip() == (
        "No complete months in the reporting period (2025-09-01 to 2025-09-10) yet:"
        f" no {wanted} headline."
    )
    assert print_headline(db, "week", window and 4) == 2


@pytest.mark.parametrize("built", [False, True], ids=["no_file", "no_table"])
def test_a_warehouse_without_the_headline_is_an_error(tmp_path, capsys, built):
    db = tmp_path / "w.duckdb"
    if built:
        duckdb.connect(str(db)).close()
    assert print_headline(db, "week", 4) == 1
    assert "headline:" in capsys.readouterr().err


def test_an_empty_warehouse_says_there_is_no_reporting_period(tmp_path, capsys):
    assert print_headline(warehouse(tmp_path / "w.duckdb", [], period_days=0), "week", 4) == 0
    assert capsys.readouterr().out.startswith("No headline: the warehouse has no reporting period.")


def test_a_folder_is_not_a_warehouse(tmp_path, capsys):
    assert print_headline(tmp_path, "week", 4) == 1
    assert capsys.readouterr().err.startswith(f"headline: no warehouse file at {tmp_path};")


@pytest.mark.parametrize("given", ["", "  "])
def test_a_blank_db_argument_means_the_variable_then_the_default(monkeypatch, given):
    from ai_adoption.__main__ import DEFAULT_WAREHOUSE, _build_parser

    def parsed_db() -> Path:
        return _build_parser().parse_args(["headline", "--db", given]).db

    monkeypatch.delenv("AI_ADOPTION_DB", raising=False)
    assert parsed_db() == Path(DEFAULT_WAREHOUSE)
    monkeypatch.setenv("AI_ADOPTION_DB", "/data/wh.duckdb")
    assert parsed_db() == Path("/data/wh.duckdb")
    monkeypatch.setenv("AI_ADOPTION_DB", "~/wh.duckdb")  # as a .env file or a unit gives it
    assert parsed_db() == Path.home() / "wh.duckdb"
    monkeypatch.setenv("AI_ADOPTION_DB", "/data/wh.duckdb")
    assert _build_parser().parse_args(["check"]).db == Path("/data/wh.duckdb")


@pytest.mark.parametrize(
    ("built_at", "warned"),
    [("2025-12-01 06:00:00", False), ("2025-11-30 06:00:00", True)],
    ids=["built_after_the_load", "a_build_stopped_after_staging"],
)
def test_figures_older_than_the_loaded_data_are_flagged(tmp_path, capsys, built_at, warned):
    """A daily run that loads the staging tables and then stops (a failed test, a killed job)
    leaves the marts of the run before: the headline printed them as if current."""
    db = warehouse(tmp_path / "w.duckdb", WEEK_4)
    with duckdb.connect(str(db)) as connection:
        connection.execute("create schema staging")
        connection.execute(
            "create table staging.partition_loads as select 'stg_git__commits' as model_name,"
            " date '2025-11-30' as partition_date, timestamp '2025-12-01 06:00:00' as loaded_at"
        )
        connection.execute(
            "create table staging.derived_model_builds as select model_name, built_at"
            " from (values ('int_active_users_by_bucket', ?::timestamp),"
            " ('int_person_days', timestamp '2025-12-01 06:00:00'))"
            " as builds (model_name, built_at)",
            [built_at],
        )
    assert print_headline(db, "week", 4) == 0
    output = capsys.readouterr()
    assert output.out.startswith("AI Active Users")
    assert output.err == (
        "headline: warning: landing data was loaded at 2025-12-01 06:00:00 UTC, after these figures"
        " were built at 2025-11-30 06:00:00 UTC: the last build did not finish (logs/dbt.log says"
        " why); the table is the build's before it.\n"
        if warned
        else ""
    )
