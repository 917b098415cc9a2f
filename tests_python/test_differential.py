"""Differential test: every mart row of the project against an independent oracle.

`contract_oracle.py` computes the eight marts of contract §6 and the three companion metrics
marts (integrations §7) straight from a landing folder, in plain Python written from the
contract alone. Here `random_landing.py` (or `random_vendor_landing.py`) writes a random
landing folder for a fixed seed, the project is built on it into a fresh DuckDB file (seeds and
models; unit and data tests are left to `make test-dbt`), and each mart must equal the oracle's
rows: same columns in the same order, same keys, same values (floats to 1e-9).

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
                           people active under two teams in one month;
- vendor_mix (seed 4)   -- `random_vendor_landing.py`: every record shape and signal rule of
                           integrations.md at random: 1,001 records of 11 people over 29 days
                           (Copilot days without a feature list, Claude Code API actors,
                           comments of both types, a comment event delivered twice, CRLF
                           commit messages, one sha in two repositories, ...) in
                           Pacific/Kiritimati (UTC+14). Removing three qualifying rules, two AI
                           signatures, two GitHub signals or the CRLF handling of commit
                           messages each changed 35 to 138 mart rows.

On a failure the message names the scenario and lists the differing rows; to reproduce outside
pytest, write the landing with `write_random_landing` (or `write_vendor_mix_landing`) and build
it with the vars shown.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from oracle_comparison import assert_marts_equal_the_oracle, expected_marts
from random_landing import write_random_landing
from random_vendor_landing import write_vendor_mix_landing

SCENARIOS = {
    "general": {"seed": 1, "year_end": False, "messy": False},
    "year_end": {"seed": 107, "year_end": True, "messy": False},
    "messy": {"seed": 200, "year_end": True, "messy": True},
    "team_moves": {"seed": 6, "year_end": False, "messy": False},
    "vendor_mix": {"seed": 4},
}


def write_landing(folder: Path, scenario: str) -> dict[str, str]:
    if scenario == "vendor_mix":
        return write_vendor_mix_landing(folder / "landing", **SCENARIOS[scenario])
    return write_random_landing(folder / "landing", **SCENARIOS[scenario])


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


def _json_lines(landing: Path, source: str) -> list[dict]:
    return [
        json.loads(line)
        for path in sorted((landing / source).glob("*.ndjson"))
        for line in path.read_text().splitlines()
    ]


def covers_vendor_mix(landing: Path, dbt_vars: dict, marts: dict) -> bool:
    """Someone active in each dimension, and the record shapes the scenario is there for."""
    active = {row["dimension"] for row in marts["ai_active_users_daily"] if row["active_users"]}
    copilot = _json_lines(landing, "copilot")
    github = _json_lines(landing, "github")
    event_ids = [event["id"] for event in github]
    commits = _json_lines(landing, "git")
    claude_code = [
        record
        for path in sorted((landing / "claude_code").glob("*.json"))
        for record in json.loads(path.read_text())["data"]
    ]
    repositories: dict[str, set[str]] = {}
    for commit in commits:
        repositories.setdefault(commit["sha"], set()).add(commit["repository"])
    return (
        active >= {"coding_assistance", "ai_coding", "code_review", "coding_agents"}
        and any("totals_by_feature" not in record for record in copilot)
        and any(record.get("totals_by_feature") == [] for record in copilot)
        and any(record["actor"]["type"] == "api_actor" for record in claude_code)
        and any(event["type"] == "PullRequestReviewCommentEvent" for event in github)
        and len(set(event_ids)) < len(event_ids)
        and any(len(names) > 1 for names in repositories.values())
        and any("\r\n" in commit["message"] for commit in commits)
    )


COVERS = {
    "general": covers_general,
    "year_end": covers_year_end,
    "messy": covers_messy,
    "team_moves": covers_team_moves,
    "vendor_mix": covers_vendor_mix,
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
    assert_marts_equal_the_oracle(
        tmp_path / "landing", dbt_vars, tmp_path, f"scenario {scenario} {SCENARIOS[scenario]}"
    )
