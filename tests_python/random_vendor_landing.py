"""Random landing folders that mix every record shape and signal of shared/integrations.md.

`random_landing.py` aims at the contract's identity, date and team edges with a few record
shapes. `write_vendor_mix_landing(folder, seed)` draws instead from every shape a vendor delivers
and every qualifying rule, on a small roster, so that the rules meet each other at random:
- Copilot user-days with a feature list, an empty one or none, `used_agent`, CLI requests;
- every Cursor count, some of them invalid;
- Claude Code user and API actors on several terminals;
- GitHub comments of both comment types and any action (some delivered again with the same
  id), review bodies, review requests, assignments of issues and pull requests;
- git commits with every trailer family, CRLF line ends, bot authors, the same sha in two
  repositories.

Logins and e-mails vary in case, GitHub no-reply addresses stand for logins, and people.csv and
identities.csv hold shared, bot and unrostered accounts. Each source has two delivery files, the
later one superseding the earlier on a shared key. The same seed writes the same folder; the
return value is the dbt vars to build it with.
"""

from __future__ import annotations

import datetime as dt
import random
import zlib
from pathlib import Path

from conftest import copilot_user_day
from landing_writer import IDENTITIES_HEADER, MEMBERSHIPS_HEADER, PEOPLE_HEADER, Landing
from random_landing import random_period_vars

COPILOT_FEATURES = (
    "code_completion",
    "chat_panel_ask_mode",
    "chat_panel_edit_mode",
    "chat_panel_agent_mode",
    "chat_panel_custom_mode",
    "chat_inline",
    "agent_edit",
    "copilot_cli",
    "code_review",
    "a_feature_not_yet_known",
)
FEATURE_COUNTS = (  # of each entry of a Copilot user-day's totals_by_feature
    "user_initiated_interaction_count",
    "code_generation_activity_count",
    "code_acceptance_activity_count",
    "loc_added_sum",
)
CURSOR_METRICS = (
    "totalTabsAccepted",
    "chatRequests",
    "cmdkUsages",
    "totalAccepts",
    "totalApplies",
    "acceptedLinesAdded",
    "composerRequests",
    "bugbotUsages",
    "agentRequests",
    "totalRejects",
    "totalLinesAdded",
    "totalTabsShown",
)
INVALID_COUNTS = ("2", -1, None, 1.5, True)
COMMENT_BODIES = (
    "@claude please fix",
    "@Claude fix",
    "@copilot review",
    "@Copilot Review",
    "/gemini review",
    "/gemini review @claude",
    "@coderabbitai review",
    "@cursor review",
    "@cursor",
    "bugbot run",
    "BugBot Run please",
    "@copilot review and @copilot fix",
    "@copilot\nreview",
    "mail me at x@claude.com",
    "x@copilot y",
    "a.@copilot",
    "@@claude",
    "@claude-code hi",
    "@claudette",
    "@jules[bot]",
    "@codex_",
    "@ claude",
    "ping @devin.",
    "@codex, go",
    "(@jules)",
    "hi @claude!",
    "thanks",
)
REVIEWERS = (
    "Copilot",
    "copilot",
    "coderabbitai[bot]",
    "gemini-code-assist[bot]",
    "copilot-pull-request-reviewer[bot]",
    "sourcery-ai[bot]",
    "renovate[bot]",
    "a-human",
)
ASSIGNEES = (
    "Copilot",
    "COPILOT",
    "copilot-swe-agent[bot]",
    "google-labs-jules[bot]",
    "claude[bot]",
    "devin-ai-integration[bot]",
    "dependabot[bot]",
    "a-human",
)
NOREPLY = "users.noreply.github.com"
COMMIT_MESSAGES = (
    "fix",
    "aider: fix",
    "  aider: fix",
    "Aider: fix",
    "Co-authored-by: Claude <noreply@anthropic.com>",
    "fix\n\nCo-authored-by: Claude <noreply@anthropic.com>",
    "fix\n\nco-authored-by: claude <noreply@anthropic.com>",
    "fix\n\nCo-authored-by:Claude<noreply@anthropic.com>",
    "fix\n\nCo-Authored-By: Claude Opus 4.1 <noreply@anthropic.com>",
    "fix\n\nCo-authored-by: Claude Haiku 4.5 <noreply@anthropic.com>",
    "fix\n\nCo-authored-by: Claude Code <noreply@anthropic.com>",
    "fix\n\nCo-authored-by: Claude Sonnet <someone@example.com>",
    "fix\n\nCo-authored-by: Claude 3.5 <someone@example.com>",
    "fix\n\nCo-authored-by: Claude Smith <claude.smith@corp.example>",
    "fix\n\nCo-authored-by: Claude <claude@corp.example>",
    "fix\n\nCo-authored-by: Claudia <claudia@corp.example>",
    f"fix\n\nCo-authored-by: claude[bot] <209825114+claude[bot]@{NOREPLY}>",
    f"fix\n\nCo-authored-by: Copilot <175728472+Copilot@{NOREPLY}>",
    f"fix\n\nCo-authored-by: copilot-swe-agent[bot] <198982749+Copilot@{NOREPLY}>",
    f"fix\n\nCo-authored-by: google-labs-jules[bot] <161369871+google-labs-jules[bot]@{NOREPLY}>",
    "fix\n\nCo-authored-by: Cursor Agent <cursoragent@cursor.com>",
    "fix\n\nCo-authored-by: Codex <codex@openai.com>",
    f"fix\n\nCo-authored-by: devin-ai-integration[bot] <1+devin-ai-integration[bot]@{NOREPLY}>",
    f"fix\n\nCo-authored-by: gemini-code-assist[bot] <176961590+gemini-code-assist[bot]@{NOREPLY}>",
    f"fix\n\nCo-authored-by: coderabbitai[bot] <136622811+coderabbitai[bot]@{NOREPLY}>",
    f"fix\n\nCo-authored-by: sourcery-ai[bot] <58596630+sourcery-ai[bot]@{NOREPLY}>",
    f"fix\n\nCo-authored-by: dependabot[bot] <49699333+dependabot[bot]@{NOREPLY}>",
    "fix\n\nCo-authored-by: aider (gpt-4o) <noreply@aider.chat>",
    "fix\n\nCo-authored-by: Jane <jane@corp.example>",
    "fix\n\nAssisted-by: Cursor",
    "fix\n\nAssisted-by: Gemini <gemini@google.com>",
    "fix\n\nAssisted-by: a colleague",
    "fix\n\nGenerated-by: ChatGPT",
    "fix\n\n\U0001f916 Generated with [Claude Code](https://claude.com/claude-code)\n\n"
    "Signed-off-by: A <a@corp.example>",
    "fix\n\nCo-authored-by: Claude <noreply@anthropic.com>\n\nSigned-off-by: A <a@corp.example>",
    "fix\n\nSigned-off-by: A <a@corp.example>\nCo-authored-by: Copilot <x@corp.example>",
    "fix\r\n\r\nCo-authored-by: Claude <noreply@anthropic.com>\r\n",
    "fix\n\nCo-authored-by: Claude <noreply@anthropic.com>\n\n",
    "fix\n  \nCo-authored-by: Codex <codex@openai.com>",
)
UTC_OFFSETS = ("+00:00", "-08:00", "+09:00", "+05:30", "-11:00", "+14:00", "Z")
TIMEZONES = ("America/Los_Angeles", "Asia/Kolkata", "Pacific/Kiritimati", "Europe/London")
TEAMS = ("Web", "Data", "Infra")


def write_vendor_mix_landing(folder: Path, seed: int) -> dict[str, str]:
    """Write a landing folder into `folder`; return the dbt vars to build it with."""
    rng = random.Random(seed)
    landing = Landing(folder)
    start = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 500))
    span = rng.choice([5, 12, 27, 40, 70])

    def day(offset: int) -> dt.date:
        return start + dt.timedelta(days=offset)

    def any_day() -> dt.date:
        return day(rng.randint(0, span))

    n_people = rng.randint(8, 30)
    accounts = _write_directory(landing, rng, n_people, any_day)
    # the first and last activity days, whatever the records below draw
    landing.push(f"{day(0).isoformat()}T05:00:00Z", login="frame")
    landing.push(f"{day(span).isoformat()}T05:00:00Z", login="frame")

    commits: list[tuple[str, str]] = []  # (sha, repository) written so far
    comment_ids: list[str] = []  # GitHub comment event ids written so far
    for _ in range(rng.randint(800, 1500)):
        kind, account = rng.choice(accounts)
        on = any_day()
        file = rng.choice(["a", "b"])  # two deliveries: b supersedes a on the same key
        source = rng.choice(["copilot", "cursor", "claude_code", "github", "github", "git", "git"])
        if source == "copilot" and kind == "login":
            _copilot(landing, rng, on, account, f"copilot/{file}.ndjson")
        elif source == "cursor":
            email = account if kind == "email" else f"{account}@{NOREPLY}"
            _cursor(landing, rng, on, email, f"cursor/{file}.json")
        elif source == "claude_code" and kind == "email":
            _claude_code(landing, rng, on, account, f"claude_code/{file}.json")
        elif source == "github" and kind == "login":
            _github(landing, rng, on, account, f"github/{file}.ndjson", comment_ids)
        elif source == "git":
            email = account if kind == "email" else f"{rng.randint(1, 99)}+{account}@{NOREPLY}"
            _git(landing, rng, on, email, f"git/{file}.ndjson", commits)
    landing.flush()

    return random_period_vars(rng, day, span, TIMEZONES, override_share=0.3, margin=5)


def _write_directory(landing: Landing, rng: random.Random, n_people: int, any_day) -> list:
    """people.csv, identities.csv and team_memberships.csv; the (kind, account) pairs that the
    activity records draw from."""
    people = []
    for i in range(1, n_people + 1):
        email = rng.choice([f"p{i}@acme.example", f"P{i}@Acme.Example ", f"{i}+p{i}@{NOREPLY}", ""])
        login = rng.choice([f"p{i}", f"P{i}", f"p{i}", ""]) or ("" if email else f"p{i}")
        if rng.random() < 0.07:
            login = f"p{i}-bot"  # a release robot's name: a bot person
        if rng.random() < 0.07 and i > 1:
            email = f"p{i - 1}@acme.example"  # another person's e-mail: a shared key
        is_bot = rng.choice(["true", "false", "", "", ""])
        start = any_day().isoformat() if rng.random() < 0.3 else ""
        end = any_day().isoformat() if rng.random() < 0.3 else ""
        if start and end and end < start:
            start, end = end, start
        team = rng.choice([*TEAMS, ""])
        people.append(f"P{i},Name {i},{email},{login},{team},{is_bot},{start},{end}")
    landing.csv("directory/people.csv", PEOPLE_HEADER, people)

    accounts = []
    for i in range(1, n_people + 1):
        accounts += [
            ("email", f"p{i}@acme.example"),
            ("login", f"p{i}"),
            ("login", f"P{i}"),
            ("email", f"{i}+p{i}@{NOREPLY}"),
        ]
    identities = []
    for j in range(rng.randint(0, 8)):
        person_id = rng.choice([f"P{rng.randint(1, n_people)}", f"X{rng.randint(1, 2)}"])
        account = rng.choice(
            [
                f"alt{j}@home.example",
                f"alt{j}",
                f"p{rng.randint(1, n_people)}",
                f"P{rng.randint(1, n_people)}@ACME.example",
            ]
        )
        source = rng.choice(["any", "copilot", "cursor", "github", "git", "claude_code"])
        is_shared = "true" if rng.random() < 0.15 else rng.choice(["false", ""])
        identities.append(f"{person_id},{source},{account},{is_shared}")
        accounts.append(("email" if "@" in account else "login", account))
    if identities:
        landing.csv("directory/identities.csv", IDENTITIES_HEADER, identities)

    memberships = []
    for i in range(1, n_people + 1):
        for _ in range(rng.choice([0, 0, 1, 2])):
            valid_from = any_day()
            valid_to = (
                ""
                if rng.random() < 0.4
                else (valid_from + dt.timedelta(days=rng.randint(1, 20))).isoformat()
            )
            memberships.append(f"P{i},{rng.choice([*TEAMS, 'Ops'])},{valid_from},{valid_to}")
    if memberships:
        landing.csv("directory/team_memberships.csv", MEMBERSHIPS_HEADER, memberships)

    return accounts + [
        ("login", "ext-1"),
        ("email", "ext@other.example"),
        ("login", "github-actions[bot]"),
        ("login", "renovate"),
        ("login", "dependabot"),
        ("login", "x_bot"),
        ("email", "release-robot@acme.example"),
        ("email", "noreply@github.com"),
    ]


def _copilot(landing: Landing, rng: random.Random, on: dt.date, login: str, file: str) -> None:
    """A user-day with a feature list, an empty list or none; sometimes an agent or CLI use."""
    fields: dict = {
        "code_acceptance_activity_count": rng.choice([0, 0, 1]),
        "user_initiated_interaction_count": rng.choice([0, 1]),
        "used_agent": rng.random() < 0.1,
    }
    shape = rng.random()
    if shape < 0.6:
        fields["totals_by_feature"] = [
            {"feature": name} | {count: rng.choice([0, 0, 1, 2]) for count in FEATURE_COUNTS}
            for name in rng.sample(COPILOT_FEATURES, rng.randint(1, 3))
        ]
    elif shape < 0.8:
        fields["totals_by_feature"] = []
    if rng.random() < 0.1:
        fields["totals_by_cli"] = {
            "session_count": 1,
            "request_count": rng.choice([0, 2]),
            "prompt_count": 1,
        }
    user_id = zlib.crc32(login.lower().encode()) % 100000  # one user id per account
    shown_login = login.upper() if rng.random() < 0.3 else login
    landing.add(file, copilot_user_day(on.isoformat(), user_id, shown_login, **fields))


def _cursor(landing: Landing, rng: random.Random, on: dt.date, email: str, file: str) -> None:
    counts = {
        metric: rng.choice([0, 0, 1, 3]) for metric in rng.sample(CURSOR_METRICS, rng.randint(1, 3))
    }
    if rng.random() < 0.1:
        counts[rng.choice(CURSOR_METRICS)] = rng.choice(INVALID_COUNTS)
    shown_email = email.upper() if rng.random() < 0.2 else email
    landing.cursor(on.isoformat(), shown_email, file=file, **counts)


def _claude_code(landing: Landing, rng: random.Random, on: dt.date, email: str, file: str) -> None:
    if rng.random() < 0.15:
        landing.claude(on.isoformat(), api_key="ci-key", file=file, sessions=1)
        return
    tool = rng.choice(["edit_tool", "write_tool", "multi_edit_tool"])
    landing.claude(
        on.isoformat(),
        email=email if rng.random() < 0.7 else email.upper(),
        file=file,
        sessions=rng.choice([0, 0, 1]),
        accepted={tool: rng.choice([0, 1])},
        terminal=rng.choice(["vscode", "cli", "vscode"]),
        commits=rng.choice([0, 0, 1]),
        pull_requests=rng.choice([0, 0, 0, 1]),
    )


def _github(
    landing: Landing, rng: random.Random, on: dt.date, login: str, file: str, comment_ids: list
) -> None:
    """An event; sometimes a comment event delivered again (another body, day or file)."""
    created_at = f"{on.isoformat()}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00Z"
    draw = rng.random()
    if draw < 0.45:
        body = rng.choice(COMMENT_BODIES)
        event_type = rng.choice(
            ["IssueCommentEvent", "PullRequestReviewCommentEvent", "PullRequestReviewEvent"]
        )
        if event_type == "PullRequestReviewEvent":  # its body qualifies nothing
            review = {"body": body, "user": {"login": login}}
            payload = {"action": "created", "review": review}
            landing.github_event(created_at, login, event_type, payload, file)
        else:
            action = rng.choice(["created", "edited", "deleted"])
            if comment_ids and rng.random() < 0.15:
                event_id = rng.choice(comment_ids)
            else:
                event_id = f"{70000000000 + len(comment_ids)}"
                comment_ids.append(event_id)
            landing.comment(
                created_at,
                login,
                body,
                file,
                event_type=event_type,
                action=action,
                event_id=event_id,
            )
    elif draw < 0.7:
        landing.review_requested(created_at, login, rng.choice(REVIEWERS), file)
    elif draw < 0.9:
        event_type = rng.choice(["IssuesEvent", "IssuesEvent", "PullRequestEvent"])
        landing.assigned(created_at, login, rng.choice(ASSIGNEES), file, event_type=event_type)
    else:
        payload = {
            "action": rng.choice(["opened", "closed"]),
            "number": 3,
            "pull_request": {"number": 3, "user": {"login": login}},
        }
        landing.github_event(created_at, login, "PullRequestEvent", payload, file)


def _git(
    landing: Landing, rng: random.Random, on: dt.date, email: str, file: str, commits: list
) -> None:
    """A commit; sometimes by a bot, sometimes an earlier sha again (in either repository)."""
    if rng.random() < 0.1:
        email = f"49699333+dependabot[bot]@{NOREPLY}"
    offset = rng.choice(UTC_OFFSETS)
    authored_at = f"{on.isoformat()}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00{offset}"
    sha, repository = None, "acme/api"
    if commits and rng.random() < 0.15:
        sha, repository = rng.choice(commits)[0], rng.choice(["acme/api", "acme/web"])
    message = rng.choice(COMMIT_MESSAGES)
    written = landing.commit(authored_at, email, message, file=file, sha=sha, repository=repository)
    if sha is None:
        commits.append((written, repository))
