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
from pathlib import Path

from conftest import CURSOR_COUNTS, write_csv, write_json, write_ndjson

PEOPLE_HEADER = "person_id,full_name,email,github_login,team,is_bot,employment_start,employment_end"
TIMEZONES = [
    "UTC",
    "America/New_York",
    "Asia/Tokyo",
    "Europe/Berlin",
    "Pacific/Auckland",
    "America/Los_Angeles",
]


class Landing:
    """Collects vendor records per file and writes them as each vendor delivers them."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.records: dict[str, list[dict]] = {}
        self._last_id = 50000000000  # GitHub event ids and git shas

    def _next_id(self) -> int:
        self._last_id += 1
        return self._last_id

    def csv(self, relative: str, header: str, rows: list[str]) -> None:
        write_csv(self.folder / relative, header, rows)

    def add(self, relative: str, record: dict) -> None:
        self.records.setdefault(relative, []).append(record)

    def copilot(self, day: str, login: str, user_id: int, file: str, **fields) -> None:
        record = {
            "day": day,
            "enterprise_id": "1",
            "user_id": user_id,
            "user_login": login,
            "user_initiated_interaction_count": 0,
            "code_generation_activity_count": 0,
            "code_acceptance_activity_count": 0,
            "loc_suggested_to_add_sum": 0,
            "loc_suggested_to_delete_sum": 0,
            "loc_added_sum": 0,
            "loc_deleted_sum": 0,
            "used_agent": False,
            "used_chat": False,
            "used_cli": False,
            "totals_by_feature": [],
            "totals_by_ide": [],
            "totals_by_cli": {"session_count": 0, "request_count": 0, "prompt_count": 0},
        }
        record.update(fields)
        self.add(file, record)

    def cursor(self, day: str, email: str, file: str, **counts) -> None:
        midnight = dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC)
        record = {
            "date": int(midnight.timestamp() * 1000),
            "userId": "u_" + email,
            "email": email,
            "isActive": True,
            **dict.fromkeys(CURSOR_COUNTS, 0),
        }
        record.update(counts)
        self.add(file, record)

    def claude(self, day: str, email: str, file: str, sessions: int, accepted: dict) -> None:
        tool_actions = {
            tool: {"accepted": 0, "rejected": 0}
            for tool in ("edit_tool", "multi_edit_tool", "write_tool", "notebook_edit_tool")
        }
        for tool, number in accepted.items():
            tool_actions[tool] = {"accepted": number, "rejected": 0}
        record = {
            "date": day + "T00:00:00Z",
            "organization_id": "org",
            "customer_type": "api",
            "terminal_type": "vscode",
            "actor": {"type": "user_actor", "email_address": email},
            "core_metrics": {
                "num_sessions": sessions,
                "lines_of_code": {"added": 1, "removed": 0},
                "commits_by_claude_code": 0,
                "pull_requests_by_claude_code": 0,
            },
            "tool_actions": tool_actions,
            "model_breakdown": [],
        }
        self.add(file, record)

    def github_event(
        self, created_at: str, login: str, event_type: str, payload: dict, file: str
    ) -> None:
        self.add(
            file,
            {
                "id": str(self._next_id()),
                "type": event_type,
                "actor": {"id": 1, "login": login},
                "repo": {"id": 9, "name": "acme/api"},
                "created_at": created_at,
                "payload": payload,
            },
        )

    def push(self, created_at: str, login: str) -> None:
        """A non-qualifying event: it only stretches the default period."""
        self.github_event(
            created_at, login, "PushEvent", {"ref": "refs/heads/main"}, "github/frame.ndjson"
        )

    def comment(self, created_at: str, login: str, body: str, file: str) -> None:
        payload = {
            "action": "created",
            "issue": {"number": 1},
            "comment": {"body": body, "user": {"login": login}},
        }
        self.github_event(created_at, login, "IssueCommentEvent", payload, file)

    def review_requested(self, created_at: str, login: str, reviewer: str, file: str) -> None:
        payload = {
            "action": "review_requested",
            "number": 1,
            "requested_reviewer": {"login": reviewer, "type": "Bot"},
            "pull_request": {"number": 1, "user": {"login": login}},
        }
        self.github_event(created_at, login, "PullRequestEvent", payload, file)

    def assigned(self, created_at: str, login: str, assignee: str, file: str) -> None:
        payload = {"action": "assigned", "issue": {"number": 1}, "assignee": {"login": assignee}}
        self.github_event(created_at, login, "IssuesEvent", payload, file)

    def commit(self, authored_at: str, email: str, message: str, file: str) -> None:
        self.add(
            file,
            {
                "repository": "acme/api",
                "sha": f"{self._next_id():040x}",
                "parents": [],
                "author_name": "Dev",
                "author_email": email,
                "authored_at": authored_at,
                "committer_name": "Dev",
                "committer_email": email,
                "committed_at": authored_at,
                "message": message,
            },
        )

    def flush(self) -> None:
        """Write the collected records: NDJSON files line by line, JSON files as one page."""
        for relative, records in self.records.items():
            if relative.endswith(".ndjson"):
                write_ndjson(self.folder / relative, records)
            else:
                page = {"data": records, "has_more": False, "next_page": None}
                write_json(self.folder / relative, page)


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
        landing.csv("directory/identities.csv", "person_id,source,account,is_shared", identities)

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
        landing.csv(
            "directory/team_memberships.csv", "person_id,team,valid_from,valid_to", memberships
        )

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

    dbt_vars = {}
    if rng.random() < 0.5:
        dbt_vars["reporting_timezone"] = rng.choice(TIMEZONES)
    if rng.random() < 0.35:
        dbt_vars["coverage_start"] = day(rng.randint(-10, span // 2)).isoformat()
    if rng.random() < 0.35:
        dbt_vars["as_of_date"] = day(rng.randint(span // 2 + 1, span + 10)).isoformat()
    return dbt_vars
