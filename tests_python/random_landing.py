"""Random small landing folders for the differential test (test_differential.py).

`write_random_landing(folder, seed, ...)` writes a landing folder of contract §2 (directory CSVs
and the five sources' files) that is the same for the same arguments, and returns the dbt vars
to build it with (some reporting_timezone, coverage_start and as_of_date overrides). The data
aims at the contract's edges rather than at realism: people with and without e-mail, login,
team or employment dates, an e-mail shared by two people, extra identities (some shared),
overlapping and ending team memberships, bot accounts, unrostered accounts, upper-case logins,
two delivery files per source, git author dates in six UTC offsets.

- `year_end`: the period starts in a December (2024, 2025 or 2026: ISO week 53 of 2026 ends on
  2027-01-03) and more identities are written.
- `messy`: people.csv rows superseded by a later row of the same person, bot-like accounts
  (`rel-bot`, `ci.bot@...`, `ghost`), three times the records, and counts that are not valid
  numbers (text, negative, null, fractional).
"""

from __future__ import annotations

import datetime as dt
import random
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

from landing_writer import IDENTITIES_HEADER, MEMBERSHIPS_HEADER, PEOPLE_HEADER, Landing

TIMEZONES = [
    "UTC",
    "America/New_York",
    "Asia/Tokyo",
    "Europe/Berlin",
    "Pacific/Auckland",
    "America/Los_Angeles",
]


def write_random_landing(
    folder: Path, seed: int, *, year_end: bool = False, messy: bool = False
) -> dict[str, str]:
    """Write a random landing folder into `folder`; return the dbt vars to build it with."""
    rng = random.Random(seed)
    landing = Landing(folder)
    start = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 800))
    if year_end:
        start = dt.date(rng.choice([2024, 2025, 2026]), 12, rng.randint(1, 31))
    span = rng.choice([6, 13, 20, 35, 64, 100, 130])

    def day(offset: int) -> dt.date:
        return start + dt.timedelta(days=offset)

    def random_day(low: int = -15, high: int | None = None) -> dt.date:
        """A day up to 15 days either side of the activity span."""
        return day(rng.randint(low, span + 15 if high is None else high))

    # directory/people.csv
    teams = ["A", "B", "C", "D"]
    people = []
    n_people = rng.randint(4, 10)
    for i in range(1, n_people + 1):
        email = f"p{i}@acme.example" if rng.random() < 0.85 else ""
        login = f"p{i}" if (rng.random() < 0.8 or not email) else ""
        if rng.random() < 0.08 and i > 1:
            email = f"p{i - 1}@acme.example"  # the e-mail of another person: a shared key
        team = rng.choice([*teams, ""])
        is_bot = "true" if rng.random() < 0.08 else rng.choice(["false", ""])
        employment_start = random_day().isoformat() if rng.random() < 0.4 else ""
        employment_end = random_day().isoformat() if rng.random() < 0.3 else ""
        if employment_start and employment_end and employment_end < employment_start:
            employment_start, employment_end = employment_end, employment_start
        people.append(
            f"P{i},N{i},{email},{login},{team},{is_bot},{employment_start},{employment_end}"
        )
    if messy:
        for _ in range(rng.randint(0, 2)):  # later rows that supersede a person's row
            i = rng.randint(1, n_people)
            people.append(
                f"P{i},N{i}b,p{i}@acme.example,p{i},{rng.choice(teams)},,"
                f"{random_day().isoformat()},"
            )
    landing.csv("directory/people.csv", PEOPLE_HEADER, people)

    # directory/identities.csv; `accounts` are those the activity records below draw from
    accounts = []  # (kind, value)
    for i in range(1, n_people + 1):
        accounts += [("email", f"p{i}@acme.example"), ("login", f"p{i}")]
    identities = []
    for j in range(rng.randint(0, 12 if year_end or messy else 6)):
        person_id = rng.choice([f"P{rng.randint(1, n_people)}", f"X-{rng.randint(1, 3)}"])
        account = rng.choice(
            [
                f"alt{j}@home.example",
                f"alt-login-{j}",
                f"p{rng.randint(1, n_people)}@acme.example",
                f"{j}+alt{j}@users.noreply.github.com",
            ]
        )
        is_shared = "true" if rng.random() < 0.15 else "false"
        identities.append(f"{person_id},any,{account},{is_shared}")
        accounts.append(("email" if "@" in account else "login", account))
    if identities:
        landing.csv("directory/identities.csv", IDENTITIES_HEADER, identities)

    # directory/team_memberships.csv (sometimes present and empty)
    memberships = []
    for i in range(1, n_people + 1):
        for _ in range(rng.choice([0, 0, 1, 2, 3])):
            valid_from = random_day()
            valid_to = (
                ""
                if rng.random() < 0.4
                else (valid_from + dt.timedelta(days=rng.randint(1, 30))).isoformat()
            )
            team = rng.choice([*teams, "E"])
            memberships.append(f"P{i},{team},{valid_from.isoformat()},{valid_to}")
    if memberships or rng.random() < 0.5:
        landing.csv("directory/team_memberships.csv", MEMBERSHIPS_HEADER, memberships)

    # unrostered and bot accounts
    accounts += [("login", f"ext-{k}") for k in range(3)]
    accounts += [("email", f"ext{k}@other.example") for k in range(3)]
    accounts += [
        ("login", "dependabot[bot]"),
        ("login", "deploy-bot"),
        ("email", "noreply@github.com"),
    ]
    # the first and last activity days, whatever the records below draw
    landing.push(f"{day(0).isoformat()}T{rng.randint(0, 23):02d}:00:00Z", login="frame")
    landing.push(f"{day(span).isoformat()}T{rng.randint(0, 23):02d}:00:00Z", login="frame")
    if messy:
        accounts += [("login", "rel-bot"), ("email", "ci.bot@acme.example"), ("login", "ghost")]

    for _ in range(rng.randint(20, 70) * (3 if messy else 1)):
        kind, account = rng.choice(accounts)
        on = day(rng.randint(0, span))
        source = rng.choice(["cursor", "copilot", "claude", "github", "git"])
        file = rng.choice(["a", "b"])  # two deliveries: b supersedes a on the same key
        if source == "cursor":
            email = account if kind == "email" else account + "@users.noreply.github.com"
            metric = rng.choice(
                ["chatRequests", "totalApplies", "bugbotUsages", "agentRequests", "totalRejects"]
            )
            value = rng.choice([0, 1, 2] + (["1", -1, None, 0.5] if messy else []))
            landing.cursor(on.isoformat(), email, file=f"cursor/{file}.json", **{metric: value})
        elif source == "copilot":
            if kind != "login":
                continue
            feature = rng.choice(
                [
                    "code_completion",
                    "chat_panel_edit_mode",
                    "code_review",
                    "chat_panel_agent_mode",
                    "x",
                ]
            )
            login = account.upper() if rng.random() < 0.3 else account
            landing.copilot(
                on.isoformat(),
                login,
                zlib.crc32(account.encode()) % 10000,  # a stable user_id per account
                file=f"copilot/{file}.ndjson",
                used_agent=rng.random() < 0.1,
                totals_by_feature=[
                    {
                        "feature": feature,
                        "user_initiated_interaction_count": rng.choice([0, 1]),
                        "code_acceptance_activity_count": rng.choice([0, 1]),
                        "loc_added_sum": 0,
                    }
                ],
            )
        elif source == "claude":
            if kind != "email":
                continue
            landing.claude(
                on.isoformat(),
                email=account,
                file=f"claude_code/{file}.json",
                sessions=rng.choice([0, 1]),
                accepted={"edit_tool": rng.choice([0, 1])},
            )
        elif source == "github":
            if kind != "login":
                continue
            created_at = f"{on.isoformat()}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z"
            file = f"github/{file}.ndjson"
            event = rng.random()
            if event < 0.5:
                body = rng.choice(["@claude go", "@copilot review", "thanks", "/gemini review"])
                landing.comment(created_at, account, body, file=file)
            elif event < 0.75:
                reviewer = rng.choice(["Copilot", "human"])
                landing.review_requested(created_at, account, reviewer, file=file)
            else:
                landing.assigned(created_at, account, rng.choice(["Copilot", "human"]), file=file)
        else:
            if kind == "email":
                email = account
            else:
                email = f"{rng.randint(1, 99)}+{account}@users.noreply.github.com"
            offset = rng.choice(["+00:00", "-05:00", "+09:00", "+05:30", "-11:00", "+13:00"])
            authored_at = (
                f"{on.isoformat()}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00{offset}"
            )
            message = rng.choice(
                [
                    "x",
                    "aider: x",
                    "x\n\nCo-authored-by: Claude <noreply@anthropic.com>",
                    "x\n\nCo-authored-by: gemini-code-assist[bot] "
                    "<1+gemini-code-assist[bot]@users.noreply.github.com>",
                ]
            )
            landing.commit(authored_at, email, message, file=f"git/{file}.ndjson")
    landing.flush()

    return random_period_vars(rng, day, span, TIMEZONES, override_share=0.35, margin=10)


def random_period_vars(
    rng: random.Random,
    day: Callable[[int], dt.date],
    span: int,
    timezones: Sequence[str],
    *,
    override_share: float,
    margin: int,
) -> dict[str, str]:
    """dbt vars for a folder whose activity spans day(0)..day(span): half the time a
    reporting_timezone; at `override_share` each a coverage_start from `margin` days before the
    first day to mid-span, and an as_of_date from mid-span to `margin` days after the last."""
    dbt_vars = {}
    if rng.random() < 0.5:
        dbt_vars["reporting_timezone"] = rng.choice(timezones)
    if rng.random() < override_share:
        dbt_vars["coverage_start"] = day(rng.randint(-margin, span // 2)).isoformat()
    if rng.random() < override_share:
        dbt_vars["as_of_date"] = day(rng.randint(span // 2 + 1, span + margin)).isoformat()
    return dbt_vars
