"""Print the AI Active Users headline of a built warehouse as a terminal table."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import duckdb

DIMENSION_LABELS = {
    "all": "All AI tools",
    "coding_assistance": "Coding Assistance",
    "ai_coding": "AI Coding",
    "code_review": "Code Review",
    "coding_agents": "Coding Agents",
}
GRAIN_NAMES = {"day": "days", "week": "ISO weeks", "month": "months"}
BUCKET_TABLES = {
    "day": "ai_active_users_daily",
    "week": "ai_active_users_weekly",
    "month": "ai_active_users_monthly",
}
# Why a built warehouse can have no reporting period (headline and check say it alike).
NO_PERIOD_CAUSE = (
    "the build found no activity date in the landing data and was given no as_of_date and"
    " coverage_start vars (is AI_ADOPTION_LANDING the right folder?)"
)


def fetch_headline(
    db: Path, grain: str, window: int | None
) -> tuple[list[tuple], list[int], tuple[date, date] | None, bool, int | None]:
    """The (dimension, window_start, window_end, bucket_count, avg, distinct) rows of the
    window, `all` first, the window lengths the warehouse holds for the grain, the reporting
    period (the first and last day of the zero-filled daily table; None when it has none),
    whether the grain's bucket table has a complete bucket, and the window: the one asked, else
    the shortest the warehouse holds (var headline_windows; None when it holds none)."""
    with duckdb.connect(str(db), read_only=True) as connection:
        windows = connection.execute(
            "select distinct window_buckets from marts.ai_active_users_headline"
            " where grain = ? order by window_buckets",
            [grain],
        ).fetchall()
        lengths = [length for (length,) in windows]
        if window is None:
            window = lengths[0] if lengths else None
        rows = connection.execute(
            """
            select dimension, window_start, window_end, bucket_count,
                   avg_active_users, distinct_active_users
            from marts.ai_active_users_headline
            where grain = ? and window_buckets = ?
            order by case dimension when 'all' then 0 else 1 end, dimension
            """,
            [grain, window],
        ).fetchall()
        first_day, last_day = connection.execute(
            "select min(bucket_start), max(bucket_start) from marts.ai_active_users_daily"
        ).fetchone()
        (has_complete_bucket,) = connection.execute(
            f"select count(*) > 0 from marts.{BUCKET_TABLES[grain]} where is_complete"
        ).fetchone()
    period = (first_day, last_day) if first_day is not None else None
    return rows, lengths, period, has_complete_bucket, window


def staleness_warning(db: Path) -> str | None:
    """A warning when landing data was loaded after the active-user tables were last built: a
    build that stopped after its staging models (a failed test, a killed job) leaves the marts
    of the build before it. None when they are current, or the warehouse keeps no such log."""
    try:
        with duckdb.connect(str(db), read_only=True) as connection:
            loaded, built = connection.execute(
                "select (select max(loaded_at) from staging.partition_loads),"
                " (select max(built_at) from staging.derived_model_builds"
                "  where model_name = 'int_active_users_by_bucket')"
            ).fetchone()
    except duckdb.Error:
        return None
    if loaded is None or built is None or loaded <= built:
        return None
    return (
        f"headline: warning: landing data was loaded at {loaded:%Y-%m-%d %H:%M:%S} UTC, after these"
        f" figures were built at {built:%Y-%m-%d %H:%M:%S} UTC: the last build did not finish"
        " (logs/dbt.log says why); the table is the build's before it."
    )


def headline_text(
    rows: list[tuple],
    grain: str,
    window: int | None,
    windows: list[int],
    period: tuple[date, date] | None,
    has_complete_bucket: bool,
    window_asked: bool = True,
) -> tuple[str, bool]:
    """The text to print, and whether it answers the question: False when the build made no
    headline of that window or grain (var headline_windows), which is the asker's mistake.
    No reporting period, or no complete bucket in it yet, is an answer."""
    if period is None:
        return f"No headline: the warehouse has no reporting period. T{NO_PERIOD_CAUSE[1:]}.", True
    wanted = f"{window}-{grain}" if window is not None else grain
    if not rows and not has_complete_bucket:
        return (
            f"No complete {GRAIN_NAMES[grain]} in the reporting period ({period[0]} to "
            f"{period[1]}) yet: no {wanted} headline.",
            True,
        )
    if not rows and windows:
        lengths = ", ".join(str(length) for length in windows)
        return (
            f"No {window}-{grain} headline: the warehouse holds {grain} windows of {lengths} "
            f"{GRAIN_NAMES[grain]} (dbt var headline_windows).",
            False,
        )
    if not rows:
        return (
            f"No {wanted} headline: the build made no {grain} window (dbt var headline_windows).",
            False,
        )
    _, start, end, bucket_count, _, _ = rows[0]
    shorter = (
        f" ({window} asked; the reporting period holds no more)"
        if window_asked and bucket_count < window
        else ""
    )
    lines = [
        f"AI Active Users — average per {grain} over the last {bucket_count} complete "
        f"{GRAIN_NAMES[grain]} ({start} to {end}){shorter}",
        "",
        f"{'dimension':<20}{'avg active users':>18}{'distinct in window':>20}",
        "-" * 58,
    ]
    for dimension, _, _, _, average, distinct in rows:
        label = DIMENSION_LABELS.get(dimension, dimension)
        lines.append(f"{label:<20}{average:>18.1f}{distinct:>20}")
    lines += [
        "",
        "The headline is the average of per-bucket distinct counts; the distinct count over the",
        "whole window is shown beside it, never instead of it.",
    ]
    return "\n".join(lines), True


def print_headline(db: Path, grain: str = "week", window: int | None = None) -> int:
    """Print the headline of `window` buckets (None: the shortest window the build made).
    Exit status 0 with an answer, 1 when the warehouse cannot be read, 2 when the build made
    no such window."""
    window_asked = window is not None
    if not Path(db).is_file():
        print(
            f"headline: no warehouse file at {str(db) or '(an empty path)'}; give --db the"
            " AI_ADOPTION_DB of the build, or run `make run` or `dbt build` first",
            file=sys.stderr,
        )
        return 1
    try:
        rows, windows, period, has_complete_bucket, window = fetch_headline(Path(db), grain, window)
    except duckdb.CatalogException:
        print(
            f"headline: {db} lacks the marts ai_active_users_headline, _daily and"
            f" {BUCKET_TABLES[grain]}; build it first",
            file=sys.stderr,
        )
        return 1
    except duckdb.Error as error:  # a build holding the warehouse's lock, a file of another kind
        print(f"headline: cannot read {db}: {error}", file=sys.stderr)
        return 1
    text, answered = headline_text(
        rows, grain, window, windows, period, has_complete_bucket, window_asked
    )
    if not answered:
        print(f"headline: {text}", file=sys.stderr)
        return 2
    print(text)
    warning = staleness_warning(Path(db))
    if warning:
        print(warning, file=sys.stderr)
    return 0
