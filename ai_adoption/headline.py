"""Print the AI Active Users headline of a built warehouse as a terminal table."""

from __future__ import annotations

import sys
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
# Why a built warehouse can have no reporting period (headline and check say it alike).
NO_PERIOD_CAUSE = (
    "the build found no activity date in the landing data and was given no as_of_date and"
    " coverage_start vars (is AI_ADOPTION_LANDING the right folder?)"
)


def fetch_headline(
    db: Path, grain: str, window: int | None
) -> tuple[list[tuple], list[int], int, int | None]:
    """The (dimension, window_start, window_end, bucket_count, avg, distinct) rows of the
    window, `all` first, the window lengths the warehouse holds for the grain, how many days the
    reporting period has (the buckets of the zero-filled daily table), and the window: the one
    asked, else the shortest the warehouse holds (var headline_windows; None when it holds none)."""
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
        (period_days,) = connection.execute(
            "select count(distinct bucket_start) from marts.ai_active_users_daily"
        ).fetchone()
    return rows, lengths, period_days, window


def format_headline(
    rows: list[tuple],
    grain: str,
    window: int | None,
    windows: list[int],
    period_days: int,
    window_asked: bool = True,
) -> str:
    if period_days == 0:
        return f"No headline: the warehouse has no reporting period. T{NO_PERIOD_CAUSE[1:]}."
    if not rows and windows:
        lengths = ", ".join(str(length) for length in windows)
        return (
            f"No {window}-{grain} headline: the warehouse holds {grain} windows of {lengths} "
            f"{GRAIN_NAMES[grain]} (dbt var headline_windows)."
        )
    if window is None:
        return f"No {grain} headline: the warehouse holds no {grain} window (var headline_windows)."
    if not rows:
        return (
            f"No complete {GRAIN_NAMES[grain]} in the reporting period yet: "
            f"no {window}-{grain} headline."
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
    return "\n".join(lines)


def print_headline(db: Path, grain: str = "week", window: int | None = None) -> int:
    """Print the headline of `window` buckets (None: the shortest window the build made)."""
    window_asked = window is not None
    if not Path(db).is_file():
        print(
            f"headline: no warehouse file at {str(db) or '(an empty path)'}; give --db the"
            " AI_ADOPTION_DB of the build, or run `make run` or `dbt build` first",
            file=sys.stderr,
        )
        return 1
    try:
        rows, windows, period_days, window = fetch_headline(Path(db), grain, window)
    except duckdb.CatalogException:
        print(
            f"headline: {db} lacks the marts ai_active_users_headline and _daily; build it first",
            file=sys.stderr,
        )
        return 1
    except duckdb.Error as error:  # a build holding the warehouse's lock, a file of another kind
        print(f"headline: cannot read {db}: {error}", file=sys.stderr)
        return 1
    print(format_headline(rows, grain, window, windows, period_days, window_asked))
    return 0
