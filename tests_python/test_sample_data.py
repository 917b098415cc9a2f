"""The sample landing folder: deterministic, parseable, in the vendors' shapes, full of traps."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from ai_adoption import sample_data
from ai_adoption.sample_data import SampleConfig, generate

START = "2025-06-02"


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def _ndjson(path: Path) -> list[dict]:
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"{path.name}:{number} is blank"
        record = json.loads(line)
        assert isinstance(record, dict), f"{path.name}:{number} is not an object"
        records.append(record)
    return records


def _csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


class Landing:
    """Every record of a generated folder, with the file each came from."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.people = _csv(root / "directory" / "people.csv")
        self.identities = _csv(root / "directory" / "identities.csv")
        self.memberships = _csv(root / "directory" / "team_memberships.csv")
        self.copilot = [
            (p.name, r) for p in sorted((root / "copilot").glob("*.ndjson")) for r in _ndjson(p)
        ]
        self.cursor_docs = [
            (p.name, json.loads(p.read_text(encoding="utf-8")))
            for p in sorted((root / "cursor").glob("*.json"))
        ]
        self.cursor = [(name, r) for name, doc in self.cursor_docs for r in doc["data"]]
        self.claude_docs = [
            (p.name, json.loads(p.read_text(encoding="utf-8")))
            for p in sorted((root / "claude_code").glob("*.json"))
        ]
        self.claude = [(name, r) for name, doc in self.claude_docs for r in doc["data"]]
        self.github = [
            (p.name, r) for p in sorted((root / "github").glob("*.ndjson")) for r in _ndjson(p)
        ]
        self.git = [
            (p.name, r) for p in sorted((root / "git").glob("*.ndjson")) for r in _ndjson(p)
        ]


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Landing:
    root = tmp_path_factory.mktemp("small") / "landing"
    generate(root, SampleConfig(developers=20, days=14, seed=3))
    return Landing(root)


@pytest.fixture(scope="module")
def medium(tmp_path_factory) -> tuple[Landing, dict]:
    root = tmp_path_factory.mktemp("medium") / "landing"
    summary = generate(root, SampleConfig(developers=60, days=30, seed=11))
    return Landing(root), summary


# ---------------------------------------------------------------------------------------------
# determinism and the folder contract
# ---------------------------------------------------------------------------------------------


def test_same_seed_gives_byte_identical_files(tmp_path):
    config = SampleConfig(developers=20, days=14, seed=5)
    generate(tmp_path / "a", config)
    generate(tmp_path / "b", config)
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert first.keys() == second.keys()
    assert first == second


def test_different_seed_gives_different_files(tmp_path):
    generate(tmp_path / "a", SampleConfig(developers=20, days=14, seed=5))
    generate(tmp_path / "b", SampleConfig(developers=20, days=14, seed=6))
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert first["directory/people.csv"] != second["directory/people.csv"]
    assert first != second


def test_output_does_not_depend_on_the_number_of_workers(tmp_path):
    # 28 days or more: github is written in two parts, possibly by two processes
    generate(tmp_path / "one", SampleConfig(developers=12, days=28, seed=9, workers=1))
    generate(tmp_path / "two", SampleConfig(developers=12, days=28, seed=9, workers=2))
    assert _files(tmp_path / "one") == _files(tmp_path / "two")


def test_existing_folder_needs_force(tmp_path):
    out = tmp_path / "landing"
    config = SampleConfig(developers=8, days=3)
    generate(out, config)
    stray = out / "copilot" / "stray.ndjson"
    stray.write_text("{}\n")
    with pytest.raises(FileExistsError, match="force"):
        generate(out, config)
    assert stray.exists()  # nothing was touched
    (out / ".DS_Store").write_text("")  # the file system's, as a Mac's Finder leaves it
    generate(out, config, force=True)
    assert not stray.exists()
    assert (out / "directory" / "people.csv").exists()


def test_force_replaces_only_a_landing_folder(tmp_path, monkeypatch):
    config = SampleConfig(developers=8, days=3)
    project = tmp_path / "project"
    (project / "models").mkdir(parents=True)
    keep = project / "README.md"
    keep.write_text("keep me")
    with pytest.raises(ValueError, match="holds README.md, models, which no landing folder"):
        generate(project, config, force=True)
    monkeypatch.chdir(project / "models")
    with pytest.raises(ValueError, match="holds the working folder"):
        generate(Path(".."), config, force=True)
    a_file = tmp_path / "notes.txt"
    a_file.write_text("keep me too")
    with pytest.raises(ValueError, match="is a file, not a landing folder"):
        generate(a_file, config, force=True)
    assert keep.read_text() == "keep me" and a_file.read_text() == "keep me too"


def test_empty_existing_folder_is_fine(tmp_path):
    out = tmp_path / "landing"
    out.mkdir()
    generate(out, SampleConfig(developers=8, days=3))
    assert (out / "directory" / "people.csv").exists()


def test_cli_writes_the_folder(tmp_path, capsys):
    from ai_adoption.__main__ import main

    out = tmp_path / "landing"
    argv = ["generate-sample", "--out", str(out), "--developers", "10", "--days", "5"]
    assert main(argv) == 0
    assert (out / "github").is_dir()
    err = capsys.readouterr().err
    for source in sample_data.SOURCES:
        assert source in err
    assert main(argv) == 2
    assert capsys.readouterr().err == (
        f"generate-sample: {out} already exists and is not empty; add --force to replace it\n"
    )
    assert main([*argv, "--force"]) == 0
    assert main([*argv, "--force", "--days", "0"]) == 2
    assert capsys.readouterr().err.endswith("generate-sample: days must be at least 1\n")
    under_a_file = tmp_path / "a_file"
    under_a_file.write_text("")
    assert main(["generate-sample", "--out", str(under_a_file / "landing")]) == 2
    assert capsys.readouterr().err.startswith("generate-sample: [Errno 20] Not a directory")


def test_summary_counts_what_was_written(medium):
    landing, summary = medium
    assert summary["people"] == len(landing.people)
    assert summary["identities"] == len(landing.identities)
    assert summary["team_memberships"] == len(landing.memberships)
    assert summary["copilot"] == len(landing.copilot)
    assert summary["cursor"] == len(landing.cursor)
    assert summary["claude_code"] == len(landing.claude)
    assert summary["github"] == len(landing.github)
    assert summary["git"] == len(landing.git)


def test_layout_and_file_names(small):
    root = small.root
    assert sorted(p.name for p in root.iterdir()) == sorted(["directory", *sample_data.SOURCES])
    names = {p.name for p in (root / "copilot").iterdir()}
    assert f"users_1_day_{START}.ndjson" in names
    assert any(n.startswith("users_28_day_") for n in names)
    assert f"daily_usage_{START}.json" in {p.name for p in (root / "cursor").iterdir()}
    assert f"events_{START}.ndjson" in {p.name for p in (root / "github").iterdir()}
    assert (root / "git" / "platform-api.ndjson").exists()
    assert all(p.suffix == ".json" for p in (root / "claude_code").iterdir())


def test_team_names():
    assert sample_data.team_names(3) == ["Platform", "Payments", "Mobile"]
    many = sample_data.team_names(30)
    assert many[:8] == list(sample_data.TEAM_NAMES)
    assert len(set(many)) == 30


def test_invalid_config_is_rejected():
    with pytest.raises(ValueError):
        SampleConfig(developers=0)
    with pytest.raises(ValueError):
        SampleConfig(start="June 2nd")


# ---------------------------------------------------------------------------------------------
# record shapes
# ---------------------------------------------------------------------------------------------

COUNT = int
COPILOT_KEYS = {
    "day": str,
    "enterprise_id": str,
    "user_id": int,
    "user_login": str,
    "user_initiated_interaction_count": COUNT,
    "code_generation_activity_count": COUNT,
    "code_acceptance_activity_count": COUNT,
    "loc_suggested_to_add_sum": COUNT,
    "loc_suggested_to_delete_sum": COUNT,
    "loc_added_sum": COUNT,
    "loc_deleted_sum": COUNT,
    "used_agent": bool,
    "used_chat": bool,
    "used_cli": bool,
    "totals_by_ide": list,
}
FEATURE_KEYS = {
    "feature": str,
    "user_initiated_interaction_count": COUNT,
    "code_generation_activity_count": COUNT,
    "code_acceptance_activity_count": COUNT,
    "loc_suggested_to_add_sum": COUNT,
    "loc_added_sum": COUNT,
    "loc_deleted_sum": COUNT,
}
CURSOR_COUNTS = (
    "totalLinesAdded", "totalLinesDeleted", "acceptedLinesAdded", "acceptedLinesDeleted",
    "totalApplies", "totalAccepts", "totalRejects", "totalTabsShown", "totalTabsAccepted",
    "composerRequests", "chatRequests", "agentRequests", "cmdkUsages", "subscriptionIncludedReqs",
    "apiKeyReqs", "usageBasedReqs", "bugbotUsages",
)  # fmt: skip
GIT_KEYS = (
    "repository", "sha", "author_name", "author_email", "authored_at", "committer_name",
    "committer_email", "committed_at", "message",
)  # fmt: skip


def _has(record: dict, spec: dict) -> None:
    for key, kind in spec.items():
        assert key in record, f"{key} missing in {record}"
        value = record[key]
        assert isinstance(value, kind), f"{key}={value!r} is not {kind.__name__}"
        if kind is int:
            assert not isinstance(value, bool) and value >= 0, f"{key}={value!r}"


def _days(start: str, days: int) -> set[str]:
    first = date.fromisoformat(start)
    return {(first + timedelta(days=i)).isoformat() for i in range(days)}


def test_directory_shapes(small):
    root = small.root / "directory"
    header = (root / "people.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == (
        "person_id,full_name,email,github_login,team,is_bot,employment_start,employment_end"
    )
    assert (root / "identities.csv").read_text().splitlines()[0] == (
        "person_id,source,account,is_shared"
    )
    assert (root / "team_memberships.csv").read_text().splitlines()[0] == (
        "person_id,team,valid_from,valid_to"
    )
    ids = [p["person_id"] for p in small.people]
    assert len(ids) == len(set(ids)) == 21  # 20 developers and the release robot
    for person in small.people:
        assert person["email"] or person["github_login"]
        assert person["is_bot"] in ("true", "false", "")
        for key in ("employment_start", "employment_end"):
            if person[key]:
                date.fromisoformat(person[key])
    for row in small.identities:
        assert row["source"] in ("copilot", "cursor", "claude_code", "github", "git", "any")
        assert row["is_shared"] in ("true", "false")
        assert row["account"] and row["person_id"]
    for row in small.memberships:
        date.fromisoformat(row["valid_from"])
        if row["valid_to"]:
            assert row["valid_to"] > row["valid_from"]


def test_copilot_shapes(small):
    days = _days(START, 14)
    assert small.copilot
    for _, rec in small.copilot:
        _has(rec, COPILOT_KEYS)
        assert rec["day"] in days
        for feature in rec.get("totals_by_feature", []):
            _has(feature, FEATURE_KEYS)
        for ide in rec["totals_by_ide"]:
            _has(ide, {"ide": str, "code_generation_activity_count": COUNT})
        if "totals_by_cli" in rec:
            _has(rec["totals_by_cli"], {"session_count": COUNT, "request_count": COUNT})
        total = sum(f["code_acceptance_activity_count"] for f in rec.get("totals_by_feature", []))
        if rec.get("totals_by_feature"):
            assert total == rec["code_acceptance_activity_count"]


def test_cursor_shapes(small):
    day_ms = {
        int(datetime.fromisoformat(f"{d}T00:00:00+00:00").timestamp() * 1000)
        for d in _days(START, 14)
    }
    for _, doc in small.cursor_docs:
        assert set(doc) == {"data", "period"}
        assert doc["period"]["endDate"] - doc["period"]["startDate"] == 86_399_999
        assert doc["period"]["startDate"] in day_ms
    for _, rec in small.cursor:
        assert rec["date"] in day_ms
        _has(rec, {"userId": str, "email": str, "isActive": bool})
        _has(rec, dict.fromkeys(CURSOR_COUNTS, COUNT))
        for key in ("mostUsedModel", "applyMostUsedExtension", "tabMostUsedExtension"):
            assert key in rec and (rec[key] is None or isinstance(rec[key], str))
        assert "clientVersion" in rec


def test_claude_code_shapes(small):
    days = _days(START, 14)
    for _, doc in small.claude_docs:
        assert set(doc) == {"data", "has_more", "next_page"}
        assert isinstance(doc["has_more"], bool)
    for _, rec in small.claude:
        assert rec["date"].endswith("T00:00:00Z") and rec["date"][:10] in days
        _has(rec, {"organization_id": str, "customer_type": str, "terminal_type": str})
        assert rec["actor"]["type"] in ("user_actor", "api_actor")
        metrics = rec["core_metrics"]
        _has(metrics, {"num_sessions": COUNT, "commits_by_claude_code": COUNT})
        _has(metrics, {"pull_requests_by_claude_code": COUNT})
        _has(metrics["lines_of_code"], {"added": COUNT, "removed": COUNT})
        assert set(rec["tool_actions"]) == {
            "edit_tool", "multi_edit_tool", "write_tool", "notebook_edit_tool"
        }  # fmt: skip
        for action in rec["tool_actions"].values():
            _has(action, {"accepted": COUNT, "rejected": COUNT})
        for model in rec["model_breakdown"]:
            _has(model, {"model": str, "tokens": dict, "estimated_cost": dict})


def test_claude_code_pages_chain(tmp_path, monkeypatch):
    monkeypatch.setattr(sample_data, "CLAUDE_PAGE_SIZE", 3)
    generate(tmp_path / "l", SampleConfig(developers=40, days=7, seed=2, workers=1))
    by_day = defaultdict(list)
    for path in sorted((tmp_path / "l" / "claude_code").glob("*.json")):
        by_day[path.name[len("usage_report_") :][:10]].append(json.loads(path.read_text()))
    assert any(len(pages) > 1 for pages in by_day.values())
    for pages in by_day.values():
        for page in pages[:-1]:
            assert page["has_more"] is True and isinstance(page["next_page"], str)
            assert len(page["data"]) == 3
        assert pages[-1]["has_more"] is False and pages[-1]["next_page"] is None


def test_github_shapes(small):
    days = _days(START, 14)
    for _, ev in small.github:
        assert isinstance(ev["id"], str) and ev["id"].isdigit()
        assert isinstance(ev["type"], str)
        _has(ev["actor"], {"id": int, "login": str})
        _has(ev["repo"], {"id": int, "name": str})
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", ev["created_at"])
        assert ev["created_at"][:10] in days
        payload = ev["payload"]
        assert isinstance(payload, dict)
        if ev["type"] == "PullRequestEvent":
            assert payload["action"] in ("opened", "review_requested", "closed")
            assert isinstance(payload["number"], int)
            if payload["action"] == "review_requested":
                _has(payload["requested_reviewer"], {"login": str, "type": str})
        if ev["type"] in ("IssueCommentEvent", "PullRequestReviewCommentEvent"):
            _has(payload["comment"], {"body": str})
            assert payload["comment"]["user"]["login"] == ev["actor"]["login"]
        if ev["type"] == "IssuesEvent" and payload["action"] == "assigned":
            _has(payload["assignee"], {"login": str})


def test_git_shapes(small):
    offset = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d"
    first, last = date.fromisoformat(START), date.fromisoformat(START) + timedelta(days=13)
    for _, commit in small.git:
        for key in GIT_KEYS:
            assert isinstance(commit[key], str), key
        assert re.fullmatch(r"[0-9a-f]{40}", commit["sha"])
        assert isinstance(commit["parents"], list)
        assert all(re.fullmatch(r"[0-9a-f]{40}", p) for p in commit["parents"])
        assert re.fullmatch(offset, commit["authored_at"])
        assert re.fullmatch(offset, commit["committed_at"])
        authored = datetime.fromisoformat(commit["authored_at"])
        assert commit["committed_at"] >= commit["authored_at"][:10]
        # the UTC author date stays inside the period, so coverage matches the other sources
        utc_day = (authored - authored.utcoffset()).date()
        assert first <= utc_day <= last


# ---------------------------------------------------------------------------------------------
# traps at a default-like size
# ---------------------------------------------------------------------------------------------


def test_directory_traps(medium):
    landing, _ = medium
    people = {p["person_id"]: p for p in landing.people}
    period = _days(START, 30)
    bots = [p for p in landing.people if p["is_bot"] == "true"]
    assert [b["github_login"] for b in bots] == ["acme-release-bot"]
    assert any(p["employment_start"] in period for p in landing.people), "no hire"
    assert any(p["employment_end"] in period for p in landing.people), "no leaver"
    assert any(p["team"] == "" for p in landing.people), "nobody without a team"
    assert any(p["email"] == "" for p in landing.people), "nobody without an e-mail"
    assert any(p["github_login"] == "" for p in landing.people), "nobody without a login"
    assert {p["team"] for p in landing.people} - {""} <= set(sample_data.team_names(8))
    corporate = [p for p in landing.people if p["email"].lower().endswith("@acme.example")]
    assert len(corporate) >= 55

    rows = defaultdict(list)
    for row in landing.memberships:
        rows[row["person_id"]].append(row)
    moves = [pid for pid, rs in rows.items() if len({r["team"] for r in rs}) > 1]
    assert moves, "no team move"
    assert any(rs[0]["valid_to"] == rs[1]["valid_from"] for pid, rs in rows.items() if pid in moves)
    assert set(people) - set(rows), "everybody has membership rows"

    shared = [r for r in landing.identities if r["is_shared"] == "true"]
    assert [r["account"] for r in shared] == [sample_data.SHARED_ACCOUNT]
    pairing = {
        r["person_id"] for r in landing.identities if r["account"] == sample_data.PAIRING_ACCOUNT
    }
    assert len(pairing) == 2 and pairing <= set(people)
    unrostered = {r["person_id"] for r in landing.identities} - set(people)
    assert unrostered, "no identities row for an unrostered person"
    personal = [r for r in landing.identities if r["source"] == "git"]
    assert personal and all(not r["account"].endswith("@acme.example") for r in personal)


def test_copilot_traps(medium):
    landing, _ = medium
    records = [r for _, r in landing.copilot]
    logins = defaultdict(set)
    for rec in records:
        logins[rec["user_id"]].add(rec["user_login"])
    assert any(len(ls) > 1 and len({lg.lower() for lg in ls}) == 1 for ls in logins.values()), (
        "no login whose case varies"
    )
    features = {f["feature"] for r in records for f in r.get("totals_by_feature", [])}
    assert {
        "code_completion", "chat_panel_ask_mode", "chat_panel_edit_mode", "chat_panel_agent_mode",
        "agent_edit", "code_review", "copilot_cli", "chat_inline",
    } <= features  # fmt: skip
    gen_only = [
        r
        for r in records
        if r.get("totals_by_feature")
        and r["code_generation_activity_count"] > 0
        and r["code_acceptance_activity_count"] == 0
        and r["user_initiated_interaction_count"] == 0
    ]
    assert gen_only, "no generation-only record"
    assert any(r.get("totals_by_feature") == [] for r in records)
    assert any("totals_by_feature" not in r for r in records)
    assert any(r["used_cli"] and r["totals_by_cli"]["request_count"] > 0 for r in records)
    assert any(r["used_agent"] for r in records)

    seen: dict[tuple, tuple[str, dict]] = {}
    changed = repeated_across_files = 0
    for name, rec in landing.copilot:
        key = (rec["day"], rec["user_id"])
        if key in seen and seen[key][0] != name:
            repeated_across_files += 1
            changed += seen[key][1] != rec
        seen[key] = (name, rec)
    assert repeated_across_files and changed, "no re-delivered copilot user-day"
    assert max(name for name, _ in landing.copilot).startswith("users_28_day_")


def test_cursor_traps(medium):
    landing, _ = medium
    rows = [r for _, r in landing.cursor]
    zero_active = [r for r in rows if r["isActive"] and not any(r[k] for k in CURSOR_COUNTS)]
    assert zero_active, "no isActive row with zero counts"
    assert any(r["email"] != r["email"].strip() for r in rows), "no e-mail with whitespace"
    assert any(r["email"] != r["email"].lower() for r in rows), "no e-mail with capitals"
    assert any(r["email"] == sample_data.SHARED_ACCOUNT and r["isActive"] for r in rows)
    for key in ("totalTabsAccepted", "composerRequests", "agentRequests", "bugbotUsages"):
        assert any(r[key] > 0 for r in rows), key
    people_emails = {p["email"].lower() for p in landing.people}
    mapped = {r["account"].lower() for r in landing.identities}
    assert any(
        r["email"].strip().lower() not in people_emails | mapped for r in rows if r["isActive"]
    ), "no unrostered cursor user"
    files_per_key = defaultdict(set)
    for name, r in landing.cursor:
        files_per_key[(r["date"], r["email"].strip().lower())].add(name)
    assert any(len(names) > 1 for names in files_per_key.values()), "no re-delivered cursor day"


def test_claude_code_traps(medium):
    landing, _ = medium
    actors = [r["actor"] for _, r in landing.claude]
    assert {"type": "api_actor", "api_key_name": "ci-bot"} in actors
    emails = [a["email_address"] for a in actors if a["type"] == "user_actor"]
    assert sample_data.PAIRING_ACCOUNT in emails
    assert any(e != e.lower() for e in emails), "no e-mail with capitals"
    assert any(
        sum(t["accepted"] for t in r["tool_actions"].values()) > 0 for _, r in landing.claude
    )
    assert any(r["core_metrics"]["num_sessions"] > 0 for _, r in landing.claude)


def test_github_traps(medium):
    landing, _ = medium
    events = [e for _, e in landing.github]
    types = Counter(e["type"] for e in events)
    for kind in (
        "PullRequestEvent", "IssuesEvent", "IssueCommentEvent", "PullRequestReviewCommentEvent",
        "PullRequestReviewEvent", "PushEvent", "WatchEvent", "CreateEvent",
    ):  # fmt: skip
        assert types[kind], kind
    requested = {
        e["payload"]["requested_reviewer"]["login"]
        for e in events
        if e["type"] == "PullRequestEvent" and e["payload"]["action"] == "review_requested"
    }
    assert set(sample_data.AI_REVIEWERS) <= requested
    assert requested - set(sample_data.AI_REVIEWERS), "no human reviewer"
    assignees = {
        e["payload"]["assignee"]["login"]
        for e in events
        if e["type"] == "IssuesEvent" and e["payload"]["action"] == "assigned"
    }
    assert {"Copilot", "copilot-swe-agent[bot]", "claude[bot]"} <= assignees
    comments = [
        e["payload"]["comment"]["body"]
        for e in events
        if e["type"] in ("IssueCommentEvent", "PullRequestReviewCommentEvent")
    ]
    text = "\n".join(comments)
    for needle in (
        "/gemini review", "@coderabbitai review", "bugbot run", "@claude please fix",
        "@copilot", "x@claude.com", "@claudette",
    ):  # fmt: skip
        assert needle in text, needle
    assert any(not re.search(r"@(claude|copilot|codex|jules|cursor|devin)\b", c) for c in comments)
    reviews = [
        e["payload"]["review"]["body"] for e in events if e["type"] == "PullRequestReviewEvent"
    ]
    assert "@copilot review" in reviews
    ids = Counter(e["id"] for e in events)
    assert any(n > 1 for n in ids.values()), "no event delivered twice"
    files_per_id = defaultdict(set)
    for name, e in landing.github:
        files_per_id[e["id"]].add(name)
    assert any(len(names) > 1 for names in files_per_id.values())
    bot_actors = {e["actor"]["login"] for e in events if e["actor"]["login"].endswith("[bot]")}
    assert "dependabot[bot]" in bot_actors


def test_git_traps(medium):
    landing, _ = medium
    commits = [c for _, c in landing.git]
    messages = "\n".join(c["message"] for c in commits)
    for needle in (
        "Co-authored-by: Claude <noreply@anthropic.com>",
        "Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>",
        "Co-authored-by: copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>",
        "Co-authored-by: gemini-code-assist[bot] "
        "<176961590+gemini-code-assist[bot]@users.noreply.github.com>",
        "Co-authored-by: aider (gpt-4o) <noreply@aider.chat>",
        "🤖 Generated with [Claude Code](https://claude.com/claude-code)",
        "Assisted-by: Cursor",
        "Co-authored-by: Claude Smith <claude.smith@example.org>",
    ):
        assert needle in messages, needle
    assert any(c["message"].startswith("aider: ") for c in commits)
    assert any(len(c["parents"]) == 2 for c in commits), "no merge commit"
    authors = {c["author_name"] for c in commits}
    assert {"dependabot[bot]", "renovate[bot]", "acme-release-bot"} <= authors
    emails = [c["author_email"] for c in commits]
    assert any(re.fullmatch(r"\d+\+[^@]+@users\.noreply\.github\.com", e) for e in emails)
    assert any(e.endswith("@acme.example") for e in emails)
    personal = {r["account"] for r in landing.identities if r["source"] == "git"}
    assert personal & set(emails), "no commit with a personal e-mail"

    repos_per_sha = defaultdict(set)
    files_per_key = defaultdict(set)
    for name, c in landing.git:
        repos_per_sha[c["sha"]].add(c["repository"])
        files_per_key[(c["repository"], c["sha"])].add(name)
    assert any(len(r) > 1 for r in repos_per_sha.values()), "no sha in two repositories"
    assert any(len(f) > 1 for f in files_per_key.values()), "no commit in two files"

    offsets = {c["authored_at"][-6:] for c in commits}
    assert {"+05:30", "-07:00", "+02:00"} <= offsets
    crossing = [
        c
        for c in commits
        if c["authored_at"][-6:] != "+00:00"
        and (lambda t: (t - t.utcoffset()).date() != t.date())(
            datetime.fromisoformat(c["authored_at"])
        )
    ]
    assert crossing, "no commit whose UTC date differs from its local date"


def test_unrostered_contractors_are_active(medium):
    landing, _ = medium
    rostered_logins = {p["github_login"].lower() for p in landing.people if p["github_login"]}
    mapped = {r["account"].lower() for r in landing.identities}
    actors = {
        e["actor"]["login"].lower()
        for _, e in landing.github
        if not e["actor"]["login"].endswith("[bot]")
    }
    assert actors - rostered_logins - mapped - {"copilot", "acme-release-bot"}


def test_activity_respects_employment(medium):
    landing, _ = medium
    by_login = {
        p["github_login"].lower(): p
        for p in landing.people
        if p["github_login"] and p["is_bot"] != "true"
    }
    for _, rec in landing.copilot:
        person = by_login.get(rec["user_login"].lower())
        if person is None:
            continue
        assert rec["day"] >= person["employment_start"], "activity before the hire date"
        if person["employment_end"]:
            # one leaver's licence is revoked two days late; nobody is active later than that
            end = date.fromisoformat(person["employment_end"])
            assert date.fromisoformat(rec["day"]) <= end + timedelta(days=2)
