"""An independent recomputation of the contract's marts from a landing folder.

Written from the contract alone (shared/contract.md and shared/integrations.md): it reads the
landing files with the Python standard library and computes the rows of every table of contract
§6, and of the three companion metrics marts (integrations §7: Total AI Actions, Lines Added,
Lines Accepted per bucket and source). It shares no code with the project, reads none of its
models, macros or seeds, and is not derived from its SQL; `test_differential.py` and
`test_traps.py` compare the two row by row.

Where the contract is silent the oracle follows the project's reading, so that a difference
always means one side broke a written rule. Those points (marked "project's reading" below):

- two team memberships of one person with the same `valid_from`: the later line of the file wins;
- a people.csv row whose own e-mail or login looks like a bot (the bot seed list or a bot
  suffix, and not a shared account) makes that person a bot;
- the default `coverage_start` / `as_of_date` span the dates of every parsed record, those of
  deliveries superseded by a later file (GitHub event ids, git shas) included;
- a commit message that starts with `aider:` after leading whitespace qualifies;
- a team named only on a people.csv row that a later row of the same person superseded is still
  listed (its rows are zeros);
- companion metrics: a fractional count is rounded up; Copilot's Lines Accepted is the
  `loc_added_sum` of the features with `code_acceptance_activity_count > 0`, and for a record
  without a feature list its own `loc_added_sum` when its `code_acceptance_activity_count > 0`;
  the volume of a record counts whether or not the record qualifies (GitHub and git: one action
  per qualifying event or commit); like active users, only developers count (no bot, shared
  account or API key), inside [coverage_start, as_of_date].

Entry point: `mart_rows(landing, as_of_date=..., coverage_start=..., reporting_timezone=...)`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

DIMENSIONS = ["coding_assistance", "ai_coding", "code_review", "coding_agents"]
ALL_DIMENSIONS = [*DIMENSIONS, "all"]
HEADLINE_WINDOWS = {"day": [7, 28, 90], "week": [4, 12, 26], "month": [3, 6, 12]}
GRAIN_TABLE_SUFFIX = {"day": "daily", "week": "weekly", "month": "monthly"}
VOLUME_SOURCES = ["all", "copilot", "cursor", "claude_code", "github", "git"]
LARGEST_COUNT = 10**12  # project's reading: a larger count reads as this cap

# Companion volume of a record (integrations §7): (AI actions, lines added, lines accepted).
Volume = tuple[int, int, int]
# An activity record after de-duplication: (source, activity date, identity key or None, the
# dimensions it qualifies for, its volume).
Record = tuple[str, dt.date, str | None, set[str], Volume]
# A developer: ("p", person_id) for a person of the directory, ("k", key) for an account that
# resolves to nobody in it (an unrostered developer).
Developer = tuple[str, str]

# ---------------------------------------------------------------- identity keys (contract §3)
NOREPLY = re.compile(r"^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$")


def trimmed_lower(value: object) -> str | None:
    """A text trimmed and lower-cased; None when it is not a text or is blank."""
    if not isinstance(value, str):
        return None
    return value.strip().lower() or None


def email_key(email: object) -> str | None:
    """`email:<address>`, or `login:<login>` for a GitHub no-reply address; None when blank."""
    email = trimmed_lower(email)
    if email is None:
        return None
    noreply = NOREPLY.match(email)
    if noreply:
        return "login:" + noreply.group(1)
    return "email:" + email


def login_key(login: object) -> str | None:
    login = trimmed_lower(login)
    return None if login is None else "login:" + login


def account_key(account: str | None) -> str | None:
    """identities.csv `account`: an e-mail when it holds an @, else a login."""
    if account is None:
        return None
    account = account.strip()
    if "@" in account:
        return email_key(account)
    return login_key(account)


BOT_KEYS = {
    "login:dependabot[bot]",
    "login:dependabot",
    "login:dependabot-preview[bot]",
    "email:support@dependabot.com",
    "login:renovate[bot]",
    "login:renovate",
    "email:bot@renovateapp.com",
    "email:renovate@whitesourcesoftware.com",
    "login:github-actions[bot]",
    "login:github-actions",
    "email:action@github.com",
    "email:actions@github.com",
    "email:github-actions@github.com",
    "email:noreply@github.com",
    "login:web-flow",
    "login:ghost",
    "login:pre-commit-ci[bot]",
    "email:support@greenkeeper.io",
    "login:imgbotapp",
    "email:imgbotapp@gmail.com",
    "login:copilot",
    "email:noreply@anthropic.com",
    "email:cursoragent@cursor.com",
    "email:noreply@aider.chat",
}
BOT_SUFFIXES = ("-bot", "-robot", "_bot", ".bot")


def key_is_bot(key: str) -> bool:
    if key in BOT_KEYS:
        return True
    kind, value = key.split(":", 1)
    if kind == "login":
        return value.endswith("[bot]") or value.endswith(BOT_SUFFIXES)
    local_part = value.split("@", 1)[0]
    return local_part.endswith(BOT_SUFFIXES)


# ---------------------------------------------------------------- reading helpers
def count(value: object) -> int | float:
    """A vendor count: a JSON number >= 0, anything else (text, null, negative, bool) is 0."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0
    if value < 0:
        return 0
    return value


def nested(document: object, *path: str) -> object:
    """document[path[0]][path[1]]..., None where a level is missing or not an object."""
    for step in path:
        if not isinstance(document, dict):
            return None
        document = document.get(step)
    return document


def read_text(path: Path) -> str:
    """UTF-8 (with or without a byte-order mark), else Windows-1252."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def read_csv(path: Path) -> list[dict]:
    """Rows of a CSV file with header and values trimmed; [] when the file is absent."""
    if not path.exists():
        return []
    reader = csv.DictReader(io.StringIO(read_text(path)))
    return [
        {(k or "").strip(): (v.strip() if isinstance(v, str) else v) for k, v in row.items()}
        for row in reader
    ]


def source_files(landing: Path, source: str, extension: str) -> list[Path]:
    """A source's delivery files, oldest first (file names sort by delivery)."""
    return sorted((landing / source).glob("*." + extension), key=lambda path: path.name)


def parsed_json(text: str) -> object:
    """json.loads, but NaN, Infinity and -Infinity, which JSON has not (RFC 8259) and Python's
    reader takes for numbers, stay text: a count spelled so is no number."""
    return json.loads(text, parse_constant=str)


def ndjson_objects(path: Path) -> Iterator[dict]:
    """The JSON objects of an NDJSON file; blank, unparsable and non-object lines are skipped."""
    for line in read_text(path).split("\n"):
        if not line.strip():
            continue
        try:
            parsed = parsed_json(line)
        except Exception:
            continue
        if isinstance(parsed, dict):
            yield parsed


def json_data_list(path: Path) -> list | None:
    """The `data` array of a cursor / claude_code response, None when unreadable."""
    try:
        document = parsed_json(read_text(path))
    except Exception:
        return None
    data = document.get("data") if isinstance(document, dict) else None
    return data if isinstance(data, list) else None


def parse_date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except Exception:
        return None


def parse_timestamp(value: object) -> dt.datetime | None:
    """An ISO-8601 timestamp; one without an offset is UTC."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if value.endswith("Z") or value.endswith("z"):
        value = value[:-1] + "+00:00"
    try:
        parsed = dt.datetime.fromisoformat(value)
    except Exception:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed


def is_true(value: object) -> bool:
    return isinstance(value, str) and value.strip().lower() == "true"


# ---------------------------------------------------------------- qualifying rules (§4)
# (feature, metrics of which one must be > 0, dimension)
COPILOT_FEATURE_RULES = [
    ("code_completion", ["code_acceptance_activity_count"], "coding_assistance"),
    ("chat_panel_ask_mode", ["user_initiated_interaction_count"], "coding_assistance"),
    ("chat_inline", ["user_initiated_interaction_count"], "coding_assistance"),
    ("chat_panel_custom_mode", ["user_initiated_interaction_count"], "coding_assistance"),
    ("chat_panel_edit_mode", ["code_acceptance_activity_count", "loc_added_sum"], "ai_coding"),
    ("agent_edit", ["code_acceptance_activity_count", "loc_added_sum"], "ai_coding"),
    ("chat_panel_agent_mode", ["user_initiated_interaction_count"], "coding_agents"),
    ("copilot_cli", ["user_initiated_interaction_count"], "coding_agents"),
    ("code_review", ["user_initiated_interaction_count"], "code_review"),
]


def copilot_dimensions(record: dict) -> set[str]:
    dimensions = set()
    features = record.get("totals_by_feature")
    if isinstance(features, list) and len(features) > 0:
        for entry in features:
            if not isinstance(entry, dict):
                continue
            name = entry.get("feature")
            for feature, metrics, dimension in COPILOT_FEATURE_RULES:
                if name == feature and any(count(entry.get(m)) > 0 for m in metrics):
                    dimensions.add(dimension)
    elif count(record.get("code_acceptance_activity_count")) > 0:
        dimensions.add("coding_assistance")
    if record.get("used_agent") is True:
        dimensions.add("coding_agents")
    if count(nested(record, "totals_by_cli", "request_count")) > 0:
        dimensions.add("coding_agents")
    return dimensions


def cursor_dimensions(record: dict) -> set[str]:
    def positive(*fields: str) -> bool:
        return any(count(record.get(field)) > 0 for field in fields)

    dimensions = set()
    if positive("totalTabsAccepted", "chatRequests", "cmdkUsages"):
        dimensions.add("coding_assistance")
    if positive("totalAccepts", "totalApplies", "acceptedLinesAdded", "composerRequests"):
        dimensions.add("ai_coding")
    if positive("bugbotUsages"):
        dimensions.add("code_review")
    if positive("agentRequests"):
        dimensions.add("coding_agents")
    return dimensions


def claude_accepted_tool_actions(record: dict) -> int:
    """The sum of `tool_actions.*.accepted`."""
    tool_actions = record.get("tool_actions")
    if not isinstance(tool_actions, dict):
        return 0
    return sum(
        volume_count(action.get("accepted"))
        for action in tool_actions.values()
        if isinstance(action, dict)
    )


def claude_dimensions(record: dict) -> set[str]:
    dimensions = set()
    if claude_accepted_tool_actions(record) > 0:
        dimensions.add("ai_coding")
    core = record.get("core_metrics") if isinstance(record.get("core_metrics"), dict) else {}
    if (
        count(core.get("num_sessions")) > 0
        or count(core.get("commits_by_claude_code")) > 0
        or count(core.get("pull_requests_by_claude_code")) > 0
    ):
        dimensions.add("coding_agents")
    return dimensions


def volume_count(value: object) -> int:
    """A count as the companion metrics sum it: invalid is 0, a fraction rounds up, and a count
    above LARGEST_COUNT (1e400 reads as infinity) is that cap."""
    amount = count(value)
    if amount >= LARGEST_COUNT:
        return LARGEST_COUNT
    return math.ceil(amount) if amount > 0 else 0


def copilot_volume(record: dict) -> Volume:
    accepted_count = volume_count(record.get("code_acceptance_activity_count"))
    lines_added = volume_count(record.get("loc_added_sum"))
    features = record.get("totals_by_feature")
    if isinstance(features, list) and len(features) > 0:
        lines_accepted = sum(
            volume_count(entry.get("loc_added_sum"))
            for entry in features
            if isinstance(entry, dict)
            and volume_count(entry.get("code_acceptance_activity_count")) > 0
        )
    else:
        lines_accepted = lines_added if accepted_count > 0 else 0
    actions = volume_count(record.get("user_initiated_interaction_count")) + accepted_count
    return actions, lines_added, lines_accepted


CURSOR_ACTIONS = (
    "totalTabsAccepted",
    "totalAccepts",
    "chatRequests",
    "composerRequests",
    "agentRequests",
    "cmdkUsages",
    "bugbotUsages",
)


def cursor_volume(record: dict) -> Volume:
    actions = sum(volume_count(record.get(field)) for field in CURSOR_ACTIONS)
    return (
        actions,
        volume_count(record.get("totalLinesAdded")),
        volume_count(record.get("acceptedLinesAdded")),
    )


def claude_volume(record: dict) -> Volume:
    sessions = volume_count(nested(record, "core_metrics", "num_sessions"))
    lines = volume_count(nested(record, "core_metrics", "lines_of_code", "added"))
    return claude_accepted_tool_actions(record) + sessions, lines, lines


def qualifying_record_volume(dimensions: set[str]) -> Volume:
    """GitHub and git: one AI action per qualifying event or commit, no lines."""
    return (1 if dimensions else 0), 0, 0


AI_REVIEWERS = {
    "gemini-code-assist[bot]",
    "coderabbitai[bot]",
    "copilot-pull-request-reviewer[bot]",
    "sourcery-ai[bot]",
    "copilot",
}
AI_AGENTS = {
    "copilot",
    "copilot-swe-agent[bot]",
    "google-labs-jules[bot]",
    "claude[bot]",
    "devin-ai-integration[bot]",
}
REVIEW_COMMANDS = [
    "/gemini review",
    "@coderabbitai review",
    "@copilot review",
    "@cursor review",
    "bugbot run",
]
MENTIONED_AGENTS = ["claude", "copilot", "codex", "jules", "cursor", "devin"]
MENTION_RE = re.compile(
    r"(?<![^\W_])(?<![@.])@(" + "|".join(MENTIONED_AGENTS) + r")(?![^\W_])(?![\-\[])"
)


def github_dimensions(event: dict) -> set[str]:
    dimensions = set()
    event_type = event.get("type")
    payload = event.get("payload") if isinstance(event.get("payload"), dict) else {}
    if event_type == "PullRequestEvent" and payload.get("action") == "review_requested":
        reviewer = nested(payload, "requested_reviewer", "login")
        if isinstance(reviewer, str) and reviewer.strip().lower() in AI_REVIEWERS:
            dimensions.add("code_review")
    elif event_type == "IssuesEvent" and payload.get("action") == "assigned":
        assignee = nested(payload, "assignee", "login")
        if isinstance(assignee, str) and assignee.strip().lower() in AI_AGENTS:
            dimensions.add("coding_agents")
    elif event_type in ("IssueCommentEvent", "PullRequestReviewCommentEvent"):
        body = nested(payload, "comment", "body")
        if isinstance(body, str):
            lower = body.lower()
            without_commands = lower
            for command in REVIEW_COMMANDS:
                if command in lower:
                    dimensions.add("code_review")
                without_commands = without_commands.replace(command, " ")
            if MENTION_RE.search(without_commands):
                dimensions.add("coding_agents")
    return dimensions


TRAILER_RE = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9\-]*)\s*:\s*(.*)$")
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
CLAUDE_MODEL_RE = re.compile(
    r"^claude\s+((opus|sonnet|haiku|code)(?![a-z0-9])|v?[0-9]+(\.[0-9]+)*(?![a-z0-9.]))"
)
AGENT_EMAILS = {"noreply@anthropic.com", "cursoragent@cursor.com"}
AGENT_LOGINS = {
    "claude[bot]",
    "copilot",
    "copilot-swe-agent[bot]",
    "google-labs-jules[bot]",
    "devin-ai-integration[bot]",
}
REVIEW_BOTS = {
    "gemini-code-assist[bot]",
    "coderabbitai[bot]",
    "copilot-pull-request-reviewer[bot]",
    "sourcery-ai[bot]",
}
AIDER_RE = re.compile(r"^aider(\s*\(.*\))?$")
TOOL_WORD_RE = re.compile(
    r"(?<![a-z0-9])(copilot|cursor|gemini|codex|chatgpt)(?![a-z0-9])"
    r"|(?<![a-z0-9])claude($|\s+(opus|sonnet|haiku|code|ai|v?\d)(?![a-z])|\s*\(|[^a-z0-9\s])"
)


def split_trailer_value(value: str) -> tuple[str, str | None]:
    """`Name <email>` (or `Name <email` without `>`) -> (name, email), lower-cased. A value
    without `<` is all name, and its last word is the e-mail when it holds an `@` after its
    first character (`noreply@anthropic.com`)."""
    value = value.strip()
    if "<" in value:
        name, _, rest = value.partition("<")
        return name.strip().lower(), rest.split(">", 1)[0].strip().lower() or None
    words = value.split()
    email = words[-1].lower() if words and "@" in words[-1][1:] else None
    return value.lower(), email


def trailer_signals(name: str, email: str | None) -> set[str]:
    """What a trailer's (name, email) names: an agent, a review bot, aider."""
    signals = set()
    login = None
    if email:
        noreply = NOREPLY.match(email)
        if noreply:
            login = noreply.group(1)
    if (
        name in AGENT_NAMES
        or CLAUDE_MODEL_RE.match(name or "")
        or email in AGENT_EMAILS
        or login in AGENT_LOGINS
    ):
        signals.add("agent")
    if name in REVIEW_BOTS or login in REVIEW_BOTS:
        signals.add("review")
    if name and AIDER_RE.match(name):
        signals.add("aider")
    return signals


def git_dimensions(message: object) -> set[str]:
    dimensions = set()
    if not isinstance(message, str):
        return dimensions
    message = message.replace("\r\n", "\n").replace("\r", "\n")  # a line ends at either
    lower = message.lower()
    if "generated with [claude code]" in lower:
        dimensions.add("coding_agents")
    if lower.lstrip().startswith("aider:"):  # project's reading: leading whitespace allowed
        dimensions.add("ai_coding")
    # Trailers: the lines after the message's last blank line.
    lines = message.rstrip().split("\n")
    last_blank = None
    for number, line in enumerate(lines):
        if line.strip() == "":
            last_blank = number
    if last_blank is None:
        return dimensions
    for line in lines[last_blank + 1 :]:
        trailer = TRAILER_RE.match(line)
        if not trailer:
            continue
        token = trailer.group(1).lower()
        name, email = split_trailer_value(trailer.group(2))
        if token == "co-authored-by":
            signals = trailer_signals(name, email)
            if "agent" in signals:
                dimensions.add("coding_agents")
            if "review" in signals:
                dimensions.add("code_review")
            if "aider" in signals:
                dimensions.add("ai_coding")
        elif token in ("assisted-by", "generated-by"):
            if trailer_signals(name, email) or TOOL_WORD_RE.search(name or ""):
                dimensions.add("ai_coding")
    return dimensions


# ---------------------------------------------------------------- activity sources (§2.4)
def github_event_id(event: dict) -> str | None:
    return None if event.get("id") is None else str(event["id"])


def commit_sha(commit: dict) -> str | None:
    return str(commit["sha"]).strip().lower() if commit.get("sha") else None


def latest_deliveries(
    landing: Path,
    source: str,
    key_of: Callable[[dict], str | None],
    timestamp_field: str,
    timezone: ZoneInfo,
    every_date: list[dt.date],
) -> dict[str, dict]:
    """The latest delivery of each key of an NDJSON source (later file, later line wins).
    The date of every delivery, superseded ones included, is appended to `every_date`."""
    latest: dict[str, dict] = {}
    for path in source_files(landing, source, "ndjson"):
        for record in ndjson_objects(path):
            key = key_of(record)
            if key is None:
                continue
            latest.pop(key, None)
            latest[key] = record
            timestamp = parse_timestamp(record.get(timestamp_field))
            if timestamp is not None:
                every_date.append(timestamp.astimezone(timezone).date())
    return latest


def load_records(landing: Path, timezone: ZoneInfo) -> tuple[list[Record], list[dt.date]]:
    """The de-duplicated activity records (a later delivery replaces an earlier one with the
    same key), and the reporting-zone dates of every parsed GitHub event and git commit,
    superseded ones included (for the default period; project's reading)."""
    records: list[Record] = []
    superseded_inclusive_dates: list[dt.date] = []

    copilot: dict[tuple, dict] = {}
    for path in source_files(landing, "copilot", "ndjson"):
        for record in ndjson_objects(path):
            day = parse_date(record.get("day"))
            if day is None:
                continue
            user_id = record.get("user_id")
            user = (
                str(user_id)
                if user_id is not None
                else "login:" + str(record.get("user_login") or "").strip().lower()
            )
            copilot.pop((day, user), None)
            copilot[(day, user)] = record
    for (day, _), record in copilot.items():
        identity = login_key(record.get("user_login"))
        records.append(
            ("copilot", day, identity, copilot_dimensions(record), copilot_volume(record))
        )

    cursor: dict[tuple, dict] = {}
    for path in source_files(landing, "cursor", "json"):
        for record in json_data_list(path) or []:
            if not isinstance(record, dict):
                continue
            epoch_ms = record.get("date")
            if isinstance(epoch_ms, str) and epoch_ms.strip().lstrip("-").isdigit():
                epoch_ms = int(epoch_ms)
            if isinstance(epoch_ms, bool) or not isinstance(epoch_ms, int | float):
                continue
            day = dt.datetime.fromtimestamp(epoch_ms / 1000, dt.UTC).date()
            key = (day, email_key(record.get("email")))
            cursor.pop(key, None)
            cursor[key] = record
    for (day, identity), record in cursor.items():
        records.append(("cursor", day, identity, cursor_dimensions(record), cursor_volume(record)))

    claude: dict[tuple, tuple[str | None, dict]] = {}
    for path in source_files(landing, "claude_code", "json"):
        for record in json_data_list(path) or []:
            if not isinstance(record, dict):
                continue
            timestamp = parse_timestamp(record.get("date"))
            if timestamp is None:
                continue
            day = timestamp.astimezone(dt.UTC).date()
            actor = record.get("actor") if isinstance(record.get("actor"), dict) else {}
            if actor.get("type") == "user_actor" or (
                actor.get("type") is None and actor.get("email_address")
            ):
                identity = email_key(actor.get("email_address"))
                actor_key = ("user", identity)
            else:  # an API key: activity of nobody
                identity = None
                actor_key = ("api_key", str(actor.get("api_key_name")))
            key = (day, actor_key, record.get("terminal_type"))
            claude.pop(key, None)
            claude[key] = (identity, record)
    for (day, _, _), (identity, record) in claude.items():
        records.append(
            ("claude_code", day, identity, claude_dimensions(record), claude_volume(record))
        )

    # The timestamped sources: the latest delivery of each event id / commit sha, dated in the
    # reporting time zone; git counts for the commit's author.
    timestamped_sources = (
        (
            "github",
            github_event_id,
            "created_at",
            lambda event: login_key(nested(event, "actor", "login")),
            github_dimensions,
        ),
        (
            "git",
            commit_sha,
            "authored_at",
            lambda commit: email_key(commit.get("author_email")),
            lambda commit: git_dimensions(commit.get("message")),
        ),
    )
    for source, key_of, timestamp_field, identity_of, dimensions_of in timestamped_sources:
        latest = latest_deliveries(
            landing, source, key_of, timestamp_field, timezone, superseded_inclusive_dates
        )
        for record in latest.values():
            timestamp = parse_timestamp(record.get(timestamp_field))
            if timestamp is None:
                continue
            day = timestamp.astimezone(timezone).date()
            dimensions = dimensions_of(record)
            volume = qualifying_record_volume(dimensions)
            records.append((source, day, identity_of(record), dimensions, volume))

    return records, superseded_inclusive_dates


# ---------------------------------------------------------------- directory (§2.1-2.3, §3)
class Directory:
    """people.csv, identities.csv and team_memberships.csv, and who a key belongs to."""

    def __init__(self, landing: Path):
        folder = landing / "directory"
        self.people: dict[str, dict] = {}  # person_id -> the person's last people.csv row
        teams_named_by_people = set()
        for row in read_csv(folder / "people.csv"):
            person_id = (row.get("person_id") or "").strip()
            if not person_id:
                continue
            if row.get("team"):
                # project's reading: superseded duplicate rows still name a team
                teams_named_by_people.add(row["team"])
            self.people[person_id] = row
        self.memberships: dict[str, list[tuple[dt.date, dt.date | None, str]]] = defaultdict(list)
        self.teams = {"Unassigned"} | teams_named_by_people
        for row in read_csv(folder / "team_memberships.csv"):
            person_id = (row.get("person_id") or "").strip()
            valid_from = parse_date(row.get("valid_from"))
            valid_to = parse_date(row.get("valid_to")) if row.get("valid_to") else None
            team = row.get("team")
            if team:
                self.teams.add(team)
            if not person_id or valid_from is None or not team:
                continue
            self.memberships[person_id].append((valid_from, valid_to, team))

        # identity key -> the person ids it is linked to
        links: dict[str, set[str]] = defaultdict(set)
        shared = set()
        for person_id, row in self.people.items():
            for key in (email_key(row.get("email")), login_key(row.get("github_login"))):
                if key:
                    links[key].add(person_id)
        for row in read_csv(folder / "identities.csv"):
            key = account_key(row.get("account"))
            if not key:
                continue
            if is_true(row.get("is_shared")):
                shared.add(key)
                continue
            person_id = (row.get("person_id") or "").strip()
            if person_id:
                links[key].add(person_id)
        self.key_person: dict[str, str] = {}
        for key, person_ids in links.items():
            if len(person_ids) >= 2:  # a key of two people is shared
                shared.add(key)
            elif key not in shared:
                self.key_person[key] = next(iter(person_ids))
        self.shared = shared

        self.bot_people = {pid for pid, row in self.people.items() if is_true(row.get("is_bot"))}
        # project's reading: a person whose own people.csv e-mail or login is a bot by name
        # (and not shared) is a bot
        for person_id, row in self.people.items():
            for key in (email_key(row.get("email")), login_key(row.get("github_login"))):
                if key and key not in shared and key_is_bot(key):
                    self.bot_people.add(person_id)

    def developer(self, key: str | None) -> Developer | None:
        """The developer behind an identity key; None for nobody (no key, shared, bot)."""
        if key is None or key in self.shared:
            return None
        if key_is_bot(key):
            return None
        person_id = self.key_person.get(key)
        if person_id is not None:
            if person_id in self.bot_people:
                return None
            return ("p", person_id)
        return ("k", key)

    def is_rostered(self, developer: Developer) -> bool:
        return developer[0] == "p" and developer[1] in self.people

    def employed(self, person_id: str, day: dt.date) -> bool:
        """employment_start and employment_end are both inclusive; blank is open."""
        row = self.people[person_id]
        start = parse_date(row["employment_start"]) if row.get("employment_start") else None
        end = parse_date(row["employment_end"]) if row.get("employment_end") else None
        return (start is None or start <= day) and (end is None or day <= end)

    def team(self, developer: Developer, day: dt.date) -> str:
        """The membership valid on `day` with the latest valid_from, else people.team, else
        Unassigned (always Unassigned for an unrostered developer)."""
        if not self.is_rostered(developer):
            return "Unassigned"
        person_id = developer[1]
        best = None
        for valid_from, valid_to, team in self.memberships.get(person_id, []):
            if valid_from <= day and (valid_to is None or day < valid_to):
                # >=: on a valid_from tie the later line wins (project's reading)
                if best is None or valid_from >= best[0]:
                    best = (valid_from, team)
        if best:
            return best[1]
        return self.people[person_id].get("team") or "Unassigned"

    def headcount_people(self) -> list[str]:
        return [person_id for person_id in self.people if person_id not in self.bot_people]


# ---------------------------------------------------------------- buckets (§5)
def bucket_of(grain: str, day: dt.date) -> tuple[dt.date, dt.date]:
    """(first day, last day) of the day / ISO week / calendar month holding `day`."""
    if grain == "day":
        return day, day
    if grain == "week":
        start = day - dt.timedelta(days=day.weekday())
        return start, start + dt.timedelta(days=6)
    start = day.replace(day=1)
    next_month = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return start, next_month - dt.timedelta(days=1)


def buckets_between(
    grain: str, coverage_start: dt.date, as_of: dt.date
) -> list[tuple[dt.date, dt.date]]:
    result = []
    start, end = bucket_of(grain, coverage_start)
    while start <= as_of:
        result.append((start, end))
        start, end = bucket_of(grain, end + dt.timedelta(days=1))
    return result


def days_between(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    day = first
    while day <= last:
        yield day
        day += dt.timedelta(days=1)


# ---------------------------------------------------------------- the marts (§6)
def bucket_row(
    directory: Directory,
    period: tuple[dt.date, dt.date],
    bucket_start: dt.date,
    bucket_end: dt.date,
    dimension: str,
    developers: set[Developer],
    people: set[str],
    **team: str,
) -> dict:
    """One row of a bucket table: `developers` active, `people` the headcount."""
    rostered = {d for d in developers if directory.is_rostered(d) and d[1] in people}
    return {
        "bucket_start": bucket_start,
        "bucket_end": bucket_end,
        "dimension": dimension,
        **team,
        "active_users": len(developers),
        "active_rostered_users": len(rostered),
        "headcount": len(people),
        "adoption_rate": len(rostered) / len(people) if people else None,
        "is_complete": bucket_start >= period[0] and bucket_end <= period[1],
    }


def headline_row(
    grain: str,
    window_size: int,
    window: list[tuple[dt.date, dt.date]],
    dimension: str,
    per_bucket: list[set[Developer]],
    **team: str,
) -> dict:
    """One row of a headline table: `per_bucket` the active developers of each bucket."""
    return {
        "grain": grain,
        "window_buckets": window_size,
        "dimension": dimension,
        **team,
        "window_start": window[0][0],
        "window_end": window[-1][1],
        "bucket_count": len(window),
        "avg_active_users": sum(len(active) for active in per_bucket) / len(window),
        "distinct_active_users": len(set().union(*per_bucket)),
    }


def mart_rows(
    landing: Path | str,
    *,
    as_of_date: dt.date | None = None,
    coverage_start: dt.date | None = None,
    reporting_timezone: str = "UTC",
) -> dict[str, list[dict]] | None:
    """Every mart's rows, by table name, as dicts in the contract's column order. None when
    the period is undefined: no activity dates and a default left to them."""
    landing = Path(landing)
    records, superseded_inclusive_dates = load_records(landing, ZoneInfo(reporting_timezone))
    directory = Directory(landing)
    # contract §7: the default period spans the dates of all parsed records
    all_dates = [record[1] for record in records] + superseded_inclusive_dates
    if not all_dates and (as_of_date is None or coverage_start is None):
        return None
    as_of = as_of_date or max(all_dates)
    start = coverage_start or min(all_dates)

    # (developer, date) -> the dimensions they were active in, "all" included
    active_days: dict[tuple[Developer, dt.date], set[str]] = defaultdict(set)
    for _source, day, key, dimensions, _volume in records:
        if not dimensions or day < start or day > as_of:
            continue
        developer = directory.developer(key)
        if developer is None:
            continue
        active_days[(developer, day)] |= dimensions
        active_days[(developer, day)].add("all")

    teams = sorted(directory.teams)
    tables: dict[str, list[dict]] = {}
    headline: list[dict] = []
    headline_by_team: list[dict] = []
    for grain, suffix in GRAIN_TABLE_SUFFIX.items():
        buckets = buckets_between(grain, start, as_of)
        # active developers per (bucket, dimension) and per (bucket, dimension, team)
        active = defaultdict(set)
        active_by_team = defaultdict(set)
        for (developer, day), dimensions in active_days.items():
            bucket_start, _ = bucket_of(grain, day)
            team = directory.team(developer, day)
            for dimension in dimensions:
                active[(bucket_start, dimension)].add(developer)
                active_by_team[(bucket_start, dimension, team)].add(developer)

        # headcount: non-bot people employed on at least one day of the bucket (for a team:
        # on a day they belonged to it)
        employed = {}
        employed_by_team = defaultdict(set)
        for bucket_start, bucket_end in buckets:
            people = set()
            for person_id in directory.headcount_people():
                for day in days_between(bucket_start, bucket_end):
                    if directory.employed(person_id, day):
                        people.add(person_id)
                        team = directory.team(("p", person_id), day)
                        employed_by_team[(bucket_start, team)].add(person_id)
            employed[bucket_start] = people

        rows, team_rows = [], []
        for bucket_start, bucket_end in buckets:
            for dimension in ALL_DIMENSIONS:
                rows.append(
                    bucket_row(
                        directory,
                        (start, as_of),
                        bucket_start,
                        bucket_end,
                        dimension,
                        active[(bucket_start, dimension)],
                        employed[bucket_start],
                    )
                )
                for team in teams:
                    team_rows.append(
                        bucket_row(
                            directory,
                            (start, as_of),
                            bucket_start,
                            bucket_end,
                            dimension,
                            active_by_team[(bucket_start, dimension, team)],
                            employed_by_team[(bucket_start, team)],
                            team=team,
                        )
                    )
        tables["ai_active_users_" + suffix] = rows
        tables["ai_active_users_by_team_" + suffix] = team_rows

        # headlines: the last N complete buckets
        complete = [b for b in buckets if b[0] >= start and b[1] <= as_of]
        for window_size in HEADLINE_WINDOWS[grain]:
            window = complete[-window_size:]
            if not window:
                continue
            for dimension in ALL_DIMENSIONS:
                per_bucket = [active[(b[0], dimension)] for b in window]
                headline.append(headline_row(grain, window_size, window, dimension, per_bucket))
                for team in teams:
                    per_bucket = [active_by_team[(b[0], dimension, team)] for b in window]
                    headline_by_team.append(
                        headline_row(grain, window_size, window, dimension, per_bucket, team=team)
                    )
    tables["ai_active_users_headline"] = headline
    tables["ai_active_users_headline_by_team"] = headline_by_team
    tables.update(companion_metrics_rows(records, directory, start, as_of))
    return tables


def companion_metrics_rows(
    records: list[Record], directory: Directory, start: dt.date, as_of: dt.date
) -> dict[str, list[dict]]:
    """ai_companion_metrics_daily / _weekly / _monthly: per bucket and source (and `all`), the
    sums of the developers' volume and how many developers had some, zero-filled."""
    # (developer, date, source) -> summed volume
    volume: dict[tuple[Developer, dt.date, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for source, day, key, _dimensions, record_volume in records:
        developer = directory.developer(key)
        if developer is None or day < start or day > as_of:
            continue
        for index, amount in enumerate(record_volume):
            volume[(developer, day, source)][index] += amount
    tables = {}
    for grain, suffix in GRAIN_TABLE_SUFFIX.items():
        sums: dict[tuple[dt.date, str], list[int]] = defaultdict(lambda: [0, 0, 0])
        developers: dict[tuple[dt.date, str], set[Developer]] = defaultdict(set)
        for (developer, day, source), amounts in volume.items():
            if not any(amounts):
                continue
            bucket_start, _ = bucket_of(grain, day)
            for each in (source, "all"):
                for index, amount in enumerate(amounts):
                    sums[(bucket_start, each)][index] += amount
                developers[(bucket_start, each)].add(developer)
        rows = []
        for bucket_start, bucket_end in buckets_between(grain, start, as_of):
            for source in VOLUME_SOURCES:
                actions, lines_added, lines_accepted = sums[(bucket_start, source)]
                rows.append(
                    {
                        "bucket_start": bucket_start,
                        "bucket_end": bucket_end,
                        "source": source,
                        "total_ai_actions": actions,
                        "lines_added": lines_added,
                        "lines_accepted": lines_accepted,
                        "developers_with_volume": len(developers[(bucket_start, source)]),
                        "is_complete": bucket_start >= start and bucket_end <= as_of,
                    }
                )
        tables["ai_companion_metrics_" + suffix] = rows
    return tables
