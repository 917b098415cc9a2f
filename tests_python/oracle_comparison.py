"""Build the project on a landing folder and compare every mart row with `contract_oracle.py`.

`test_differential.py` (random folders) and `test_traps.py` (hand-made trap folders) share it.
The build is seeds and models only, on one thread (unit and data tests are left to
`make test-dbt`). Each mart the oracle computes (the eight of contract §6, the three companion
metrics marts) must equal the oracle's rows: same columns in the same order, same keys, same
values (floats to 1e-9).
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
from conftest import query, run_dbt
from contract_oracle import mart_rows

KEY_COLUMNS = ("grain", "window_buckets", "bucket_start", "dimension", "team", "source")
MAX_LISTED = 40


def expected_marts(landing: Path, dbt_vars: dict[str, str]) -> dict[str, list[dict]]:
    """The oracle's rows of each mart for `landing` built with `dbt_vars`."""

    def date_var(name: str) -> dt.date | None:
        return dt.date.fromisoformat(dbt_vars[name]) if name in dbt_vars else None

    marts = mart_rows(
        landing,
        as_of_date=date_var("as_of_date"),
        coverage_start=date_var("coverage_start"),
        reporting_timezone=dbt_vars.get("reporting_timezone", "UTC"),
    )
    assert marts is not None, "the landing folder has no activity dates"
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


def assert_marts_equal_the_oracle(landing: Path, dbt_vars: dict, work_dir: Path, label: str):
    """Build `landing` into work_dir/warehouse.duckdb; fail listing every differing row."""
    db = work_dir / "warehouse.duckdb"
    run_dbt(
        ["build", "--exclude", "resource_type:test", "resource_type:unit_test", "--threads", "1"],
        landing=landing,
        db=db,
        work_dir=work_dir,
        dbt_vars=dbt_vars,
    )
    problems = []
    summary = []
    for table, expected in expected_marts(landing, dbt_vars).items():
        actual = query(db, f"select * from marts.{table}")
        summary.append(f"{table}: {len(expected)} rows expected, {len(actual)} built")
        problems += table_differences(table, expected, actual)
    if problems:
        listed = problems[:MAX_LISTED]
        if len(problems) > MAX_LISTED:
            listed.append(f"... and {len(problems) - MAX_LISTED} more")
        pytest.fail(
            f"{label}, dbt vars {dbt_vars}: {len(problems)} row(s) differ from the oracle\n"
            + "\n".join(summary + listed),
            pytrace=False,
        )
