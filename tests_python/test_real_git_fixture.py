"""End-to-end check of the marts on REAL data: the full commit history of the public repository
modelcontextprotocol/python-sdk (shared/fixtures), as a git-only landing folder.

The expected numbers are computed here, in plain Python, straight from the contract text
(contract.md §3-§7, integrations.md §5-§6 git rows). Nothing is imported from the project and
none of its SQL, seeds or regular expressions are reused: if the two sides disagree, one of
them misreads the contract.
"""

from __future__ import annotations

import calendar
import json
import re
import shutil
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import FIXTURES, query, run_dbt

FIXTURE = FIXTURES / "git_modelcontextprotocol_python-sdk.ndjson"

DIMENSIONS = ("coding_assistance", "ai_coding", "code_review", "coding_agents")
HEADLINE_WINDOWS = {"day": (7, 28, 90), "week": (4, 12, 26), "month": (3, 6, 12)}
GRAIN_TABLES = {"day": "daily", "week": "weekly", "month": "monthly"}

# The builds of this module: name -> dbt vars. Two builds keep the module near 40 s (each dbt
# build is ~15 s of CPU); the second one proves the time-zone conversion and the explicit
# period vars together.
SCENARIOS: dict[str, dict] = {
    "defaults": {},
    "los_angeles_explicit_period": {
        "reporting_timezone": "America/Los_Angeles",
        "as_of_date": "2026-06-30",
        "coverage_start": "2025-01-01",
    },
}


# --- an independent reading of the contract ---------------------------------------------------

# Contract §3/§7 and the project's bot seed (seeds/bot_accounts.csv, "an account listed in the
# project's bot seed"): non-AI robots and AI agents acting as commit authors.
BOT_LOGINS = {
    "dependabot",
    "dependabot-preview",
    "renovate",
    "github-actions",
    "web-flow",
    "ghost",
    "pre-commit-ci",
    "copilot",
}
BOT_EMAILS = {
    "noreply@github.com",
    "support@dependabot.com",
    "bot@renovateapp.com",
    "action@github.com",
    "noreply@anthropic.com",
    "cursoragent@cursor.com",
    "noreply@aider.chat",
}
RELEASE_ROBOT_SUFFIXES = ("-bot", "-robot", "_bot", ".bot")

# integrations §6 git rows, contract §7 "Git trailers" and "AI agents".
REVIEW_BOTS = {
    "gemini-code-assist[bot]",
    "coderabbitai[bot]",
    "copilot-pull-request-reviewer[bot]",
    "sourcery-ai[bot]",
}
AGENT_NAMES = {
    "claude",
    "claude[bot]",
    "copilot",
    "copilot-swe-agent[bot]",
    "google-labs-jules[bot]",
    "cursor agent",
    "devin-ai-integration[bot]",
    "codex",
}
AGENT_LOGINS = {
    "claude[bot]",
    "copilot",
    "copilot-swe-agent[bot]",
    "google-labs-jules[bot]",
    "devin-ai-integration[bot]",
}
AGENT_EMAILS = {"noreply@anthropic.com", "cursoragent@cursor.com"}
CLAUDE_MODEL_WORDS = {"opus", "sonnet", "haiku", "code"}
AI_TOOL_WORDS = {"claude", "copilot", "cursor", "gemini", "codex", "chatgpt"}


def account_key(email: str | None) -> tuple[str, str] | None:
    """Contract §3: trimmed, lower-cased e-mail; a GitHub no-reply e-mail is its login."""
    if email is None or not email.strip():
        return None
    value = email.strip().lower()
    local, at, domain = value.rpartition("@")
    if at and domain == "users.noreply.github.com":
        digits, plus, login = local.partition("+")
        if plus and digits.isdigit():
            return ("login", login)
        return ("login", local)
    return ("email", value)


def is_bot(key: tuple[str, str]) -> bool:
    kind, value = key
    if kind == "login":
        name = value
        if name.endswith("[bot]") or name in BOT_LOGINS:
            return True
    else:
        if value in BOT_EMAILS:
            return True
        name = value.rpartition("@")[0]
    return name.endswith(RELEASE_ROBOT_SUFFIXES)


def last_paragraph(message: str) -> list[str]:
    """Contract §7: the lines after the message's last blank line (trailing whitespace ignored).

    A message without any blank line has no lines after one: its subject and body are no
    trailers (as git and GitHub read them).
    """
    lines = message.replace("\r\n", "\n").replace("\r", "\n").rstrip().split("\n")
    blanks = [index for index, line in enumerate(lines) if not line.strip()]
    return lines[blanks[-1] + 1 :] if blanks else []


def trailers(message: str) -> list[tuple[str, str, str | None]]:
    """`Key: value` lines of the last paragraph as (lower-cased key, name, e-mail)."""
    found = []
    for line in last_paragraph(message):
        key, colon, value = line.strip().partition(":")
        if not colon or not key or not value.strip():
            continue
        if not all(ch.isalnum() or ch == "-" for ch in key) or not key[0].isalnum():
            continue
        value = value.strip()
        email = None
        if "<" in value:
            name, _, rest = value.partition("<")
            email = rest.partition(">")[0].strip() or None
        else:
            name = value
        found.append((key.lower(), name.strip(), email))
    return found


def is_claude_model_name(name: str) -> bool:
    """`Claude <model>`: the name Claude followed by Opus/Sonnet/Haiku/Code or a version."""
    words = name.lower().split()
    if len(words) < 2 or words[0] != "claude":
        return False
    model = words[1]
    return model in CLAUDE_MODEL_WORDS or re.fullmatch(r"v?\d+(\.\d+)*", model) is not None


def trailer_login(email: str | None) -> str | None:
    key = account_key(email)
    return key[1] if key and key[0] == "login" else None


def is_review_bot(name: str, email: str | None) -> bool:
    return name.lower() in REVIEW_BOTS or trailer_login(email) in REVIEW_BOTS


def is_coding_agent(name: str, email: str | None) -> bool:
    return (
        name.lower() in AGENT_NAMES
        or is_claude_model_name(name)
        or (email is not None and email.strip().lower() in AGENT_EMAILS)
        or trailer_login(email) in AGENT_LOGINS
    )


def is_aider(name: str) -> bool:
    lowered = name.lower()
    return lowered == "aider" or (lowered.startswith("aider") and lowered[5:].lstrip()[:1] == "(")


def names_ai_tool(name: str, email: str | None) -> bool:
    words = set(re.split(r"[^a-z0-9]+", name.lower()))
    return (
        bool(words & AI_TOOL_WORDS)
        or is_review_bot(name, email)
        or is_coding_agent(name, email)
        or is_aider(name)
    )


def commit_dimensions(message: str) -> set[str]:
    """integrations §6, git rows."""
    dimensions = set()
    for key, name, email in trailers(message):
        if key == "co-authored-by":
            if is_review_bot(name, email):
                dimensions.add("code_review")
            if is_coding_agent(name, email):
                dimensions.add("coding_agents")
            if is_aider(name):
                dimensions.add("ai_coding")
        elif key in ("assisted-by", "generated-by") and names_ai_tool(name, email):
            dimensions.add("ai_coding")
    if "generated with [claude code]" in message.lower():
        dimensions.add("coding_agents")
    if message.lower().startswith("aider:"):
        dimensions.add("ai_coding")
    return dimensions


@dataclass
class Commit:
    sha: str
    author: tuple[str, str] | None
    authored_at: datetime
    message: str
    dimensions: set[str] = field(default_factory=set)

    @property
    def by_bot(self) -> bool:
        return self.author is None or is_bot(self.author)


def read_commits(path: Path) -> list[Commit]:
    """One commit per sha (contract §7: the same sha in several repositories is one commit;
    inside one file the last line wins)."""
    by_sha: dict[str, Commit] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        message = record.get("message") or ""
        sha = record["sha"].strip().lower()
        by_sha[sha] = Commit(
            sha=sha,
            author=account_key(record.get("author_email")),
            authored_at=datetime.fromisoformat(record["authored_at"]),
            message=message,
            dimensions=commit_dimensions(message),
        )
    return list(by_sha.values())


def bucket_of(day: date, grain: str) -> tuple[date, date]:
    if grain == "day":
        return day, day
    if grain == "week":
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    last = calendar.monthrange(day.year, day.month)[1]
    return day.replace(day=1), day.replace(day=last)


def buckets_between(first: date, last: date, grain: str) -> list[tuple[date, date]]:
    buckets = []
    start, end = bucket_of(first, grain)
    while start <= last:
        buckets.append((start, end))
        start, end = bucket_of(end + timedelta(days=1), grain)
    return buckets


@dataclass
class Expected:
    coverage_start: date
    as_of: date
    # (dimension, activity date) -> developer keys, inside [coverage_start, as_of]
    active: dict[tuple[str, date], set]
    commits: list[Commit]

    def bucket_rows(self, grain: str) -> list[dict]:
        rows = []
        for start, end in buckets_between(self.coverage_start, self.as_of, grain):
            for dimension in (*DIMENSIONS, "all"):
                rows.append(
                    {
                        "bucket_start": start,
                        "bucket_end": end,
                        "dimension": dimension,
                        "active_users": len(self.developers(dimension, start, end)),
                        "active_rostered_users": 0,
                        "headcount": 0,
                        "adoption_rate": None,
                        "is_complete": start >= self.coverage_start and end <= self.as_of,
                    }
                )
        return rows

    def developers(self, dimension: str, start: date, end: date) -> set:
        found = set()
        for (dim, day), keys in self.active.items():
            if start <= day <= end and (dim == dimension or dimension == "all"):
                found |= keys
        return found

    def headline_rows(self) -> list[dict]:
        rows = []
        for grain, windows in HEADLINE_WINDOWS.items():
            complete = [
                bucket
                for bucket in buckets_between(self.coverage_start, self.as_of, grain)
                if bucket[0] >= self.coverage_start and bucket[1] <= self.as_of
            ]
            for window in windows:
                chosen = complete[-window:]
                if not chosen:
                    continue
                for dimension in (*DIMENSIONS, "all"):
                    counts = [len(self.developers(dimension, s, e)) for s, e in chosen]
                    rows.append(
                        {
                            "grain": grain,
                            "window_buckets": window,
                            "dimension": dimension,
                            "window_start": chosen[0][0],
                            "window_end": chosen[-1][1],
                            "bucket_count": len(chosen),
                            "avg_active_users": sum(counts) / len(counts),
                            "distinct_active_users": len(
                                self.developers(dimension, chosen[0][0], chosen[-1][1])
                            ),
                        }
                    )
        return rows


def expected_for(dbt_vars: dict) -> Expected:
    zone = ZoneInfo(dbt_vars.get("reporting_timezone", "UTC"))
    commits = read_commits(FIXTURE)
    dates = [commit.authored_at.astimezone(zone).date() for commit in commits]
    # contract §7 "Defaults": over all parsed records, qualifying or not (bots included).
    coverage_start = date.fromisoformat(dbt_vars.get("coverage_start", min(dates).isoformat()))
    as_of = date.fromisoformat(dbt_vars.get("as_of_date", max(dates).isoformat()))
    active: dict[tuple[str, date], set] = defaultdict(set)
    for commit, day in zip(commits, dates, strict=True):
        if commit.by_bot or not coverage_start <= day <= as_of:
            continue
        for dimension in commit.dimensions:
            active[(dimension, day)].add(commit.author)
    return Expected(coverage_start, as_of, dict(active), commits)


# --- the builds -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def warehouses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One git-only landing folder, one dbt build per scenario (in parallel, separate folders).

    Seeds and models only (`dbt build` minus unit and data tests, one dbt process per build):
    the project's data tests would double the run time, and a failing one would skip the marts
    and hide the comparison below. `make test` runs them.
    """
    landing = tmp_path_factory.mktemp("landing")
    (landing / "git").mkdir()
    shutil.copyfile(FIXTURE, landing / "git" / FIXTURE.name)

    def build(name: str) -> Path:
        work_dir = tmp_path_factory.mktemp(f"build_{name}")
        db = work_dir / "warehouse.duckdb"
        run_dbt(
            ["build", "--exclude", "test_type:unit", "test_type:data"],
            landing=landing,
            db=db,
            work_dir=work_dir,
            dbt_vars=SCENARIOS[name] or None,
        )
        return db

    with ThreadPoolExecutor(max_workers=len(SCENARIOS)) as pool:
        futures = {name: pool.submit(build, name) for name in SCENARIOS}
        return {name: future.result() for name, future in futures.items()}


@pytest.fixture(scope="module")
def expected() -> dict[str, Expected]:
    return {name: expected_for(dbt_vars) for name, dbt_vars in SCENARIOS.items()}


BUCKET_COLUMNS = (
    "bucket_start, bucket_end, dimension, active_users, active_rostered_users, headcount, "
    "adoption_rate, is_complete"
)


def key_rows(rows: list[dict], *keys: str) -> dict[tuple, dict]:
    keyed = {tuple(row[key] for key in keys): row for row in rows}
    assert len(keyed) == len(rows), "duplicate grain rows"
    return keyed


def assert_same_rows(actual: list[dict], wanted: list[dict], keys: tuple[str, ...]) -> None:
    got, want = key_rows(actual, *keys), key_rows(wanted, *keys)
    missing = sorted(set(want) - set(got))
    extra = sorted(set(got) - set(want))
    assert not missing and not extra, f"missing rows {missing[:5]}, unexpected rows {extra[:5]}"
    differences = [
        (key, {c: (got[key][c], want[key][c]) for c in want[key] if got[key][c] != want[key][c]})
        for key in sorted(want)
        if got[key] != want[key]
    ]
    assert not differences, (
        f"{len(differences)} rows differ (column: (mart, expected)), first ones: {differences[:8]}"
    )
    assert len(actual) == len(wanted)


@pytest.mark.parametrize("scenario", list(SCENARIOS))
@pytest.mark.parametrize("grain", list(GRAIN_TABLES))
def test_bucket_table_matches_independent_computation(warehouses, expected, scenario, grain):
    table = f"marts.ai_active_users_{GRAIN_TABLES[grain]}"
    actual = query(warehouses[scenario], f"select {BUCKET_COLUMNS} from {table}")
    assert_same_rows(actual, expected[scenario].bucket_rows(grain), ("bucket_start", "dimension"))


@pytest.mark.parametrize("scenario", list(SCENARIOS))
@pytest.mark.parametrize("grain", list(GRAIN_TABLES))
def test_team_table_is_all_unassigned(warehouses, expected, scenario, grain):
    """No people.csv: every developer is unrostered, the only team is Unassigned."""
    table = f"marts.ai_active_users_by_team_{GRAIN_TABLES[grain]}"
    actual = query(warehouses[scenario], f"select team, {BUCKET_COLUMNS} from {table}")
    assert {row.pop("team") for row in actual} == {"Unassigned"}
    assert_same_rows(actual, expected[scenario].bucket_rows(grain), ("bucket_start", "dimension"))


def approx_floats(rows: list[dict]) -> list[dict]:
    return [
        {k: pytest.approx(v) if isinstance(v, float) else v for k, v in r.items()} for r in rows
    ]


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_headline_matches_independent_computation(warehouses, expected, scenario):
    wanted = expected[scenario].headline_rows()
    keys = ("grain", "window_buckets", "dimension")
    actual = query(warehouses[scenario], "select * from marts.ai_active_users_headline")
    assert_same_rows(actual, approx_floats(wanted), keys)
    # The week/month windows named in the brief are all there.
    present = {(row["grain"], row["window_buckets"]) for row in actual}
    assert {("week", n) for n in (4, 12, 26)} | {("month", n) for n in (3, 6, 12)} <= present

    by_team = query(warehouses[scenario], "select * from marts.ai_active_users_headline_by_team")
    assert {row.pop("team") for row in by_team} == {"Unassigned"}
    assert_same_rows(by_team, approx_floats(wanted), keys)


def test_reporting_period_defaults_and_vars(expected):
    """The default period is the span of authored dates in the reporting zone."""
    assert expected["defaults"].coverage_start == date(2024, 9, 24)
    assert expected["defaults"].as_of == date(2026, 8, 20)
    assert expected["los_angeles_explicit_period"].coverage_start == date(2025, 1, 1)
    assert expected["los_angeles_explicit_period"].as_of == date(2026, 6, 30)


def test_facts_of_the_fixture(expected):
    """What the real history holds, by the independent reading (printed with `pytest -s`)."""
    commits = expected["defaults"].commits
    assert len(commits) == 1037
    bots = [commit for commit in commits if commit.by_bot]
    human = [commit for commit in commits if not commit.by_bot]
    per_dimension = Counter(dim for commit in human for dim in commit.dimensions)
    ai_commits = [commit for commit in human if commit.dimensions]
    ai_authors = {commit.author for commit in ai_commits}
    print(f"\ncommits: {len(commits)}, by bots: {len(bots)} {Counter(c.author for c in bots)}")
    print(f"distinct human authors: {len({c.author for c in human})}")
    print(f"qualifying commits per dimension: {dict(per_dimension)}")
    print(
        f"AI-assisted commits: {len(ai_commits)}, distinct AI-assisted authors: {len(ai_authors)}"
    )
    print(f"AI-assisted authors: {sorted(ai_authors)}")
    bot_signals = [commit.sha[:10] for commit in bots if commit.dimensions]
    print(f"bot-authored commits carrying an AI signal (count for nobody): {bot_signals}")
    # Facts of the read-only fixture, by the reading above.
    assert Counter(commit.author for commit in bots) == {("login", "dependabot[bot]"): 9}
    assert dict(per_dimension) == {"coding_agents": 30}
    assert len(ai_authors) == 19
    # dependabot's 2693fb95ae has "Co-authored-by: copilot-swe-agent[bot]": it counts for nobody.
    assert bot_signals == ["2693fb95ae"]


def daily_count(db: Path, dimension: str, day: date) -> int:
    rows = query(
        db,
        "select active_users from marts.ai_active_users_daily "
        f"where dimension = '{dimension}' and bucket_start = date '{day.isoformat()}'",
    )
    assert len(rows) == 1
    return rows[0]["active_users"]


def test_time_zone_moves_real_commits(warehouses):
    """71c475588f (Co-authored-by: Claude) was authored 2025-11-23T04:58:14+00:00: Sunday in UTC,
    Saturday in Los Angeles. 3d7b311de0 (Claude Opus 4.6) was authored
    2026-04-15T06:41:51+09:00: the 14th in UTC and in Los Angeles, never the offset's 15th."""
    utc, la = warehouses["defaults"], warehouses["los_angeles_explicit_period"]
    saturday, sunday = date(2025, 11, 22), date(2025, 11, 23)
    assert (
        daily_count(utc, "coding_agents", saturday),
        daily_count(utc, "coding_agents", sunday),
    ) == (0, 1)
    assert (
        daily_count(la, "coding_agents", saturday),
        daily_count(la, "coding_agents", sunday),
    ) == (1, 0)
    for db in (utc, la):
        assert daily_count(db, "coding_agents", date(2026, 4, 14)) == 1
        assert daily_count(db, "coding_agents", date(2026, 4, 15)) == 0


def test_explicit_period_vars_shape_the_buckets(warehouses):
    db = warehouses["los_angeles_explicit_period"]
    months = query(
        db,
        "select bucket_start, bool_and(is_complete) as complete "
        "from marts.ai_active_users_monthly group by 1 order by 1",
    )
    assert [row["bucket_start"] for row in months] == [
        date(2025 + (m // 12), m % 12 + 1, 1) for m in range(18)
    ]
    assert all(row["complete"] for row in months)
    weeks = query(
        db,
        "select bucket_start, bool_and(is_complete) as complete "
        "from marts.ai_active_users_weekly group by 1 order by 1",
    )
    assert (weeks[0]["bucket_start"], weeks[0]["complete"]) == (date(2024, 12, 30), False)
    assert (weeks[-1]["bucket_start"], weeks[-1]["complete"]) == (date(2026, 6, 29), False)
    assert all(row["complete"] for row in weeks[1:-1])


def test_unit_tests_pass_under_the_vars_a_run_passes(warehouses, tmp_path):
    """`dbt build --vars ...` runs the unit tests as well. Each unit test whose expectation
    assumes a var's default (UTC, the derived period) pins it, so that a run with another zone
    and explicit dates does not fail them (and skip every mart downstream)."""
    scenario = "los_angeles_explicit_period"
    db = tmp_path / "warehouse.duckdb"  # a copy: the run re-creates the landing views
    shutil.copyfile(warehouses[scenario], db)
    (tmp_path / "landing").mkdir()
    run_dbt(
        ["test", "--select", "test_type:unit"],
        landing=tmp_path / "landing",
        db=db,
        work_dir=tmp_path,
        dbt_vars={**SCENARIOS[scenario], "calendar_max_days": 600},
    )
