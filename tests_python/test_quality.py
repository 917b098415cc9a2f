"""The GX mart checks (ai_adoption.quality) on a tiny hand-written warehouse, without dbt.

The warehouse holds the `marts` tables of contract §6 for two days, Sunday 2025-06-08 and Monday
2025-06-09: two ISO weeks (each holding one of the days) inside one month. People: a1, a2, a3 in
Alpha, b1 in Beta (all rostered and employed, headcount 4; a3 never active), u1, u2, u3
unrostered (team Unassigned). Activity, from which every row below was counted by hand:

    2025-06-08  a1 ai_coding; a2 ai_coding + code_review; u1 ai_coding; u3 ai_coding
    2025-06-09  a1 code_review; b1 ai_coding; u1 ai_coding; u2 ai_coding

Every invariant holds on these rows. Each mutation test changes one number so that exactly one
expectation fails (the rows were chosen with enough slack for that), and checks the report.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import duckdb
import pytest

from ai_adoption.quality import MartCheckError, frames, run_checks

D1, D2 = "2025-06-08", "2025-06-09"
W1, W2 = ("2025-06-02", "2025-06-08"), ("2025-06-09", "2025-06-15")
JUNE = ("2025-06-01", "2025-06-30")
DAYS = {D1: (D1, D1), D2: (D2, D2)}

# (active_users, active_rostered_users) per bucket x dimension; headcount 4 everywhere.
ORG = {
    "daily": {
        D1: {"all": (4, 2), "ai_coding": (4, 2), "code_review": (1, 1)},
        D2: {"all": (4, 2), "ai_coding": (3, 1), "code_review": (1, 1)},
    },
    "weekly": {
        W1[0]: {"all": (4, 2), "ai_coding": (4, 2), "code_review": (1, 1)},
        W2[0]: {"all": (4, 2), "ai_coding": (3, 1), "code_review": (1, 1)},
    },
    "monthly": {
        JUNE[0]: {"all": (6, 3), "ai_coding": (6, 3), "code_review": (2, 2)},
    },
}
TEAM_HEADCOUNT = {"Alpha": 3, "Beta": 1, "Unassigned": 0}
# (active_users, active_rostered_users) per bucket x team x dimension.
TEAMS = {
    "daily": {
        D1: {
            "Alpha": {"all": (2, 2), "ai_coding": (2, 2), "code_review": (1, 1)},
            "Beta": {"all": (0, 0), "ai_coding": (0, 0), "code_review": (0, 0)},
            "Unassigned": {"all": (2, 0), "ai_coding": (2, 0), "code_review": (0, 0)},
        },
        D2: {
            "Alpha": {"all": (1, 1), "ai_coding": (0, 0), "code_review": (1, 1)},
            "Beta": {"all": (1, 1), "ai_coding": (1, 1), "code_review": (0, 0)},
            "Unassigned": {"all": (2, 0), "ai_coding": (2, 0), "code_review": (0, 0)},
        },
    },
    "monthly": {
        JUNE[0]: {
            "Alpha": {"all": (2, 2), "ai_coding": (2, 2), "code_review": (2, 2)},
            "Beta": {"all": (1, 1), "ai_coding": (1, 1), "code_review": (0, 0)},
            "Unassigned": {"all": (3, 0), "ai_coding": (3, 0), "code_review": (0, 0)},
        },
    },
}
TEAMS["weekly"] = {W1[0]: TEAMS["daily"][D1], W2[0]: TEAMS["daily"][D2]}
BUCKETS = {
    "daily": {D1: (D1, True), D2: (D2, True)},
    "weekly": {W1[0]: (W1[1], False), W2[0]: (W2[1], False)},
    "monthly": {JUNE[0]: (JUNE[1], False)},
}
# Day windows of 7 days: both days, 2025-06-08 to 2025-06-09. (avg, distinct) per dimension.
HEADLINE = {"all": (4.0, 6), "ai_coding": (3.5, 6), "code_review": (1.0, 2)}
HEADLINE_BY_TEAM = {
    "Alpha": {"all": (1.5, 2), "ai_coding": (1.0, 2), "code_review": (1.0, 2)},
    "Beta": {"all": (0.5, 1), "ai_coding": (0.5, 1), "code_review": (0.0, 0)},
    "Unassigned": {"all": (2.0, 3), "ai_coding": (2.0, 3), "code_review": (0.0, 0)},
}

BUCKET_COLUMNS = """bucket_start date, bucket_end date, dimension varchar, {team}
    active_users bigint, active_rostered_users bigint, headcount bigint,
    adoption_rate double, is_complete boolean"""
HEADLINE_COLUMNS = """grain varchar, window_buckets integer, dimension varchar, {team}
    window_start date, window_end date, bucket_count integer, avg_active_users double,
    distinct_active_users bigint"""


def _bucket_row(start, end, dimension, team, counts, headcount, complete):
    active, rostered = counts
    rate = rostered / headcount if headcount else None
    return (start, end, dimension, *([team] if team else []), active, rostered, headcount, rate,
            complete)  # fmt: skip


def build_warehouse(path: Path) -> Path:
    """The tiny warehouse above, written straight into DuckDB (no dbt)."""
    with duckdb.connect(str(path)) as con:
        con.execute("create schema marts")
        for grain, buckets in BUCKETS.items():
            org_rows, team_rows = [], []
            for start, (end, complete) in buckets.items():
                for dimension, counts in ORG[grain][start].items():
                    org_rows.append(_bucket_row(start, end, dimension, None, counts, 4, complete))
                for team, by_dimension in TEAMS[grain][start].items():
                    for dimension, counts in by_dimension.items():
                        team_rows.append(
                            _bucket_row(
                                start, end, dimension, team, counts, TEAM_HEADCOUNT[team], complete
                            )
                        )
            for table, team, rows in (
                (f"ai_active_users_{grain}", "", org_rows),
                (f"ai_active_users_by_team_{grain}", "team varchar,", team_rows),
            ):
                con.execute(f"create table marts.{table} ({BUCKET_COLUMNS.format(team=team)})")
                con.executemany(
                    f"insert into marts.{table} values ({', '.join('?' * len(rows[0]))})", rows
                )
        window = ("day", 7)
        con.execute(
            f"create table marts.ai_active_users_headline ({HEADLINE_COLUMNS.format(team='')})"
        )
        con.executemany(
            "insert into marts.ai_active_users_headline values (?, ?, ?, ?, ?, 2, ?, ?)",
            [(*window, dim, D1, D2, *values) for dim, values in HEADLINE.items()],
        )
        con.execute(
            "create table marts.ai_active_users_headline_by_team "
            f"({HEADLINE_COLUMNS.format(team='team varchar,')})"
        )
        con.executemany(
            "insert into marts.ai_active_users_headline_by_team values (?, ?, ?, ?, ?, ?, 2, ?, ?)",
            [
                (*window, dim, team, D1, D2, *values)
                for team, by_dimension in HEADLINE_BY_TEAM.items()
                for dim, values in by_dimension.items()
            ],
        )
    return path


@pytest.fixture(scope="module")
def clean_warehouse(tmp_path_factory) -> Path:
    return build_warehouse(tmp_path_factory.mktemp("quality") / "clean.duckdb")


def check(db: Path, tmp_path: Path, tables=None) -> tuple[bool, dict, str]:
    out = io.StringIO()
    report_path = tmp_path / "report" / "mart_checks.json"
    ok = run_checks(db, report_path, tables=tables, out=out)
    return ok, json.loads(report_path.read_text()), out.getvalue()


def failed_ids(report: dict) -> set[str]:
    return {entry["id"] for entry in report["expectations"] if not entry["success"]}


def test_every_invariant_holds_on_the_clean_warehouse(clean_warehouse, tmp_path):
    ok, report, summary = check(clean_warehouse, tmp_path)
    assert failed_ids(report) == set()
    assert ok is True and report["success"] is True
    expected_ids = [c.id for frame in frames() for c in frame.checks]
    assert [entry["id"] for entry in report["expectations"]] == expected_ids
    assert len(set(expected_ids)) == len(expected_ids)
    assert all(entry["exception"] is None for entry in report["expectations"])
    tables = {entry["table"] for entry in report["expectations"]}
    assert tables == {
        f"ai_active_users{level}_{grain}"
        for level in ("", "_by_team")
        for grain in ("daily", "weekly", "monthly")
    } | {"ai_active_users_headline", "ai_active_users_headline_by_team"}
    lines = summary.splitlines()
    assert lines[0].startswith("PASS ai_active_users_daily: ")
    assert f"{len(expected_ids)} passed, 0 failed" in lines
    assert not any(line.startswith("FAIL") for line in lines)


# (mutation SQL, the one expectation it breaks, a column=value the unexpected row carries)
MUTATIONS = {
    "day_exceeds_its_week": (
        f"update marts.ai_active_users_weekly set active_users = 3 "
        f"where bucket_start = '{W2[0]}' and dimension = 'all'",
        "ai_active_users_daily.week_ge_day.active_users",
        {"bucket_start": D2, "dimension": "all", "active_users": 4, "week_active_users": 3},
    ),
    "day_exceeds_its_month": (
        "update marts.ai_active_users_monthly set active_users = 3 where dimension = 'ai_coding'",
        "ai_active_users_daily.month_ge_day.active_users",
        {"bucket_start": D1, "dimension": "ai_coding", "month_active_users": 3},
    ),
    "adoption_rate_above_1": (
        "update marts.ai_active_users_by_team_monthly set adoption_rate = 1.2 "
        "where team = 'Alpha' and dimension = 'all'",
        "ai_active_users_by_team_monthly.adoption_rate_in_0_1",
        {"team": "Alpha", "dimension": "all", "adoption_rate": 1.2},
    ),
    "rostered_exceeds_active": (
        f"update marts.ai_active_users_weekly set active_rostered_users = 2 "
        f"where bucket_start = '{W1[0]}' and dimension = 'code_review'",
        "ai_active_users_weekly.rostered_within_active",
        {"bucket_start": W1[0], "dimension": "code_review", "active_users": 1},
    ),
    "all_below_a_dimension": (
        "update marts.ai_active_users_monthly set active_users = 5 where dimension = 'all'",
        "ai_active_users_monthly.all_ge_dimension.active_users",
        {"dimension": "ai_coding", "active_users": 6, "all_active_users": 5},
    ),
    "org_above_sum_of_teams": (
        f"update marts.ai_active_users_weekly set active_users = 5 "
        f"where bucket_start = '{W1[0]}' and dimension = 'all'",
        "ai_active_users_weekly.within_team_sum.active_users",
        {"bucket_start": W1[0], "dimension": "all", "teams_sum_active_users": 4},
    ),
    "team_above_org": (
        f"update marts.ai_active_users_by_team_weekly set active_users = 5 "
        f"where bucket_start = '{W2[0]}' and dimension = 'all' and team = 'Alpha'",
        "ai_active_users_by_team_weekly.org_ge_team.active_users",
        {"team": "Alpha", "active_users": 5, "org_active_users": 4},
    ),
    "headline_average_above_distinct": (
        "update marts.ai_active_users_headline set avg_active_users = 3 "
        "where dimension = 'code_review'",
        "ai_active_users_headline.avg_within_distinct",
        {"dimension": "code_review", "avg_active_users": 3.0, "distinct_active_users": 2},
    ),
    "team_headline_average_above_distinct": (
        "update marts.ai_active_users_headline_by_team set avg_active_users = 1.0 "
        "where dimension = 'code_review' and team = 'Unassigned'",
        "ai_active_users_headline_by_team.avg_within_distinct",
        {"team": "Unassigned", "avg_active_users": 1.0, "distinct_active_users": 0},
    ),
    "bucket_count_above_window": (
        "update marts.ai_active_users_headline_by_team set bucket_count = 8 "
        "where dimension = 'all' and team = 'Beta'",
        "ai_active_users_headline_by_team.bucket_count_within_window",
        {"team": "Beta", "bucket_count": 8, "window_buckets": 7},
    ),
}


@pytest.mark.parametrize("name", MUTATIONS)
def test_each_broken_invariant_fails_its_expectation(name, tmp_path):
    """Only the frames that read the changed table are validated (no other result can change;
    the clean test shows the rest pass): exactly the targeted expectation fails."""
    sql, expectation_id, row = MUTATIONS[name]
    db = build_warehouse(tmp_path / "broken.duckdb")
    with duckdb.connect(str(db)) as con:
        con.execute(sql)
    changed = re.match(r"update marts\.(\w+) ", sql).group(1)
    affected = [frame.table for frame in frames() if changed in frame.reads]
    assert expectation_id.split(".")[0] in affected

    ok, report, summary = check(db, tmp_path, tables=affected)
    assert ok is False and report["success"] is False
    assert report["tables"] == affected
    assert failed_ids(report) == {expectation_id}
    assert report["failed"] == 1 and report["passed"] == len(report["expectations"]) - 1
    (entry,) = [e for e in report["expectations"] if e["id"] == expectation_id]
    assert entry["unexpected_count"] == 1 and entry["exception"] is None
    assert any(row.items() <= unexpected.items() for unexpected in entry["unexpected_rows"])
    assert f"FAIL {entry['description']}" in summary
    assert summary.splitlines()[-2].endswith("passed, 1 failed")


def test_a_missing_bucket_row_fails_the_existence_checks(tmp_path):
    """No org row for week 2 x code_review: its day has no week, its team rows no org row."""
    db = build_warehouse(tmp_path / "broken.duckdb")
    with duckdb.connect(str(db)) as con:
        con.execute(
            f"delete from marts.ai_active_users_weekly "
            f"where bucket_start = '{W2[0]}' and dimension = 'code_review'"
        )
    affected = [f.table for f in frames() if "ai_active_users_weekly" in f.reads]
    ok, report, _ = check(db, tmp_path, tables=affected)
    assert ok is False
    assert failed_ids(report) == {
        "ai_active_users_daily.in_week",
        "ai_active_users_by_team_weekly.has_org_row",
    }
    counts = {e["id"]: e["unexpected_count"] for e in report["expectations"] if not e["success"]}
    assert counts == {
        "ai_active_users_daily.in_week": 1,  # 2025-06-09 x code_review
        "ai_active_users_by_team_weekly.has_org_row": 3,  # its three team rows
    }


def test_a_warehouse_that_cannot_be_checked_is_an_error(tmp_path):
    with pytest.raises(MartCheckError, match="no warehouse"):
        run_checks(tmp_path / "absent.duckdb", tmp_path / "report.json")
    with duckdb.connect(str(tmp_path / "empty.duckdb")) as con:
        con.execute("create schema marts")
        con.execute("create table marts.ai_active_users_daily (bucket_start date)")
    with pytest.raises(MartCheckError, match="lacks mart tables: ai_active_users_by_team_daily"):
        run_checks(tmp_path / "empty.duckdb", tmp_path / "report.json")
    assert not (tmp_path / "report.json").exists()


def test_a_warehouse_without_a_period_is_one_error_not_a_failure_per_table(tmp_path):
    db = build_warehouse(tmp_path / "no_period.duckdb")
    with duckdb.connect(str(db)) as con:
        for (table,) in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts'"
        ).fetchall():
            con.execute(f"delete from marts.{table}")
    with pytest.raises(MartCheckError, match="has no reporting period"):
        run_checks(db, tmp_path / "report.json")
    assert not (tmp_path / "report.json").exists()
