"""Differential test: every mart row of the project against an independent oracle.

`contract_oracle.py` computes the eight marts of contract §6 straight from a landing folder, in
plain Python written from the contract alone. Here `random_landing.py` writes a random landing
folder for a fixed seed, the project is built on it into a fresh DuckDB file (seeds and models;
unit and data tests are left to `make test-dbt`), and each mart must equal the oracle's rows:
same columns in the same order, same keys, same values (floats to 1e-9).

The seeds were picked so that together they cover (the cheap `covers` test checks they still
do, and that a seed writes the same folder every time):

- general (seed 1)      -- reporting_timezone Pacific/Auckland, git author dates in six UTC
                           offsets, coverage_start and as_of_date overrides that cut the first
                           and last weeks and months short;
- year_end (seed 107)   -- 2026-12 to 2027-03 in Asia/Tokyo: ISO week 53 of 2026
                           (2026-12-28..2027-01-03) with activity, a year and month change;
- messy (seed 200)      -- superseded people.csv rows, cursor user-days re-delivered in a later
                           file, counts that are text, negative, null or fractional, bot-like
                           accounts (`rel-bot`, `ci.bot@...`, `ghost`);
- team_moves (seed 6)   -- 136 days with memberships starting and ending inside the period:
                           people active under two teams in one month.

On a failure the message names the scenario and lists the differing rows; to reproduce outside
pytest, write the landing with `write_random_landing` and build it with the vars shown.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pytest
from conftest import query, run_dbt
from contract_oracle import mart_rows
from random_landing import write_random_landing

SCENARIOS = {
    "general": {"seed": 1, "year_end": False, "messy": False},
    "year_end": {"seed": 107, "year_end": True, "messy": False},
    "messy": {"seed": 200, "year_end": True, "messy": True},
    "team_moves": {"seed": 6, "year_end": False, "messy": False},
}
KEY_COLUMNS = ("grain", "window_buckets", "bucket_start", "dimension", "team")
MAX_LISTED = 40


def write_landing(folder: Path, scenario: str) -> dict[str, str]:
    return write_random_landing(folder / "landing", **SCENARIOS[scenario])


def expected_marts(landing: Path, dbt_vars: dict[str, str]) -> dict[str, list[dict]]:
    def date_var(name: str) -> dt.date | None:
        return dt.date.fromisoformat(dbt_vars[name]) if name in dbt_vars else None

    marts = mart_rows(
        landing,
        as_of_date=date_var("as_of_date"),
        coverage_start=date_var("coverage_start"),
        reporting_timezone=dbt_vars.get("reporting_timezone", "UTC"),
    )
    assert marts is not None, "the random landing folder has no activity dates"
    return marts


def same_value(expected: object, actual: object) -> bool:
    if expected is None or actual is None:
        return expected is None and actual is None
    if isinstance(expected, float) or isinstance(actual, float):
        return math.isclose(float(expected), float(actual), rel_tol=1e-9, abs_tol=1e-9)
    return expected == actual


def row_key(row: dict) -> tuple:
    return tuple(row[column] for column in KEY_COLUMNS if column in row)


def shown(key: tuple) -> str:
    """A row key as `(2026-12-28, all, Web)`."""
    return "(" + ", ".join(str(part) for part in key) + ")"


def table_differences(table: str, expected: list[dict], actual: list[dict]) -> list[str]:
    """Readable lines, one per differing row; [] when the tables are equal."""
    problems = []
    columns = list(expected[0]) if expected else None
    if actual and columns and list(actual[0]) != columns:
        return [f"{table}: columns {list(actual[0])}, the contract's are {columns}"]
    expected_by_key = {row_key(row): row for row in expected}
    actual_by_key = {row_key(row): row for row in actual}
    if len(actual_by_key) != len(actual):
        problems.append(f"{table}: {len(actual) - len(actual_by_key)} duplicate key(s)")
    for key in sorted(expected_by_key.keys() | actual_by_key.keys(), key=str):
        want, got = expected_by_key.get(key), actual_by_key.get(key)
        if got is None:
            problems.append(f"{table} {shown(key)}: missing, expected {want}")
        elif want is None:
            problems.append(f"{table} {shown(key)}: unexpected row {got}")
        else:
            wrong = [c for c in want if not same_value(want[c], got[c])]
            if wrong:
                detail = ", ".join(f"{c} expected {want[c]!r} got {got[c]!r}" for c in wrong)
                problems.append(f"{table} {shown(key)}: {detail}")
    return problems


def covers_general(landing: Path, dbt_vars: dict, marts: dict) -> bool:
    return dbt_vars.get("reporting_timezone", "UTC") != "UTC" and {
        "coverage_start",
        "as_of_date",
    } <= set(dbt_vars)


def covers_year_end(landing: Path, dbt_vars: dict, marts: dict) -> bool:
    return any(
        row["bucket_start"] == dt.date(2026, 12, 28) and row["active_users"] > 0
        for row in marts["ai_active_users_weekly"]
    )


def covers_messy(landing: Path, dbt_vars: dict, marts: dict) -> bool:
    """Superseded people.csv rows, a cursor user-day delivered twice, invalid counts."""
    person_ids = [
        line.split(",")[0]
        for line in (landing / "directory" / "people.csv").read_text().splitlines()[1:]
    ]
    cursor_files = sorted((landing / "cursor").glob("*.json"))
    cursor_days = [
        (record["date"], record["email"])
        for path in cursor_files
        for record in json.loads(path.read_text())["data"]
    ]
    cursor_text = "".join(path.read_text() for path in cursor_files)
    invalid_counts = any(text in cursor_text for text in (': "1"', ": -1", ": 0.5"))
    return (
        len(set(person_ids)) < len(person_ids)
        and len(set(cursor_days)) < len(cursor_days)
        and invalid_counts
    )


def covers_team_moves(landing: Path, dbt_vars: dict, marts: dict) -> bool:
    """Someone counted under two teams in one month: the teams' sum exceeds the org's count."""
    by_team: dict[dt.date, int] = {}
    for row in marts["ai_active_users_by_team_monthly"]:
        if row["dimension"] == "all":
            by_team[row["bucket_start"]] = by_team.get(row["bucket_start"], 0) + row["active_users"]
    return any(
        by_team[row["bucket_start"]] > row["active_users"]
        for row in marts["ai_active_users_monthly"]
        if row["dimension"] == "all"
    )


COVERS = {
    "general": covers_general,
    "year_end": covers_year_end,
    "messy": covers_messy,
    "team_moves": covers_team_moves,
}


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_scenario_covers_its_edge_and_is_deterministic(scenario: str, tmp_path: Path) -> None:
    """Cheap (no dbt): the seed still produces what the scenario is named for, and the same
    landing folder byte for byte each time."""
    dbt_vars = write_landing(tmp_path / "first", scenario)
    write_landing(tmp_path / "second", scenario)
    landing = tmp_path / "first" / "landing"
    for path in landing.rglob("*"):
        if path.is_file():
            twin = tmp_path / "second" / "landing" / path.relative_to(landing)
            assert path.read_bytes() == twin.read_bytes(), path
    marts = expected_marts(landing, dbt_vars)
    assert COVERS[scenario](landing, dbt_vars, marts), f"{scenario} no longer covers its edge"


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_marts_equal_the_oracle(scenario: str, tmp_path: Path) -> None:
    dbt_vars = write_landing(tmp_path, scenario)
    landing = tmp_path / "landing"
    db = tmp_path / "warehouse.duckdb"
    run_dbt(
        ["build", "--exclude", "resource_type:test", "resource_type:unit_test", "--threads", "1"],
        landing=landing,
        db=db,
        work_dir=tmp_path,
        dbt_vars=dbt_vars,
    )
    problems = []
    summary = []
    for table, expected in expected_marts(landing, dbt_vars).items():
        actual = query(db, f"select * from marts.{table}")
        differences = table_differences(table, expected, actual)
        summary.append(f"{table}: {len(expected)} rows expected, {len(actual)} built")
        problems += differences
    if problems:
        listed = problems[:MAX_LISTED]
        if len(problems) > MAX_LISTED:
            listed.append(f"... and {len(problems) - MAX_LISTED} more")
        pytest.fail(
            f"scenario {scenario} {SCENARIOS[scenario]}, dbt vars {dbt_vars}: "
            f"{len(problems)} row(s) differ from the oracle\n" + "\n".join(summary + listed),
            pytrace=False,
        )
