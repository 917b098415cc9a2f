"""Write landing folders record by record, in each vendor's export shape (contract §2).

`Landing` collects records per file and writes them on `flush()`: NDJSON files line by line,
JSON files as one page of `{"data": [...]}`. `random_landing.py` (seeded random folders) and
`trap_landing.py` (hand-made folders, one per family of traps) both write through it. Every
record gets the vendor's full field set with zero counts; keyword arguments override fields.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import CURSOR_COUNTS, copilot_user_day, write_csv, write_json, write_ndjson

PEOPLE_HEADER = "person_id,full_name,email,github_login,team,is_bot,employment_start,employment_end"
IDENTITIES_HEADER = "person_id,source,account,is_shared"
MEMBERSHIPS_HEADER = "person_id,team,valid_from,valid_to"
CLAUDE_CODE_TOOLS = ("edit_tool", "multi_edit_tool", "write_tool", "notebook_edit_tool")


def cursor_epoch_ms(day: str) -> int:
    """Cursor's `date`: epoch milliseconds of the day's UTC midnight."""
    midnight = dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC)
    return int(midnight.timestamp() * 1000)


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

    def write_text(self, relative: str, text: str, encoding: str = "utf-8") -> None:
        """A file exactly as given: no newline translation, any encoding."""
        path = self.folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding=encoding, newline="")

    def add(self, relative: str, record: dict) -> None:
        self.records.setdefault(relative, []).append(record)

    def copilot(
        self, day: str, login: str | None, user_id: int, file: str = "copilot/a.ndjson", **fields
    ) -> None:
        fields.setdefault("totals_by_feature", [])
        fields.setdefault("totals_by_ide", [])
        record = copilot_user_day(day, user_id, login, **fields)
        self.add(file, record)

    def cursor(self, day: str, email: str, file: str = "cursor/a.json", **counts) -> None:
        """`counts` override any field, `date` and `isActive` included."""
        record = {
            "date": cursor_epoch_ms(day),
            "userId": "u_" + email,
            "email": email,
            "isActive": True,
            **dict.fromkeys(CURSOR_COUNTS, 0),
        }
        record.update(counts)
        self.add(file, record)

    def claude(
        self,
        day: str,
        email: str | None = None,
        file: str = "claude_code/a.json",
        sessions: int = 0,
        accepted: dict | None = None,
        *,
        api_key: str | None = None,
        terminal: str = "vscode",
        commits: int = 0,
        pull_requests: int = 0,
        date: str | None = None,
    ) -> None:
        """A user_actor record for `email`, or an api_actor one for `api_key`."""
        tool_actions = {tool: {"accepted": 0, "rejected": 0} for tool in CLAUDE_CODE_TOOLS}
        for tool, number in (accepted or {}).items():
            tool_actions[tool] = {"accepted": number, "rejected": 0}
        actor = (
            {"type": "api_actor", "api_key_name": api_key}
            if api_key is not None
            else {"type": "user_actor", "email_address": email}
        )
        record = {
            "date": date or day + "T00:00:00Z",
            "organization_id": "org",
            "customer_type": "api",
            "terminal_type": terminal,
            "actor": actor,
            "core_metrics": {
                "num_sessions": sessions,
                "lines_of_code": {"added": 1, "removed": 0},
                "commits_by_claude_code": commits,
                "pull_requests_by_claude_code": pull_requests,
            },
            "tool_actions": tool_actions,
            "model_breakdown": [],
        }
        self.add(file, record)

    def github_event(
        self,
        created_at: str,
        login: str,
        event_type: str,
        payload: dict,
        file: str = "github/a.ndjson",
        event_id: str | None = None,
    ) -> None:
        self.add(
            file,
            {
                "id": event_id or str(self._next_id()),
                "type": event_type,
                "actor": {"id": 1, "login": login},
                "repo": {"id": 9, "name": "acme/api"},
                "created_at": created_at,
                "payload": payload,
            },
        )

    def push(
        self, created_at: str, login: str = "frame", file: str = "github/frame.ndjson"
    ) -> None:
        """A non-qualifying event: it only stretches the default period."""
        self.github_event(created_at, login, "PushEvent", {"ref": "refs/heads/main"}, file)

    def comment(
        self,
        created_at: str,
        login: str,
        body: str,
        file: str = "github/a.ndjson",
        *,
        event_type: str = "IssueCommentEvent",
        action: str = "created",
        comment_author: str | None = None,
        event_id: str | None = None,
    ) -> None:
        payload = {
            "action": action,
            "issue": {"number": 1},
            "comment": {"body": body, "user": {"login": comment_author or login}},
        }
        self.github_event(created_at, login, event_type, payload, file, event_id)

    def review_requested(
        self, created_at: str, login: str, reviewer: str, file: str = "github/a.ndjson"
    ) -> None:
        payload = {
            "action": "review_requested",
            "number": 1,
            "requested_reviewer": {"login": reviewer, "type": "Bot"},
            "pull_request": {"number": 1, "user": {"login": login}},
        }
        self.github_event(created_at, login, "PullRequestEvent", payload, file)

    def assigned(
        self,
        created_at: str,
        login: str,
        assignee: str,
        file: str = "github/a.ndjson",
        event_type: str = "IssuesEvent",
    ) -> None:
        payload = {"action": "assigned", "issue": {"number": 1}, "assignee": {"login": assignee}}
        self.github_event(created_at, login, event_type, payload, file)

    def commit(
        self,
        authored_at: str,
        email: str,
        message: str,
        file: str = "git/a.ndjson",
        *,
        sha: str | None = None,
        repository: str = "acme/api",
        author_name: str = "Dev",
    ) -> str:
        """Add a commit; return its sha."""
        sha = sha or f"{self._next_id():040x}"
        self.add(
            file,
            {
                "repository": repository,
                "sha": sha,
                "parents": [],
                "author_name": author_name,
                "author_email": email,
                "authored_at": authored_at,
                "committer_name": author_name,
                "committer_email": email,
                "committed_at": authored_at,
                "message": message,
            },
        )
        return sha

    def flush(self) -> None:
        """Write the collected records: NDJSON files line by line, JSON files as one page."""
        for relative, records in self.records.items():
            if relative.endswith(".ndjson"):
                write_ndjson(self.folder / relative, records)
            else:
                page = {"data": records, "has_more": False, "next_page": None}
                write_json(self.folder / relative, page)
