"""Great Expectations suite over the marts: invariants that hold on any data.

`run_checks(db, report_path)` opens a built warehouse read-only, reads one pandas frame per mart
table of contract §6 (the mart's rows, with the numbers each row is compared with joined on by
SQL), validates each frame with Great Expectations 1.x (ephemeral context, pandas data frame
assets: GX's SQL datasource returns no rows on DuckDB), writes a JSON report and prints one
PASS/FAIL line per expectation. It returns True when every expectation passes.

Invariants (each is an expectation; its id is `<table>.<check>`), which hold on any data:
- every bucket table: at least one row; one row per bucket x dimension [x team]; the bucket is a
  day, an ISO week (Monday to Sunday) or a calendar month; active_users is not NULL;
  active_users >= active_rostered_users; headcount >= active_rostered_users; adoption_rate in
  [0, 1] (NULL allowed); each bucket has exactly one `all` row, and `all` >= each dimension
  (active_users, active_rostered_users);
- daily tables: each day lies in exactly one row of the weekly and of the monthly table (same
  dimension [and team]), whose active_users, active_rostered_users and headcount are >= the
  day's;
- org tables: each bucket x dimension has team rows, and the org active_users and headcount are
  <= their sums over the teams (a move counts in both teams);
- team tables: each team row has exactly one org row, whose active_users, active_rostered_users
  and headcount are >= the team's (so the org count is >= the largest team's);
- headline tables: at least one row; one row per grain x window x dimension [x team];
  avg_active_users not NULL; 1 <= bucket_count <= window_buckets; window_start <= window_end;
  avg_active_users <= distinct_active_users; exactly one `all` row per window, and `all` >= each
  dimension (average, distinct); team headline: exactly one org headline row, >= the team's
  (average, distinct).
A comparison with a missing partner row is left to the "exactly one ... row" check.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import duckdb

from ai_adoption.headline import NO_PERIOD_CAUSE

DEFAULT_REPORT = Path("target/quality/mart_checks.json")
UNEXPECTED_ROWS = 5

GRAINS = {"daily": "day", "weekly": "week", "monthly": "month"}
BUCKET_SHAPE = {
    "daily": "bucket_end = bucket_start",
    "weekly": "isodow(bucket_start) = 1 and bucket_end = bucket_start + 6",
    "monthly": (
        "bucket_start = cast(date_trunc('month', bucket_start) as date)"
        " and bucket_end = last_day(bucket_start)"
    ),
}
SHAPE_TEXT = {
    "daily": "a day (bucket_end = bucket_start)",
    "weekly": "an ISO week (Monday to Sunday)",
    "monthly": "a calendar month",
}


class MartCheckError(RuntimeError):
    """The warehouse cannot be checked: absent, unreadable, or without the mart tables."""


@dataclass(frozen=True)
class Check:
    """One expectation: a GX expectation class name and its arguments."""

    id: str
    table: str
    description: str
    expectation: str
    kwargs: dict[str, Any]


@dataclass(frozen=True)
class Frame:
    """The rows of one mart table (plus joined comparison columns) and its checks."""

    table: str
    sql: str
    checks: list[Check] = field(default_factory=list)

    @property
    def reads(self) -> set[str]:
        """The mart tables the frame's SQL reads (its own and those it is compared with)."""
        return set(re.findall(r"\bmarts\.(\w+)", self.sql))


def bucket_table(level: str, grain: str) -> str:
    return f"ai_active_users{'_by_team' if level == 'team' else ''}_{grain}"


def _pair(a: str, b: str, **extra: Any) -> dict[str, Any]:
    """Arguments of ExpectColumnPairValuesAToBeGreaterThanB for `a >= b`."""
    return {"column_A": a, "column_B": b, "or_equal": True, **extra}


def _bucket_frame(level: str, grain: str) -> Frame:
    table = bucket_table(level, grain)
    team = level == "team"
    keys = ["bucket_start", "dimension", *(["team"] if team else [])]
    bucket_keys = [k for k in keys if k != "dimension"]
    ctes = [
        f"t as (select * from marts.{table})",
        f"""all_rows as (
            select {", ".join(bucket_keys)},
                count(*) as all_row_count,
                min(active_users) as all_active_users,
                min(active_rostered_users) as all_active_rostered_users
            from t where dimension = 'all' group by all)""",
    ]
    joins = [f"left join all_rows using ({', '.join(bucket_keys)})"]
    columns = [
        "coalesce(all_rows.all_row_count, 0) as all_row_count",
        "all_rows.all_active_users",
        "all_rows.all_active_rostered_users",
    ]
    if grain == "daily":
        for outer in ("week", "month"):
            outer_table = bucket_table(level, "weekly" if outer == "week" else "monthly")
            team_join = "and o.team = d.team" if team else ""
            ctes.append(
                f"""{outer}_rows as (
                select {", ".join(f"d.{k}" for k in keys)},
                    count(*) as {outer}_row_count,
                    min(o.active_users) as {outer}_active_users,
                    min(o.active_rostered_users) as {outer}_active_rostered_users,
                    min(o.headcount) as {outer}_headcount
                from (select distinct {", ".join(keys)} from t) as d
                join marts.{outer_table} as o
                    on o.dimension = d.dimension {team_join}
                    and d.bucket_start between o.bucket_start and o.bucket_end
                group by all)"""
            )
            joins.append(f"left join {outer}_rows using ({', '.join(keys)})")
            columns += [
                f"coalesce({outer}_rows.{outer}_row_count, 0) as {outer}_row_count",
                f"{outer}_rows.{outer}_active_users",
                f"{outer}_rows.{outer}_active_rostered_users",
                f"{outer}_rows.{outer}_headcount",
            ]
    if team:
        ctes.append(
            f"""org_rows as (
            select bucket_start, dimension,
                count(*) as org_row_count,
                min(active_users) as org_active_users,
                min(active_rostered_users) as org_active_rostered_users,
                min(headcount) as org_headcount
            from marts.{bucket_table("org", grain)} group by all)"""
        )
        joins.append("left join org_rows using (bucket_start, dimension)")
        columns += [
            "coalesce(org_rows.org_row_count, 0) as org_row_count",
            "org_rows.org_active_users",
            "org_rows.org_active_rostered_users",
            "org_rows.org_headcount",
        ]
    else:
        ctes.append(
            f"""team_rows as (
            select bucket_start, dimension,
                count(*) as team_row_count,
                cast(sum(active_users) as bigint) as teams_sum_active_users,
                cast(sum(headcount) as bigint) as teams_sum_headcount
            from marts.{bucket_table("team", grain)} group by all)"""
        )
        joins.append("left join team_rows using (bucket_start, dimension)")
        columns += [
            "coalesce(team_rows.team_row_count, 0) as team_row_count",
            "team_rows.teams_sum_active_users",
            "team_rows.teams_sum_headcount",
        ]
    sql = (
        "with "
        + ",\n".join(ctes)
        + f"\nselect t.*, coalesce({BUCKET_SHAPE[grain]}, false) as bucket_shape_ok, "
        + ", ".join(columns)
        + "\nfrom t\n"
        + "\n".join(joins)
        + f"\norder by {', '.join(f't.{k}' for k in keys)}"
    )
    grain_text = " x ".join(keys)

    def check(name: str, description: str, expectation: str, **kwargs: Any) -> Check:
        return Check(f"{table}.{name}", table, f"{table}: {description}", expectation, kwargs)

    skip_missing = {"ignore_row_if": "either_value_is_missing"}
    checks = [
        check("not_empty", "has at least one row", "ExpectTableRowCountToBeBetween", min_value=1),
        check(
            "grain",
            f"one row per {grain_text}",
            "ExpectCompoundColumnsToBeUnique",
            column_list=keys,
        ),
        check(
            "bucket_shape",
            f"each bucket is {SHAPE_TEXT[grain]}",
            "ExpectColumnValuesToBeInSet",
            column="bucket_shape_ok",
            value_set=[True],
        ),
        check(
            "rostered_within_active",
            "active_users >= active_rostered_users",
            "ExpectColumnPairValuesAToBeGreaterThanB",
            **_pair("active_users", "active_rostered_users"),
        ),
        check(
            "rostered_within_headcount",
            "headcount >= active_rostered_users",
            "ExpectColumnPairValuesAToBeGreaterThanB",
            **_pair("headcount", "active_rostered_users"),
        ),
        check(
            "adoption_rate_in_0_1",
            "adoption_rate in [0, 1] (NULL allowed)",
            "ExpectColumnValuesToBeBetween",
            column="adoption_rate",
            min_value=0,
            max_value=1,
            mostly=1,
        ),
        check(
            "active_users_not_null",
            "active_users is not NULL",
            "ExpectColumnValuesToNotBeNull",
            column="active_users",
        ),
        check(
            "has_all_row",
            "every bucket has exactly one `all` row",
            "ExpectColumnValuesToBeBetween",
            column="all_row_count",
            min_value=1,
            max_value=1,
        ),
    ]
    for measure in ("active_users", "active_rostered_users"):
        checks.append(
            check(
                f"all_ge_dimension.{measure}",
                f"`all` {measure} >= each dimension's in the bucket",
                "ExpectColumnPairValuesAToBeGreaterThanB",
                **_pair(f"all_{measure}", measure, **skip_missing),
            )
        )
    if grain == "daily":
        for outer, outer_grain in (("week", "weekly"), ("month", "monthly")):
            outer_table = bucket_table(level, outer_grain)
            checks.append(
                check(
                    f"in_{outer}",
                    f"every day lies in exactly one {outer} row of {outer_table} (same "
                    f"dimension{', team' if team else ''})",
                    "ExpectColumnValuesToBeBetween",
                    column=f"{outer}_row_count",
                    min_value=1,
                    max_value=1,
                )
            )
            for measure in ("active_users", "active_rostered_users", "headcount"):
                checks.append(
                    check(
                        f"{outer}_ge_day.{measure}",
                        f"a {outer}'s {measure} ({outer_table}) >= every day's in it",
                        "ExpectColumnPairValuesAToBeGreaterThanB",
                        **_pair(f"{outer}_{measure}", measure, **skip_missing),
                    )
                )
    if team:
        org_table = bucket_table("org", grain)
        checks.append(
            check(
                "has_org_row",
                f"every team bucket has exactly one row in {org_table} (same dimension)",
                "ExpectColumnValuesToBeBetween",
                column="org_row_count",
                min_value=1,
                max_value=1,
            )
        )
        for measure in ("active_users", "active_rostered_users", "headcount"):
            checks.append(
                check(
                    f"org_ge_team.{measure}",
                    f"the org {measure} ({org_table}) >= each team's (so >= the largest team)",
                    "ExpectColumnPairValuesAToBeGreaterThanB",
                    **_pair(f"org_{measure}", measure, **skip_missing),
                )
            )
    else:
        team_table = bucket_table("team", grain)
        checks.append(
            check(
                "has_team_rows",
                f"every bucket has team rows in {team_table} (same dimension)",
                "ExpectColumnValuesToBeBetween",
                column="team_row_count",
                min_value=1,
            )
        )
        for measure in ("active_users", "headcount"):
            checks.append(
                check(
                    f"within_team_sum.{measure}",
                    f"the org {measure} <= the sum over the teams ({team_table})",
                    "ExpectColumnPairValuesAToBeGreaterThanB",
                    **_pair(f"teams_sum_{measure}", measure, **skip_missing),
                )
            )
    return Frame(table, sql, checks)


def _headline_frame(level: str) -> Frame:
    team = level == "team"
    table = "ai_active_users_headline" + ("_by_team" if team else "")
    keys = ["grain", "window_buckets", "dimension", *(["team"] if team else [])]
    window_keys = [k for k in keys if k != "dimension"]
    ctes = [
        f"t as (select * from marts.{table})",
        f"""all_rows as (
            select {", ".join(window_keys)},
                count(*) as all_row_count,
                min(avg_active_users) as all_avg_active_users,
                min(distinct_active_users) as all_distinct_active_users
            from t where dimension = 'all' group by all)""",
    ]
    joins = [f"left join all_rows using ({', '.join(window_keys)})"]
    columns = [
        "coalesce(all_rows.all_row_count, 0) as all_row_count",
        "all_rows.all_avg_active_users",
        "all_rows.all_distinct_active_users",
    ]
    if team:
        ctes.append(
            """org_rows as (
            select grain, window_buckets, dimension,
                count(*) as org_row_count,
                min(avg_active_users) as org_avg_active_users,
                min(distinct_active_users) as org_distinct_active_users
            from marts.ai_active_users_headline group by all)"""
        )
        joins.append("left join org_rows using (grain, window_buckets, dimension)")
        columns += [
            "coalesce(org_rows.org_row_count, 0) as org_row_count",
            "org_rows.org_avg_active_users",
            "org_rows.org_distinct_active_users",
        ]
    sql = (
        "with "
        + ",\n".join(ctes)
        + "\nselect t.*, "
        + ", ".join(columns)
        + "\nfrom t\n"
        + "\n".join(joins)
        + f"\norder by {', '.join(f't.{k}' for k in keys)}"
    )

    def check(name: str, description: str, expectation: str, **kwargs: Any) -> Check:
        return Check(f"{table}.{name}", table, f"{table}: {description}", expectation, kwargs)

    skip_missing = {"ignore_row_if": "either_value_is_missing"}
    checks = [
        check("not_empty", "has at least one row", "ExpectTableRowCountToBeBetween", min_value=1),
        check(
            "grain",
            f"one row per {' x '.join(keys)}",
            "ExpectCompoundColumnsToBeUnique",
            column_list=keys,
        ),
        check(
            "bucket_count_at_least_1",
            "bucket_count >= 1 (no row when no complete bucket)",
            "ExpectColumnValuesToBeBetween",
            column="bucket_count",
            min_value=1,
        ),
        check(
            "bucket_count_within_window",
            "bucket_count <= window_buckets",
            "ExpectColumnPairValuesAToBeGreaterThanB",
            **_pair("window_buckets", "bucket_count"),
        ),
        check(
            "window_end_after_start",
            "window_end >= window_start",
            "ExpectColumnPairValuesAToBeGreaterThanB",
            **_pair("window_end", "window_start"),
        ),
        check(
            "avg_within_distinct",
            "avg_active_users <= distinct_active_users",
            "ExpectColumnPairValuesAToBeGreaterThanB",
            **_pair("distinct_active_users", "avg_active_users"),
        ),
        check(
            "avg_not_null",
            "avg_active_users is not NULL",
            "ExpectColumnValuesToNotBeNull",
            column="avg_active_users",
        ),
        check(
            "has_all_row",
            "every window has exactly one `all` row",
            "ExpectColumnValuesToBeBetween",
            column="all_row_count",
            min_value=1,
            max_value=1,
        ),
    ]
    for measure in ("avg_active_users", "distinct_active_users"):
        checks.append(
            check(
                f"all_ge_dimension.{measure}",
                f"`all` {measure} >= each dimension's in the window",
                "ExpectColumnPairValuesAToBeGreaterThanB",
                **_pair(f"all_{measure}", measure, **skip_missing),
            )
        )
    if team:
        checks.append(
            check(
                "has_org_row",
                "every team window has exactly one row in ai_active_users_headline (same "
                "dimension)",
                "ExpectColumnValuesToBeBetween",
                column="org_row_count",
                min_value=1,
                max_value=1,
            )
        )
        for measure in ("avg_active_users", "distinct_active_users"):
            checks.append(
                check(
                    f"org_ge_team.{measure}",
                    f"the org headline {measure} >= each team's",
                    "ExpectColumnPairValuesAToBeGreaterThanB",
                    **_pair(f"org_{measure}", measure, **skip_missing),
                )
            )
    return Frame(table, sql, checks)


def frames() -> list[Frame]:
    """Every frame of the suite: six bucket tables, then the two headline tables."""
    return [
        *(_bucket_frame(level, grain) for level in ("org", "team") for grain in GRAINS),
        _headline_frame("org"),
        _headline_frame("team"),
    ]


def _json_value(value: Any) -> Any:
    """A frame cell or GX observed value as JSON (dates as YYYY-MM-DD, NaN/NaT as null)."""
    import pandas as pd

    if isinstance(value, list | tuple):
        return [_json_value(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _json_value(item) for key, item in value.items()}
    if value is None or (
        not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)
    ):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    elif hasattr(value, "item"):  # numpy scalar
        value = value.item()
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _with_nan(data: Any) -> Any:
    """Nullable integer columns holding NULLs as float64 with NaN: GX's pandas comparisons
    raise on pandas.NA ("boolean value of NA is ambiguous") but treat NaN as missing."""
    import pandas as pd

    for column in data.columns:
        dtype = data[column].dtype
        if isinstance(dtype, pd.api.extensions.ExtensionDtype) and pd.api.types.is_numeric_dtype(
            dtype
        ):
            if data[column].isna().any():
                data[column] = data[column].astype("float64")
    return data


def _quiet_gx() -> None:
    """No analytics, no progress bars, no INFO/WARNING chatter from Great Expectations."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    logging.getLogger("great_expectations").setLevel(logging.ERROR)


def _run_suite(
    context: Any, batch_definition: Any, name: str, checks: list[Check], data: Any, fmt: str
) -> dict[str, Any]:
    """Validate `data` against a suite of `checks`; GX results by check id."""
    import great_expectations as gx
    import great_expectations.expectations as gxe

    expectations = [
        getattr(gxe, check.expectation)(
            **check.kwargs, description=check.description, meta={"check_id": check.id}
        )
        for check in checks
    ]
    suite = context.suites.add(gx.ExpectationSuite(name=name, expectations=expectations))
    validation = context.validation_definitions.add(
        gx.ValidationDefinition(name=name, data=batch_definition, suite=suite)
    )
    result = validation.run(
        batch_parameters={"dataframe": data},
        result_format={"result_format": fmt, "partial_unexpected_count": UNEXPECTED_ROWS},
    )
    return {r.expectation_config.meta.get("check_id"): r for r in result.results}


def _validate(frames_and_data: list[tuple[Frame, Any]]) -> list[dict[str, Any]]:
    """Run each frame's suite in an ephemeral GX context; one entry per check, in order.

    Each frame is validated once with result format BASIC (counts, cheap); the expectations that
    failed are validated again with SUMMARY, whose unexpected row indices give the report rows.
    """
    _quiet_gx()
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    datasource = context.data_sources.add_pandas("ai_adoption_marts")
    entries: list[dict[str, Any]] = []
    for frame, data in frames_and_data:
        asset = datasource.add_dataframe_asset(name=frame.table)
        batch_definition = asset.add_batch_definition_whole_dataframe(f"{frame.table}_all_rows")
        results = _run_suite(
            context, batch_definition, f"{frame.table}_invariants", frame.checks, data, "BASIC"
        )
        failed = [c for c in frame.checks if c.id not in results or not results[c.id].success]
        details = (
            _run_suite(
                context, batch_definition, f"{frame.table}_failures", failed, data, "SUMMARY"
            )
            if failed
            else {}
        )
        for check in frame.checks:
            entries.append(_entry(check, results.get(check.id), details.get(check.id), data))
    return entries


def _entry(check: Check, result: Any, detail: Any, data: Any) -> dict[str, Any]:
    """The report entry of one check: its BASIC result, and its SUMMARY result if it failed."""
    entry: dict[str, Any] = {
        "id": check.id,
        "table": check.table,
        "description": check.description,
        "expectation_type": result.expectation_config.type if result else None,
        "kwargs": check.kwargs,
        "success": bool(result and result.success),
        "element_count": None,
        "unexpected_count": None,
        "observed_value": None,
        "unexpected_rows": [],
        "exception": None,
    }
    if result is None:
        entry["exception"] = "no result returned by Great Expectations"
        return entry
    entry["exception"] = _exception_message(result.exception_info)
    details = (detail or result).result or {}
    entry["element_count"] = details.get("element_count")
    entry["unexpected_count"] = details.get("unexpected_count")
    entry["observed_value"] = _json_value(details.get("observed_value"))
    index = details.get("partial_unexpected_index_list") or []
    rows = data.loc[[i for i in index if i in data.index][:UNEXPECTED_ROWS]]
    entry["unexpected_rows"] = [
        {column: _json_value(value) for column, value in row.items()}
        for row in rows.to_dict(orient="records")
    ]
    return entry


def _exception_message(info: Any) -> str | None:
    """The error GX caught while validating, if any (flat, or keyed by metric in GX 1.x)."""
    if not isinstance(info, dict):
        return None
    if "raised_exception" in info:
        return str(info.get("exception_message")) if info.get("raised_exception") else None
    messages = [_exception_message(value) for value in info.values()]
    return "; ".join(sorted({m for m in messages if m})) or None


def format_summary(report: dict[str, Any]) -> str:
    """`PASS|FAIL <description>` per expectation, then `N passed, M failed`."""
    lines = []
    for entry in report["expectations"]:
        status = "PASS" if entry["success"] else "FAIL"
        line = f"{status} {entry['description']}"
        if not entry["success"]:
            if entry["exception"]:
                line += f"  [error: {entry['exception']}]"
            elif entry["unexpected_count"] is not None:
                line += f"  [{entry['unexpected_count']} of {entry['element_count']} rows]"
            elif entry["observed_value"] is not None:
                line += f"  [observed: {entry['observed_value']}]"
        lines.append(line)
    lines.append(f"{report['passed']} passed, {report['failed']} failed")
    return "\n".join(lines)


def run_checks(
    db: Path,
    report_path: Path = DEFAULT_REPORT,
    *,
    tables: Iterable[str] | None = None,
    out: TextIO | None = None,
) -> bool:
    """Validate the marts of the warehouse `db`; write the JSON report; True when all pass.

    `tables` narrows the suite to the checks of those mart tables (default: all eight). The
    summary goes to `out` (default: stdout).
    """
    db = Path(db)
    report_path = Path(report_path)
    if not db.is_file():
        raise MartCheckError(f"no warehouse at {db} (build it first)")
    suite = frames()
    if tables is not None:
        wanted = set(tables)
        unknown = wanted - {frame.table for frame in suite}
        if unknown:
            raise MartCheckError(f"no checks for: {', '.join(sorted(unknown))}")
        suite = [frame for frame in suite if frame.table in wanted]
    try:
        with duckdb.connect(str(db), read_only=True) as connection:
            present = {
                name
                for (name,) in connection.execute(
                    "select table_name from information_schema.tables where table_schema = 'marts'"
                ).fetchall()
            }
            missing = sorted(set().union(*(frame.reads for frame in suite)) - present)
            if missing:
                raise MartCheckError(f"{db} lacks mart tables: {', '.join(missing)}")
            if (
                "ai_active_users_daily" in present
                and not connection.execute(
                    "select count(*) from marts.ai_active_users_daily"
                ).fetchone()[0]
            ):
                raise MartCheckError(f"{db} has no reporting period: {NO_PERIOD_CAUSE}")
            data = [(frame, _with_nan(connection.execute(frame.sql).df())) for frame in suite]
    except duckdb.Error as error:
        raise MartCheckError(f"cannot read {db}: {error}") from error
    entries = _validate(data)
    passed = sum(entry["success"] for entry in entries)
    report = {
        "warehouse": str(db),
        "generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "tables": [frame.table for frame in suite],
        "success": passed == len(entries),
        "passed": passed,
        "failed": len(entries) - passed,
        "expectations": entries,
    }
    report_path.parent.mkdir(parents=True, exist_ok=True)
    report_path.write_text(json.dumps(report, indent=2) + "\n")
    stream = out if out is not None else sys.stdout
    print(format_summary(report), file=stream)
    print(f"report: {report_path}", file=stream)
    return report["success"]
