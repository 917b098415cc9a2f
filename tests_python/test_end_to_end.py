"""End to end: small hand-written landing folders -> `dbt build` -> every mart row compared.

Each scenario writes a landing folder exactly as the vendors deliver it (shared/contract.md §2,
shared/integrations.md §1-5), builds the warehouse once (module-scoped: the builds run in
parallel the first time any of them is needed) and compares the marts of contract §6 row by row
with rows computed BY HAND. The expected numbers are written literally below, each with the
reason it has that value; nothing here re-implements the SQL. Zero rows are left out of the
sparse `ACTIVE` tables and filled in by `bucket_rows` (contract §5: a bucket with nobody active
is a row of zeros), and `adoption_rate` is `active_rostered_users / headcount` (NULL when the
headcount is 0), the contract's definition.

Scenarios (five dbt builds, run three at a time)
1. roster     -- people, teams, moves, hires, leavers, bots, shared and unrostered accounts over
                 four ISO weeks crossing a month end; every bucket table and the headlines.
2. rules      -- one developer per qualifying rule of integrations §6 (and near-misses) on
                 2025-10-01; (3) duplicates and re-deliveries on 2025-10-02; (4) time-zone
                 records on 09-28..09-30. Built twice: reporting_timezone UTC and Los Angeles.
5. missing    -- only people.csv and one cursor file (default period); an empty landing folder.

The per-account test of scenario 2 is a diagnostic that reads two intermediate models to name
the rule that breaks; everything else reads only the contract's marts.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
from pathlib import Path

import pytest
import yaml
from conftest import (
    CURSOR_COUNTS,
    REPO_ROOT,
    copilot_user_day,
    query,
    run_dbt,
    write_csv,
    write_json,
    write_ndjson,
)
from conftest import (
    copilot_feature as feature,
)

DIMENSIONS = ("all", "coding_assistance", "ai_coding", "code_review", "coding_agents")
CA, AIC, CR, AG = "coding_assistance", "ai_coding", "code_review", "coding_agents"

BUCKET_TABLES = {
    "day": "ai_active_users_daily",
    "week": "ai_active_users_weekly",
    "month": "ai_active_users_monthly",
}
TEAM_BUCKET_TABLES = {
    "day": "ai_active_users_by_team_daily",
    "week": "ai_active_users_by_team_weekly",
    "month": "ai_active_users_by_team_monthly",
}
ALL_MARTS = [
    *BUCKET_TABLES.values(),
    *TEAM_BUCKET_TABLES.values(),
    "ai_active_users_headline",
    "ai_active_users_headline_by_team",
]
BUCKET_COLUMNS = (
    "bucket_start",
    "bucket_end",
    "dimension",
    "active_users",
    "active_rostered_users",
    "headcount",
    "adoption_rate",
    "is_complete",
)
HEADLINE_COLUMNS = (
    "grain",
    "window_buckets",
    "dimension",
    "window_start",
    "window_end",
    "bucket_count",
    "avg_active_users",
    "distinct_active_users",
)

# Cursor's `date`: epoch milliseconds at 00:00 UTC of the day (integrations §2).
EPOCH_MS = {
    "2025-06-30": 1751241600000,
    "2025-08-15": 1755216000000,
    "2025-09-10": 1757462400000,
    "2025-09-23": 1758585600000,
    "2025-09-26": 1758844800000,
    "2025-09-29": 1759104000000,
    "2025-10-01": 1759276800000,
    "2025-10-02": 1759363200000,
    "2025-10-03": 1759449600000,
    "2025-10-07": 1759795200000,
    "2025-10-08": 1759881600000,
    "2025-10-15": 1760486400000,
    "2025-10-17": 1760659200000,
}


# =============================================================================================
# Vendor record shapes (integrations §1-5). Every count is 0 unless the caller says otherwise.
# =============================================================================================

ABSENT = object()


def copilot(day, user_id, login, features=ABSENT, *, cli_requests=0, **fields) -> dict:
    """One Copilot user-day. features=ABSENT leaves `totals_by_feature` out of the record."""
    cli = {"session_count": 0, "request_count": cli_requests, "prompt_count": 0}
    record = copilot_user_day(day, user_id, login, totals_by_cli=cli, **fields)
    if features is not ABSENT:
        record["totals_by_feature"] = features
    return record


def cursor(day, email, **counts) -> dict:
    return {
        "date": EPOCH_MS[day],
        "userId": "user_" + email.strip().split("@")[0].lower(),
        "email": email,
        "isActive": True,
        **{name: 0 for name in CURSOR_COUNTS},
        **counts,
        "mostUsedModel": "claude-4-sonnet",
        "applyMostUsedExtension": "ts",
        "tabMostUsedExtension": "ts",
        "clientVersion": "1.6.42",
    }


def cursor_response(*records) -> dict:
    return {"data": list(records), "period": {"startDate": 0, "endDate": 0}}


def claude(
    day,
    email=None,
    *,
    sessions=0,
    commits=0,
    prs=0,
    accepted=None,
    rejected=None,
    api_key=None,
    terminal="vscode",
) -> dict:
    """One Claude Code record; accepted/rejected: {tool: count}. api_key makes an api_actor."""
    tools = ("edit_tool", "multi_edit_tool", "write_tool", "notebook_edit_tool")
    accepted, rejected = accepted or {}, rejected or {}
    actor = (
        {"type": "api_actor", "api_key_name": api_key}
        if api_key
        else {"type": "user_actor", "email_address": email}
    )
    return {
        "date": f"{day}T00:00:00Z",
        "organization_id": "org_1",
        "customer_type": "api",
        "terminal_type": terminal,
        "actor": actor,
        "core_metrics": {
            "num_sessions": sessions,
            "lines_of_code": {"added": 0, "removed": 0},
            "commits_by_claude_code": commits,
            "pull_requests_by_claude_code": prs,
        },
        "tool_actions": {
            tool: {"accepted": accepted.get(tool, 0), "rejected": rejected.get(tool, 0)}
            for tool in tools
        },
        "model_breakdown": [],
    }


def claude_page(*records) -> dict:
    return {"data": list(records), "has_more": False, "next_page": None}


def event(event_id, event_type, login, created_at, payload) -> dict:
    return {
        "id": str(event_id),
        "type": event_type,
        "actor": {"id": 1, "login": login},
        "repo": {"id": 9, "name": "acme/api"},
        "created_at": created_at,
        "payload": payload,
    }


def review_requested(event_id, login, created_at, reviewer) -> dict:
    return event(
        event_id,
        "PullRequestEvent",
        login,
        created_at,
        {
            "action": "review_requested",
            "number": 12,
            "requested_reviewer": {"login": reviewer, "type": "Bot"},
            "pull_request": {"number": 12, "user": {"login": login}},
        },
    )


def assigned(event_id, login, created_at, assignee) -> dict:
    return event(
        event_id,
        "IssuesEvent",
        login,
        created_at,
        {
            "action": "assigned",
            "issue": {"number": 7},
            "assignee": {"login": assignee},
        },
    )


def comment(
    event_id,
    login,
    created_at,
    body,
    event_type="IssueCommentEvent",
    *,
    action="created",
    author=None,
) -> dict:
    """A comment event by actor `login`; `author` is the comment's own user when it differs."""
    return event(
        event_id,
        event_type,
        login,
        created_at,
        {
            "action": action,
            "issue": {"number": 7},
            "comment": {"id": int(event_id), "body": body, "user": {"login": author or login}},
        },
    )


def commit(
    sha,
    author_email,
    authored_at,
    message,
    *,
    repository="acme/api",
    author_name="Some Developer",
    committer_email=None,
    committed_at=None,
) -> dict:
    return {
        "repository": repository,
        "sha": sha,
        "parents": ["0" * 40],
        "author_name": author_name,
        "author_email": author_email,
        "authored_at": authored_at,
        "committer_name": "Some Committer",
        "committer_email": committer_email or author_email,
        "committed_at": committed_at or authored_at,
        "message": message,
    }


def sha(number: int) -> str:
    return f"{number:040x}"


PEOPLE_HEADER = "person_id,full_name,email,github_login,team,is_bot,employment_start,employment_end"


# =============================================================================================
# Expected rows: helpers that only lay out hand-computed numbers.
# =============================================================================================


def day_range(first: str, last: str) -> list[str]:
    start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return [(start + dt.timedelta(days=n)).isoformat() for n in range((end - start).days + 1)]


def per_day(ranges: dict[tuple[str, str], int]) -> dict[str, int]:
    """{(first, last): value} -> {day: value} for every day of each inclusive range."""
    return {day: value for (first, last), value in ranges.items() for day in day_range(first, last)}


def day_buckets(first: str, last: str, complete=True) -> list[tuple[str, str, bool]]:
    return [(day, day, complete) for day in day_range(first, last)]


def bucket_rows(buckets, headcount, active, teams=None) -> dict:
    """The full expected bucket table, keyed like `bucket_table`.

    buckets: [(bucket_start, bucket_end, is_complete)]; headcount: {bucket_start: n} or
    {(bucket_start, team): n}; active: {(bucket_start, dimension[, team]): (active_users,
    active_rostered_users)}. Missing entries are 0 (a bucket with nobody active is zeros)."""
    rows = {}
    for start, end, complete in buckets:
        for team in teams or [None]:
            for dimension in DIMENSIONS:
                key = (start, dimension) if team is None else (start, dimension, team)
                heads = headcount.get(start if team is None else (start, team), 0)
                users, rostered = active.get(key, (0, 0))
                rows[key] = (
                    end,
                    users,
                    rostered,
                    heads,
                    None if heads == 0 else round(rostered / heads, 9),
                    complete,
                )
    unknown = set(active) - set(rows)
    assert not unknown, f"expected activity outside the buckets: {sorted(unknown)}"
    return rows


def headline_rows(rows, by_team=False) -> dict:
    """[(grain, window, dimension, [team,] start, end, bucket_count, avg, distinct)] -> dict."""
    width = 4 if by_team else 3
    return {tuple(row[:width]): (*row[width:-2], round(row[-2], 9), row[-1]) for row in rows}


def _plain(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 9)
    return value


def bucket_table(db: Path, table: str) -> dict:
    """The mart's rows as {(bucket_start, dimension[, team]): (bucket_end, active_users,
    active_rostered_users, headcount, adoption_rate, is_complete)}."""
    rows = query(db, f"select * from marts.{table}")
    result = {}
    for row in rows:
        by_team = "team" in row
        assert set(row) == set(BUCKET_COLUMNS) | ({"team"} if by_team else set()), row.keys()
        key = (_plain(row["bucket_start"]), row["dimension"])
        if by_team:
            key += (row["team"],)
        assert key not in result, f"duplicate row {key} in {table}"
        result[key] = (
            _plain(row["bucket_end"]),
            *(_plain(row[column]) for column in BUCKET_COLUMNS[3:]),
        )
    return result


def headline_table(db: Path, table: str, where: str = "true") -> dict:
    rows = query(db, f"select * from marts.{table} where {where}")
    result = {}
    for row in rows:
        by_team = "team" in row
        assert set(row) == set(HEADLINE_COLUMNS) | ({"team"} if by_team else set()), row.keys()
        key = (row["grain"], row["window_buckets"], row["dimension"])
        if by_team:
            key += (row["team"],)
        assert key not in result, f"duplicate row {key} in {table}"
        result[key] = tuple(_plain(row[column]) for column in HEADLINE_COLUMNS[3:])
    return result


def assert_rows(actual: dict, expected: dict) -> None:
    """Row-by-row comparison with a readable list of differences."""
    problems = []
    for key in sorted(set(expected) | set(actual), key=str):
        if key not in actual:
            problems.append(f"missing   {key}: expected {expected[key]}")
        elif key not in expected:
            problems.append(f"unexpected {key}: {actual[key]}")
        elif actual[key] != expected[key]:
            problems.append(f"differs   {key}: expected {expected[key]}, got {actual[key]}")
    assert not problems, f"{len(problems)} row(s) differ:\n" + "\n".join(problems[:60])


# =============================================================================================
# Scenario 1: roster. coverage 2025-09-22 (Mon) .. as_of 2025-10-19 (Sun): ISO weeks W39
# (09-22..09-28), W40 (09-29..10-05, holds the month end), W41 (10-06..10-12, nobody active)
# and W42 (10-13..10-19); months September and October, both incomplete.
#
# People (people.csv), teams (team_memberships.csv) and employment:
#   p1 Alice  Alice@ACME.com / alice-gh   Platform until 09-30, Web from 10-01 (move on a Wed);
#                                         identities.csv adds alice.personal@gmail.com, listed
#                                         for source `cursor` but seen in git (any source)
#   p2 Bob    bob@acme.com / octo-cat     overlapping memberships Web (2024-01-01) and Platform
#                                         (2025-06-01): the latest valid_from wins -> Platform
#   p3 Carol  carol@acme.com / carol-dev  Web, hired 2025-10-02 (employment_start)
#   p4 Dan    dan@acme.com / dan-x        Web, left: employment_end 2025-09-30 (inclusive)
#   p5 Eve    eve-automation              is_bot=true: never a developer, never headcount
#   p6 Frank  frank@acme.com              Web, left 2025-09-10 (before coverage; September
#                                         headcount still counts him: every day of the bucket)
#   p7 Gina   gina@acme.com               no people.team; team Data (only in memberships) from
#                                         her hire on 2025-10-25 (after as_of: October only)
#   p8 Hank   hank@acme.com               left 2025-08-31 (no headcount anywhere); identities.csv
#                                         also links hank@acme.com to p2: a key of two people
#                                         is shared, even Hank's own people.csv e-mail
#   p9 Ivy    ivy@acme.com                no people.team; a membership Data [09-22, 09-29) only:
#                                         Data that week, else Unassigned (rostered, with
#                                         headcount, in team Unassigned)
#   x9 Yuri   yuri-gh, yuri@contractor.io identities.csv only (x9 not in people.csv): one
#                                         unrostered developer, team Unassigned
#   Zed       zed-contractor              in no file of the directory: unrostered, Unassigned
#   team-shared@acme.com                  identities.csv is_shared=true (with person p1): nobody
#
# Activity (-> developer, dimension, team that day):
#   09-21 copilot alice-gh completion            -> before coverage_start: ignored
#   09-22 copilot "Octo-Cat" completion          -> Bob  CA  Platform
#   09-23 copilot "octo-cat" ask-mode chat       -> Bob  CA  Platform (same developer)
#   09-23 cursor ivy@acme.com cmdk 1              -> Ivy  CA  Data
#   09-24 github carol-dev "@copilot can you ..."-> Carol AG Web (before her hire: counts in
#                                                   active_users, not active_rostered_users)
#   09-25 git 123+dan-x@users.noreply... + Claude co-author -> Dan AG Web
#   09-25 git dependabot[bot] + Claude co-author  -> nobody (bot author)
#   09-26 cursor team-shared@acme.com chat 5      -> nobody (shared account)
#   09-26 claude_code api_actor, 3 sessions       -> nobody
#   09-27 copilot eve-automation completion       -> nobody (is_bot person)
#   09-30 claude_code alice@acme.com 4 accepted edits      -> Alice AIC Platform
#   09-30 github dan-x requests copilot-pull-request-reviewer[bot] -> Dan CR Web
#   10-01 github dan-x "/gemini review"           -> Dan CR Web (after he left: active_users only)
#   10-02 copilot alice-gh used_agent, no totals_by_feature -> Alice AG Web
#   10-02 git alice.personal@gmail.com "Assisted-by: Claude" -> Alice AIC Web
#   10-03 cursor " Carol@ACME.com " tabs 3 + agent 2 -> Carol CA and AG Web (one record, two
#                                                   dimensions)
#   10-07 cursor hank@acme.com chat 3             -> nobody (shared key)
#   10-08 cursor bob@acme.com isActive, all zeros -> nothing (W41 stays all zeros)
#   10-13 github yuri-gh "@devin please ..."      -> Yuri AG Unassigned
#   10-14 github zed-contractor "@claude ..."     -> Zed AG Unassigned
#   10-15 copilot "OCTO-CAT" code_review          -> Bob CR Platform
#   10-15 cursor ivy@acme.com composer 2          -> Ivy AIC Unassigned (membership ended)
#   10-16 git "Carol@Acme.com" + gemini-code-assist[bot] co-author -> Carol CR Web
#   10-17 cursor yuri@contractor.io chat 2        -> Yuri CA Unassigned (the same developer)
#   10-20 github zed-contractor "@claude again"   -> after as_of_date: ignored
# =============================================================================================

S1_VARS = {"coverage_start": "2025-09-22", "as_of_date": "2025-10-19"}
S1_TEAMS = ["Data", "Platform", "Unassigned", "Web"]


# fmt: off
def write_roster_landing(landing: Path) -> None:
    write_csv(landing / "directory/people.csv", PEOPLE_HEADER, [
        "p1,Alice Archer, Alice@ACME.com ,alice-gh,Platform,false,2024-01-15,",
        "p2,Bob Baker,bob@acme.com,octo-cat,Platform,,,",
        "p3,Carol Chen,carol@acme.com,carol-dev,Web,false,2025-10-02,",
        "p4,Dan Dorsey,dan@acme.com,dan-x,Web,false,2023-05-01,2025-09-30",
        "p5,Eve Automation,eve@acme.com,eve-automation,Platform,true,,",
        "p6,Frank Fox,frank@acme.com,frank-f,Web,false,,2025-09-10",
        "p7,Gina Gold,gina@acme.com,,,false,2025-10-25,",
        "p8,Hank Hill,hank@acme.com,hank-h,Web,false,2024-01-01,2025-08-31",
        "p9,Ivy Ito,ivy@acme.com,,,false,,",
    ])
    write_csv(landing / "directory/identities.csv", "person_id,source,account,is_shared", [
        "p1,cursor,team-shared@acme.com,true",
        "p1,cursor,alice.personal@gmail.com,false",
        "p2,git,hank@acme.com,false",
        "x9,github,yuri-gh,false",
        "x9,cursor,yuri@contractor.io,",
    ])
    write_csv(landing / "directory/team_memberships.csv", "person_id,team,valid_from,valid_to", [
        "p1,Platform,2024-01-15,2025-10-01",
        "p1,Web,2025-10-01,",
        "p2,Web,2024-01-01,",
        "p2,Platform,2025-06-01,",
        "p7,Data,2025-10-25,",
        "p9,Data,2025-09-22,2025-09-29",
    ])
    write_ndjson(landing / "copilot/users_1_day_2025-10-19.ndjson", [
        copilot("2025-09-21", 11, "alice-gh",
                [feature("code_completion", code_acceptance_activity_count=1)]),
        copilot("2025-09-22", 1234, "Octo-Cat",
                [feature("code_completion", code_acceptance_activity_count=2)]),
        copilot("2025-09-23", 1234, "octo-cat",
                [feature("chat_panel_ask_mode", user_initiated_interaction_count=3)]),
        copilot("2025-09-27", 55, "eve-automation",
                [feature("code_completion", code_acceptance_activity_count=4)]),
        copilot("2025-10-02", 11, "alice-gh", used_agent=True),
        copilot("2025-10-15", 1234, "OCTO-CAT",
                [feature("code_review", user_initiated_interaction_count=1)]),
    ])
    write_json(landing / "cursor/2025-09-23.json", cursor_response(
        cursor("2025-09-23", "ivy@acme.com", cmdkUsages=1),
    ))
    write_json(landing / "cursor/2025-10-15.json", cursor_response(
        cursor("2025-10-15", "ivy@acme.com", composerRequests=2),
    ))
    write_json(landing / "cursor/2025-09-26.json", cursor_response(
        cursor("2025-09-26", "team-shared@acme.com", chatRequests=5),
    ))
    write_json(landing / "cursor/2025-10-03.json", cursor_response(
        cursor("2025-10-03", " Carol@ACME.com ", totalTabsAccepted=3, agentRequests=2),
    ))
    write_json(landing / "cursor/2025-10-07.json", cursor_response(
        cursor("2025-10-07", "hank@acme.com", chatRequests=3),
    ))
    write_json(landing / "cursor/2025-10-08.json", cursor_response(
        cursor("2025-10-08", "bob@acme.com"),
    ))
    write_json(landing / "cursor/2025-10-17.json", cursor_response(
        cursor("2025-10-17", "yuri@contractor.io", chatRequests=2),
    ))
    write_json(landing / "claude_code/page_001.json", claude_page(
        claude("2025-09-26", api_key="ci-bot", sessions=3),
        claude("2025-09-30", "alice@acme.com", accepted={"edit_tool": 4}),
    ))
    write_ndjson(landing / "github/events_2025-10.ndjson", [
        comment(1001, "carol-dev", "2025-09-24T15:00:00Z", "@copilot can you fix the flaky test?"),
        review_requested(1002, "dan-x", "2025-09-30T10:00:00Z",
                         "copilot-pull-request-reviewer[bot]"),
        comment(1003, "dan-x", "2025-10-01T09:00:00Z", "/gemini review"),
        comment(1006, "yuri-gh", "2025-10-13T09:00:00Z", "@devin please port this"),
        comment(1004, "zed-contractor", "2025-10-14T16:00:00Z", "@claude please take this one"),
        comment(1005, "zed-contractor", "2025-10-20T10:00:00Z", "@claude again"),
    ])
    write_ndjson(landing / "git/acme_api.ndjson", [
        commit(sha(1), "123+dan-x@users.noreply.github.com", "2025-09-25T10:00:00+02:00",
               "Fix retries\n\nCo-authored-by: Claude <noreply@anthropic.com>\n",
               author_name="Dan Dorsey"),
        commit(sha(2), "49699333+dependabot[bot]@users.noreply.github.com",
               "2025-09-25T11:00:00Z",
               "Bump lodash\n\nCo-authored-by: Claude <noreply@anthropic.com>\n",
               author_name="dependabot[bot]"),
        commit(sha(4), "alice.personal@gmail.com", "2025-10-02T12:00:00Z",
               "Weekend fix\n\nAssisted-by: Claude", author_name="Alice Archer"),
        commit(sha(3), "Carol@Acme.com", "2025-10-16T12:00:00Z",
               "Apply review suggestions\n\nCo-authored-by: gemini-code-assist[bot] "
               "<176961590+gemini-code-assist[bot]@users.noreply.github.com>\n",
               author_name="Carol Chen"),
    ])


S1_WEEKS = [
    ("2025-09-22", "2025-09-28", True),
    ("2025-09-29", "2025-10-05", True),
    ("2025-10-06", "2025-10-12", True),
    ("2025-10-13", "2025-10-19", True),
]
S1_MONTHS = [
    ("2025-09-01", "2025-09-30", False),  # coverage starts 09-22: incomplete
    ("2025-10-01", "2025-10-31", False),  # as_of is 10-19: incomplete
]

# --- day ---------------------------------------------------------------------------------------
S1_DAY_HEADCOUNT = per_day({
    ("2025-09-22", "2025-09-30"): 4,  # Alice, Bob, Dan, Ivy (Frank left 09-10, Carol from 10-02)
    ("2025-10-01", "2025-10-01"): 3,  # Alice, Bob, Ivy (Dan's last day was 09-30)
    ("2025-10-02", "2025-10-19"): 4,  # Alice, Bob, Carol, Ivy
})
S1_DAY_ACTIVE = {  # (day, dimension): (active_users, active_rostered_users)
    ("2025-09-22", "all"): (1, 1), ("2025-09-22", CA): (1, 1),  # Bob
    ("2025-09-23", "all"): (2, 2), ("2025-09-23", CA): (2, 2),  # Bob, Ivy
    ("2025-09-24", "all"): (1, 0), ("2025-09-24", AG): (1, 0),  # Carol, not yet employed
    ("2025-09-25", "all"): (1, 1), ("2025-09-25", AG): (1, 1),  # Dan (dependabot: nobody)
    # 09-26 (shared account, api_actor) and 09-27 (bot person): nobody
    ("2025-09-30", "all"): (2, 2),  # Alice and Dan
    ("2025-09-30", AIC): (1, 1),    # Alice
    ("2025-09-30", CR): (1, 1),     # Dan, on his last employed day
    ("2025-10-01", "all"): (1, 0), ("2025-10-01", CR): (1, 0),  # Dan, after he left
    ("2025-10-02", "all"): (1, 1),  # Alice (copilot as alice-gh, git as alice.personal@...)
    ("2025-10-02", AIC): (1, 1), ("2025-10-02", AG): (1, 1),  # Alice
    ("2025-10-03", "all"): (1, 1),  # Carol once, although the record qualifies twice
    ("2025-10-03", CA): (1, 1), ("2025-10-03", AG): (1, 1),  # Carol
    # 10-07 (shared key of Hank and Bob) and 10-08 (all-zero record): nobody
    ("2025-10-13", "all"): (1, 0), ("2025-10-13", AG): (1, 0),  # Yuri, unrostered
    ("2025-10-14", "all"): (1, 0), ("2025-10-14", AG): (1, 0),  # Zed, unrostered
    ("2025-10-15", "all"): (2, 2),  # Bob, Ivy
    ("2025-10-15", AIC): (1, 1), ("2025-10-15", CR): (1, 1),  # Ivy | Bob
    ("2025-10-16", "all"): (1, 1), ("2025-10-16", CR): (1, 1),  # Carol
    ("2025-10-17", "all"): (1, 0), ("2025-10-17", CA): (1, 0),  # Yuri
}
S1_DAY_TEAM_HEADCOUNT = {
    **{(day, "Platform"): 2 for day in day_range("2025-09-22", "2025-09-30")},  # Alice, Bob
    **{(day, "Web"): 1 for day in day_range("2025-09-22", "2025-09-30")},       # Dan
    **{(day, "Data"): 1 for day in day_range("2025-09-22", "2025-09-28")},      # Ivy
    **{(day, "Unassigned"): 1 for day in day_range("2025-09-29", "2025-10-19")},  # Ivy
    ("2025-10-01", "Platform"): 1,  # Bob (Alice moved to Web)
    ("2025-10-01", "Web"): 1,       # Alice (Dan has left, Carol not yet hired)
    **{(day, "Platform"): 1 for day in day_range("2025-10-02", "2025-10-19")},  # Bob
    **{(day, "Web"): 2 for day in day_range("2025-10-02", "2025-10-19")},       # Alice, Carol
}
S1_DAY_TEAM_ACTIVE = {  # (day, dimension, team): (active_users, active_rostered_users)
    ("2025-09-22", "all", "Platform"): (1, 1), ("2025-09-22", CA, "Platform"): (1, 1),  # Bob
    ("2025-09-23", "all", "Platform"): (1, 1), ("2025-09-23", CA, "Platform"): (1, 1),  # Bob
    ("2025-09-23", "all", "Data"): (1, 1), ("2025-09-23", CA, "Data"): (1, 1),  # Ivy
    ("2025-09-24", "all", "Web"): (1, 0), ("2025-09-24", AG, "Web"): (1, 0),  # Carol, pre-hire
    ("2025-09-25", "all", "Web"): (1, 1), ("2025-09-25", AG, "Web"): (1, 1),  # Dan
    ("2025-09-30", "all", "Platform"): (1, 1), ("2025-09-30", AIC, "Platform"): (1, 1),  # Alice
    ("2025-09-30", "all", "Web"): (1, 1), ("2025-09-30", CR, "Web"): (1, 1),  # Dan
    ("2025-10-01", "all", "Web"): (1, 0), ("2025-10-01", CR, "Web"): (1, 0),  # Dan, has left
    ("2025-10-02", "all", "Web"): (1, 1),  # Alice, moved to Web
    ("2025-10-02", AIC, "Web"): (1, 1), ("2025-10-02", AG, "Web"): (1, 1),  # Alice
    ("2025-10-03", "all", "Web"): (1, 1),  # Carol
    ("2025-10-03", CA, "Web"): (1, 1), ("2025-10-03", AG, "Web"): (1, 1),  # Carol
    ("2025-10-13", "all", "Unassigned"): (1, 0), ("2025-10-13", AG, "Unassigned"): (1, 0),  # Yuri
    ("2025-10-14", "all", "Unassigned"): (1, 0), ("2025-10-14", AG, "Unassigned"): (1, 0),  # Zed
    ("2025-10-15", "all", "Platform"): (1, 1), ("2025-10-15", CR, "Platform"): (1, 1),  # Bob
    ("2025-10-15", "all", "Unassigned"): (1, 1), ("2025-10-15", AIC, "Unassigned"): (1, 1),  # Ivy
    ("2025-10-16", "all", "Web"): (1, 1), ("2025-10-16", CR, "Web"): (1, 1),  # Carol
    ("2025-10-17", "all", "Unassigned"): (1, 0), ("2025-10-17", CA, "Unassigned"): (1, 0),  # Yuri
}

# --- week --------------------------------------------------------------------------------------
S1_WEEK_HEADCOUNT = {
    "2025-09-22": 4,  # Alice, Bob, Dan, Ivy
    "2025-09-29": 5,  # Alice, Bob, Dan (09-29, 09-30), Carol (from 10-02), Ivy
    "2025-10-06": 4,  # Alice, Bob, Carol, Ivy
    "2025-10-13": 4,  # Alice, Bob, Carol, Ivy
}
S1_WEEK_ACTIVE = {
    # W39: Bob (CA), Ivy (CA), Carol (AG, pre-hire: not rostered), Dan (AG)
    ("2025-09-22", "all"): (4, 3),
    ("2025-09-22", CA): (2, 2),   # Bob (two days, as "Octo-Cat" and "octo-cat": once), Ivy
    ("2025-09-22", AG): (2, 1),   # Carol (not in this week's headcount), Dan
    # W40: Alice (AIC 09-30 and 10-02, AG 10-02), Dan (CR 09-30 and 10-01), Carol (CA+AG 10-03);
    # all three are in this week's headcount (Dan employed 09-29/30, Carol from 10-02)
    ("2025-09-29", "all"): (3, 3),
    ("2025-09-29", CA): (1, 1),   # Carol
    ("2025-09-29", AIC): (1, 1),  # Alice, once for two days
    ("2025-09-29", CR): (1, 1),   # Dan
    ("2025-09-29", AG): (2, 2),   # Alice, Carol
    # W41: nobody (Hank's shared e-mail and Bob's all-zero cursor record qualify nothing)
    # W42: Yuri (AG, CA; github and cursor accounts: one developer), Zed (AG), Bob, Carol (CR),
    # Ivy (AIC)
    ("2025-10-13", "all"): (5, 3),
    ("2025-10-13", CA): (1, 0),   # Yuri
    ("2025-10-13", AIC): (1, 1),  # Ivy
    ("2025-10-13", CR): (2, 2),   # Bob, Carol
    ("2025-10-13", AG): (2, 0),   # Yuri, Zed
}
S1_WEEK_TEAM_HEADCOUNT = {
    ("2025-09-22", "Platform"): 2, ("2025-09-22", "Web"): 1,  # Alice, Bob | Dan
    ("2025-09-22", "Data"): 1,      # Ivy, a Data member 09-22..09-28 only
    ("2025-09-29", "Unassigned"): 1, ("2025-10-06", "Unassigned"): 1,  # Ivy, no team
    ("2025-10-13", "Unassigned"): 1,                                    # Ivy
    ("2025-09-29", "Platform"): 2,  # Bob, Alice (member on 09-29 and 09-30)
    ("2025-09-29", "Web"): 3,       # Alice (from 10-01), Dan (09-29, 09-30), Carol (from 10-02)
    ("2025-10-06", "Platform"): 1, ("2025-10-06", "Web"): 2,  # Bob | Alice, Carol
    ("2025-10-13", "Platform"): 1, ("2025-10-13", "Web"): 2,  # Bob | Alice, Carol
}
S1_WEEK_TEAM_ACTIVE = {
    ("2025-09-22", "all", "Platform"): (1, 1), ("2025-09-22", CA, "Platform"): (1, 1),  # Bob
    ("2025-09-22", "all", "Data"): (1, 1), ("2025-09-22", CA, "Data"): (1, 1),  # Ivy
    ("2025-09-22", "all", "Web"): (2, 1),  # Carol (pre-hire), Dan
    ("2025-09-22", AG, "Web"): (2, 1),     # Carol (pre-hire), Dan
    # W40: Alice moved on Wednesday: active in Platform (09-30) and in Web (10-02): once in each
    ("2025-09-29", "all", "Platform"): (1, 1), ("2025-09-29", AIC, "Platform"): (1, 1),  # Alice
    ("2025-09-29", "all", "Web"): (3, 3),  # Dan, Alice, Carol, all in Web's headcount this week
    ("2025-09-29", CA, "Web"): (1, 1),     # Carol
    ("2025-09-29", AIC, "Web"): (1, 1),    # Alice (10-02)
    ("2025-09-29", CR, "Web"): (1, 1),     # Dan
    ("2025-09-29", AG, "Web"): (2, 2),     # Alice, Carol
    ("2025-10-13", "all", "Platform"): (1, 1), ("2025-10-13", CR, "Platform"): (1, 1),  # Bob
    ("2025-10-13", "all", "Web"): (1, 1), ("2025-10-13", CR, "Web"): (1, 1),  # Carol
    ("2025-10-13", "all", "Unassigned"): (3, 1),  # Yuri, Zed (unrostered), Ivy (rostered)
    ("2025-10-13", CA, "Unassigned"): (1, 0),     # Yuri
    ("2025-10-13", AIC, "Unassigned"): (1, 1),    # Ivy
    ("2025-10-13", AG, "Unassigned"): (2, 0),     # Yuri, Zed
}

# --- month -------------------------------------------------------------------------------------
S1_MONTH_HEADCOUNT = {
    "2025-09-01": 5,  # Alice, Bob, Dan, Frank (employed 09-01..09-10, before coverage), Ivy
    "2025-10-01": 5,  # Alice, Bob, Carol, Gina (hired 10-25, after as_of), Ivy
}
S1_MONTH_ACTIVE = {
    # September: Bob, Ivy, Carol (pre-hire), Dan, Alice (09-30; her 09-21 record is ignored)
    ("2025-09-01", "all"): (5, 4),
    ("2025-09-01", CA): (2, 2),   # Bob, Ivy
    ("2025-09-01", AIC): (1, 1),  # Alice
    ("2025-09-01", CR): (1, 1),   # Dan (09-30)
    ("2025-09-01", AG): (2, 1),   # Carol (not employed in September), Dan
    # October: Dan (10-01, no longer employed), Alice, Carol, Yuri, Zed (unrostered), Bob, Ivy
    ("2025-10-01", "all"): (7, 4),
    ("2025-10-01", CA): (2, 1),   # Carol, Yuri
    ("2025-10-01", AIC): (2, 2),  # Alice (10-02), Ivy (10-15)
    ("2025-10-01", CR): (3, 2),   # Dan (not in October's headcount), Bob, Carol
    ("2025-10-01", AG): (4, 2),   # Alice, Carol, Yuri, Zed
}
S1_MONTH_TEAM_HEADCOUNT = {
    ("2025-09-01", "Platform"): 2,  # Alice, Bob
    ("2025-09-01", "Web"): 2,       # Dan, Frank (Hank left 08-31)
    ("2025-10-01", "Platform"): 1,  # Bob
    ("2025-10-01", "Web"): 2,       # Alice, Carol
    ("2025-10-01", "Data"): 1,      # Gina, from 10-25 (a team named only in team_memberships)
    ("2025-09-01", "Data"): 1,      # Ivy, 09-22..09-28
    ("2025-09-01", "Unassigned"): 1,  # Ivy, 09-01..09-21 and 09-29..09-30 (no team)
    ("2025-10-01", "Unassigned"): 1,  # Ivy
}
S1_MONTH_TEAM_ACTIVE = {
    ("2025-09-01", "all", "Platform"): (2, 2),  # Bob, Alice
    ("2025-09-01", "all", "Data"): (1, 1), ("2025-09-01", CA, "Data"): (1, 1),  # Ivy
    ("2025-09-01", CA, "Platform"): (1, 1),     # Bob
    ("2025-09-01", AIC, "Platform"): (1, 1),    # Alice
    ("2025-09-01", "all", "Web"): (2, 1),       # Carol (pre-hire), Dan
    ("2025-09-01", CR, "Web"): (1, 1),          # Dan
    ("2025-09-01", AG, "Web"): (2, 1),          # Carol (pre-hire), Dan
    ("2025-10-01", "all", "Platform"): (1, 1), ("2025-10-01", CR, "Platform"): (1, 1),  # Bob
    ("2025-10-01", "all", "Web"): (3, 2),       # Dan (left), Alice, Carol
    ("2025-10-01", CA, "Web"): (1, 1),          # Carol
    ("2025-10-01", AIC, "Web"): (1, 1),         # Alice
    ("2025-10-01", CR, "Web"): (2, 1),          # Dan (left), Carol
    ("2025-10-01", AG, "Web"): (2, 2),          # Alice, Carol
    ("2025-10-01", "all", "Unassigned"): (3, 1),  # Yuri, Zed, Ivy (rostered)
    ("2025-10-01", CA, "Unassigned"): (1, 0),     # Yuri
    ("2025-10-01", AIC, "Unassigned"): (1, 1),    # Ivy
    ("2025-10-01", AG, "Unassigned"): (2, 0),     # Yuri, Zed
}

# --- headline ----------------------------------------------------------------------------------
# Complete buckets: the 28 days 09-22..10-19 and the 4 weeks; no complete month -> no month row.
# Daily `all` counts: 09-22 1, 09-23 2, 09-24 1, 09-25 1, 09-30 2, 10-01 1, 10-02 1, 10-03 1,
# 10-13 1, 10-14 1, 10-15 2, 10-16 1, 10-17 1 -> 16 over 28 days. Per dimension over the 28
# days: CA 5 (Bob x2, Ivy, Carol, Yuri), AIC 3 (Alice x2, Ivy), CR 4 (Dan x2, Bob, Carol),
# AG 6 (Carol, Dan, Alice, Carol, Yuri, Zed). Distinct over 28 days: all 7 (Alice, Bob, Carol,
# Dan, Ivy, Yuri, Zed), CA 4 (Bob, Ivy, Carol, Yuri), AIC 2 (Alice, Ivy), CR 3 (Dan, Bob,
# Carol), AG 5 (Carol, Dan, Alice, Yuri, Zed).
# Last 7 days 10-13..10-19: Yuri (AG) 10-13, Zed (AG) 10-14, Bob (CR) and Ivy (AIC) 10-15,
# Carol (CR) 10-16, Yuri (CA) 10-17: `all` sums to 6 over 7 days, 5 distinct developers.
# Weeks (W39, W40, W41, W42): all 4,3,0,5; CA 2,1,0,1; AIC 0,1,0,1; CR 0,1,0,2; AG 2,2,0,2.
_S1_28_DAYS = [
    ("all", 16 / 28, 7), (CA, 5 / 28, 4), (AIC, 3 / 28, 2), (CR, 4 / 28, 3), (AG, 6 / 28, 5),
]
_S1_4_WEEKS = [
    ("all", 12 / 4, 7), (CA, 4 / 4, 4), (AIC, 2 / 4, 2), (CR, 3 / 4, 3), (AG, 6 / 4, 5),
]
S1_HEADLINE = [
    ("day", 7, "all", "2025-10-13", "2025-10-19", 7, 6 / 7, 5),  # Yuri, Zed, Bob, Ivy, Carol
    ("day", 7, CA,    "2025-10-13", "2025-10-19", 7, 1 / 7, 1),  # Yuri
    ("day", 7, AIC,   "2025-10-13", "2025-10-19", 7, 1 / 7, 1),  # Ivy
    ("day", 7, CR,    "2025-10-13", "2025-10-19", 7, 2 / 7, 2),  # Bob, Carol
    ("day", 7, AG,    "2025-10-13", "2025-10-19", 7, 2 / 7, 2),  # Yuri, Zed
    # 28 and 90 days: the whole coverage, 28 complete days (fewer than 90)
    *[("day", 28, dim, "2025-09-22", "2025-10-19", 28, avg, n) for dim, avg, n in _S1_28_DAYS],
    *[("day", 90, dim, "2025-09-22", "2025-10-19", 28, avg, n) for dim, avg, n in _S1_28_DAYS],
    # 4, 12 and 26 weeks: the 4 complete weeks
    *[("week", w, dim, "2025-09-22", "2025-10-19", 4, avg, n)
      for w in (4, 12, 26) for dim, avg, n in _S1_4_WEEKS],
]
# By team, week 4 (W39, W40, W41, W42):
#   Platform   all 1,1,0,1 (Bob, Alice, -, Bob) distinct 2; CA 1,0,0,0; AIC 0,1,0,0;
#              CR 0,0,0,1; AG 0.
#   Web        all 2,3,0,1 (Carol+Dan, Dan+Alice+Carol, -, Carol) distinct 3; CA 0,1,0,0;
#              AIC 0,1,0,0 (Alice); CR 0,1,0,1 (Dan, Carol); AG 2,2,0,0 (Carol+Dan,
#              Alice+Carol) distinct 3.
#   Unassigned all 0,0,0,3 (Yuri, Zed, Ivy); CA 0,0,0,1 (Yuri); AIC 0,0,0,1 (Ivy); AG 0,0,0,2.
#   Data       all and CA 1,0,0,0 (Ivy).
# By team, day 7 (10-13..10-19): Platform Bob CR 10-15; Web Carol CR 10-16; Unassigned Yuri AG
# 10-13, Zed AG 10-14, Ivy AIC 10-15, Yuri CA 10-17 (all: 4 developer-days, 3 distinct).
_W4 = ("week", 4)
_D7 = ("day", 7)
_WEEKS = ("2025-09-22", "2025-10-19", 4)
_DAYS = ("2025-10-13", "2025-10-19", 7)
S1_HEADLINE_BY_TEAM = [
    (*_W4, "all", "Platform", *_WEEKS, 3 / 4, 2),
    (*_W4, CA,    "Platform", *_WEEKS, 1 / 4, 1),
    (*_W4, AIC,   "Platform", *_WEEKS, 1 / 4, 1),
    (*_W4, CR,    "Platform", *_WEEKS, 1 / 4, 1),
    (*_W4, AG,    "Platform", *_WEEKS, 0.0, 0),
    (*_W4, "all", "Web", *_WEEKS, 6 / 4, 3),
    (*_W4, CA,    "Web", *_WEEKS, 1 / 4, 1),
    (*_W4, AIC,   "Web", *_WEEKS, 1 / 4, 1),
    (*_W4, CR,    "Web", *_WEEKS, 2 / 4, 2),
    (*_W4, AG,    "Web", *_WEEKS, 4 / 4, 3),
    (*_W4, "all", "Unassigned", *_WEEKS, 3 / 4, 3),
    (*_W4, CA,    "Unassigned", *_WEEKS, 1 / 4, 1),
    (*_W4, AIC,   "Unassigned", *_WEEKS, 1 / 4, 1),
    (*_W4, CR,    "Unassigned", *_WEEKS, 0.0, 0),
    (*_W4, AG,    "Unassigned", *_WEEKS, 2 / 4, 2),
    (*_W4, "all", "Data", *_WEEKS, 1 / 4, 1),
    (*_W4, CA,    "Data", *_WEEKS, 1 / 4, 1),
    *[(*_W4, dim, "Data", *_WEEKS, 0.0, 0) for dim in (AIC, CR, AG)],
    (*_D7, "all", "Platform", *_DAYS, 1 / 7, 1),
    (*_D7, CR,    "Platform", *_DAYS, 1 / 7, 1),
    *[(*_D7, dim, "Platform", *_DAYS, 0.0, 0) for dim in (CA, AIC, AG)],
    (*_D7, "all", "Web", *_DAYS, 1 / 7, 1),
    (*_D7, CR,    "Web", *_DAYS, 1 / 7, 1),
    *[(*_D7, dim, "Web", *_DAYS, 0.0, 0) for dim in (CA, AIC, AG)],
    (*_D7, "all", "Unassigned", *_DAYS, 4 / 7, 3),
    (*_D7, CA,    "Unassigned", *_DAYS, 1 / 7, 1),
    (*_D7, AIC,   "Unassigned", *_DAYS, 1 / 7, 1),
    (*_D7, AG,    "Unassigned", *_DAYS, 2 / 7, 2),
    (*_D7, CR,    "Unassigned", *_DAYS, 0.0, 0),
    *[(*_D7, dim, "Data", *_DAYS, 0.0, 0) for dim in DIMENSIONS],
]
# fmt: on


# =============================================================================================
# Scenario 2: one developer per qualifying rule (integrations §6) on 2025-10-01, each under an
# account of its own (no people.csv: every account is its own unrostered developer), and
# near-misses that must qualify nobody. Scenario 3 (duplicates, re-deliveries) is on 2025-10-02.
# Every timestamp of those two days is 12:00Z, the same day in UTC and in Los Angeles.
#
# Scenario 4 (time zone) shares the landing, on 09-28..09-30; the landing is built twice, with
# reporting_timezone UTC (the default) and America/Los_Angeles:
#   git    tz-git@x.com  authored 2025-09-28T23:30:00-07:00 (= 09-29 06:30Z), Claude co-author
#   github tz-gh         "@claude" comment at 2025-09-29T02:00:00Z (= 09-28 19:00 in LA)
#          -> UTC: Monday 09-29 (ISO week 40); LA: Sunday 09-28 (ISO week 39)
#   copilot tz-cp (day 2025-09-29), cursor tz-cu@x.com (09-29 00:00Z), claude_code tz-cc@x.com
#          (2025-09-29T00:00:00Z): daily vendors' dates are never shifted -> 09-29 in both
#   git    tz-author@x.com authored 2025-09-30T12:00Z, committed by tz-committer@x.com on
#          10-03 (after as_of) with "Assisted-by: Cursor": the author date, for the author only
# coverage 2025-09-28 (Sun) .. as_of 2025-10-02 (Thu): five complete days; the weeks W39
# (09-22..09-28) and W40 (09-29..10-05) and both months are incomplete.
# =============================================================================================

D1, D2 = "2025-10-01", "2025-10-02"
T1, T2 = "2025-10-01T12:00:00Z", "2025-10-02T12:00:00Z"
S2_VARS = {"coverage_start": "2025-09-28", "as_of_date": D2}
LA = "America/Los_Angeles"
ZONES = {"UTC": "rules_utc", LA: "rules_la"}

# account -> the dimensions it must qualify for on its day (empty: must qualify nothing)
S2_EXPECTED_DIMENSIONS: dict[str, set[str]] = {}


def expect(account: str, *dimensions: str) -> str:
    S2_EXPECTED_DIMENSIONS[account] = set(dimensions)
    return account


# fmt: off
def rules_files() -> dict[str, object]:
    """The landing files of scenarios 2 and 3: {relative path: content}."""
    e = expect
    files: dict[str, object] = {}
    files["copilot/users_1_day_2025-10-01.ndjson"] = [
        # --- each Copilot rule -------------------------------------------------------------
        copilot(D1, 101, e("cp-completion", CA),
                [feature("code_completion", code_acceptance_activity_count=1)]),
        copilot(D1, 102, e("cp-ask", CA),
                [feature("chat_panel_ask_mode", user_initiated_interaction_count=1)]),
        copilot(D1, 103, e("cp-inline", CA),
                [feature("chat_inline", user_initiated_interaction_count=2)]),
        copilot(D1, 104, e("cp-custom", CA),
                [feature("chat_panel_custom_mode", user_initiated_interaction_count=1)]),
        copilot(D1, 105, e("cp-edit-accepted", AIC),
                [feature("chat_panel_edit_mode", code_acceptance_activity_count=1)]),
        copilot(D1, 106, e("cp-edit-lines", AIC),
                [feature("chat_panel_edit_mode", loc_added_sum=5)]),
        copilot(D1, 107, e("cp-agent-edit-accepted", AIC),
                [feature("agent_edit", code_acceptance_activity_count=1)]),
        copilot(D1, 108, e("cp-agent-edit-lines", AIC), [feature("agent_edit", loc_added_sum=3)]),
        copilot(D1, 109, e("cp-agent-mode", AG),
                [feature("chat_panel_agent_mode", user_initiated_interaction_count=2)]),
        copilot(D1, 110, e("cp-cli-feature", AG),
                [feature("copilot_cli", user_initiated_interaction_count=1)]),
        copilot(D1, 111, e("cp-used-agent", AG), [feature("code_completion")], used_agent=True),
        copilot(D1, 112, e("cp-cli-requests", AG), cli_requests=4),  # no totals_by_feature
        copilot(D1, 118, e("cp-cli-requests-with-list", AG), [feature("code_completion")],
                cli_requests=2),
        copilot(D1, 113, e("cp-code-review", CR),
                [feature("code_review", user_initiated_interaction_count=1)]),
        copilot(D1, 114, e("cp-no-breakdown", CA), code_acceptance_activity_count=2),
        copilot(D1, 115, e("cp-empty-breakdown", CA), [], code_acceptance_activity_count=1),
        copilot(D1, 116, e("cp-empty-breakdown-agent", AG), [], used_agent=True),
        # one invalid field does not void the record: agent_edit lines still count
        copilot(D1, 117, e("cp-partly-invalid", AIC), [
            feature("code_completion", code_acceptance_activity_count="5"),
            feature("agent_edit", loc_added_sum=2),
        ]),
        # optional fields missing: they read as absent, never as an error
        {"day": D1, "user_id": 119, "user_login": e("cp-minimal", CA),
         "totals_by_feature": [{"feature": "code_completion",
                                "code_acceptance_activity_count": 1}]},
        # --- near-misses -----------------------------------------------------------------
        # counts no rule reads, and rule counts on the wrong feature
        copilot(D1, 150, e("cp-zero"), [
            feature("code_completion", code_generation_activity_count=9,
                    loc_suggested_to_add_sum=40),
            feature("chat_panel_ask_mode", code_generation_activity_count=1),
            feature("chat_panel_edit_mode", user_initiated_interaction_count=3),
            feature("chat_panel_agent_mode", code_acceptance_activity_count=2, loc_added_sum=4),
        ], used_chat=True, used_cli=True, code_generation_activity_count=10),
        copilot(D1, 151, e("cp-string-count"),
                [feature("code_completion", code_acceptance_activity_count="5")]),
        copilot(D1, 152, e("cp-string-top"), code_acceptance_activity_count="5"),
        copilot(D1, 153, e("cp-negative-top"), code_acceptance_activity_count=-3),
        copilot(D1, 154, e("cp-negative-feature"),
                [feature("chat_panel_agent_mode", user_initiated_interaction_count=-1)]),
        copilot(D1, 155, e("cp-string-cli"), cli_requests="4"),
        # the top-level rule is only for records without a breakdown
        copilot(D1, 156, e("cp-breakdown-wins"), [feature("code_completion")],
                code_acceptance_activity_count=7),
        # a feature no rule names: ignored, not an error
        copilot(D1, 157, e("cp-new-feature"), [
            feature("brand_new_feature", user_initiated_interaction_count=5,
                    code_acceptance_activity_count=5, loc_added_sum=5),
        ]),
    ]
    files["cursor/2025-10-01.json"] = cursor_response(
        cursor(D1, e("cu-tabs@x.com", CA), totalTabsAccepted=1),
        cursor(D1, e("cu-chat@x.com", CA), chatRequests=1),
        cursor(D1, e("cu-cmdk@x.com", CA), cmdkUsages=1),
        cursor(D1, e("cu-accepts@x.com", AIC), totalAccepts=1),
        cursor(D1, e("cu-applies@x.com", AIC), totalApplies=1),
        cursor(D1, e("cu-accepted-lines@x.com", AIC), acceptedLinesAdded=10),
        cursor(D1, e("cu-composer@x.com", AIC), composerRequests=1),
        cursor(D1, e("cu-bugbot@x.com", CR), bugbotUsages=1),
        cursor(D1, e("cu-agent@x.com", AG), agentRequests=1),
        # an invalid count does not void the record's other fields
        cursor(D1, e("cu-partly-invalid@x.com", CR), chatRequests="5", bugbotUsages=1),
        {"date": EPOCH_MS[D1], "email": e("cu-minimal@x.com", AIC), "composerRequests": 1},
        cursor(D1, e("cc-new-tool@x.com", AIC), totalAccepts=1),
        # near-misses: fields no rule reads (isActive alone); invalid counts
        cursor(D1, e("cu-active-only@x.com"), totalTabsShown=50, totalLinesAdded=100,
               totalLinesDeleted=5, totalRejects=3, acceptedLinesDeleted=2,
               subscriptionIncludedReqs=4, usageBasedReqs=2, apiKeyReqs=1),
        cursor(D1, e("cu-invalid@x.com"), chatRequests="5", agentRequests=-2, totalAccepts=-1,
               totalTabsAccepted=True, bugbotUsages=None),
    )
    files["claude_code/2025-10-01_page_1.json"] = claude_page(
        claude(D1, e("cc-edit@x.com", AIC), accepted={"edit_tool": 1}),
        claude(D1, e("cc-multi-edit@x.com", AIC), accepted={"multi_edit_tool": 1}),
        claude(D1, e("cc-write@x.com", AIC), accepted={"write_tool": 2}),
        claude(D1, e("cc-notebook@x.com", AIC), accepted={"notebook_edit_tool": 1}),
        claude(D1, e("cc-sessions@x.com", AG), sessions=2),
        claude(D1, e("cc-commits@x.com", AG), commits=1),
        claude(D1, e("cc-prs@x.com", AG), prs=1),
        {"date": f"{D1}T00:00:00Z", "core_metrics": {"num_sessions": 1},
         "actor": {"type": "user_actor", "email_address": e("cc-minimal@x.com", AG)}},
        # near-misses
        claude(D1, e("cc-rejected-only@x.com"), rejected={"edit_tool": 5, "write_tool": 1}),
        claude(D1, e("cc-invalid@x.com"), accepted={"edit_tool": -1}, sessions="3"),
        claude(D1, api_key="ci-bot", sessions=5, accepted={"edit_tool": 3}),
        # a tool the sample does not list: the rule sums tool_actions.*.accepted (see
        # test_claude_code_accepted_actions_of_any_tool; the developer is AIC through cursor too)
        {**claude(D1, "cc-new-tool@x.com"),
         "tool_actions": {"edit_tool": {"accepted": 0, "rejected": 0},
                          "bash_tool": {"accepted": 3, "rejected": 0}}},
    )
    review_comment = "PullRequestReviewCommentEvent"
    files["github/2025-10-01.ndjson"] = [
        review_requested(2001, e("gh-request-ai-reviewer", CR), T1,
                         "copilot-pull-request-reviewer[bot]"),
        review_requested(2002, e("gh-request-copilot", CR), T1, "Copilot"),
        review_requested(2003, e("gh-request-human"), T1, "some-human"),
        assigned(2004, e("gh-assign-copilot", AG), T1, "Copilot"),
        assigned(2005, e("gh-assign-human"), T1, "some-human"),
        comment(2006, e("gh-gemini", CR), T1, "/gemini review"),
        comment(2007, e("gh-coderabbit", CR), T1, "@coderabbitai review", review_comment),
        comment(2008, e("gh-bugbot", CR), T1, "bugbot run"),
        comment(2009, e("gh-claude", AG), T1, "@claude please implement this"),
        # the reviewer command is removed before looking for an agent mention
        comment(2010, e("gh-copilot-review", CR), T1, "@copilot review"),
        comment(2011, e("gh-cursor-review", CR), T1, "Could you @cursor review this?",
                review_comment),
        comment(2012, e("gh-mixed", CR, AG), T1, "/GEMINI REVIEW and then @jules take over"),
        comment(2013, e("gh-codex", AG), T1, "ping @Codex."),
        # the same key as the git no-reply e-mail 99+gh-noreply-pair@...: one developer
        comment(2022, e("gh-noreply-pair", AG, AIC), T1, "@claude add tests"),
        # any action; the actor is the one who qualifies (here editing someone else's comment)
        comment(2020, e("gh-comment-actor", AG), T1, "@claude go", action="edited",
                author="gh-comment-author"),
        # near-misses
        comment(2014, e("gh-email-claude"), T1, "mail x@claude.com for access"),
        comment(2015, e("gh-claudette"), T1, "thanks @claudette"),
        comment(2016, e("gh-not-a-mention"), T1,
                "cc @copilot-helpers, @claude[bot], foo.@codex and @@jules"),
        comment(2021, e("renovate"), T1, "@claude rebase this"),  # the bot seed's `renovate`
        event(2017, "PullRequestReviewEvent", e("gh-review-event"), T1, {
            "action": "created",
            "review": {"body": "@copilot review", "state": "commented",
                       "user": {"login": "gh-review-event"}},
            "pull_request": {"number": 12},
        }),
        event(2018, "PullRequestEvent", e("gh-opened"), T1, {
            "action": "opened", "number": 13,
            "pull_request": {"number": 13, "title": "@claude", "body": "@copilot review"},
        }),
        event(2019, "PushEvent", e("gh-push"), T1, {
            "commits": [{"message": "@claude\n\nCo-authored-by: Claude <noreply@anthropic.com>"}],
        }),
    ]
    files["git/acme_api.ndjson"] = [
        # the trailer's no-reply e-mail matches through its login (the name matches nothing)
        commit(sha(101), e("gt-gemini-login@x.com", CR), T1,
               "Apply suggestion\n\nCo-authored-by: Gemini Bot "
               "<176961590+gemini-code-assist[bot]@users.noreply.github.com>"),
        commit(sha(102), e("gt-coderabbit-name@x.com", CR), T1,
               "Apply suggestion\n\nCo-authored-by: coderabbitai[bot] <bot@coderabbit.example>"),
        commit(sha(103), e("gt-claude@x.com", AG), T1,
               "Add cache\n\nCo-authored-by: Claude <noreply@anthropic.com>"),
        commit(sha(104), e("gt-claude-opus@x.com", AG), T1,
               "Add cache\n\nCo-Authored-By: Claude Opus 4.5 <opus@models.example>"),
        commit(sha(105), e("gt-claude-version@x.com", AG), T1,
               "Add cache\n\nco-authored-by: Claude 3.7 Sonnet <sonnet@models.example>"),
        commit(sha(106), e("gt-claude-footer@x.com", AG), T1,
               "Add cache\n\n\U0001f916 Generated with [Claude Code](https://claude.com/claude-code)"
               "\n\nSigned-off-by: Dev <gt-claude-footer@x.com>"),
        commit(sha(107), e("gt-swe-agent@x.com", AG), T1,
               "Fix bug\n\nCo-authored-by: copilot-swe-agent[bot] "
               "<198982749+Copilot@users.noreply.github.com>"),
        commit(sha(108), e("gt-cursor-agent@x.com", AG), T1,
               "Fix bug\n\nCo-authored-by: Cursor Agent <cursoragent@cursor.com>"),
        commit(sha(113), e("gt-crlf@x.com", AG), T1,
               "Fix\r\n\r\nCo-authored-by: Claude <noreply@anthropic.com>\r\n"),
        commit(sha(109), e("gt-aider-prefix@x.com", AIC), T1, "aider: fix typo in README"),
        commit(sha(110), e("gt-aider-coauthor@x.com", AIC), T1,
               "Fix typo\n\nCo-authored-by: aider (openai/gpt-4o) <noreply@aider.chat>"),
        commit(sha(111), e("gt-assisted-by@x.com", AIC), T1,
               "Refactor\n\nAssisted-by: GitHub Copilot"),
        commit(sha(112), e("gt-generated-by@x.com", AIC), T1, "Refactor\n\nGenerated-by: ChatGPT"),
        {"repository": "acme/api", "sha": sha(114), "author_email": e("gt-minimal@x.com", AG),
         "authored_at": T1, "message": "Fix\n\nCo-authored-by: Claude <noreply@anthropic.com>"},
        # a GitHub no-reply e-mail is the login gh-noreply-pair (see its comment above)
        commit(sha(115), "99+gh-noreply-pair@users.noreply.github.com", T1,
               "Refactor\n\nAssisted-by: GitHub Copilot"),
        # names are never keys: one name, two e-mails, no directory -> two developers
        commit(sha(116), e("nora@corp.example", AIC), T1, "Refactor\n\nAssisted-by: Cursor",
               author_name="Nora Pair"),
        commit(sha(117), "77+nora-gh@users.noreply.github.com", T1,
               "Port\n\nCo-authored-by: Claude <noreply@anthropic.com>", author_name="Nora Pair"),
        # near-misses
        commit(sha(150), e("gt-claude-smith@x.com"), T1,
               "Pair work\n\nCo-authored-by: Claude Smith <claude.smith@example.org>"),
        commit(sha(151), e("gt-not-last-paragraph@x.com"), T1,
               "Fix\n\nCo-authored-by: Claude <noreply@anthropic.com>\n\n"
               "Signed-off-by: Dev <gt-not-last-paragraph@x.com>"),
        # no blank line: the message is one paragraph, its second line is no trailer
        commit(sha(157), e("gt-no-blank-line@x.com"), T1,
               "Fix parser\nCo-authored-by: Claude <noreply@anthropic.com>"),
        commit(sha(152), e("gt-human-coauthor@x.com"), T1,
               "Pair work\n\nCo-authored-by: Jane Doe <jane@example.org>"),
        commit(sha(153), e("gt-assisted-human@x.com"), T1,
               "Pair work\n\nAssisted-by: Jane Doe <jane@example.org>"),
        commit(sha(154), e("gt-aider-in-body@x.com"), T1, "Fix typo\n\nwritten without aider: no"),
        # bot authors qualify nobody: a release robot and GitHub's web-flow e-mail (bot seed)
        commit(sha(155), e("release-bot@acme.com"), T1,
               "Release 1.2\n\nCo-authored-by: Claude <noreply@anthropic.com>"),
        commit(sha(156), e("noreply@github.com"), T1,
               "Merge\n\nCo-authored-by: Claude <noreply@anthropic.com>"),
    ]

    expect("nora-gh", AG)

    # --- scenario 3: duplicates and re-deliveries, 2025-10-02 --------------------------------
    files["copilot/users_1_day_2025-10-02.ndjson"] = [
        copilot(D2, 301, "dup-later-zero",
                [feature("code_completion", code_acceptance_activity_count=3)]),
        copilot(D2, 302, "dup-later-wins", [feature("code_completion")]),
        # inside one file the last line wins: the second line has no acceptance
        copilot(D2, 303, "dup-last-line",
                [feature("code_completion", code_acceptance_activity_count=2)]),
        copilot(D2, 303, "dup-last-line", [feature("code_completion")]),
    ]
    files["copilot/users_1_day_2025-10-03.ndjson"] = [
        # the later file name re-delivers user 301 with zero acceptances: latest file wins
        copilot(D2, 301, "Dup-Later-Zero", [feature("code_completion")]),
        copilot(D2, 302, "dup-later-wins",
                [feature("code_completion", code_acceptance_activity_count=1)]),
    ]
    expect("dup-later-zero")
    expect("dup-later-wins", CA)
    expect("dup-last-line")
    files["cursor/2025-10-02_a.json"] = cursor_response(
        cursor(D2, "cu-dup@x.com", chatRequests=2),
        cursor(D2, "cu-redo@x.com", agentRequests=1),
        cursor(D2, "CU-Case@X.com", agentRequests=1),
    )
    files["cursor/2025-10-02_b.json"] = cursor_response(
        cursor(D2, "cu-dup@x.com", chatRequests=2),           # identical re-delivery
        cursor(D2, "cu-redo@x.com", chatRequests=1),          # changed: chat only, no agent
        cursor(D2, " cu-case@x.com ", totalTabsAccepted=1),   # the same key once normalised
    )
    expect("cu-dup@x.com", CA)
    expect("cu-redo@x.com", CA)
    expect("cu-case@x.com", CA)
    files["claude_code/2025-10-02_page_1.json"] = claude_page(
        claude(D2, "cc-dup@x.com", sessions=2),
    )
    files["claude_code/2025-10-02_page_2.json"] = claude_page(
        claude(D2, "CC-Dup@x.com", accepted={"edit_tool": 1}),  # same (date, actor, terminal)
    )
    expect("cc-dup@x.com", AIC)
    files["github/2025-10-02_a.ndjson"] = [
        comment(3001, "gh-dup", T2, "@claude fix this"),
        comment(3002, "gh-edited", T2, "@claude fix this"),
    ]
    files["github/2025-10-02_b.ndjson"] = [
        comment(3001, "gh-dup", T2, "@claude fix this"),          # the same event twice
        comment(3002, "gh-edited", T2, "never mind, fixed it"),   # later file: edited body
    ]
    expect("gh-dup", AG)
    expect("gh-edited")
    files["git/acme_api_2025-10-02.ndjson"] = [
        commit(sha(301), "gt-dup@x.com", T2,
               "Port\n\nCo-authored-by: Claude <noreply@anthropic.com>"),
    ]
    files["git/acme_api-fork_2025-10-02.ndjson"] = [
        commit(sha(301), "gt-dup@x.com", T2,
               "Port\n\nCo-authored-by: Claude <noreply@anthropic.com>",
               repository="acme/api-fork"),
    ]
    expect("gt-dup@x.com", AG)

    # --- scenario 4: time zone, 09-28 .. 09-30 ------------------------------------------------
    files["git/tz.ndjson"] = [
        commit(sha(401), e("tz-git@x.com", AG), "2025-09-28T23:30:00-07:00",
               "Late fix\n\nCo-authored-by: Claude <noreply@anthropic.com>"),
        commit(sha(402), e("tz-author@x.com", AIC), "2025-09-30T12:00:00Z",
               "Tidy\n\nAssisted-by: Cursor",
               committer_email=e("tz-committer@x.com"), committed_at="2025-10-03T12:00:00Z"),
    ]
    files["github/tz.ndjson"] = [
        comment(4001, e("tz-gh", AG), "2025-09-29T02:00:00Z", "@claude can you look?"),
    ]
    files["copilot/tz.ndjson"] = [
        copilot("2025-09-29", 401, e("tz-cp", CA),
                [feature("code_completion", code_acceptance_activity_count=1)]),
    ]
    files["cursor/2025-09-29.json"] = cursor_response(
        cursor("2025-09-29", e("tz-cu@x.com", CA), totalTabsAccepted=1),
    )
    files["claude_code/tz_page.json"] = claude_page(
        claude("2025-09-29", e("tz-cc@x.com", AIC), accepted={"edit_tool": 1}),
    )
    # empty deliveries (a day without events, a response without rows) are not errors
    files["github/empty.ndjson"] = ""
    files["cursor/2025-09-30.json"] = cursor_response()
    files["claude_code/empty_page.json"] = claude_page()
    return files
# fmt: on


S2_FILES = rules_files()


def write_files(landing: Path, files: dict[str, object]) -> None:
    for path, content in files.items():
        if isinstance(content, str):
            (landing / path).parent.mkdir(parents=True, exist_ok=True)
            (landing / path).write_text(content)
        elif path.endswith(".ndjson"):
            write_ndjson(landing / path, content)
        else:
            write_json(landing / path, content)


# 2025-10-01, from the `expect` marks above:
#   CA  copilot 7 (completion, ask, inline, custom, no-breakdown, empty-breakdown, minimal)
#       + cursor 3 (tabs, chat, cmdk)                                              = 10
#   AIC copilot 5 (edit accepted, edit lines, agent_edit accepted, agent_edit lines,
#       partly-invalid) + cursor 6 (accepts, applies, accepted lines, composer, minimal,
#       cc-new-tool) + claude_code 4 (edit, multi_edit, write, notebook) + git 6 (aider
#       prefix, aider co-author, Assisted-by, Generated-by, gh-noreply-pair, nora@corp) = 21
#   CR  copilot 1 (code_review) + cursor 2 (bugbot, partly-invalid) + github 8 (request
#       copilot-pull-request-reviewer[bot], request Copilot, /gemini, @coderabbitai, bugbot
#       run, @copilot review, @cursor review, mixed) + git 2 (gemini login, coderabbit name) = 13
#   AG  copilot 6 (agent mode, cli feature, used_agent, cli requests without and with the
#       list, empty-breakdown agent) + cursor 1 + claude_code 4 (sessions, commits, PRs,
#       minimal) + github 6 (assign Copilot, @claude, mixed, @Codex, edited comment,
#       gh-noreply-pair) + git 9 (Claude, Claude Opus 4.5, Claude 3.7 Sonnet, footer,
#       copilot-swe-agent, Cursor Agent, CRLF message, minimal, nora-gh)            = 26
#   all 10 + 21 + 13 + 26 = 70 qualifications; gh-mixed (CR, AG) and gh-noreply-pair (AG on
#       github, AIC on git) are counted twice                                  -> 68 developers
# 2025-10-02: CA 4 (dup-later-wins, cu-dup, cu-redo, cu-case), AIC 1 (cc-dup),
#   CR 0, AG 2 (gh-dup, gt-dup); all 7.
# 09-28 .. 09-30 (time zone): see the scenario 4 notes above.
# No people.csv: everybody is unrostered (team Unassigned), headcount 0, adoption_rate NULL.
# fmt: off
_S2_SAME_IN_BOTH_ZONES = {
    ("2025-09-30", "all"): (1, 0), ("2025-09-30", AIC): (1, 0),  # tz-author
    (D1, "all"): (68, 0), (D1, CA): (10, 0), (D1, AIC): (21, 0), (D1, CR): (13, 0),
    (D1, AG): (26, 0),
    (D2, "all"): (7, 0), (D2, CA): (4, 0), (D2, AIC): (1, 0), (D2, AG): (2, 0),
}
S2_DAY_ACTIVE = {
    "UTC": {
        # 09-28: nobody. 09-29: the commit (06:30Z) and the comment (02:00Z), and the three
        # daily vendors' records
        ("2025-09-29", "all"): (5, 0),
        ("2025-09-29", CA): (2, 0),   # tz-cp, tz-cu
        ("2025-09-29", AIC): (1, 0),  # tz-cc
        ("2025-09-29", AG): (2, 0),   # tz-git, tz-gh
        **_S2_SAME_IN_BOTH_ZONES,
    },
    LA: {
        # the commit and the comment fall on Sunday 09-28 in Los Angeles
        ("2025-09-28", "all"): (2, 0), ("2025-09-28", AG): (2, 0),  # tz-git, tz-gh
        # copilot / cursor / claude_code keep the vendor's date 09-29
        ("2025-09-29", "all"): (3, 0),
        ("2025-09-29", CA): (2, 0),   # tz-cp, tz-cu
        ("2025-09-29", AIC): (1, 0),  # tz-cc
        **_S2_SAME_IN_BOTH_ZONES,
    },
}
S2_WEEKS = [("2025-09-22", "2025-09-28", False), ("2025-09-29", "2025-10-05", False)]
# W40 holds 10-01 and 10-02 (no developer on both: all 68 + 7, CA 10 + 4, AIC 21 + 1,
# CR 13 + 0, AG 26 + 2) and the time-zone developers of 09-29 / 09-30.
S2_WEEK_ACTIVE = {
    "UTC": {
        # W39: nobody. W40: + tz-cp, tz-cu (CA), tz-cc, tz-author (AIC), tz-git, tz-gh (AG)
        ("2025-09-29", "all"): (81, 0), ("2025-09-29", CA): (16, 0),
        ("2025-09-29", AIC): (24, 0), ("2025-09-29", CR): (13, 0), ("2025-09-29", AG): (30, 0),
    },
    LA: {
        ("2025-09-22", "all"): (2, 0), ("2025-09-22", AG): (2, 0),  # tz-git, tz-gh on Sunday
        ("2025-09-29", "all"): (79, 0), ("2025-09-29", CA): (16, 0),
        ("2025-09-29", AIC): (24, 0), ("2025-09-29", CR): (13, 0), ("2025-09-29", AG): (28, 0),
    },
}
S2_MONTHS = [("2025-09-01", "2025-09-30", False), ("2025-10-01", "2025-10-31", False)]
S2_MONTH_ACTIVE = {  # 09-28 and 09-29 are both in September: the same in both zones
    ("2025-09-01", "all"): (6, 0),
    ("2025-09-01", CA): (2, 0),   # tz-cp, tz-cu
    ("2025-09-01", AIC): (2, 0),  # tz-cc, tz-author
    ("2025-09-01", AG): (2, 0),   # tz-git, tz-gh
    ("2025-10-01", "all"): (75, 0), ("2025-10-01", CA): (14, 0), ("2025-10-01", AIC): (22, 0),
    ("2025-10-01", CR): (13, 0), ("2025-10-01", AG): (28, 0),
}
# Five complete days 09-28..10-02; no complete week or month. Daily values (09-28, 09-29,
# 09-30, 10-01, 10-02): UTC all 0,5,1,68,7; LA all 2,3,1,68,7 -> 81 / 5 either way;
# CA 0,2,0,10,4 (16); AIC 0,1,1,21,1 (24); CR 0,0,0,13,0 (13); AG UTC 0,2,0,26,2 and
# LA 2,0,0,26,2 (30). Distinct: everyone once, 81 / 16 / 24 / 13 / 30.
_S2_WINDOW = [
    ("all", 81 / 5, 81),
    (CA,    16 / 5, 16),
    (AIC,   24 / 5, 24),
    (CR,    13 / 5, 13),
    (AG,    30 / 5, 30),
]
# fmt: on
S2_HEADLINE = [
    ("day", w, dim, "2025-09-28", D2, 5, avg, n) for w in (7, 28, 90) for dim, avg, n in _S2_WINDOW
]


# =============================================================================================
# Scenario 5: missing sources. Only directory/people.csv and one cursor file (empty copilot/
# and git/ folders, no claude_code/ or github/ folder), no dbt vars: coverage_start /
# as_of_date default to the earliest / latest activity date of any parsed record, qualifying
# or not -> Monday 2025-06-30 .. Friday 2025-10-03 (96 days).
#   06-30 cursor dev.two@example.com all zeros -> nothing, but it sets coverage_start
#   08-15 cursor dev.two@example.com chat 1    -> q2 CA   (ISO week 33, August)
#   09-10 cursor Dev.One@Example.com agent 1   -> q1 AG   (ISO week 37, September)
#   10-01 cursor Dev.One@Example.com tabs 2    -> q1 CA   (ISO week 40, October)
#   10-03 cursor dev.two@example.com all zeros -> nothing, but it sets as_of_date
# Complete: weeks W27 (06-30..07-06) .. W39 (09-22..09-28), 13 of them (W40 holds as_of_date);
# months July, August, September (June starts before coverage, October ends after as_of).
# q1 and q2 are employed throughout: headcount 2, team Core.
# =============================================================================================


def write_minimal_landing(landing: Path) -> None:
    write_csv(
        landing / "directory/people.csv",
        PEOPLE_HEADER,
        ["q1,Dev One,dev.one@example.com,,Core,,,", "q2,Dev Two,dev.two@example.com,,Core,,,"],
    )
    write_json(
        landing / "cursor/usage.json",
        cursor_response(
            cursor("2025-06-30", "dev.two@example.com"),
            cursor("2025-08-15", "dev.two@example.com", chatRequests=1),
            cursor("2025-09-10", "Dev.One@Example.com", agentRequests=1),
            cursor("2025-10-01", "Dev.One@Example.com", totalTabsAccepted=2),
            cursor("2025-10-03", "dev.two@example.com"),
        ),
    )
    (landing / "copilot").mkdir()
    (landing / "git").mkdir()


# =============================================================================================
# Builds: every landing is written and built once, all in parallel on first use.
# =============================================================================================

BUILDS = {
    "roster": (write_roster_landing, S1_VARS),
    "rules_utc": (lambda landing: write_files(landing, S2_FILES), S2_VARS),
    "rules_la": (
        lambda landing: write_files(landing, S2_FILES),
        {**S2_VARS, "reporting_timezone": LA},
    ),
    "minimal": (write_minimal_landing, None),
    "empty": (lambda landing: None, None),
}


@pytest.fixture(scope="module")
def warehouses(tmp_path_factory) -> dict[str, concurrent.futures.Future]:
    root = tmp_path_factory.mktemp("end_to_end")

    def build(name: str) -> Path:
        write_landing, dbt_vars = BUILDS[name]
        landing = root / name / "landing"
        landing.mkdir(parents=True)
        write_landing(landing)
        # Seeds and models in one dbt invocation (one parse, ~15 s of CPU). The data tests are
        # left to `make test`: this module checks the values, and stays independent of them.
        db = root / name / "warehouse.duckdb"
        run_dbt(
            ["build", "--exclude", "resource_type:test", "resource_type:unit_test"],
            landing=landing,
            db=db,
            work_dir=root / name,
            dbt_vars=dbt_vars,
        )
        return db

    pool = concurrent.futures.ThreadPoolExecutor(max_workers=3)
    futures = {name: pool.submit(build, name) for name in BUILDS}
    yield futures
    pool.shutdown(wait=True)


def warehouse(warehouses, name: str) -> Path:
    return warehouses[name].result()


@pytest.fixture(scope="module")
def roster_db(warehouses) -> Path:
    return warehouse(warehouses, "roster")


@pytest.fixture(scope="module")
def rules_db(warehouses) -> Path:
    return warehouse(warehouses, "rules_utc")


# =============================================================================================
# Scenario 1 tests
# =============================================================================================


def test_roster_daily(roster_db):
    expected = bucket_rows(day_buckets("2025-09-22", "2025-10-19"), S1_DAY_HEADCOUNT, S1_DAY_ACTIVE)
    assert_rows(bucket_table(roster_db, BUCKET_TABLES["day"]), expected)


def test_roster_weekly(roster_db):
    expected = bucket_rows(S1_WEEKS, S1_WEEK_HEADCOUNT, S1_WEEK_ACTIVE)
    assert_rows(bucket_table(roster_db, BUCKET_TABLES["week"]), expected)


def test_roster_monthly(roster_db):
    expected = bucket_rows(S1_MONTHS, S1_MONTH_HEADCOUNT, S1_MONTH_ACTIVE)
    assert_rows(bucket_table(roster_db, BUCKET_TABLES["month"]), expected)


def test_roster_team_daily(roster_db):
    expected = bucket_rows(
        day_buckets("2025-09-22", "2025-10-19"),
        S1_DAY_TEAM_HEADCOUNT,
        S1_DAY_TEAM_ACTIVE,
        teams=S1_TEAMS,
    )
    assert_rows(bucket_table(roster_db, TEAM_BUCKET_TABLES["day"]), expected)


def test_roster_team_weekly(roster_db):
    expected = bucket_rows(S1_WEEKS, S1_WEEK_TEAM_HEADCOUNT, S1_WEEK_TEAM_ACTIVE, teams=S1_TEAMS)
    assert_rows(bucket_table(roster_db, TEAM_BUCKET_TABLES["week"]), expected)


def test_roster_team_monthly(roster_db):
    expected = bucket_rows(S1_MONTHS, S1_MONTH_TEAM_HEADCOUNT, S1_MONTH_TEAM_ACTIVE, teams=S1_TEAMS)
    assert_rows(bucket_table(roster_db, TEAM_BUCKET_TABLES["month"]), expected)


def test_roster_headline(roster_db):
    """Every row: day 7/28/90 and week 4/12/26; no month row (no complete month)."""
    assert_rows(headline_table(roster_db, "ai_active_users_headline"), headline_rows(S1_HEADLINE))


def test_roster_headline_by_team(roster_db):
    actual = headline_table(
        roster_db,
        "ai_active_users_headline_by_team",
        "(grain = 'week' and window_buckets = 4) or (grain = 'day' and window_buckets = 7)",
    )
    assert_rows(actual, headline_rows(S1_HEADLINE_BY_TEAM, by_team=True))
    assert query(
        roster_db,
        "select count(*) as n from marts.ai_active_users_headline_by_team where grain = 'month'",
    ) == [{"n": 0}]


# =============================================================================================
# Scenario 2, 3 and 4 tests
# =============================================================================================


@pytest.mark.parametrize("zone", ZONES)
def test_rules_daily(warehouses, zone):
    db = warehouse(warehouses, ZONES[zone])
    expected = bucket_rows(day_buckets("2025-09-28", D2), {}, S2_DAY_ACTIVE[zone])
    assert_rows(bucket_table(db, BUCKET_TABLES["day"]), expected)


@pytest.mark.parametrize("zone", ZONES)
def test_rules_weekly(warehouses, zone):
    db = warehouse(warehouses, ZONES[zone])
    expected = bucket_rows(S2_WEEKS, {}, S2_WEEK_ACTIVE[zone])
    assert_rows(bucket_table(db, BUCKET_TABLES["week"]), expected)


@pytest.mark.parametrize("zone", ZONES)
def test_rules_monthly(warehouses, zone):
    db = warehouse(warehouses, ZONES[zone])
    expected = bucket_rows(S2_MONTHS, {}, S2_MONTH_ACTIVE)
    assert_rows(bucket_table(db, BUCKET_TABLES["month"]), expected)


@pytest.mark.parametrize("zone", ZONES)
def test_rules_headline(warehouses, zone):
    db = warehouse(warehouses, ZONES[zone])
    assert_rows(headline_table(db, "ai_active_users_headline"), headline_rows(S2_HEADLINE))


def test_repeated_github_events_and_commits_keep_one_current_row(rules_db):
    """Scenario 3 at the staging layer. A full build flags GitHub's and git's repeated keys
    after the table is written (flag_superseded_deliveries): the latest file's row is the only
    current one, the same as the other sources' models decide in SQL."""
    events = query(
        rules_db,
        "select event_id, file_name, is_current from staging.stg_github__events"
        " where event_id in ('3001', '3002') order by event_id, file_name",
    )
    assert [(r["event_id"], Path(r["file_name"]).name, r["is_current"]) for r in events] == [
        ("3001", "2025-10-02_a.ndjson", False),
        ("3001", "2025-10-02_b.ndjson", True),
        ("3002", "2025-10-02_a.ndjson", False),
        ("3002", "2025-10-02_b.ndjson", True),
    ]
    commits = query(
        rules_db,
        "select file_name, is_current from staging.stg_git__commits"
        f" where commit_sha = '{sha(301)}' order by file_name",
    )
    # '-' sorts before '_': the fork's file is the earlier one.
    assert [(Path(r["file_name"]).name, r["is_current"]) for r in commits] == [
        ("acme_api-fork_2025-10-02.ndjson", False),
        ("acme_api_2025-10-02.ndjson", True),
    ]


def test_rules_team_tables_are_all_unassigned(rules_db):
    """No directory: the only team is Unassigned, and it holds everybody."""
    day = S2_DAY_ACTIVE["UTC"]
    assert_rows(
        bucket_table(rules_db, TEAM_BUCKET_TABLES["day"]),
        bucket_rows(
            day_buckets("2025-09-28", D2),
            {},
            {(*key, "Unassigned"): value for key, value in day.items()},
            teams=["Unassigned"],
        ),
    )
    assert_rows(
        headline_table(rules_db, "ai_active_users_headline_by_team"),
        headline_rows([(*row[:3], "Unassigned", *row[3:]) for row in S2_HEADLINE], by_team=True),
    )


def test_claude_code_accepted_actions_of_any_tool(rules_db):
    """cc-new-tool's Claude Code record has 3 accepted actions of a tool the sample does not
    list (`bash_tool`): by `tool_actions.*.accepted > 0` the record itself qualifies ai_coding.
    Read per record (int_ai_interactions), because the developer is AIC through cursor too."""
    rows = query(
        rules_db,
        "select distinct dimension from intermediate.int_ai_interactions "
        "where source = 'claude_code' and account_key = 'email:cc-new-tool@x.com'",
    )
    assert {row["dimension"] for row in rows} == {AIC}


@pytest.mark.parametrize("account", sorted(S2_EXPECTED_DIMENSIONS))
def test_rule_per_account(rules_db, account):
    """Diagnostic: the dimensions each account qualifies for (reads two intermediate models,
    `int_identities_resolved` and `int_developer_activity_days`, to name the failing rule)."""
    key = f"email:{account}" if "@" in account else f"login:{account}"
    rows = query(
        rules_db,
        f"""
        select distinct activity.dimension
        from intermediate.int_identities_resolved as identities
        inner join intermediate.int_developer_activity_days as activity
            using (developer_id)
        where identities.account_key = '{key}' and activity.dimension <> 'all'
        """,
    )
    assert {row["dimension"] for row in rows} == S2_EXPECTED_DIMENSIONS[account]


# =============================================================================================
# Scenario 5 tests
# =============================================================================================


MINIMAL_MONDAYS = day_range("2025-06-30", "2025-09-29")[::7]  # ISO weeks W27 .. W40
MINIMAL_MONTHS = ["2025-06-01", "2025-07-01", "2025-08-01", "2025-09-01", "2025-10-01"]


# fmt: off
def test_minimal_landing_daily_and_weekly(warehouses):
    db = warehouse(warehouses, "minimal")
    assert_rows(
        bucket_table(db, BUCKET_TABLES["day"]),
        bucket_rows(
            day_buckets("2025-06-30", "2025-10-03"),
            per_day({("2025-06-30", "2025-10-03"): 2}),  # q1, q2
            {
                ("2025-08-15", "all"): (1, 1), ("2025-08-15", CA): (1, 1),  # q2
                ("2025-09-10", "all"): (1, 1), ("2025-09-10", AG): (1, 1),  # q1
                ("2025-10-01", "all"): (1, 1), ("2025-10-01", CA): (1, 1),  # q1
            },
        ),
    )
    assert_rows(
        bucket_table(db, BUCKET_TABLES["week"]),
        bucket_rows(
            # Monday to Sunday; the week of as_of_date (Friday 10-03) is incomplete
            [(monday, day_range(monday, "2025-10-05")[6], monday != "2025-09-29")
             for monday in MINIMAL_MONDAYS],
            dict.fromkeys(MINIMAL_MONDAYS, 2),
            {
                ("2025-08-11", "all"): (1, 1), ("2025-08-11", CA): (1, 1),  # q2 on 08-15
                ("2025-09-08", "all"): (1, 1), ("2025-09-08", AG): (1, 1),  # q1 on 09-10
                ("2025-09-29", "all"): (1, 1), ("2025-09-29", CA): (1, 1),  # q1 on 10-01
            },
        ),
    )


def test_minimal_landing_team_monthly(warehouses):
    db = warehouse(warehouses, "minimal")
    assert_rows(
        bucket_table(db, TEAM_BUCKET_TABLES["month"]),
        bucket_rows(
            [
                ("2025-06-01", "2025-06-30", False),  # coverage starts 06-30
                ("2025-07-01", "2025-07-31", True),
                ("2025-08-01", "2025-08-31", True),
                ("2025-09-01", "2025-09-30", True),
                ("2025-10-01", "2025-10-31", False),  # as_of is 10-03
            ],
            {(month, "Core"): 2 for month in MINIMAL_MONTHS},
            {
                ("2025-08-01", "all", "Core"): (1, 1), ("2025-08-01", CA, "Core"): (1, 1),  # q2
                ("2025-09-01", "all", "Core"): (1, 1), ("2025-09-01", AG, "Core"): (1, 1),  # q1
                ("2025-10-01", "all", "Core"): (1, 1), ("2025-10-01", CA, "Core"): (1, 1),  # q1
            },
            teams=["Core", "Unassigned"],
        ),
    )


# Per window: (grain, window_buckets, window_start, window_end, bucket_count) and, per
# dimension, (sum over the window's buckets of active_users, distinct developers). Activity:
# q2 CA on 08-15 (W33, August), q1 AG on 09-10 (W37, September), q1 CA on 10-01 (W40, October).
MINIMAL_WINDOWS = [
    # the last 7 days: q1 on 10-01
    (("day", 7, "2025-09-27", "2025-10-03", 7), {"all": (1, 1), CA: (1, 1)}),
    # the last 28 days: q1 on 09-10 and on 10-01 -> 2 developer-days, 1 developer
    (("day", 28, "2025-09-06", "2025-10-03", 28), {"all": (2, 1), CA: (1, 1), AG: (1, 1)}),
    # the last 90 of the 96 days (from 07-06): all three active days
    (("day", 90, "2025-07-06", "2025-10-03", 90), {"all": (3, 2), CA: (2, 2), AG: (1, 1)}),
    # weeks W36..W39: q1 in W37
    (("week", 4, "2025-09-01", "2025-09-28", 4), {"all": (1, 1), AG: (1, 1)}),
    # weeks W28..W39: q2 in W33, q1 in W37
    (("week", 12, "2025-07-07", "2025-09-28", 12), {"all": (2, 2), CA: (1, 1), AG: (1, 1)}),
    # only 13 complete weeks, W27..W39
    (("week", 26, "2025-06-30", "2025-09-28", 13), {"all": (2, 2), CA: (1, 1), AG: (1, 1)}),
    # July, August (q2), September (q1): 3 complete months for every month window
    *[(("month", w, "2025-07-01", "2025-09-30", 3), {"all": (2, 2), CA: (1, 1), AG: (1, 1)})
      for w in (3, 6, 12)],
]
# fmt: on


def test_minimal_landing_headline(warehouses):
    """Windows shorter than the coverage (the most recent complete buckets only), longer than
    it (bucket_count says how many), and the week holding as_of_date left out."""
    db = warehouse(warehouses, "minimal")
    expected = [
        (grain, w, dim, start, end, count, total / count, distinct)
        for (grain, w, start, end, count), sums in MINIMAL_WINDOWS
        for dim in DIMENSIONS
        for total, distinct in [sums.get(dim, (0, 0))]
    ]
    assert_rows(headline_table(db, "ai_active_users_headline"), headline_rows(expected))


def test_empty_landing_builds_empty_marts(warehouses):
    db = warehouse(warehouses, "empty")
    for table in ALL_MARTS:
        assert query(db, f"select count(*) as n from marts.{table}") == [{"n": 0}], table


# fmt: off
BUCKET_SCHEMA = [
    ("bucket_start", "DATE"), ("bucket_end", "DATE"), ("dimension", "VARCHAR"),
    ("active_users", "BIGINT"), ("active_rostered_users", "BIGINT"), ("headcount", "BIGINT"),
    ("adoption_rate", "DOUBLE"), ("is_complete", "BOOLEAN"),
]
HEADLINE_SCHEMA = [
    ("grain", "VARCHAR"), ("window_buckets", "INTEGER"), ("dimension", "VARCHAR"),
    ("window_start", "DATE"), ("window_end", "DATE"), ("bucket_count", "INTEGER"),
    ("avg_active_users", "DOUBLE"), ("distinct_active_users", "BIGINT"),
]
# fmt: on


def with_team(schema):
    """The by-team variant: `team VARCHAR` right after `dimension` (contract §6)."""
    at = [name for name, _ in schema].index("dimension") + 1
    return [*schema[:at], ("team", "VARCHAR"), *schema[at:]]


@pytest.mark.parametrize("build", ["roster", "empty"])
def test_mart_columns_and_types(warehouses, build):
    """Contract §6 column names, order and types, also when the landing folder is empty."""
    db = warehouse(warehouses, build)
    expected = {
        **{table: BUCKET_SCHEMA for table in BUCKET_TABLES.values()},
        **{table: with_team(BUCKET_SCHEMA) for table in TEAM_BUCKET_TABLES.values()},
        "ai_active_users_headline": HEADLINE_SCHEMA,
        "ai_active_users_headline_by_team": with_team(HEADLINE_SCHEMA),
    }
    for table, columns in expected.items():
        rows = query(
            db,
            "select column_name, data_type from information_schema.columns "
            f"where table_schema = 'marts' and table_name = '{table}' order by ordinal_position",
        )
        assert [(row["column_name"], row["data_type"]) for row in rows] == columns, table


def test_every_mart_key_is_not_null_in_the_catalog(warehouses):
    """Each column of a mart's grain test has a not_null constraint, but the attribution
    audit's activity_date (NULL for records whose date could not be read)."""
    marts = yaml.safe_load((REPO_ROOT / "models" / "marts" / "_marts__models.yml").read_text())
    keys = {
        (model["name"], column)
        for model in marts["models"]
        for data_test in model.get("data_tests", [])
        if isinstance(data_test, dict) and "unique_combination_of_columns" in data_test
        for column in data_test["unique_combination_of_columns"]["arguments"][
            "combination_of_columns"
        ]
    }
    assert len({table for table, _ in keys}) == len(marts["models"]), "a mart without grain"
    rows = query(
        warehouse(warehouses, "roster"),
        "select table_name, column_name from information_schema.columns "
        "where table_schema = 'marts' and is_nullable = 'YES'",
    )
    nullable = {(row["table_name"], row["column_name"]) for row in rows}
    assert keys & nullable == {("ai_attribution_audit", "activity_date")}


@pytest.mark.parametrize("build", ["roster", "empty"])
def test_only_adoption_rate_may_be_null_in_the_contract_tables(warehouses, build):
    """The marts declare NOT NULL on every other contract column (a not_null constraint that
    the warehouse checks as it writes the table), so a BI tool reads it from the catalog."""
    db = warehouse(warehouses, build)
    tables = [*BUCKET_TABLES.values(), *TEAM_BUCKET_TABLES.values()]
    tables += ["ai_active_users_headline", "ai_active_users_headline_by_team"]
    rows = query(
        db,
        "select table_name, column_name from information_schema.columns "
        "where table_schema = 'marts' and is_nullable = 'YES' "
        f"and table_name in ({', '.join(repr(table) for table in tables)}) order by all",
    )
    nullable = {(row["table_name"], row["column_name"]) for row in rows}
    expected = {
        (table, "adoption_rate")
        for table in [*BUCKET_TABLES.values(), *TEAM_BUCKET_TABLES.values()]
    }
    assert nullable == expected


# =============================================================================================
# The analyses (analyses/*.sql), as an analyst runs them on the marts
# =============================================================================================


def test_the_analyses_run_on_the_marts_and_agree_with_them(roster_db):
    work = roster_db.parent
    run_dbt(
        ["compile", "--select", "path:analyses"],
        landing=work / "landing",
        db=roster_db,
        work_dir=work,
        dbt_vars=BUILDS["roster"][1],
    )
    compiled = work / "target" / "compiled" / "ai_adoption" / "analyses"
    answers = {path.stem: query(roster_db, path.read_text()) for path in compiled.glob("*.sql")}
    assert set(answers) == {
        "dimension_trend_monthly",
        "team_adoption_last_4_weeks",
        "unattributed_activity",
    }

    months = query(
        roster_db,
        "select bucket_start as month, dimension, active_users, active_rostered_users, headcount,"
        " adoption_rate from marts.ai_active_users_monthly where is_complete"
        " order by month, dimension",
    )
    # September and October both lie partly outside 2025-09-22..2025-10-19: no complete month.
    assert answers["dimension_trend_monthly"] == months == []

    teams = query(
        roster_db,
        "select team, avg_active_users, distinct_active_users"
        " from marts.ai_active_users_headline_by_team"
        " where grain = 'week' and window_buckets = 4 and dimension = 'all' order by team",
    )
    team_answers = sorted(answers["team_adoption_last_4_weeks"], key=lambda row: row["team"])
    assert [
        {key: row[key] for key in ("team", "avg_active_users", "distinct_active_users")}
        for row in team_answers
    ] == teams
    assert teams and all(row["avg_headcount"] is not None for row in team_answers)

    audit = query(
        roster_db,
        "select source, sum(records_qualifying) as records_qualifying"
        " from marts.ai_attribution_audit group by source order by source",
    )
    assert [
        {key: row[key] for key in ("source", "records_qualifying")}
        for row in answers["unattributed_activity"]
    ] == audit
