"""dbt vars that cannot work stop the command before anything is read or built (check_vars)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import yaml
from conftest import REPO_ROOT, DbtBuildError, run_dbt, write_ndjson

BAD_VARS = {
    "as_of_date": "2025-02-30",
    "coverage_start": "2025-06-01x",
    "reporting_timezone": " ",
    "headline_windows": {"day": [7, 0], "hour": [3], "week": 4},
    "quarantine_max_share": 1.5,
    "incremental_lookback_days": -1,
    "calendar_max_days": "long",
    "landing_max_object_bytes": True,
    "quarantine_share_severity": "fatal",
}

EXPECTED_PROBLEMS = [
    "coverage_start is '2025-06-01x', which is not a date (YYYY-MM-DD)",
    "as_of_date is '2025-02-30', which is not a date (YYYY-MM-DD)",
    "reporting_timezone is ' ', not the name of a time zone",
    "headline_windows.day is [7, 0], not a list of whole numbers of buckets above 0",
    "headline_windows has the grain 'hour'; the grains are day, week and month",
    "headline_windows.week is 4, not a list of whole numbers of buckets above 0",
    "quarantine_max_share is 1.5, not a share from 0 to 1",
    "incremental_lookback_days is -1, not a whole number of at least 0",
    "calendar_max_days is long, not a whole number of at least 1",
    "landing_max_object_bytes is True, not a whole number of at least 1",
    "quarantine_share_severity is 'fatal', neither warn nor error",
]


def _schemas(db) -> set[str]:
    with duckdb.connect(str(db), read_only=True) as connection:
        rows = connection.execute("select schema_name from information_schema.schemata").fetchall()
    return {name for (name,) in rows}


def test_every_var_that_cannot_work_is_named_and_nothing_is_built(tmp_path):
    landing, db = tmp_path / "landing", tmp_path / "warehouse.duckdb"
    landing.mkdir()
    with pytest.raises(DbtBuildError) as failure:
        run_dbt(["build"], landing=landing, db=db, work_dir=tmp_path, dbt_vars=BAD_VARS)
    message = str(failure.value)
    assert "these dbt vars cannot work" in message
    for problem in EXPECTED_PROBLEMS:
        assert problem in message
    # check_vars is the first on-run-start hook: dbt has created the models' (empty) schemas
    # by then, but no landing view, incremental table or partition log exists.
    assert "landing" not in _schemas(db)
    with duckdb.connect(str(db), read_only=True) as connection:
        assert (
            connection.execute("select count(*) from information_schema.tables").fetchone()[0] == 0
        )


def test_a_var_the_project_has_not_is_refused(tmp_path):
    """dbt ignores a var no model reads: `asof_date` for as_of_date would build the default
    period without a word."""
    landing, db = tmp_path / "landing", tmp_path / "warehouse.duckdb"
    landing.mkdir()
    misspelt = {"asof_date": "2025-10-31", "timezone": "Europe/Berlin", "as_of_date": "2025-10-31"}
    with pytest.raises(DbtBuildError) as failure:
        run_dbt(["build"], landing=landing, db=db, work_dir=tmp_path, dbt_vars=misspelt)
    message = str(failure.value)
    assert "asof_date is no var of this project" in message
    assert "timezone is no var of this project" in message
    assert "as_of_date is no var" not in message


def test_the_known_var_names_are_the_vars_of_dbt_project_yml():
    project_vars = yaml.safe_load((REPO_ROOT / "dbt_project.yml").read_text())["vars"]
    macro = (REPO_ROOT / "macros" / "check_vars.sql").read_text()
    listed = macro.split("macro project_var_names()")[1].split("endmacro")[0]
    assert re.findall(r"'([a-z_]+)'", listed) == list(project_vars)


def compiled_paths(tmp_path, **environment) -> str:
    """The landing folder and warehouse dbt resolves with `environment` (in tmp_path)."""
    env = {**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "False", **environment}
    inline = "select '{{ landing_path() }}' as landing, '{{ target.path }}' as db"
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("dbt")),
            "compile",
            *("--project-dir", str(REPO_ROOT), "--profiles-dir", str(REPO_ROOT / "profiles")),
            *("--target-path", str(tmp_path / "target"), "--log-path", str(tmp_path / "logs")),
            *("--inline", inline),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_blank_environment_variables_mean_the_defaults(tmp_path):
    """`AI_ADOPTION_LANDING=` used to read the working folder (a project clone) as the landing
    folder, and `AI_ADOPTION_DB=` stopped dbt with an obscure profile error."""
    compiled = compiled_paths(tmp_path, AI_ADOPTION_LANDING=" ", AI_ADOPTION_DB="")
    assert "select 'data/landing' as landing, 'warehouse/ai_adoption.duckdb' as db" in compiled


def test_a_landing_folder_under_home_is_expanded(tmp_path):
    compiled = compiled_paths(tmp_path, AI_ADOPTION_LANDING="~/exports/landing", HOME="/srv/ai")
    assert "select '/srv/ai/exports/landing' as landing" in compiled


def test_a_period_that_ends_before_it_starts_is_refused(tmp_path):
    landing, db = tmp_path / "landing", tmp_path / "warehouse.duckdb"
    landing.mkdir()
    with pytest.raises(DbtBuildError, match=r"coverage_start \(2025-06-01\) is after as_of_date"):
        run_dbt(
            ["seed"],
            landing=landing,
            db=db,
            work_dir=tmp_path,
            dbt_vars={"coverage_start": "2025-06-01", "as_of_date": "2025-05-31"},
        )


def test_a_date_without_end_and_an_unknown_time_zone_are_refused(tmp_path):
    """DuckDB's date cast reads `infinity`, and a zone name is only looked up by the first
    model that converts a timestamp: with no github or git file, none would."""
    landing, db = tmp_path / "landing", tmp_path / "warehouse.duckdb"
    landing.mkdir()
    with pytest.raises(DbtBuildError) as failure:
        run_dbt(
            ["seed"],
            landing=landing,
            db=db,
            work_dir=tmp_path,
            dbt_vars={
                "as_of_date": "infinity",
                "coverage_start": "2025/06/01",
                "reporting_timezone": "Europe/Berln",
            },
        )
    message = str(failure.value)
    assert "as_of_date is 'infinity', which is not a date (YYYY-MM-DD)" in message
    assert "coverage_start is '2025/06/01', which is not a date (YYYY-MM-DD)" in message
    assert "reporting_timezone is 'Europe/Berln', not the name of a time zone" in message


def test_vars_in_every_accepted_shape_pass(tmp_path):
    """YAML dates (not strings), a date the warehouse reads without zero padding, no headline
    window at all, a lower-case zone and the limits of each number."""
    landing, db = tmp_path / "landing", tmp_path / "warehouse.duckdb"
    landing.mkdir()
    accepted = (
        "{as_of_date: 2025-11-30, coverage_start: '2025-6-1', headline_windows: {},"
        " reporting_timezone: utc, quarantine_max_share: 0, incremental_lookback_days: 0,"
        " calendar_max_days: 1, quarantine_share_severity: ' Error'}"
    )
    run_dbt(["seed", "--vars", accepted], landing=landing, db=db, work_dir=tmp_path)
    assert {"landing", "seeds"} <= _schemas(db)


def test_the_warehouse_folder_is_created(tmp_path):
    """DuckDB creates the warehouse file, not its folder: the warehouse_folder plugin makes it,
    so that `dbt build` works on a fresh clone with the default warehouse/ai_adoption.duckdb."""
    db = tmp_path / "not" / "there" / "warehouse.duckdb"
    run_dbt(
        ["--quiet", "seed", "--select", "ai_dimensions"],
        landing=tmp_path / "landing",
        db=db,
        work_dir=tmp_path,
    )
    assert db.is_file()


@pytest.mark.parametrize(
    ("limit", "problem"),
    [
        ("lots", "DuckDB cannot read it as a size (Parser Error: Memory must have a number"),
        ("0GB", "DuckDB cannot run a single query within it"),
        ("10MB", "DuckDB reads it as 9.5 MiB, below the 256 MiB a build needs"),
    ],
)
def test_a_memory_limit_a_build_cannot_have_names_the_variable(
    tmp_path, monkeypatch, limit, problem
):
    """DuckDB read AI_ADOPTION_MEMORY_LIMIT only at the first cursor, and said "Parser Error:
    Memory must have a number" with a traceback and without the variable's name; 0GB failed
    the build later with "Out of Memory Error"."""
    monkeypatch.setenv("AI_ADOPTION_MEMORY_LIMIT", limit)
    with pytest.raises(DbtBuildError) as failure:
        run_dbt(
            ["seed", "--select", "ai_dimensions"],
            landing=tmp_path / "landing",
            db=tmp_path / "warehouse.duckdb",
            work_dir=tmp_path,
        )
    message = str(failure.value)
    assert (
        f"AI_ADOPTION_MEMORY_LIMIT (memory_limit in profiles/profiles.yml) is '{limit}', which"
        f" cannot be the build's memory limit: {problem}"
    ) in message
    assert "Traceback" not in message


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (
            {"coverage_start": "2026-01-01"},
            "coverage_start 2026-01-01 (var) is after as_of_date 2025-10-02 (the latest activity"
            " date). The landing data spans 2025-10-01 to 2025-10-02",
        ),
        (
            {"as_of_date": "2025-09-30"},
            "coverage_start 2025-10-01 (the earliest activity date) is after as_of_date"
            " 2025-09-30 (var)",
        ),
    ],
    ids=["coverage_start_after_the_data", "as_of_date_before_it"],
)
def test_one_period_var_on_the_wrong_side_of_the_data_stops_the_build(tmp_path, given, expected):
    """The data test on int_reporting_period said only "Got 1 result, configured to fail if != 0"
    for a period without a day."""
    landing = tmp_path / "landing"
    write_ndjson(
        landing / "git" / "repo.ndjson",
        [
            {
                "repository": "acme/api",
                "sha": sha * 40,
                "parents": [],
                "author_name": "Ann",
                "author_email": "ann@acme.com",
                "authored_at": f"{day}T10:00:00+00:00",
                "committer_name": "Ann",
                "committer_email": "ann@acme.com",
                "committed_at": f"{day}T10:00:00+00:00",
                "message": "Fix",
            }
            for sha, day in (("a", "2025-10-01"), ("b", "2025-10-02"))
        ],
    )
    with pytest.raises(DbtBuildError) as failure:
        run_dbt(
            ["run", "--select", "+int_reporting_period"],
            landing=landing,
            db=tmp_path / "warehouse.duckdb",
            work_dir=tmp_path,
            dbt_vars=given,
        )
    message = str(failure.value)
    assert "ai_adoption: the reporting period holds no day: " + expected in message
