"""Bad landing input: every kind is repaired, quarantined or ignored, and the build goes on.

One landing folder (`bad`) holds every bad case of the issue next to 200 good records per
activity source, each case with its own account and, where the marts tell the outcome, its own
activity date in October 2025 (the reporting period is set explicitly to 2025-10-01..2025-10-31,
so nothing here depends on the default period). It is built once; each test then asserts the
exact outcome of one kind:

- repaired:    the record counts (the developer is active on the case's date in
               marts.ai_active_users_daily / _by_team_daily, with the repaired value);
- quarantined: a row of audit.landing_quarantine with the expected source, file and reason,
               and the record counts nowhere (or, for an invalid count, still counts with 0);
- ignored:     no effect on the marts, no quarantine row, and no crash.

docs/bad_input.md is the table of these outcomes. More builds run in parallel with it:
`roster_and_history` (cases 38-40), `small` (a truncated Cursor file and a non-JSON git line
next to good records, with the default period and quarantine limit; its other folders hold only
zero-byte files), `latin1_csv` (people.csv saved as Windows-1252), `share` (2 of 3 git lines
garbage, with quarantine_share_severity: error: the build must fail), and builds of a few
models: `zero_json` (a cursor folder with one zero-byte file) and `share_default` (2 of 3 git
lines garbage: the share test warns) up to the quarantine share test, `far_future` (a year typo,
default period) up to int_reporting_period, `date_shapes` (dates in other shapes than
documented, and a rejected record after the last counted one, default period) up to the daily
mart and the quarantine, `value_shapes` (Claude Code dates with an offset, accounts sent as
JSON objects, lists, numbers or booleans, flags that are no booleans) up to the daily mart, the
quarantine and the attribution audit, `garbage_csv` (case 46: a directory CSV that is no
text) up to the daily mart and the quarantine, `number_shapes` (case 63: counts of NaN,
Infinity, nan and 1e400) up to the daily mart, the quarantine and the daily companion
metrics, and `timestamp_shapes` (case 64: UTC offsets no clock has, lower-case `t` and `z`) up
to the daily mart and the quarantine.

Tests marked xfail(strict=True) state the right behaviour where the project gets it wrong today;
docs/bad_input.md says "bug: ..." for them.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import json
import os
import re
import zlib
from pathlib import Path

import pytest
from conftest import (
    COPILOT_COUNTS,
    CURSOR_COUNTS,
    DbtBuildError,
    build_warehouse,
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

PERIOD = {"coverage_start": "2025-10-01", "as_of_date": "2025-10-31"}
GOOD_PER_SOURCE = 200
DIMENSIONS = ("all", "coding_assistance", "ai_coding", "code_review", "coding_agents")
CA, AIC, CR, AG = "coding_assistance", "ai_coding", "code_review", "coding_agents"
CLAUDE_TRAILER = "\n\nCo-authored-by: Claude <noreply@anthropic.com>\n"
TEN_MB = 10 * 1024 * 1024


def day(n: int) -> str:
    """2025-10-<n> as YYYY-MM-DD: each case has its own day of October."""
    return f"2025-10-{n:02d}"


def day_date(n: int) -> dt.date:
    return dt.date.fromisoformat(day(n))


def epoch_ms(date: str) -> int:
    """Cursor's `date`: epoch milliseconds at 00:00 UTC of the day."""
    return int(dt.datetime.fromisoformat(date).replace(tzinfo=dt.UTC).timestamp()) * 1000


# =============================================================================================
# Vendor record shapes (integrations §1-5); every count 0 unless the caller says otherwise.
# =============================================================================================

ABSENT = object()


def completion() -> list[dict]:
    """A feature list with one accepted code completion: coding_assistance."""
    return [feature("code_completion", code_acceptance_activity_count=1)]


def copilot(date, user_id, login, features=ABSENT, **fields) -> dict:
    record = copilot_user_day(date, user_id, login, **fields)
    if features is not ABSENT:
        record["totals_by_feature"] = features
    return record


def cursor(date, email, *, date_value=None, **counts) -> dict:
    return {
        "date": epoch_ms(date) if date_value is None else date_value,
        "userId": f"user_{zlib.crc32(email.encode()):08x}",
        "email": email,
        "isActive": True,
        **{name: 0 for name in CURSOR_COUNTS},
        **counts,
        "mostUsedModel": "claude-4-sonnet",
        "clientVersion": "1.6.42",
    }


def cursor_response(records) -> dict:
    return {"data": list(records), "period": {"startDate": 0, "endDate": 0}}


def claude(date_text, actor, *, sessions=0) -> dict:
    return {
        "date": date_text,
        "organization_id": "org_1",
        "customer_type": "api",
        "terminal_type": "vscode",
        "actor": actor,
        "core_metrics": {
            "num_sessions": sessions,
            "lines_of_code": {"added": 0, "removed": 0},
            "commits_by_claude_code": 0,
            "pull_requests_by_claude_code": 0,
        },
        "tool_actions": {
            tool: {"accepted": 0, "rejected": 0}
            for tool in ("edit_tool", "multi_edit_tool", "write_tool", "notebook_edit_tool")
        },
    }


def user_actor(email) -> dict:
    return {"type": "user_actor", "email_address": email}


def claude_page(records) -> dict:
    return {"data": list(records), "has_more": False, "next_page": None}


def comment_event(event_id, login, created_at, body, event_type="IssueCommentEvent") -> dict:
    return {
        "id": str(event_id),
        "type": event_type,
        "actor": {"id": 1, "login": login},
        "repo": {"id": 9, "name": "acme/api"},
        "created_at": created_at,
        "payload": {"action": "created", "comment": {"body": body, "user": {"login": login}}},
    }


def commit(sha, email, authored_at, message="Change things" + CLAUDE_TRAILER, **fields) -> dict:
    record = {
        "repository": "acme/api",
        "sha": sha,
        "parents": ["0" * 40],
        "author_name": "Dev",
        "author_email": email,
        "authored_at": authored_at,
        "committer_name": "Dev",
        "committer_email": email,
        "committed_at": authored_at,
        "message": message,
    }
    record.update(fields)
    return record


def sha(label: str) -> str:
    return (label.encode().hex() + "0" * 40)[:40]


def write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def write_bytes_named(folder: Path, name: bytes, data: bytes) -> None:
    """A file whose name is bytes (not UTF-8: a name from an old zip tool)."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(os.fsencode(folder) + b"/" + name, "wb") as file:
        file.write(data)


def ndjson_line(record: dict) -> bytes:
    return json.dumps(record).encode() + b"\n"


def truncated(document: dict) -> bytes:
    """A JSON response cut off in the middle (an interrupted download)."""
    text = json.dumps(document).encode()
    return text[: len(text) * 2 // 3]


# =============================================================================================
# The `bad` landing folder: 200 good records per source on 2025-10-01, and every bad case.
# =============================================================================================

PEOPLE_TITLE = "Employee directory,exported 2025-10-31"
PEOPLE_HEADER = (  # reordered (person_id is not first) and one extra column, cost_center
    "email,team,person_id,full_name,github_login,is_bot,employment_end,employment_start,cost_center"
)
PEOPLE_ROWS = [
    "extra@example.com,Mu,p_extra,Extra Column,,,,,CC-1",
    "reorder@example.com,Delta,p_reorder,Re Order,,,,,CC-1",
    "bom@example.com,Lambda,p_bom,Bom Member,,,,,CC-1",
    "missing@example.com,Gamma,p_missing,Missing Columns,,,,,CC-1",
    "twice@example.com,Alpha,p_twice,Twice First,,,,,CC-1",
    "twice@example.com,Beta,p_twice,Twice Second,,,,,CC-1",
    "same.mail@example.com,Nu,p_same_a,Same Mail A,,,,,CC-1",
    "same.mail@example.com,Nu,p_same_b,Same Mail B,,,,,CC-1",
    "badrange@example.com,Zeta,p_badrange,Bad Range,,,,,CC-1",
    "overlap@example.com,Omicron,p_overlap,Over Lap,,,,,CC-1",
    "Spaced.Caps@Example.com,Iota,p_caps,Spaced Caps,,,,,CC-1",
    "baddate@example.com,Xi,p_baddate,Bad Date,,,,2025-13-45,CC-1",
    # case 52: an unquoted comma in a name; a spare empty field (a trailing comma) is harmless
    "shift@example.com,Rho,p_shift,Smith, Ann,,,,,CC-1",
    "trail@example.com,Sigma,p_trail,Trail Comma,,,,,CC-1,",
    "flag@example.com,Tau,p_flag,Flag Value,,x,,,CC-1",  # case 53: is_bot neither true nor false
]
MEMBERSHIP_ROWS = [  # written with a UTF-8 byte order mark
    "p_bom,Kappa,2025-10-01,",
    "p_badrange,Epsilon,2025-10-30,2025-10-20",
    "p_overlap,Eta,2025-10-01,",
    "p_overlap,Theta,2025-10-20,2025-10-30",
    "p_missing,Gamma,2025-13-45,",
    "p_bom,Kappa, Two,2025-10-30,2025-10-31",  # case 52, in a file with a byte order mark
]


def write_bad_landing(landing: Path) -> None:
    directory = landing / "directory"
    # case 54: a title line above the header, as HR tools export a report
    write_csv(directory / "people.csv", f"{PEOPLE_TITLE}\n{PEOPLE_HEADER}", PEOPLE_ROWS)
    # identities.csv without its `source` and `is_shared` columns.
    write_csv(directory / "identities.csv", "person_id,account", ["p_missing,alias-missing-cols"])
    membership_text = "\n".join(["person_id,team,valid_from,valid_to", *MEMBERSHIP_ROWS]) + "\n"
    write_bytes(directory / "team_memberships.csv", b"\xef\xbb\xbf" + membership_text.encode())

    # --- copilot ------------------------------------------------------------------------------
    good = [
        copilot(day(1), 100000 + i, f"good-copilot-{i}", completion())
        for i in range(GOOD_PER_SOURCE)
    ]
    cases = [
        copilot(day(13), 1301, "neg-count", code_acceptance_activity_count=-2, used_agent=True),
        copilot("2025-13-45", 1401, "bad-date-copilot", completion()),
        copilot("2025-11-20", 1701, "future-user", completion()),
        copilot(day(18), 1801, None, completion()),
        copilot(
            day(20),
            2001,
            "unknown-feature",
            [feature("brand_new_mode", **dict.fromkeys(COPILOT_COUNTS, 5))],
        ),
        copilot(
            day(20),
            2002,
            "unknown-feature-mixed",
            [feature("brand_new_mode", user_initiated_interaction_count=5), *completion()],
        ),
        copilot(
            day(14),
            1402,
            "extra-fields",
            completion(),
            new_vendor_field={"nested": [1, 2, {"deep": True}]},
            totals_by_language=[],
        ),
        copilot(day(22), 2222, "Dup-User", used_agent=True),
    ]
    write_ndjson(landing / "copilot" / "2025-10-01_main.ndjson", good[:100] + cases)
    # File names with glob characters: each file is read as itself (`[1]` would match `1`).
    write_ndjson(landing / "copilot" / "2025-10-01_good[1].ndjson", good[100:150])
    write_ndjson(landing / "copilot" / "2025-10-01_good1.ndjson", good[150:190])
    write_ndjson(landing / "copilot" / "2025-10-01_good*?.ndjson", good[190:])
    # The same (day, user_id) delivered again later with other values: the later file wins.
    write_ndjson(
        landing / "copilot" / "2025-10-22_redelivery.ndjson",
        [copilot(day(22), 2222, "dup-user", completion())],
    )
    # Lines that are not JSON between good lines (line 3 is blank).
    write_bytes(
        landing / "copilot" / "2025-10-04_lines.ndjson",
        ndjson_line(copilot(day(4), 401, "ndjson-good-1", completion()))
        + b"this is not json\n"
        + b"\n"
        + b'{"day": "2025-10-04", "user_id": 403, "user_login": "ndjson-trunc", "totals_by\n'
        + ndjson_line(copilot(day(4), 405, "ndjson-good-2", completion())),
    )
    # A UTF-8 byte order mark before the first line (Windows tools write one).
    write_bytes(
        landing / "copilot" / "2025-10-31_bom.ndjson",
        b"\xef\xbb\xbf" + ndjson_line(copilot(day(31), 3101, "bom-ndjson", completion())),
    )

    # --- cursor -------------------------------------------------------------------------------
    good = [
        cursor(day(1), f"good.cursor.{i}@example.com", totalTabsAccepted=1)
        for i in range(GOOD_PER_SOURCE)
    ]
    cases = [
        cursor(day(7), "bom@example.com", totalTabsAccepted=1),
        cursor(day(8), "extra@example.com", totalTabsAccepted=1),
        cursor(day(10), "reorder@example.com", totalTabsAccepted=1),
        cursor(day(12), "str.cursor@example.com", totalTabsAccepted=2, composerRequests="4"),
        cursor(
            day(15),
            "epoch.sec@example.com",
            date_value=epoch_ms(day(15)) // 1000,
            totalTabsAccepted=1,
        ),
        cursor(day(18), "   ", totalTabsAccepted=1),
        cursor(day(23), "Dup.Cursor@example.com", chatRequests=2),
        cursor(day(23), " dup.cursor@EXAMPLE.com", agentRequests=1),
        cursor(day(24), "twice@example.com", totalTabsAccepted=1),
        cursor(day(25), "same.mail@example.com", totalTabsAccepted=1),
        cursor(day(26), "badrange@example.com", totalTabsAccepted=1),
        cursor(day(27), "overlap@example.com", totalTabsAccepted=1),
        cursor(day(28), "  spaced.CAPS@example.COM ", totalTabsAccepted=1),
    ]
    write_json(landing / "cursor" / "2025-10-01_main.json", cursor_response(good + cases))
    write_bytes(
        landing / "cursor" / "2025-10-02_truncated.json",
        truncated(cursor_response([cursor(day(2), "trunc.cursor@example.com", chatRequests=1)])),
    )
    write_bytes(landing / "cursor" / "2025-10-05_empty.json", b"")
    write_bytes(landing / "cursor" / "2025-10-05_empty_blank.json", b" \r\n \n")
    write_bytes(  # a response saved with a UTF-8 byte order mark (PowerShell 5 Out-File)
        landing / "cursor" / "2025-10-05_bom.json",
        b"\xef\xbb\xbf"
        + json.dumps(
            cursor_response([cursor(day(5), "bom.json@example.com", totalTabsAccepted=1)])
        ).encode(),
    )
    write_json(
        landing / "cursor" / "2025-10-05_no_data.json",
        {"error": {"code": 429, "message": "rate limited"}},
    )

    # --- claude_code ----------------------------------------------------------------------------
    good = [
        claude(f"{day(1)}T00:00:00Z", user_actor(f"good.claude.{i}@example.com"), sessions=1)
        for i in range(GOOD_PER_SOURCE)
    ]
    cases = [
        claude("2025-13-45T00:00:00Z", user_actor("bad.date.claude@example.com"), sessions=1),
        claude(f"{day(18)}T00:00:00Z", {"type": "user_actor"}, sessions=1),
        claude(
            f"{day(19)}T00:00:00Z",
            {"type": "service_actor", "email_address": "svc@example.com"},
            sessions=3,
        ),
    ]
    write_json(landing / "claude_code" / "2025-10-01_main.json", claude_page(good + cases))
    write_bytes(
        landing / "claude_code" / "2025-10-03_truncated.json",
        truncated(claude_page([claude(f"{day(3)}T00:00:00Z", user_actor("t@x.com"), sessions=1)])),
    )
    page = json.dumps(
        claude_page([claude(f"{day(5)}T00:00:00Z", user_actor("latin1@example.com"), sessions=1)])
    )
    write_bytes(
        landing / "claude_code" / "2025-10-05_latin1.json",
        page.replace("latin1@", "l\\u00e4tin1@").encode().replace(b"\\u00e4", b"\xe4"),
    )

    # --- github ---------------------------------------------------------------------------------
    good = [
        comment_event(7_000_000 + i, f"good-github-{i}", f"{day(1)}T12:00:00Z", "@claude fix")
        for i in range(GOOD_PER_SOURCE)
    ]
    cases = [
        comment_event(9001, "alias-missing-cols", f"{day(9)}T12:00:00Z", "@claude fix this"),
        comment_event(9002, "bad-date-github", "2025-13-45T10:00:00Z", "@claude fix this"),
        comment_event(9003, "", f"{day(18)}T12:00:00Z", "@claude fix this"),
        comment_event(
            9004, "unknown-event", f"{day(21)}T12:00:00Z", "@claude fix", "BrandNewEvent"
        ),
        comment_event(9005, "[bot]", f"{day(29)}T12:00:00Z", "@claude fix this"),
    ]
    write_ndjson(landing / "github" / "2025-10-01_main.ndjson", good + cases)

    # --- git ------------------------------------------------------------------------------------
    good = [
        commit(sha(f"good{i}"), f"good.git.{i}@example.com", f"{day(1)}T09:00:00+02:00")
        for i in range(GOOD_PER_SOURCE)
    ]
    cases = [
        commit(sha("baddate"), "bad.date.git@example.com", "2025-13-45T10:00:00+00:00"),
        commit(sha("nooffset"), "nooffset@example.com", f"{day(16)}T23:30:00"),
        {
            k: v
            for k, v in commit(sha("nomail"), None, f"{day(30)}T10:00:00+00:00").items()
            if k not in ("author_email", "committer_email")
        },
    ]
    write_ndjson(landing / "git" / "2025-10-01_main.ndjson", good + cases)
    write_ndjson(
        landing / "git" / "2025-10-17_huge.ndjson",
        [
            commit(
                sha("huge"),
                "huge.msg@example.com",
                f"{day(17)}T10:00:00+00:00",
                "Vendor a generated file\n\n" + "x" * TEN_MB + CLAUDE_TRAILER,
            )
        ],
    )
    write_bytes(landing / "git" / "2025-10-05_empty.ndjson", b"")
    write_bytes(
        landing / "git" / "2025-10-06_crlf.ndjson",
        b"".join(
            json.dumps(
                commit(sha(f"crlf{i}"), f"crlf.{i}@example.com", f"{day(6)}T10:00:00Z")
            ).encode()
            + b"\r\n"
            for i in (1, 2)
        ),
    )
    # A commit message in Latin-1 (git allows i18n.commitEncoding): byte 0xE9 is not UTF-8.
    latin1_message = json.dumps(
        commit(
            sha("latinbad"),
            "latin.bad@example.com",
            f"{day(11)}T10:00:00+00:00",
            "Corrige le caf\u00e9" + CLAUDE_TRAILER,
        )
    ).encode()
    # In the same file, a line that is valid UTF-8 with non-ASCII text stays as written.
    utf8_message = json.dumps(
        commit(
            sha("latinutf8"),
            "latin.good@example.com",
            f"{day(11)}T11:00:00Z",
            "D\u00e9j\u00e0 vu" + CLAUDE_TRAILER,
        ),
        ensure_ascii=False,
    ).encode()
    # Windows-1252 (what git on Windows writes): 0x93, 0x94 and 0x96 are no Latin-1 character,
    # and DuckDB's Latin-1 reader rejects a whole file that holds one.
    cp1252_message = json.dumps(
        commit(
            sha("cp1252bad"),
            "cp1252.bad@example.com",
            f"{day(11)}T12:00:00Z",
            "Fix \u201cquoted\u201d \u2013 edge case" + CLAUDE_TRAILER,
        ),
        ensure_ascii=False,
    ).encode("cp1252")
    write_bytes(
        landing / "git" / "2025-10-11_latin1.ndjson",
        ndjson_line(commit(sha("latingood"), "latin.good@example.com", f"{day(11)}T09:00:00Z"))
        + latin1_message.replace(b"\\u00e9", b"\xe9")
        + b"\n"
        + utf8_message
        + b"\r\n\n"
        + cp1252_message
        + b"\n",
    )

    # Python's json.dumps of a Latin-1 message read with errors='surrogateescape' writes the
    # byte 0xE9 as the escape of a lone surrogate, \udce9, which no JSON parser here accepts; an
    # emoji is a surrogate pair (\ud83d\ude00) and valid (case 50).
    surrogate_commit = commit(
        sha("surrogates"),
        "surrogate.dev@example.com",
        f"{day(11)}T12:00:00Z",
        "Corrig\udce9 \udc93q\udc94 \U0001f600 \ud800" + CLAUDE_TRAILER,
    )
    write_bytes(landing / "git" / "2025-10-11_surrogates.ndjson", ndjson_line(surrogate_commit))

    # --- files no source reads (case 45) ---------------------------------------------------------
    unread_event = comment_event(9901, "unread-github", f"{day(1)}T12:00:00Z", "@claude fix")
    write_ndjson(landing / "github" / "2025" / "10" / "events.ndjson", [unread_event])
    write_json(landing / "copilot" / "2025-10-01_export.json", {"note": "saved as .json"})
    write_json(landing / "windsurf" / "usage.json", {"data": []})
    write_bytes(landing / "copilot" / ".DS_Store", b"\x00\x01")

    # --- file names DuckDB cannot list (case 49) -------------------------------------------------
    unlistable = copilot(day(1), 4901, "unlistable-user", completion())
    write_bytes_named(
        landing / "copilot", b"2025-10-01_r\xe9sum\xe9.ndjson", ndjson_line(unlistable)
    )
    backslash_event = comment_event(4902, "backslash-user", f"{day(1)}T12:00:00Z", "@claude fix")
    write_bytes(landing / "github" / "2025-10-01\\events.ndjson", ndjson_line(backslash_event))

    # --- a file the build cannot open (case 59): a link to a file moved away -------------------
    (landing / "cursor" / "2025-10-01_moved.json").symlink_to(landing / "archive" / "gone.json")

    # --- JSON saved as UTF-16 by Windows PowerShell's Out-File (case 62) -------------------------
    powershell = cursor_response([cursor(day(1), "powershell@acme.com", chatRequests=2)])
    write_bytes(
        landing / "cursor" / "2025-10-01_powershell.json", json.dumps(powershell).encode("utf-16")
    )


# =============================================================================================
# The other landing folders.
# =============================================================================================

SMALL_GOOD = 30  # 1 bad of 31 stays under the default quarantine limit of 5%
ZERO_BYTE_FILES = (
    "copilot/2025-10-01.ndjson",
    "github/2025-10-01.ndjson",
    "directory/people.csv",
    "directory/identities.csv",
    "directory/team_memberships.csv",
)


def write_small_landing(landing: Path) -> None:
    """A truncated Cursor file and a non-JSON git line among good records (default period and
    quarantine limit); the other folders hold only zero-byte files (claude_code: no file)."""
    write_json(
        landing / "cursor" / "2025-10-01.json",
        cursor_response(
            cursor(day(1), f"small.cursor.{i}@example.com", totalTabsAccepted=1)
            for i in range(SMALL_GOOD)
        ),
    )
    write_bytes(
        landing / "cursor" / "2025-10-02.json",
        truncated(cursor_response([cursor(day(2), "lost.cursor@example.com", chatRequests=1)])),
    )
    lines = [
        commit(sha(f"small{i}"), f"small.git.{i}@example.com", f"{day(2)}T10:00:00Z")
        for i in range(SMALL_GOOD)
    ]
    write_bytes(
        landing / "git" / "2025-10-02.ndjson",
        b"".join(ndjson_line(record) for record in lines[:15])
        + b"<html>502 Bad Gateway</html>\n"
        + b"".join(ndjson_line(record) for record in lines[15:]),
    )
    for name in ZERO_BYTE_FILES:
        write_bytes(landing / name, b"")
    (landing / "claude_code").mkdir(parents=True)


def write_zero_byte_json_landing(landing: Path) -> None:
    """A cursor folder with only a zero-byte file, next to a healthy copilot folder."""
    write_bytes(landing / "cursor" / "2025-10-01.json", b"")
    write_ndjson(
        landing / "copilot" / "2025-10-01.ndjson",
        [copilot(day(1), 1, "zero-json-neighbour", completion())],
    )


def write_share_landing(landing: Path) -> None:
    """2 of 3 git lines are garbage: 67% of the source quarantined, far above 5%."""
    write_bytes(
        landing / "git" / "2025-10-01.ndjson",
        ndjson_line(commit(sha("share"), "share@example.com", f"{day(1)}T10:00:00Z"))
        + b"garbage\n"
        + b'{"sha": "abc", "message": "cut off\n',
    )


LONG_MESSAGE = "Caf\u00e9 " + "x" * 200_000 + CLAUDE_TRAILER


def write_latin1_csv_landing(landing: Path) -> None:
    """people.csv as Excel saves it on Windows (cp1252, CRLF), with a curly apostrophe (0x92,
    no Latin-1 character) and a quoted line break, and one cursor record of each person; a
    large git file in cp1252."""
    text = (
        "person_id,full_name,email,team\r\n"
        "p_latin,J\u00fcrgen M\u00fcller,jm@example.com,Rho\r\n"
        '"p_curly","Dana O\u2019Brien\r\nJr.",dana@example.com,Rho\r\n'
        "p_comma,M\u00fcller, J\u00fcrgen,mj@example.com,Rho\r\n"  # case 52
    )
    write_bytes(landing / "directory" / "people.csv", text.encode("cp1252"))
    # team_memberships.csv in UTF-16 with its byte order mark, as Windows PowerShell's `>`
    # writes it (case 48).
    memberships = (
        "Team history\r\n"  # case 54: a title line
        "person_id,team,valid_from,valid_to\r\np_latin,\u00c9quipe,2025-09-01,\r\n"
        "p_curly,R&D, Platform,2025-09-01,2025-09-30\r\n"  # case 52
    )
    write_bytes(landing / "directory" / "team_memberships.csv", memberships.encode("utf-16"))
    # A header that is an SQL keyword (`source`): DuckDB's normalize_names reads it `_source`.
    # Semicolons, as Excel writes CSV in much of Europe, every field quoted (DuckDB's sniffer
    # reads such a file as one column); a spare field (case 52).
    write_csv(
        landing / "directory" / "identities.csv",
        '"person_id";"source";"account";"is_shared"',
        [
            '"p_latin";"Cursor";"jm.alias@example.com";"false"',
            '"p_curly";"git";"dana";"dana@example.com";"false"',
        ],
    )
    write_json(
        landing / "cursor" / "2025-10-01.json",
        cursor_response(
            [
                cursor(day(1), "jm@example.com", totalTabsAccepted=1),
                cursor(day(1), "dana@example.com", totalTabsAccepted=1),
            ]
        ),
    )
    # A large git file that is not UTF-8 (one 0x92 among 3,000 commits) and a 200 KB message
    # with 0xE9: decoded line by line in memory and time that grow with the file, not faster.
    plain = [
        commit(sha(f"plain{i}"), f"plain.{i}@example.com", f"{day(2)}T10:00:00Z", "Plain change")
        for i in range(3000)
    ]
    plain[1500]["message"] = "It\u2019s a plain change"
    lines = [*plain, commit(sha("long"), "long@example.com", f"{day(2)}T11:00:00Z", LONG_MESSAGE)]
    write_bytes(
        landing / "git" / "history.ndjson",
        b"".join(json.dumps(line, ensure_ascii=False).encode("cp1252") + b"\n" for line in lines),
    )


def write_far_future_landing(landing: Path) -> None:
    """A year typo (2125 for 2025) in one record, and the zero date some exporters write for
    "no date" (0001-01-01), with the default (derived) period."""
    write_ndjson(
        landing / "copilot" / "2025-10-01.ndjson",
        [
            copilot(day(1), 1, "real-date", completion()),
            copilot("2125-10-01", 2, "year-typo", completion()),
            copilot("0001-01-01", 3, "zero-date", completion()),
        ],
    )


def write_date_shapes_landing(landing: Path) -> None:
    """Dates in shapes other than the documented ones (cases 35-37, 42), and a record without a
    login after the last counted one, with the default (derived) period."""
    write_ndjson(
        landing / "copilot" / "2025-10-01.ndjson",
        [
            copilot(f"{day(2)}T00:00:00Z", 1, "iso-day", completion()),
            copilot(day(5), 5, None, completion()),
        ],
    )
    write_json(
        landing / "cursor" / "2025-10-01.json",
        cursor_response(
            [
                cursor(
                    day(3),
                    "text.ms@example.com",
                    date_value=str(epoch_ms(day(3))),
                    totalTabsAccepted=1,
                ),
                cursor(
                    day(3),
                    "float.ms@example.com",
                    date_value=float(epoch_ms(day(3))),
                    totalTabsAccepted=1,
                ),
                cursor(
                    day(4),
                    "fraction.ms@example.com",
                    date_value=epoch_ms(day(4)) + 0.5,
                    totalTabsAccepted=1,
                ),
                cursor(day(4), "huge.ms@example.com", date_value=2**63 - 1, totalTabsAccepted=1),
            ]
        ),
    )
    # git's own "ISO-like" date (`%ai`): 01:30 at +0200 is 23:30 UTC the day before.
    write_ndjson(
        landing / "git" / "repo.ndjson",
        [commit(sha("git-iso-like"), "iso.like@example.com", "2025-10-03 01:30:00 +0200")],
    )


def write_value_shapes_landing(landing: Path) -> None:
    """A Claude Code `date` with an offset or without a time (case 43), an account field sent
    as a JSON object, list, number or boolean instead of text (case 44, on day 10), accounts whose
    text merely starts with a digit (day 14), and flags that are no booleans (case 65, day 13)."""
    write_json(
        landing / "claude_code" / "2025-10-06.json",
        claude_page(
            [
                claude("2025-10-06T00:00:00+02:00", user_actor("plus.two@example.com"), sessions=1),
                claude(
                    "2025-10-07T00:00:00-07:00", user_actor("minus.seven@example.com"), sessions=1
                ),
                claude("2025-10-08", user_actor("bare.date@example.com"), sessions=1),
                claude(
                    "2025-10-10T00:00:00Z",
                    user_actor({"address": "object.claude@example.com"}),
                    sessions=1,
                ),
                claude("2025-10-11", {"email_address": "untyped@example.com"}, sessions=1),
                claude("2025-10-12", {"api_key_name": "untyped-key"}, sessions=1),
                {**claude("2025-10-10", user_actor(7), sessions=1), "note": "number-claude"},
                claude("2025-10-14", user_actor("7.claude@example.com"), sessions=1),
            ]
        ),
    )
    write_ndjson(
        landing / "copilot" / "2025-10-10.ndjson",
        [
            copilot(day(10), 4401, {"login": "object-login"}, completion()),
            copilot(day(13), 4404, "flag-agent", used_agent="", used_cli="n/a"),
            copilot(day(13), 4405, "flag-chat", completion(), used_chat=1),
        ],
    )
    list_email = {**cursor(day(10), "x@example.com", totalTabsAccepted=1)}
    list_email["email"] = ["list.cursor@example.com"]
    false_email = {**cursor(day(10), "x@example.com", totalTabsAccepted=1), "email": False}
    false_email["note"] = "false-cursor"
    flag_cursor = {**cursor(day(13), "flag.cursor@example.com", chatRequests=1), "isActive": "n/a"}
    digit_cursor = cursor(day(14), "123+digit-cursor@users.noreply.github.com", chatRequests=1)
    write_json(
        landing / "cursor" / "2025-10-10.json",
        cursor_response([list_email, false_email, flag_cursor, digit_cursor]),
    )
    object_actor = comment_event(4402, "x", f"{day(10)}T12:00:00Z", "@claude fix this")
    object_actor["actor"] = {"id": 1, "login": {"name": "object-actor"}}
    true_actor = comment_event(4403, True, f"{day(10)}T12:00:00Z", "@claude fix this")
    true_actor["note"] = "true-actor"
    digit_actor = comment_event(4406, "007", f"{day(14)}T12:00:00Z", "@claude fix this")
    write_ndjson(landing / "github" / "2025-10-10.ndjson", [object_actor, true_actor, digit_actor])
    object_author = commit(sha("object-author"), "x@example.com", f"{day(10)}T10:00:00Z")
    object_author["author_email"] = {"email": "object.git@example.com"}
    write_ndjson(landing / "git" / "repo.ndjson", [object_author])


def write_number_shapes_landing(landing: Path) -> None:
    """Case 63: counts that DuckDB's JSON reader takes for numbers and JSON has not (NaN and
    Infinity as Python's json.dumps writes them, and lower-case nan), and 1e400, a JSON
    number beyond a double; each record on its own day."""
    nan, infinity = float("nan"), float("inf")
    write_ndjson(
        landing / "copilot" / "2025-10-02.ndjson",
        [
            copilot(day(2), 6302, "nan-top", code_acceptance_activity_count=nan, used_agent=True),
            copilot(day(3), 6303, "nan-feature", [feature("code_completion", **{
                "code_acceptance_activity_count": nan, "loc_added_sum": 4})]),
            copilot(day(4), 6304, "infinity-top", code_acceptance_activity_count=infinity),
        ],
    )  # fmt: skip
    lower_case = copilot(
        day(5), 6305, "lower-nan-feature",
        [feature("code_completion", code_acceptance_activity_count=777)],
    )  # fmt: skip
    beyond_double = copilot(day(6), 6306, "beyond-double", code_acceptance_activity_count=888)
    write_bytes(
        landing / "copilot" / "2025-10-05.ndjson",
        (ndjson_line(lower_case) + ndjson_line(beyond_double))
        .replace(b": 777", b": nan")
        .replace(b": 888", b": 1e400"),
    )
    write_json(
        landing / "cursor" / "2025-10-07.json",
        cursor_response([
            cursor(day(7), "nan.cursor@example.com", chatRequests=nan, agentRequests=1),
            cursor(day(8), "infinity.cursor@example.com", totalTabsAccepted=infinity),
        ]),
    )  # fmt: skip
    page = claude_page([claude(day(9), user_actor("nan.claude@example.com"))])
    page["data"][0]["core_metrics"]["num_sessions"] = nan
    page["data"][0]["tool_actions"]["edit_tool"]["accepted"] = 1
    write_json(landing / "claude_code" / "2025-10-09.json", page)


def write_timestamp_shapes_landing(landing: Path) -> None:
    """Case 64: UTC offsets no clock has (+99:99, +24:00, +23:60), beside a valid +05:30, and
    RFC 3339's lower-case `t` and `z`; each record has an author or actor of its own."""
    write_ndjson(
        landing / "git" / "repo.ndjson",
        [
            commit(sha("offset-99"), "offset.99@example.com", f"{day(2)}T12:00:00+99:99"),
            commit(sha("offset-24"), "offset.24@example.com", f"{day(2)}T12:00:00+24:00"),
            commit(sha("offset-2360"), "offset.2360@example.com", f"{day(2)}T12:00:00+23:60"),
            # 01:00 at +05:30 is 19:30 UTC the day before
            commit(sha("offset-0530"), "offset.0530@example.com", f"{day(3)}T01:00:00+05:30"),
            commit(sha("lower-case"), "lower.case@example.com", f"{day(4)}t10:00:00z"),
        ],
    )
    write_ndjson(
        landing / "github" / "2025-10-05.ndjson",
        [
            comment_event(6401, "offset-25", f"{day(5)}T12:00:00+25:00", "@claude fix this"),
            comment_event(6402, "lower-case", f"{day(6)}t12:00:00z", "@claude fix this"),
        ],
    )


def write_roster_and_history_landing(landing: Path) -> None:
    """Cases 38-40: people.csv rows of bots without is_bot, a quoted line break, and a
    repository whose history starts in 1990 (a period of 36 years), with the default period.
    Case 61: blank lines above people.csv's header, person_id after the 64th column of
    identities.csv, and a team_memberships.csv of white space only."""
    write_csv(
        landing / "directory" / "people.csv",
        "person_id,full_name,email,github_login,team,is_bot,employment_start,employment_end",
        [
            "p_release,Release,release@acme.com,acme-release-bot,Platform,,,",
            "p_alice,Alice,alice@acme.com,alice,Platform,,,",
            "p_bob,Bob,team@acme.com,bob,Platform,,,",
            "p_ci,CI,team@acme.com,,Platform,true,,",
            'p_dora,"Dora\nSmith",dora@acme.com,dora,Platform,,,',  # a quoted line break
        ],
    )
    people = landing / "directory" / "people.csv"
    people.write_text("\n \n" + people.read_text())
    hr_columns = [f"hr_field_{index}" for index in range(1, 67)]
    write_csv(
        landing / "directory" / "identities.csv",
        ",".join(["source", "account", "is_shared", *hr_columns, "person_id"]),
        [",".join(["git", "alice.home@gmail.com", "false", *[""] * len(hr_columns), "p_alice"])],
    )
    (landing / "directory" / "team_memberships.csv").write_text("  \n\t\n   \n")
    write_ndjson(
        landing / "git" / "acme_api.ndjson",
        [
            commit(sha("1990"), "alice@acme.com", "1990-01-01T09:00:00+00:00", "Initial import"),
            commit(sha("alice"), "alice@acme.com", f"{day(1)}T10:00:00+00:00"),
            commit(sha("release"), "release@acme.com", f"{day(1)}T11:00:00+00:00"),
            commit(sha("shared"), "team@acme.com", f"{day(1)}T12:00:00+00:00"),
            commit(sha("bob"), "bob@users.noreply.github.com", f"{day(2)}T12:00:00+00:00"),
        ],
    )


def write_garbage_csv_landing(landing: Path) -> None:
    """Case 46: a workbook saved as people.csv (binary bytes: NUL and other control bytes, no
    line structure), and an identities.csv line holding two apostrophes before a non-ASCII
    letter; case 60: a team_memberships.csv without its header line; one Copilot record of an
    unrostered developer."""
    workbook = b"PK\x03\x04\x14\x00\x00\x00\x08\x00\xfbq{]na\xb8\r\xfe\x00[Content_Types].xml"
    workbook += bytes(range(256)) * 4 + b"\n\x00\x01,\x02\x92\n" + bytes(range(255, -1, -1))
    write_bytes(landing / "directory" / "people.csv", workbook)
    write_csv(
        landing / "directory" / "identities.csv",
        "person_id,source,account,is_shared",
        ["p_quote,copilot,''jos\u00e9,false", "p_plain,cursor,plain@example.com,false"],
    )
    write_bytes(
        landing / "directory" / "team_memberships.csv",
        b"p_plain,Blue,2025-01-01,\r\np_quote,Red,2025-01-01,2025-06-01\r\n",
    )
    write_ndjson(
        landing / "copilot" / "2025-10-01.ndjson", [copilot(day(1), 4601, "solo", completion())]
    )


# Only the quarantine share test and what it needs (staging): enough to see whether it fails.
SHARE_TEST_ONLY = ["--select", "+landing_quarantine_share_within_limit"]


def only(selection: str) -> list[str]:
    """Build `selection` with the data tests of the selected models alone (not those that
    also read a model left out)."""
    return ["--select", selection, "--indirect-selection", "cautious"]


BUILDS = {  # name: (landing writer, dbt vars, dbt selection or None for the whole project)
    "bad": (write_bad_landing, PERIOD, None),
    "small": (write_small_landing, None, None),
    "latin1_csv": (write_latin1_csv_landing, PERIOD, None),
    "garbage_csv": (
        write_garbage_csv_landing,
        PERIOD,
        only("+ai_active_users_daily +landing_quarantine"),
    ),
    "zero_json": (write_zero_byte_json_landing, PERIOD, SHARE_TEST_ONLY),
    "share": (write_share_landing, {**PERIOD, "quarantine_share_severity": "error"}, None),
    "share_default": (write_share_landing, PERIOD, SHARE_TEST_ONLY),
    "roster_and_history": (
        write_roster_and_history_landing,
        None,
        only("+ai_active_users_daily +ai_active_users_monthly +landing_quarantine"),
    ),
    "date_shapes": (
        write_date_shapes_landing,
        None,
        only("+ai_active_users_daily +landing_quarantine"),
    ),
    "far_future": (write_far_future_landing, None, ["--select", "+int_reporting_period"]),
    "value_shapes": (
        write_value_shapes_landing,
        PERIOD,
        only("+ai_active_users_daily +landing_quarantine +ai_attribution_audit"),
    ),
    "number_shapes": (
        write_number_shapes_landing,
        PERIOD,
        only("+ai_active_users_daily +landing_quarantine +ai_companion_metrics_daily"),
    ),
    "timestamp_shapes": (
        write_timestamp_shapes_landing,
        PERIOD,
        only("+ai_active_users_daily +landing_quarantine"),
    ),
}


def _build(work_dir: Path, writer, dbt_vars, selection) -> Path | DbtBuildError:
    # The folder's name holds glob characters: DuckDB must read it as a path, not a pattern.
    landing = work_dir / ("landing[*?]" if writer is write_bad_landing else "landing")
    landing.mkdir(parents=True)
    writer(landing)
    try:
        if selection is None:
            return build_warehouse(landing, work_dir, dbt_vars=dbt_vars)
        db = work_dir / "warehouse.duckdb"
        args = ["build", *selection, "--exclude", "test_type:unit"]
        run_dbt(args, landing=landing, db=db, work_dir=work_dir, dbt_vars=dbt_vars)
        return db
    except DbtBuildError as error:
        error.warehouse = work_dir / "warehouse.duckdb"
        return error


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Path | DbtBuildError]:
    """All builds, in parallel; a failed build is returned as its DbtBuildError."""
    root = tmp_path_factory.mktemp("bad_input")
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(BUILDS)) as pool:
        futures = {name: pool.submit(_build, root / name, *spec) for name, spec in BUILDS.items()}
        return {name: future.result() for name, future in futures.items()}


def built(builds, name: str) -> Path:
    result = builds[name]
    if isinstance(result, DbtBuildError):
        raise result
    return result


@pytest.fixture(scope="module")
def bad_db(builds) -> Path:
    return built(builds, "bad")


# =============================================================================================
# Reading the outcome.
# =============================================================================================


def active_on(db: Path, date: str) -> dict[str, int]:
    """Dimension -> active_users on `date` in marts.ai_active_users_daily."""
    rows = query(
        db,
        f"select dimension, active_users from marts.ai_active_users_daily "
        f"where bucket_start = date '{date}'",
    )
    return {row["dimension"]: row["active_users"] for row in rows}


def expected_active(**counts) -> dict[str, int]:
    """Every dimension 0 unless given; `all` defaults to the largest given count."""
    result = dict.fromkeys(DIMENSIONS, 0)
    result.update(counts)
    if "all" not in counts:
        result["all"] = max(counts.values(), default=0)
    return result


def rostered_on(db: Path, date: str) -> int:
    return query(
        db,
        f"select active_rostered_users as n from marts.ai_active_users_daily "
        f"where bucket_start = date '{date}' and dimension = 'all'",
    )[0]["n"]


def teams_active_on(db: Path, date: str) -> dict[str, int]:
    """Team -> active_users (dimension all) on `date`, teams with nobody active left out."""
    rows = query(
        db,
        f"select team, active_users from marts.ai_active_users_by_team_daily "
        f"where bucket_start = date '{date}' and dimension = 'all' and active_users > 0",
    )
    return {row["team"]: row["active_users"] for row in rows}


def quarantine(db: Path, source: str, file_suffix: str, marker: str | None = None) -> list[dict]:
    """Rows of audit.landing_quarantine of one source and file (and holding `marker`)."""
    rows = query(
        db,
        "select * from audit.landing_quarantine order by source, file_name, record_number",
    )
    return [
        row
        for row in rows
        if row["source"] == source
        and row["file_name"].endswith(file_suffix)
        and (marker is None or marker in (row["record_text"] or ""))
    ]


def the_row(rows: list[dict]) -> dict:
    assert len(rows) == 1, rows
    return rows[0]


def attribution_audit(db: Path, source: str, date: str) -> dict:
    """The marts.ai_attribution_audit row of one source and activity date."""
    return the_row(
        query(
            db,
            f"select * from marts.ai_attribution_audit "
            f"where source = '{source}' and activity_date = date '{date}'",
        )
    )


# Every row audit.landing_quarantine must hold for the `bad` landing, and nothing else:
# (source, file suffix, marker in record_text or None, reason substring, is_still_counted).
EXPECTED_QUARANTINE = [
    ("git", "2025-10-11_latin1.ndjson", "Corrige le caf\u00e9",
     "line is not valid UTF-8: each of its bytes was read as a Windows-1252 character", True),
    ("git", "2025-10-11_latin1.ndjson", "Fix \u201cquoted\u201d \u2013 edge case",
     "line is not valid UTF-8: each of its bytes was read as a Windows-1252 character", True),
    ("git", "2025-10-11_surrogates.ndjson", "surrogate.dev@example.com",
     "line holds escaped lone surrogates", True),
    ("copilot", "2025-10-01_main.ndjson", "neg-count",
     "invalid count (read as 0): code_acceptance_activity_count", True),
    ("copilot", "2025-10-01_main.ndjson", "bad-date-copilot",
     "day is missing or not a YYYY-MM-DD date", False),
    ("copilot", "2025-10-01_main.ndjson", '"user_id":"1801"', "user_login is missing", False),
    ("copilot", "2025-10-04_lines.ndjson", None, "line is not a valid JSON object", False),
    ("copilot", "2025-10-04_lines.ndjson", None, "line is not a valid JSON object", False),
    ("cursor", "2025-10-01_main.json", "str.cursor@example.com",
     "invalid count (read as 0): composerRequests", True),
    ("cursor", "2025-10-01_main.json", "epoch.sec@example.com",
     "date looks like epoch seconds, not milliseconds", False),
    ("cursor", "2025-10-01_main.json", '"email":"   "', "email is missing", False),
    ("cursor", "2025-10-02_truncated.json", None, "file is not valid JSON (truncated?)", False),
    ("cursor", "2025-10-05_no_data.json", None, "file has no data array", False),
    ("claude_code", "2025-10-01_main.json", "bad.date.claude@example.com",
     "date is missing or invalid", False),
    ("claude_code", "2025-10-01_main.json", '"actor":{"type":"user_actor"}',
     "actor.email_address is missing", False),
    ("claude_code", "2025-10-03_truncated.json", None,
     "file is not valid JSON (truncated?)", False),
    ("claude_code", "2025-10-05_latin1.json", None, "file is not valid UTF-8 text", False),
    ("github", "2025-10-01_main.ndjson", "bad-date-github",
     "created_at is missing or not an ISO-8601 timestamp", False),
    ("github", "2025-10-01_main.ndjson", '"id": "9003"', "actor.login is missing", False),
    ("git", "2025-10-01_main.ndjson", "bad.date.git@example.com",
     "authored_at is missing or not an ISO-8601 timestamp", False),
    ("directory/people.csv", "people.csv", "p_baddate",
     "employment_start is not a YYYY-MM-DD date", False),
    ("directory/team_memberships.csv", "team_memberships.csv", "p_badrange",
     "valid_to is not after valid_from", False),
    ("directory/team_memberships.csv", "team_memberships.csv", "2025-13-45",
     "valid_from is missing or not a YYYY-MM-DD date", False),
    ("directory/people.csv", "people.csv", "p_shift",
     "row has more fields than the header", False),
    ("directory/team_memberships.csv", "team_memberships.csv", "Two",
     "row has more fields than the header", False),
    ("directory/people.csv", "people.csv", "p_flag",
     "is_bot is neither true nor false (read as false): x", True),
]  # fmt: skip


# =============================================================================================
# The `bad` build as a whole.
# =============================================================================================


def test_bad_landing_builds_and_every_good_record_counts(bad_db):
    """200 good records per source on 10-01: 1000 developers, none lost to the bad cases.
    Case 41: the landing folder is `landing[*?]`, and 100 of the copilot records are in files
    named `..._good[1].ndjson`, `..._good1.ndjson` and `..._good*?.ndjson`."""
    assert active_on(bad_db, day(1)) == {
        "all": 5 * GOOD_PER_SOURCE,
        CA: 2 * GOOD_PER_SOURCE,  # copilot completions, cursor tabs
        AIC: 0,
        CR: 0,
        AG: 3 * GOOD_PER_SOURCE,  # claude_code sessions, github @claude, git Claude trailer
    }


def test_file_names_with_glob_characters_are_read_as_themselves(bad_db):
    """Case 41: each file is read once, as itself, not as a pattern matching its neighbours."""
    rows = query(
        bad_db,
        "select file_name, count(*) as n from staging.stg_copilot__user_days "
        "where file_name like 'copilot/2025-10-01_good%' group by file_name order by file_name",
    )
    assert rows == [
        {"file_name": "copilot/2025-10-01_good*?.ndjson", "n": 10},
        {"file_name": "copilot/2025-10-01_good1.ndjson", "n": 40},
        {"file_name": "copilot/2025-10-01_good[1].ndjson", "n": 50},
    ]


# 45. a file no source reads (another extension, a sub-folder, an unknown folder) -> ignored,
#     and listed in audit.landing_unread_files (the landing folder's name holds glob characters)
def test_files_no_source_reads_are_listed_with_why(bad_db):
    rows = query(bad_db, "select * from audit.landing_unread_files order by file_name")
    assert rows == [
        {
            "file_name": "copilot/2025-10-01_export.json",
            "folder": "copilot",
            "reason": "not read: the name does not match; copilot/ reads *.ndjson only",
        },
        {
            "file_name": "copilot/2025-10-01_r\\xe9sum\\xe9.ndjson",
            "folder": "copilot",
            "reason": "not read: the file name is not valid UTF-8; rename the file",
        },
        {
            "file_name": "cursor/2025-10-01_moved.json",
            "folder": "cursor",
            "reason": "not read: a symbolic link to a file that does not exist;"
            " mend or remove the link",
        },
        {
            "file_name": "cursor/2025-10-01_powershell.json",
            "folder": "cursor",
            "reason": "not read: JSON written as UTF-16 (Windows PowerShell's `>` or Out-File);"
            " save it as UTF-8 (Out-File -Encoding utf8)",
        },
        {
            "file_name": "github/2025-10-01\\events.ndjson",
            "folder": "github",
            "reason": "not read: the file name holds a backslash; rename the file",
        },
        {
            "file_name": "github/2025/10/events.ndjson",
            "folder": "github",
            "reason": "not read: a sub-folder; github/ reads *.ndjson only",
        },
        {
            "file_name": "windsurf/usage.json",
            "folder": "windsurf",
            "reason": "not read: outside the source folders "
            "(copilot/, cursor/, claude_code/, github/, git/, directory/)",
        },
    ]
    unread = "select count(*) as n from staging.stg_github__events where event_id = '9901'"
    assert query(bad_db, unread) == [{"n": 0}]


# 62. a JSON or NDJSON file in UTF-16 (Windows PowerShell 5's `>` and Out-File) -> not read,
#     listed with what to do (each line read as garbage, or the whole response rejected, before)
def test_json_saved_as_utf16_is_listed_not_read(bad_db):
    unread = query(
        bad_db, "select file_name from audit.landing_unread_files where reason like '%UTF-16%'"
    )
    assert unread == [{"file_name": "cursor/2025-10-01_powershell.json"}]
    staged = (
        "select count(*) as n from staging.stg_cursor__user_days where file_name like '%power%'"
    )
    assert query(bad_db, staged) == [{"n": 0}]
    assert quarantine(bad_db, "cursor", "2025-10-01_powershell.json") == []


# 63. a count of NaN, Infinity (what Python's json.dumps writes for a float that is none),
#     nan or inf: DuckDB's JSON reader takes each for a number, JSON has no such number ->
#     invalid: read as 0, reported, the record's other fields still count (they counted as
#     numbers above every other before); 1e400 is a JSON number -> valid, counted as the cap
@pytest.mark.parametrize(
    ("source", "file_name", "marker", "field"),
    [("copilot", "2025-10-02.ndjson", "nan-top", "code_acceptance_activity_count"),
     ("copilot", "2025-10-02.ndjson", "nan-feature",
      "totals_by_feature.code_acceptance_activity_count"),
     ("copilot", "2025-10-02.ndjson", "infinity-top", "code_acceptance_activity_count"),
     ("copilot", "2025-10-05.ndjson", "lower-nan-feature",
      "totals_by_feature.code_acceptance_activity_count"),
     ("cursor", "2025-10-07.json", "nan.cursor@", "chatRequests"),
     ("cursor", "2025-10-07.json", "infinity.cursor@", "totalTabsAccepted"),
     ("claude_code", "2025-10-09.json", "nan.claude@", "num_sessions")],
    ids=["copilot-nan", "copilot-feature-nan", "copilot-infinity", "copilot-feature-lower-nan",
         "cursor-nan", "cursor-infinity", "claude-code-nan"],
)  # fmt: skip
def test_count_that_is_no_json_number_reads_as_zero(builds, source, file_name, marker, field):
    db = built(builds, "number_shapes")
    row = the_row(quarantine(db, source, file_name, marker))
    assert row["reason"] == f"invalid count (read as 0): {field}"
    assert row["is_still_counted"] is True


def test_counts_that_are_no_json_number_qualify_nobody(builds):
    db = built(builds, "number_shapes")
    active = {
        (row["day"], row["dimension"]): row["active_users"]
        for row in query(
            db,
            "select strftime(bucket_start, '%Y-%m-%d') as day, dimension, active_users"
            " from marts.ai_active_users_daily where active_users > 0 and dimension <> 'all'",
        )
    }
    assert active == {
        (day(2), "coding_agents"): 1,  # used_agent; the NaN acceptance count is 0
        (day(6), "coding_assistance"): 1,  # 1e400 accepted completions, no feature list
        (day(7), "coding_agents"): 1,  # agentRequests; the NaN chat requests are 0
        (day(9), "ai_coding"): 1,  # an accepted edit; the NaN sessions are 0
    }
    volume = query(
        db,
        "select strftime(bucket_start, '%Y-%m-%d') as day, source, total_ai_actions,"
        " lines_accepted from marts.ai_companion_metrics_daily"
        " where source <> 'all' and (total_ai_actions > 0 or lines_accepted > 0) order by 1",
    )
    assert volume == [
        {"day": day(6), "source": "copilot", "total_ai_actions": 10**12, "lines_accepted": 0},
        {"day": day(7), "source": "cursor", "total_ai_actions": 1, "lines_accepted": 0},
        {"day": day(9), "source": "claude_code", "total_ai_actions": 1, "lines_accepted": 0},
    ]
    assert quarantine(db, "copilot", "2025-10-05.ndjson", "beyond-double") == []


# 64. a UTC offset no clock has (+99:99, +24:00, +23:60) -> quarantined: DuckDB read it as an
#     offset of days and moved the record; lower-case `t` and `z` (RFC 3339) -> read
@pytest.mark.parametrize(
    ("source", "file_name", "marker", "field"),
    [("git", "repo.ndjson", "offset.99@", "authored_at"),
     ("git", "repo.ndjson", "offset.24@", "authored_at"),
     ("git", "repo.ndjson", "offset.2360@", "authored_at"),
     ("github", "2025-10-05.ndjson", "offset-25", "created_at")],
    ids=["git-99:99", "git-24:00", "git-23:60", "github-25:00"],
)  # fmt: skip
def test_impossible_utc_offset_is_quarantined(builds, source, file_name, marker, field):
    db = built(builds, "timestamp_shapes")
    row = the_row(quarantine(db, source, file_name, marker))
    assert row["reason"] == f"{field} is missing or not an ISO-8601 timestamp"
    assert row["is_still_counted"] is False


def test_valid_offsets_and_lower_case_timestamps_count_on_their_utc_day(builds):
    db = built(builds, "timestamp_shapes")
    active = query(
        db,
        "select strftime(bucket_start, '%Y-%m-%d') as day, active_users"
        " from marts.ai_active_users_daily where dimension = 'coding_agents' and active_users > 0"
        " order by 1",
    )
    assert active == [
        {"day": day(2), "active_users": 1},  # +05:30, 19:30 UTC the day before
        {"day": day(4), "active_users": 1},  # git, lower-case t and z
        {"day": day(6), "active_users": 1},  # github, lower-case t and z
    ]


# 59. a file the build cannot open (a symbolic link to a file moved away; one its user may not
#     read) -> not read, listed (DuckDB failed the whole source's read at it, or the listing left
#     it out without a word); the source's other files count
def test_files_the_build_cannot_open_are_listed_not_read(bad_db):
    unopened = query(
        bad_db,
        "select file_name from audit.landing_unread_files where reason like '%mend or remove%'",
    )
    assert unopened == [{"file_name": "cursor/2025-10-01_moved.json"}]
    read = "select count(distinct file_name) as n from staging.stg_cursor__user_days"
    assert query(bad_db, read)[0]["n"] > 1


# 49. a file name that is not UTF-8 or holds a backslash -> not read, listed (DuckDB's glob()
#     failed the whole build at the first, and left out the second without a word)
def test_file_names_duckdb_cannot_list_are_reported_not_read(bad_db):
    unlisted = query(
        bad_db,
        "select reason from audit.landing_unread_files where reason like '%rename the file'",
    )
    assert len(unlisted) == 2
    read = (
        "select (select count(*) from staging.stg_copilot__user_days"
        " where user_login = 'unlistable-user') as copilot,"
        " (select count(*) from staging.stg_github__events where event_id = '4902') as github"
    )
    assert query(bad_db, read) == [{"copilot": 0, "github": 0}]


def test_landing_folder_written_unnormalised_keeps_file_names(tmp_path):
    """`./`, `//`, `..` and a trailing slash in the landing folder's name: DuckDB's glob returns
    paths without them, and file names were cut at the length of the name as written."""
    landing = tmp_path / "landing"
    write_ndjson(
        landing / "copilot" / "2025-10-01.ndjson", [copilot(day(1), 1, "octo", completion())]
    )
    write_json(landing / "notes.json", {})
    # Relative to the folder dbt runs in (run_dbt: the warehouse's).
    relative = Path(os.path.relpath(landing, tmp_path))
    written = f"./{relative.parent}//./x/../{relative.name}/"
    run_dbt(
        ["run", "--select", "stg_copilot__user_days", "landing_unread_files"],
        landing=landing,
        db=tmp_path / "warehouse.duckdb",
        work_dir=tmp_path,
        dbt_vars={**PERIOD, "landing_path": written},
    )
    db = tmp_path / "warehouse.duckdb"
    staged = query(db, "select file_name, account_key from staging.stg_copilot__user_days")
    assert staged == [{"file_name": "copilot/2025-10-01.ndjson", "account_key": "login:octo"}]
    unread = query(db, "select file_name, folder from audit.landing_unread_files")
    assert unread == [{"file_name": "notes.json", "folder": None}]


def test_quarantine_holds_exactly_the_expected_rows(bad_db):
    rows = query(bad_db, "select * from audit.landing_quarantine")
    unmatched = list(rows)
    for source, suffix, marker, reason, still_counted in EXPECTED_QUARANTINE:
        match = next(
            (
                row
                for row in unmatched
                if row["source"] == source
                and row["file_name"].endswith(suffix)
                and (marker is None or marker in (row["record_text"] or ""))
                and reason in row["reason"]
                and row["is_still_counted"] is still_counted
            ),
            None,
        )
        assert match is not None, f"no quarantine row for {(source, suffix, marker, reason)}"
        unmatched.remove(match)
    assert unmatched == [], "unexpected quarantine rows"


def data_test_statuses(db: Path) -> dict[str, str]:
    """Each data test's name -> its status in the build of `db` (run_results.json)."""
    results = json.loads((db.parent / "target" / "run_results.json").read_text())
    return {
        result["unique_id"].split(".")[2]: result["status"]
        for result in results["results"]
        if result["unique_id"].startswith("test.")
    }


def test_quarantine_warns_and_the_share_test_flags_only_unreadable_files(bad_db):
    """Every source's rejected records stay under 5 %, but Cursor and Claude Code each have a
    response file that could not be read at all, which used to count as one record."""
    status = data_test_statuses(bad_db)
    assert status["landing_quarantine_is_empty"] == "warn"
    assert status["landing_quarantine_share_within_limit"] == "warn"
    assert status["landing_unread_files_is_empty"] == "warn"  # case 45
    compiled = next(
        (bad_db.parent / "target" / "compiled").rglob("landing_quarantine_share_within_limit.sql")
    )
    flagged = query(
        bad_db,
        "select source, records_quarantined <= 0.05 * records_read as within_share,"
        f" unreadable_files from ({compiled.read_text()}) order by source",
    )
    assert flagged == [
        {"source": "claude_code", "within_share": True, "unreadable_files": 2},
        {"source": "cursor", "within_share": True, "unreadable_files": 2},
    ]


# =============================================================================================
# One test per kind of bad input (docs/bad_input.md, in the same order).
# =============================================================================================


# 1. truncated JSON file -> quarantined (the whole response; records in other files count)
@pytest.mark.parametrize(
    ("source", "file_name", "date"),
    [("cursor", "2025-10-02_truncated.json", day(2)),
     ("claude_code", "2025-10-03_truncated.json", day(3))],
)  # fmt: skip
def test_truncated_json_file_is_quarantined(bad_db, source, file_name, date):
    row = the_row(quarantine(bad_db, source, file_name))
    assert row["reason"] == "file is not valid JSON (truncated?)"
    assert row["record_number"] == 0 and row["is_still_counted"] is False
    assert row["record_text"] is None
    assert active_on(bad_db, date) == expected_active()


# 2. NDJSON line that is not JSON -> quarantined; the good lines of the same file count
def test_ndjson_line_that_is_not_json_is_quarantined(bad_db):
    rows = quarantine(bad_db, "copilot", "2025-10-04_lines.ndjson")
    assert [row["reason"] for row in rows] == ["line is not a valid JSON object"] * 2
    assert all(row["is_still_counted"] is False for row in rows)
    # ndjson-good-1 and ndjson-good-2 (lines 1 and 5) count; ndjson-trunc (line 4) does not.
    assert active_on(bad_db, day(4)) == expected_active(all=2, coding_assistance=2)


def test_ndjson_quarantine_points_at_the_record_in_its_file(bad_db):
    """The position counts the file's non-blank lines: the blank line 3 is not a record."""
    rows = quarantine(bad_db, "copilot", "2025-10-04_lines.ndjson")
    assert sorted(row["record_number"] for row in rows) == [2, 3]


# 3. empty file -> ignored, JSON response and NDJSON alike (no records to read or report)
def test_empty_json_response_file_is_ignored(bad_db):
    assert quarantine(bad_db, "cursor", "2025-10-05_empty.json") == []
    assert quarantine(bad_db, "cursor", "2025-10-05_empty_blank.json") == []  # only white space
    staged = query(
        bad_db,
        "select count(*) as n from staging.stg_cursor__user_days where file_name like '%empty%'",
    )
    assert staged == [{"n": 0}]


def test_empty_ndjson_file_is_ignored(bad_db):
    assert quarantine(bad_db, "git", "2025-10-05_empty.ndjson") == []
    files = query(
        bad_db, "select count(*) as n from staging.stg_git__commits where file_name like '%empty%'"
    )
    assert files[0]["n"] == 0


# 4. zero-byte folder -> ignored for NDJSON and CSV folders (nothing read, nothing reported);
#    a JSON-response folder of zero-byte files too
def test_zero_byte_ndjson_and_csv_folders_are_ignored(builds):
    db = built(builds, "small")
    for model in (
        "stg_copilot__user_days",
        "stg_github__events",
        "stg_claude_code__usage_records",
        "stg_directory__people",
        "stg_directory__identities",
        "stg_directory__team_memberships",
    ):
        assert query(db, f"select count(*) as n from staging.{model}") == [{"n": 0}], model
    sources = query(db, "select distinct source from audit.landing_quarantine order by source")
    assert sources == [{"source": "cursor"}, {"source": "git"}]  # the small build's own cases
    headcount = query(db, "select max(headcount) as n from marts.ai_active_users_daily")
    assert headcount == [{"n": 0}]


def test_zero_byte_json_folder_does_not_fail_the_build(builds):
    db = built(builds, "zero_json")
    assert query(db, "select count(*) as n from staging.stg_cursor__user_days") == [{"n": 0}]


# 5. BOM-prefixed CSV -> repaired: the byte order mark is not part of the first column name
def test_bom_prefixed_csv_is_read(bad_db):
    rows = query(
        bad_db,
        "select person_id from staging.stg_directory__team_memberships order by record_number",
    )
    assert [row["person_id"] for row in rows] == [
        "p_bom",
        "p_badrange",
        "p_overlap",
        "p_overlap",
        "p_missing",
        "p_bom",  # case 52: rejected, so Kappa from 10-01 stays p_bom's team
    ]
    # p_bom's membership (Kappa) wins over people.csv's team (Lambda) on 10-07.
    assert teams_active_on(bad_db, day(7)) == {"Kappa": 1}


# 6. CSV with an extra column -> ignored (the column); the rows count
def test_csv_extra_column_is_ignored(bad_db):
    columns = {
        row["column_name"]
        for row in query(
            bad_db,
            "select column_name from information_schema.columns "
            "where table_schema = 'staging' and table_name = 'stg_directory__people'",
        )
    }
    assert "cost_center" not in columns
    assert active_on(bad_db, day(8)) == expected_active(coding_assistance=1)
    assert rostered_on(bad_db, day(8)) == 1
    assert teams_active_on(bad_db, day(8)) == {"Mu": 1}


# 7. CSV with missing columns -> repaired: a missing column reads as blank (identities.csv
#    without `source` and `is_shared`: the mapping applies, the account is not shared)
def test_csv_missing_columns_read_as_blank(bad_db):
    row = the_row(
        query(
            bad_db, "select * from staging.stg_directory__identities where person_id = 'p_missing'"
        )
    )
    assert row["account_source"] is None and row["is_shared"] is False
    assert row["rejection_reason"] is None
    assert active_on(bad_db, day(9)) == expected_active(coding_agents=1)
    assert rostered_on(bad_db, day(9)) == 1
    assert teams_active_on(bad_db, day(9)) == {"Gamma": 1}


# 8. CSV with reordered columns -> repaired: columns are matched by name
def test_csv_reordered_columns_are_matched_by_name(bad_db):
    row = the_row(
        query(bad_db, "select * from staging.stg_directory__people where person_id = 'p_reorder'")
    )
    assert (row["email"], row["team"], row["full_name"]) == (
        "reorder@example.com",
        "Delta",
        "Re Order",
    )
    assert teams_active_on(bad_db, day(10)) == {"Delta": 1}
    assert rostered_on(bad_db, day(10)) == 1


# 9. non-UTF-8 bytes in a commit message
def test_non_utf8_commit_message_does_not_stop_the_build(bad_db):
    """Every commit of the file counts; a bad byte reads as its Windows-1252 character (0xE9
    is `é` as in Latin-1, 0x93 is `“`), and a valid UTF-8 line of the same file keeps its text."""
    counted = query(
        bad_db,
        "select account_key, message from staging.stg_git__commits "
        "where file_name like '%latin1%' and is_current order by authored_at",
    )
    assert [row["account_key"] for row in counted] == [
        "email:latin.good@example.com",
        "email:latin.bad@example.com",
        "email:latin.good@example.com",
        "email:cp1252.bad@example.com",
    ]
    assert counted[1]["message"].startswith("Corrige le caf\u00e9")
    assert counted[2]["message"].startswith("D\u00e9j\u00e0 vu")
    assert counted[3]["message"].startswith("Fix \u201cquoted\u201d \u2013 edge case")
    # The blank line after the CRLF line is no record: the lines are numbered without it.
    numbers = query(
        bad_db,
        "select record_number from audit.landing_quarantine "
        "where file_name like '%latin1.ndjson' order by record_number",
    )
    assert numbers == [{"record_number": 2}, {"record_number": 4}]


def test_non_utf8_commit_message_is_repaired_and_counts(bad_db):
    # 3 authors of the Latin-1 file and 1 of case 50's file
    assert active_on(bad_db, day(11)) == expected_active(all=4, coding_agents=4)
    reported = quarantine(bad_db, "git", "2025-10-11_latin1.ndjson")
    assert [(row["reason"], row["is_still_counted"]) for row in reported] == [
        ("line is not valid UTF-8: each of its bytes was read as a Windows-1252 character", True)
    ] * 2


# 50. JSON escapes of lone surrogates in a commit message (json.dumps of surrogateescape text)
def test_escaped_lone_surrogates_are_replaced_and_the_commit_counts(bad_db):
    counted = query(
        bad_db,
        "select message from staging.stg_git__commits "
        "where file_name like '%surrogates.ndjson' and is_current",
    )
    # 0xE9 reads é, 0x93 and 0x94 read “ and ” (Windows-1252, as in case 9); the pair is an
    # emoji; the lone \ud800 reads U+FFFD.
    assert [row["message"][:15] for row in counted] == [
        "Corrig\u00e9 \u201cq\u201d \U0001f600 \ufffd"
    ]
    reported = quarantine(bad_db, "git", "2025-10-11_surrogates.ndjson")
    assert [(row["reason"], row["is_still_counted"]) for row in reported] == [
        (
            "line holds escaped lone surrogates: each \\udc80-\\udcff (a byte that was not"
            " UTF-8, escaped by the exporter) was read as the Latin-1 character of that byte,"
            " any other as U+FFFD",
            True,
        )
    ]


# 10. string where a number belongs -> quarantined but still counted (the field reads as 0)
def test_string_count_reads_as_zero_and_record_still_counts(bad_db):
    row = the_row(quarantine(bad_db, "cursor", "2025-10-01_main.json", "str.cursor@example.com"))
    assert row["reason"] == "invalid count (read as 0): composerRequests"
    assert row["is_still_counted"] is True
    # totalTabsAccepted=2 counts; composerRequests="4" (the only ai_coding field) reads as 0.
    assert active_on(bad_db, day(12)) == expected_active(coding_assistance=1)


# 11. negative count -> quarantined but still counted (the field reads as 0)
def test_negative_count_reads_as_zero_and_record_still_counts(bad_db):
    row = the_row(quarantine(bad_db, "copilot", "2025-10-01_main.ndjson", "neg-count"))
    assert row["reason"] == "invalid count (read as 0): code_acceptance_activity_count"
    assert row["is_still_counted"] is True
    # used_agent counts; code_acceptance_activity_count=-2 (no feature list) does not.
    assert active_on(bad_db, day(13)) == expected_active(coding_agents=1)


# 12. impossible date (2025-13-45) -> quarantined, in every source that has a date
@pytest.mark.parametrize(
    ("source", "file_suffix", "marker", "reason"),
    [
        ("copilot", "main.ndjson", "bad-date-copilot", "day is missing or not a YYYY-MM-DD date"),
        ("claude_code", "main.json", "bad.date.claude@", "date is missing or invalid"),
        ("github", "main.ndjson", "bad-date-github",
         "created_at is missing or not an ISO-8601 timestamp"),
        ("git", "main.ndjson", "bad.date.git@",
         "authored_at is missing or not an ISO-8601 timestamp"),
        ("directory/people.csv", "people.csv", "p_baddate",
         "employment_start is not a YYYY-MM-DD date"),
        ("directory/team_memberships.csv", "team_memberships.csv", "2025-13-45",
         "valid_from is missing or not a YYYY-MM-DD date"),
    ],
    ids=["copilot", "claude_code", "github", "git", "people", "team_memberships"],
)  # fmt: skip
def test_impossible_date_is_quarantined(bad_db, source, file_suffix, marker, reason):
    row = the_row(quarantine(bad_db, source, file_suffix, marker))
    assert row["reason"] == reason and row["is_still_counted"] is False
    assert "2025-13-45" in row["record_text"]


# 13. epoch in seconds instead of milliseconds -> quarantined
def test_epoch_seconds_is_quarantined(bad_db):
    row = the_row(quarantine(bad_db, "cursor", "2025-10-01_main.json", "epoch.sec@example.com"))
    assert row["reason"] == "date looks like epoch seconds, not milliseconds"
    assert active_on(bad_db, day(15)) == expected_active()


# 14. timestamp without offset -> repaired: read as UTC (the session time zone of the profile)
def test_timestamp_without_offset_reads_as_utc(bad_db):
    row = the_row(
        query(
            bad_db,
            "select authored_at, activity_date, rejection_reason from staging.stg_git__commits "
            "where author_email = 'nooffset@example.com'",
        )
    )
    assert row["rejection_reason"] is None
    assert row["authored_at"] == dt.datetime(2025, 10, 16, 23, 30)
    assert row["activity_date"] == dt.date(2025, 10, 16)
    assert active_on(bad_db, day(16)) == expected_active(coding_agents=1)


# 15. future date beyond as_of_date -> ignored (contract §7: outside the period), not reported
def test_future_date_beyond_as_of_date_is_ignored(bad_db):
    last = query(bad_db, "select max(bucket_start) as d from marts.ai_active_users_daily")
    assert last[0]["d"] == dt.date(2025, 10, 31)
    assert quarantine(bad_db, "copilot", "main.ndjson", "future-user") == []
    row = the_row(
        query(
            bad_db, "select * from staging.stg_copilot__user_days where user_login = 'future-user'"
        )
    )
    assert row["is_current"] is True and row["activity_date"] == dt.date(2025, 11, 20)
    developer_days = query(
        bad_db,
        "select count(*) as n from intermediate.int_developer_activity_days "
        "where activity_date > date '2025-10-31'",
    )
    assert developer_days[0]["n"] == 0


def test_far_future_date_is_read_and_warned_about(builds):
    db = built(builds, "far_future")
    period = the_row(query(db, "select * from intermediate.int_reporting_period"))
    assert (period["coverage_start"], period["as_of_date"]) == (
        dt.date(2025, 10, 1),
        dt.date(2125, 10, 1),
    )
    rejected = "select user_login, rejection_reason from staging.stg_copilot__user_days"
    rejected += " where rejection_reason is not null"
    assert query(db, rejected) == [
        {
            "user_login": "zero-date",
            "rejection_reason": "date is not between 1900-01-01 and 2199-12-31",
        }
    ]
    assert data_test_statuses(db)["int_reporting_period__as_of_date_within_a_year"] == "warn"


def test_rejected_record_with_a_date_bounds_the_default_period(builds):
    # The record without a login (day 5) is rejected, but its date was read: contract
    # section 7 takes the period from every parsed record, qualifying or not.
    db = built(builds, "date_shapes")
    period = the_row(query(db, "select * from intermediate.int_reporting_period"))
    assert (period["coverage_start"], period["as_of_date"]) == (day_date(2), day_date(5))
    assert active_on(db, day(5)) == expected_active()


# 16. null or blank user -> quarantined, in every source
@pytest.mark.parametrize(
    ("source", "file_suffix", "marker", "reason"),
    [
        ("copilot", "main.ndjson", '"user_id":"1801"', "user_login is missing"),
        ("cursor", "main.json", '"email":"   "', "email is missing"),
        ("claude_code", "main.json", '"actor":{"type":"user_actor"}',
         "actor.email_address is missing"),
        ("github", "main.ndjson", '"id": "9003"', "actor.login is missing"),
    ],
    ids=["copilot-null-login", "cursor-blank-email", "claude_code-no-email", "github-blank-login"],
)  # fmt: skip
def test_null_or_blank_user_is_quarantined(bad_db, source, file_suffix, marker, reason):
    row = the_row(quarantine(bad_db, source, file_suffix, marker))
    assert row["reason"] == reason and row["is_still_counted"] is False
    assert active_on(bad_db, day(18)) == expected_active()


# 17. unknown actor.type -> ignored: counts nobody, reported as unattributed (not a person)
def test_unknown_actor_type_is_ignored_and_reported_unattributed(bad_db):
    assert quarantine(bad_db, "claude_code", "main.json", "service_actor") == []
    assert active_on(bad_db, day(19)) == expected_active()
    audit = attribution_audit(bad_db, "claude_code", "2025-10-19")
    assert audit["records_qualifying"] == 1 and audit["qualifying_api_key_actor"] == 1


# 18. unknown Copilot feature -> ignored (qualifies nothing; the record's known features count)
def test_unknown_copilot_feature_is_ignored(bad_db):
    assert quarantine(bad_db, "copilot", "main.ndjson", "brand_new_mode") == []
    # unknown-feature (only the new feature) is not active; unknown-feature-mixed is, by its
    # code completion.
    assert active_on(bad_db, day(20)) == expected_active(coding_assistance=1)


# 19. unknown GitHub event type -> ignored
def test_unknown_github_event_type_is_ignored(bad_db):
    row = the_row(query(bad_db, "select * from staging.stg_github__events where event_id = '9004'"))
    assert row["rejection_reason"] is None and row["event_type"] == "BrandNewEvent"
    assert active_on(bad_db, day(21)) == expected_active()


# 20. duplicate key with different values -> repaired: the latest file wins, and inside one
#     file the last line, comparing normalised identities
def test_duplicate_key_across_files_latest_file_wins(bad_db):
    rows = query(
        bad_db,
        "select file_name, is_current from staging.stg_copilot__user_days "
        "where user_id = '2222' order by file_name",
    )
    assert [(Path(r["file_name"]).name, r["is_current"]) for r in rows] == [
        ("2025-10-01_main.ndjson", False),
        ("2025-10-22_redelivery.ndjson", True),
    ]
    # The later delivery says code completion (coding_assistance), not used_agent.
    assert active_on(bad_db, day(22)) == expected_active(coding_assistance=1)


def test_duplicate_key_inside_a_file_last_line_wins(bad_db):
    # "Dup.Cursor@example.com" chatRequests, then " dup.cursor@EXAMPLE.com" agentRequests.
    assert active_on(bad_db, day(23)) == expected_active(coding_agents=1)


# 21. a person in people.csv twice -> repaired: the last row wins
def test_person_twice_in_people_csv_last_row_wins(bad_db):
    rows = query(
        bad_db,
        "select team, is_current, rejection_reason from staging.stg_directory__people "
        "where person_id = 'p_twice' order by record_number",
    )
    assert [(r["team"], r["is_current"], r["rejection_reason"]) for r in rows] == [
        ("Alpha", False, None),
        ("Beta", True, None),
    ]
    assert teams_active_on(bad_db, day(24)) == {"Beta": 1}
    assert rostered_on(bad_db, day(24)) == 1
    assert data_test_statuses(bad_db)["directory_person_ids_listed_once"] == "warn"


def test_one_email_for_two_people_is_shared_and_ignored(bad_db):
    """Contract §7: a key linked to two person ids is shared: its activity counts for nobody."""
    assert active_on(bad_db, day(25)) == expected_active()
    row = the_row(
        query(
            bad_db,
            "select * from intermediate.int_identities_resolved "
            "where account_key = 'email:same.mail@example.com'",
        )
    )
    assert row["is_shared"] is True and row["developer_id"] is None


# 22. team membership with valid_to before valid_from -> quarantined; people.team applies
def test_membership_ending_before_it_starts_is_quarantined(bad_db):
    row = the_row(
        quarantine(bad_db, "directory/team_memberships.csv", "team_memberships.csv", "p_badrange")
    )
    assert row["reason"] == "valid_to is not after valid_from"
    assert teams_active_on(bad_db, day(26)) == {"Zeta": 1}


# 23. overlapping memberships -> repaired: the row with the latest valid_from wins (contract §7)
def test_overlapping_memberships_latest_valid_from_wins(bad_db):
    assert teams_active_on(bad_db, day(27)) == {"Theta": 1}
    assert quarantine(bad_db, "directory/team_memberships.csv", "csv", "p_overlap") == []


# 24. an e-mail with spaces and capitals -> repaired: trimmed and lower-cased, matches people.csv
def test_email_with_spaces_and_capitals_is_normalised(bad_db):
    keys = query(
        bad_db,
        "select distinct account_key from staging.stg_cursor__user_days "
        "where activity_date = date '2025-10-28'",
    )
    assert keys == [{"account_key": "email:spaced.caps@example.com"}]
    assert active_on(bad_db, day(28)) == expected_active(coding_assistance=1)
    assert rostered_on(bad_db, day(28)) == 1
    assert teams_active_on(bad_db, day(28)) == {"Iota": 1}


# 25. a login that is only `[bot]` -> ignored: a [bot] login is a bot, never a developer
def test_login_that_is_only_bot_suffix_is_ignored(bad_db):
    assert quarantine(bad_db, "github", "main.ndjson", '"id":"9005"') == []
    row = the_row(
        query(
            bad_db,
            "select * from intermediate.int_identities_resolved where account_key = 'login:[bot]'",
        )
    )
    assert row["is_bot"] is True and row["developer_id"] is None
    assert active_on(bad_db, day(29)) == expected_active()


# 26. a commit with no author e-mail -> ignored: counts nobody, reported as unattributed
def test_commit_without_author_email_is_ignored_and_reported_unattributed(bad_db):
    assert active_on(bad_db, day(30)) == expected_active()
    assert quarantine(bad_db, "git", "main.ndjson", sha("nomail")) == []
    audit = attribution_audit(bad_db, "git", "2025-10-30")
    assert audit["records_qualifying"] == 1 and audit["qualifying_no_account"] == 1


# 27. a 10 MB commit message -> read whole; its trailer counts
def test_ten_megabyte_commit_message_counts(bad_db):
    row = the_row(
        query(
            bad_db,
            "select length(message) as n, rejection_reason from staging.stg_git__commits "
            "where author_email = 'huge.msg@example.com'",
        )
    )
    assert row["n"] > TEN_MB and row["rejection_reason"] is None
    assert active_on(bad_db, day(17)) == expected_active(coding_agents=1)


# --- further kinds found on the way ----------------------------------------------------------


# 28. a JSON response without a `data` array (an API error body) -> quarantined
def test_json_response_without_data_array_is_quarantined(bad_db):
    row = the_row(quarantine(bad_db, "cursor", "2025-10-05_no_data.json"))
    assert row["reason"] == "file has no data array" and row["record_number"] == 0


# 29. a JSON response that is not UTF-8 -> quarantined
def test_json_response_not_utf8_is_quarantined(bad_db):
    row = the_row(quarantine(bad_db, "claude_code", "2025-10-05_latin1.json"))
    assert row["reason"] == "file is not valid UTF-8 text" and row["record_number"] == 0


# 30. unknown extra fields in a vendor record -> ignored (the fields); the record counts
def test_unknown_extra_fields_are_ignored(bad_db):
    assert active_on(bad_db, day(14)) == expected_active(coding_assistance=1)


# 31. BOM-prefixed NDJSON -> repaired: the byte order mark is skipped, the first line counts
def test_bom_prefixed_ndjson_is_read(bad_db):
    assert quarantine(bad_db, "copilot", "2025-10-31_bom.ndjson") == []
    assert active_on(bad_db, day(31)) == expected_active(coding_assistance=1)


# 32. BOM-prefixed JSON response
def test_bom_prefixed_json_response_is_read(bad_db):
    assert quarantine(bad_db, "cursor", "2025-10-05_bom.json") == []
    assert active_on(bad_db, day(5)) == expected_active(coding_assistance=1)


# 33. NDJSON with Windows line endings (CRLF) -> read as usual
def test_crlf_line_endings_are_read(bad_db):
    assert quarantine(bad_db, "git", "2025-10-06_crlf.ndjson") == []
    assert active_on(bad_db, day(6)) == expected_active(coding_agents=2)


# 34. a CSV that is not UTF-8 (people.csv saved as Windows-1252)
def test_non_utf8_csv_does_not_stop_the_build(builds):
    db = built(builds, "latin1_csv")
    assert active_on(db, day(1)) == expected_active(coding_assistance=2)
    assert rostered_on(db, day(1)) == 2
    assert teams_active_on(db, day(1)) == {"\u00c9quipe": 1, "Rho": 1}  # case 48: UTF-16
    assert active_on(db, day(2)) == expected_active(coding_agents=1)  # the long message
    commits = query(
        db,
        "select count(*) as n, count(*) filter (where message like 'It\u2019s a plain%') as curly, "
        "max(length(message)) as longest from staging.stg_git__commits where is_current",
    )
    assert commits == [{"n": 3001, "curly": 1, "longest": len(LONG_MESSAGE)}]
    people = query(
        db,
        "select file_name, record_number, person_id, full_name from staging.stg_directory__people "
        "where rejection_reason is null order by record_number",
    )
    identities = query(
        db,
        "select person_id, account_source from staging.stg_directory__identities"
        " where rejection_reason is null",
    )
    assert identities == [{"person_id": "p_latin", "account_source": "cursor"}]
    assert people == [
        {
            "file_name": "directory/people.csv",
            "record_number": 1,
            "person_id": "p_latin",
            "full_name": "J\u00fcrgen M\u00fcller",
        },
        {
            "file_name": "directory/people.csv",
            "record_number": 2,
            "person_id": "p_curly",
            "full_name": "Dana O\u2019Brien\nJr.",
        },
    ]


# 52. a directory CSV row with more fields than the header (an unquoted comma in `Smith, Ann`)
#     -> quarantined: its fields would read shifted into the wrong columns
@pytest.mark.parametrize(
    ("file_name", "marker", "spare"),
    [("directory/people.csv", "p_shift", "CC-1"),
     ("directory/team_memberships.csv", "Two", "2025-10-31")],
    ids=["people", "team_memberships"],
)  # fmt: skip
def test_row_with_more_fields_than_the_header_is_quarantined(bad_db, file_name, marker, spare):
    row = the_row(quarantine(bad_db, file_name, file_name.split("/")[1], marker))
    assert row["reason"] == (
        "row has more fields than the header (a value holding the delimiter needs quotes); "
        f"spare fields: {spare}"
    )
    assert row["is_still_counted"] is False


def test_spare_fields_are_found_in_any_encoding_and_delimiter(builds):
    """people.csv in Windows-1252 with CRLF (read from a UTF-8 copy), team_memberships.csv in
    UTF-16, identities.csv with semicolons: each spare field is found, in the file's own
    delimiter."""
    db = built(builds, "latin1_csv")
    rows = query(
        db,
        "select file_name, reason from audit.landing_quarantine"
        " where reason like 'row has more fields%' order by file_name",
    )
    reason = "row has more fields than the header (a value holding the delimiter needs quotes); "
    assert [(row["file_name"], row["reason"].removeprefix(reason)) for row in rows] == [
        ("directory/identities.csv", "spare fields: false"),
        ("directory/people.csv", "spare fields: Rho"),
        ("directory/team_memberships.csv", "spare fields: 2025-09-30"),
    ]


def test_a_trailing_comma_is_not_a_spare_field(bad_db):
    people = query(
        bad_db,
        "select person_id, full_name, team, rejection_reason from staging.stg_directory__people"
        " where person_id in ('p_shift', 'p_trail') and is_current",
    )
    assert people == [
        {"person_id": "p_trail", "full_name": "Trail Comma", "team": "Sigma",
         "rejection_reason": None}
    ]  # fmt: skip


# 54. a title line above people.csv's header -> the header is the first line naming person_id
def test_a_title_line_above_the_header_is_skipped(bad_db):
    people = query(
        bad_db,
        "select record_number, person_id, full_name from staging.stg_directory__people"
        " where record_number <= 2 order by record_number",
    )
    assert people == [
        {"record_number": 1, "person_id": "p_extra", "full_name": "Extra Column"},
        {"record_number": 2, "person_id": "p_reorder", "full_name": "Re Order"},
    ]
    assert quarantine(bad_db, "directory/people.csv", "people.csv", "exported") == []


# 53. a people.csv is_bot that is neither true nor false (`x`, German Excel's `WAHR`) -> read as
#     false, as the contract's true/false reads it, and reported
def test_a_flag_neither_true_nor_false_reads_false_and_is_reported(bad_db):
    row = the_row(quarantine(bad_db, "directory/people.csv", "people.csv", "p_flag"))
    assert row["reason"] == "is_bot is neither true nor false (read as false): x"
    assert row["is_still_counted"] is True
    person = query(
        bad_db,
        "select is_bot, is_current from staging.stg_directory__people where person_id = 'p_flag'",
    )
    assert person == [{"is_bot": False, "is_current": True}]


NO_HEADER = (
    "no header line naming person_id in the first ten lines: the file is not read"
    " (its first line must name the columns)"
)


# 60. a directory CSV without its header line -> the file is not read, and one quarantine row
#     says so (its first row was taken for the header and lost without a word, the others
#     rejected as `person_id is missing`)
def test_directory_csv_without_header_is_one_rejected_row(builds):
    db = built(builds, "garbage_csv")
    memberships = "directory/team_memberships.csv"
    rejected = the_row(quarantine(db, memberships, "team_memberships.csv"))
    assert (rejected["record_number"], rejected["reason"]) == (0, NO_HEADER)
    assert rejected["is_still_counted"] is False
    read = "select count(*) as n from staging.stg_directory__team_memberships"
    assert query(db, read) == [{"n": 1}]


# 61. blank lines above a directory CSV's header, the key column after the 64th, a file of white
#     space only -> read as any other: no header read as a row (a team named `team`), the
#     mapping read, nothing reported
def test_directory_csvs_with_blank_lines_wide_headers_or_only_white_space(builds):
    db = built(builds, "roster_and_history")
    people = query(db, "select person_id from staging.stg_directory__people order by 1")
    assert [row["person_id"] for row in people] == [
        "p_alice",
        "p_bob",
        "p_ci",
        "p_dora",
        "p_release",
    ]
    mapping = query(
        db,
        "select person_id, account, is_current from staging.stg_directory__identities",
    )
    assert mapping == [
        {"person_id": "p_alice", "account": "alice.home@gmail.com", "is_current": True}
    ]
    assert query(db, "select count(*) as n from staging.stg_directory__team_memberships") == [
        {"n": 0}
    ]
    reported = query(
        db, "select count(*) as n from audit.landing_quarantine where source like 'directory/%'"
    )
    assert reported == [{"n": 0}]


# 46. a directory CSV that is no text at all, or that holds '' before a non-ASCII letter
def test_directory_csv_that_is_no_text_does_not_stop_the_build(builds):
    db = built(builds, "garbage_csv")  # DuckDB's dialect detection used to fail the build
    assert active_on(db, day(1)) == expected_active(coding_assistance=1)
    assert rostered_on(db, day(1)) == 0
    people = query(
        db,
        "select count(*) filter (where is_current) as current, count(*) as read "
        "from staging.stg_directory__people",
    )
    assert people == [{"current": 0, "read": 1}]
    rejected = the_row(quarantine(db, "directory/people.csv", "people.csv"))
    assert rejected["reason"] == NO_HEADER
    assert (rejected["record_number"], rejected["record_text"]) == (0, None)
    accounts = query(
        db,
        "select account from staging.stg_directory__identities where is_current order by 1",
    )
    assert [row["account"] for row in accounts] == ["''jos\u00e9", "plain@example.com"]


# 35. copilot `day` as an ISO-8601 timestamp -> repaired: its date part, never shifted
def test_copilot_day_as_timestamp_reads_its_date_part(builds):
    db = built(builds, "date_shapes")
    # coding_agents: the git commit of case 42 (another developer), on the same UTC day.
    assert active_on(db, day(2)) == expected_active(all=2, coding_assistance=1, coding_agents=1)
    assert quarantine(db, "copilot", "2025-10-01.ndjson", "iso-day") == []


# 36. cursor `date` as a string of digits or an integral JSON number -> repaired (epoch ms)
def test_cursor_epoch_ms_as_text_or_integral_number_is_read(builds):
    db = built(builds, "date_shapes")
    assert active_on(db, day(3)) == expected_active(coding_assistance=2)
    for marker in ("text.ms@example.com", "float.ms@example.com"):
        assert quarantine(db, "cursor", "2025-10-01.json", marker) == []


# 37. cursor `date` with a fraction, or beyond any timestamp -> quarantined, the build goes on
@pytest.mark.parametrize(
    ("marker", "reason"),
    [("fraction.ms@example.com", "date is not epoch milliseconds"),
     ("huge.ms@example.com", "date is not between 1900-01-01 and 2199-12-31")],
    ids=["fraction", "beyond-any-timestamp"],
)  # fmt: skip
def test_cursor_unreadable_epoch_ms_is_quarantined(builds, marker, reason):
    db = built(builds, "date_shapes")
    row = the_row(quarantine(db, "cursor", "2025-10-01.json", marker))
    assert row["reason"] == reason and row["is_still_counted"] is False
    assert active_on(db, day(4)) == expected_active()


# 42. git's "ISO-like" timestamp (`2025-10-03 01:30:00 +0200`) -> repaired: read with its offset
def test_git_iso_like_timestamp_is_read_with_its_offset(builds):
    db = built(builds, "date_shapes")
    rows = query(db, "select authored_at, activity_date from staging.stg_git__commits")
    assert rows == [{"authored_at": dt.datetime(2025, 10, 2, 23, 30), "activity_date": day_date(2)}]
    assert quarantine(db, "git", "repo.ndjson") == []


# 43. a Claude Code `date` with an offset, or a bare date -> repaired: read as a UTC calendar
#     date (contract section 7): 2025-10-06T00:00:00+02:00 is 2025-10-05 22:00 UTC
@pytest.mark.parametrize(
    ("date", "email"),
    [(5, "plus.two@example.com"), (7, "minus.seven@example.com"), (8, "bare.date@example.com")],
    ids=["plus-offset", "minus-offset", "bare-date"],
)  # fmt: skip
def test_claude_code_date_reads_as_a_utc_calendar_date(builds, date, email):
    db = built(builds, "value_shapes")
    rows = query(
        db,
        "select activity_date from staging.stg_claude_code__usage_records "
        f"where account_key = 'email:{email}' and rejection_reason is null",
    )
    assert rows == [{"activity_date": day_date(date)}]
    assert active_on(db, day(date)) == expected_active(coding_agents=1)


# 47. a Claude Code actor without `type`: with an e-mail it is a user; without, it is rejected
def test_claude_code_actor_without_a_type(builds):
    db = built(builds, "value_shapes")
    assert active_on(db, day(11)) == expected_active(coding_agents=1)
    row = the_row(quarantine(db, "claude_code", "2025-10-06.json", "untyped-key"))
    assert row["reason"] == "actor.type is missing" and row["is_still_counted"] is False
    assert active_on(db, day(12)) == expected_active()


# 44. an account sent as a JSON object, list, number or boolean instead of text -> quarantined (a
#     git author's object: the commit is attributed to nobody, like a commit without an e-mail)
@pytest.mark.parametrize(
    ("source", "file_name", "marker", "reason"),
    [("copilot", "2025-10-10.ndjson", "object-login",
      "user_login is an object or a list, not a login"),
     ("cursor", "2025-10-10.json", "list.cursor@example.com",
      "email is an object or a list, not an e-mail"),
     ("claude_code", "2025-10-06.json", "object.claude@example.com",
      "actor.email_address is an object or a list, not an e-mail"),
     ("github", "2025-10-10.ndjson", "object-actor",
      "actor.login is an object or a list, not a login"),
     ("cursor", "2025-10-10.json", "false-cursor",
      "email is a number or a boolean, not an e-mail"),
     ("claude_code", "2025-10-06.json", "number-claude",
      "actor.email_address is a number or a boolean, not an e-mail"),
     ("github", "2025-10-10.ndjson", "true-actor",
      "actor.login is a number or a boolean, not a login")],
    ids=["copilot", "cursor", "claude_code", "github",
         "cursor-boolean", "claude_code-number", "github-boolean"],
)  # fmt: skip
def test_account_sent_as_no_text_is_quarantined(builds, source, file_name, marker, reason):
    db = built(builds, "value_shapes")
    row = the_row(quarantine(db, source, file_name, marker))
    assert row["reason"] == reason and row["is_still_counted"] is False
    assert active_on(db, day(10)) == expected_active()


def test_account_text_starting_with_a_digit_counts(builds):
    db = built(builds, "value_shapes")
    assert active_on(db, day(14)) == expected_active(all=3, coding_assistance=1, coding_agents=2)
    assert quarantine(db, "cursor", "", "digit-cursor") == []
    assert quarantine(db, "github", "", "007") == []


def test_git_author_sent_as_object_is_attributed_to_nobody(builds):
    db = built(builds, "value_shapes")
    assert quarantine(db, "git", "repo.ndjson") == []
    accounts = query(db, "select account_key from staging.stg_git__commits")
    assert accounts == [{"account_key": None}]
    audit = attribution_audit(db, "git", "2025-10-10")
    assert audit["records_qualifying"] == 1 and audit["qualifying_no_account"] == 1


# 65. a vendor flag that is no JSON boolean (`""`, `"n/a"`, 1): read as false, the record counts,
#     and the quarantine lists it as still counted (a cast of "" used to fail the whole build)
@pytest.mark.parametrize(
    ("source", "marker", "fields"),
    [("copilot", "flag-agent", "used_agent, used_cli"),
     ("copilot", "flag-chat", "used_chat"),
     ("cursor", "flag.cursor@example.com", "isActive")],
    ids=["copilot-agent-cli", "copilot-chat", "cursor"],
)  # fmt: skip
def test_flag_that_is_no_boolean_reads_false_and_is_reported(builds, source, marker, fields):
    db = built(builds, "value_shapes")
    row = the_row(quarantine(db, source, "", marker))
    assert row["reason"] == f"invalid flag (read as false): {fields}"
    assert row["is_still_counted"] is True
    assert active_on(db, day(13)) == expected_active(coding_assistance=2)


# 38. a people.csv row of a bot without is_bot (its login is a release robot), and an e-mail
#     shared by a person and a bot person -> the bot row is a bot, the person stays a developer
def test_people_row_with_a_bot_login_is_a_bot_and_the_build_passes(builds):
    db = built(builds, "roster_and_history")  # every data test passes
    # Alice only: the release row is a bot (every key of it), team@ is shared.
    assert active_on(db, day(1)) == expected_active(coding_agents=1)
    assert rostered_on(db, day(1)) == 1
    # Bob (his own login) is still a rostered developer, in the headcount; the bots are not.
    # Dora, whose name holds a quoted line break (case 40), is in the headcount too.
    assert active_on(db, day(2)) == expected_active(coding_agents=1)
    rows = query(
        db,
        "select headcount from marts.ai_active_users_daily "
        f"where bucket_start = date '{day(2)}' and dimension = 'all'",
    )
    assert rows == [{"headcount": 3}]


# 39. a history reaching back decades (a 1990 import) -> the buckets cover all of it
def test_period_of_decades_has_every_bucket(builds):
    db = built(builds, "roster_and_history")
    months = query(
        db,
        "select count(*) as n, min(bucket_start) as first, max(bucket_start) as last"
        " from marts.ai_active_users_monthly where dimension = 'all'",
    )
    assert months == [
        {"n": 36 * 12 - 2, "first": dt.date(1990, 1, 1), "last": dt.date(2025, 10, 1)}
    ]
    days = query(db, "select count(*) as n from intermediate.int_calendar_days")
    assert days == [{"n": (dt.date(2025, 10, 31) - dt.date(1990, 1, 1)).days + 1}]


# =============================================================================================
# The `small` build (default period and quarantine limit) and the `share` builds.
# =============================================================================================


def test_truncated_file_and_non_json_line_do_not_stop_the_build(builds):
    db = built(builds, "small")
    # Default period: 10-01..10-02, from the parsed records only.
    assert active_on(db, day(1)) == expected_active(all=SMALL_GOOD, coding_assistance=SMALL_GOOD)
    assert active_on(db, day(2)) == expected_active(all=SMALL_GOOD, coding_agents=SMALL_GOOD)
    rows = query(db, "select source, reason from audit.landing_quarantine order by source")
    assert rows == [
        {"source": "cursor", "reason": "file is not valid JSON (truncated?)"},
        {"source": "git", "reason": "line is not a valid JSON object"},
    ]


def test_share_test_warns_by_default(builds):
    db = built(builds, "share_default")  # the build succeeds
    assert data_test_statuses(db)["landing_quarantine_share_within_limit"] == "warn"


def test_share_test_fails_the_build_when_most_of_a_source_is_garbage(builds):
    error = builds["share"]  # quarantine_share_severity: error
    assert isinstance(error, DbtBuildError), "2 of 3 git lines garbage must fail the build"
    message = str(error)
    assert "landing_quarantine_share_within_limit" in message
    failing = [line for line in message.splitlines() if "Failure in" in line]
    assert any("landing_quarantine_share_within_limit" in line for line in failing), failing
    assert re.search(r"ERROR=1 SKIP=0 ", message), "only the share test fails, no table skipped"


def test_share_test_failure_still_builds_every_table(builds):
    warehouse = builds["share"].warehouse
    rows = query(warehouse, "select table_name from duckdb_tables() where schema_name = 'marts'")
    tables = {row["table_name"] for row in rows}
    audit_tables = {"ai_source_coverage", "ai_bucket_source_gaps", "ai_attribution_audit"}
    assert audit_tables | {"ai_active_users_weekly", "ai_active_users_headline"} <= tables
    shares = query(
        warehouse,
        "select sum(records_read) as n_read, sum(records_quarantined) as n_quarantined"
        " from marts.ai_attribution_audit where source = 'git'",
    )
    assert shares == [{"n_read": 3, "n_quarantined": 2}]
