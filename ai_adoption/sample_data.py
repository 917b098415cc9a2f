"""Deterministic generator of a realistic landing folder (see `shared/contract.md` §2).

`generate(out_dir, SampleConfig(...))` writes the directory files (people, identities, team
memberships) and one folder per vendor, in the vendors' own record shapes
(`shared/integrations.md`), with the traps real deliveries have: mixed-case logins and e-mails,
shared and unrostered accounts, bots, hires, leavers, team moves, records that do not qualify and
duplicate deliveries.

Everything is a pure function of the config. Every source draws from its own random stream,
seeded by `seed` and the source name, so the files are byte-identical between runs and do not
depend on how many worker processes write them. Records are streamed to disk a day (or a page) at
a time, so memory stays flat whatever the size.
"""

from __future__ import annotations

import csv
import json
import os
import random
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

__all__ = ["SOURCES", "SampleConfig", "generate", "team_names"]

SOURCES = ("copilot", "cursor", "claude_code", "github", "git")
LANDING_FOLDERS = ("directory", *SOURCES)

CORP_DOMAIN = "acme.example"
ORG_LOGIN = "acme"
ORG_ID = 81_234_567
ENTERPRISE_ID = "4711"
CLAUDE_ORG_ID = "0d5c8a9e-3b1f-4c7a-9e2d-acme00000001"
CLAUDE_PAGE_SIZE = 100  # records per Claude Code analytics page (the API's `limit`)
SHARED_ACCOUNT = "team-shared@acme.example"  # a Cursor seat several people use
PAIRING_ACCOUNT = "pairing-station@acme.example"  # mapped to two people: shared by rule
RELEASE_BOT = ("acme-release-bot", "release-bot@acme.example")
NEVER = 1 << 30

TEAM_NAMES = ("Platform", "Payments", "Mobile", "Data", "Growth", "Infra", "Search", "Security")
EXTRA_TEAM_NAMES = (
    "Identity", "Billing", "Checkout", "Onboarding", "Analytics", "Messaging", "Notifications",
    "Reliability", "Developer Experience", "Frontend", "Storage", "Networking", "ML Platform",
    "Compliance", "Observability", "Localization",
)  # fmt: skip
REPO_SLUGS = {
    "Platform": "platform-api",
    "Payments": "payments-service",
    "Mobile": "mobile-app",
    "Data": "data-pipelines",
    "Growth": "growth-web",
    "Infra": "infra-live",
    "Search": "search-service",
    "Security": "security-tooling",
}
SHARED_REPO = "shared-libs"

FIRST_NAMES = (
    "Ada", "Alan", "Amara", "Ananya", "Andrea", "Aisha", "Ben", "Bianca", "Carlos", "Chen",
    "Chloe", "Claude", "Daniel", "Dmitri", "Elena", "Emeka", "Emma", "Fatima", "Felix", "Gabriel",
    "Grace", "Hana", "Hugo", "Ines", "Isaac", "Jana", "Javier", "Jin", "Jonas", "José", "Julia",
    "Kai", "Kenji", "Lars", "Layla", "Leo", "Lucía", "Maya", "Mateo", "Mei", "Mohammed", "Nadia",
    "Nikhil", "Noah", "Olga", "Omar", "Priya", "Rafael", "Ravi", "Rosa", "Sam", "Sara",
    "Sebastian", "Siddharth", "Sofia", "Søren", "Tariq", "Theo", "Uma", "Victor", "Wei", "Yara",
    "Yusuf", "Zoë", "Zainab", "Octavia", "Marcus", "Ingrid", "Tomás", "Aoife",
)  # fmt: skip
LAST_NAMES = (
    "Abara", "Andersen", "Bauer", "Becker", "Bianchi", "Chen", "Costa", "Dubois", "Eriksson",
    "Fernández", "Fischer", "García", "Gupta", "Haddad", "Hansen", "Hoang", "Ivanova", "Jensen",
    "Kim", "Kowalski", "Kumar", "Larsen", "Lee", "Lopez", "Martin", "Müller", "Nakamura", "Nguyen",
    "Novak", "O'Brien", "Okafor", "Olsen", "Patel", "Perez", "Petrov", "Popescu", "Rossi",
    "Santos", "Sato", "Schmidt", "Silva", "Singh", "Smith", "Suzuki", "Tanaka", "Taylor", "Walker",
    "Wang", "Weber", "Williams", "Wójcik", "Yamamoto", "Zhang", "Ali", "Brown", "Cohen", "Das",
    "Evans", "Hughes", "Reyes",
)  # fmt: skip
_ASCII = str.maketrans({"é": "e", "í": "i", "ø": "o", "ë": "e", "á": "a", "ü": "u", "ó": "o",
                        "'": ""})  # fmt: skip

# zone name -> weight; offsets (with daylight saving time) come from _zone_offset
ZONES = (
    ("eu", 30), ("uk", 10), ("us_east", 16), ("us_west", 14), ("india", 12), ("brazil", 6),
    ("japan", 4), ("sydney", 3), ("utc", 5),
)  # fmt: skip

AI_REVIEWERS = (
    "gemini-code-assist[bot]",
    "coderabbitai[bot]",
    "copilot-pull-request-reviewer[bot]",
    "sourcery-ai[bot]",
    "Copilot",
)
AI_AGENTS = (
    "Copilot",
    "copilot-swe-agent[bot]",
    "claude[bot]",
    "google-labs-jules[bot]",
    "devin-ai-integration[bot]",
)
BOT_IDS = {
    "Copilot": 198_982_749,
    "copilot-swe-agent[bot]": 198_982_749,
    "copilot-pull-request-reviewer[bot]": 175_728_472,
    "gemini-code-assist[bot]": 176_961_590,
    "coderabbitai[bot]": 136_622_811,
    "sourcery-ai[bot]": 58_596_630,
    "claude[bot]": 209_825_114,
    "google-labs-jules[bot]": 161_369_871,
    "devin-ai-integration[bot]": 158_243_242,
    "dependabot[bot]": 49_699_333,
    "renovate[bot]": 29_139_614,
    "github-actions[bot]": 41_898_282,
    "acme-release-bot": 90_000_001,
}
# reviewer -> comment commands that invoke it
REVIEW_COMMANDS = {
    "gemini-code-assist[bot]": ("/gemini review", "/gemini review please"),
    "coderabbitai[bot]": (
        "@coderabbitai review",
        "@CodeRabbitAI review",
        "@coderabbitai full review",
    ),
    "copilot-pull-request-reviewer[bot]": ("@copilot review",),
    "Copilot": ("@copilot review",),
    "sourcery-ai[bot]": ("@sourcery-ai review",),  # not a command the rules know
    "bugbot": ("bugbot run", "Bugbot run", "@cursor review"),
}
AGENT_MENTIONS = (
    "@claude please fix the failing test in this PR",
    "@claude can you rebase this on main and resolve the conflicts?",
    "Hey @Claude, add a unit test for the empty-input case.",
    "@copilot can you add a regression test for this?",
    "@copilot please address the review comments above",
    "@codex implement the TODO in the handler",
    "@jules write the migration for this column",
    "@cursor fix the lint errors",
    "@devin take this one, the steps are in the issue",
)
NON_MENTIONS = (
    "Contract questions go to x@claude.com, not to me.",
    "@claudette can you double-check the copy on this screen?",
    "Ask @claude-team in #ai-tools before enabling this.",
    "The account is ops@copilot.example, see the runbook.",
    "Tagging .@claude here did nothing, I will ping the team instead.",
)
PLAIN_COMMENTS = (
    "LGTM",
    "Looks good to me, thanks!",
    "Could you add a test for the empty case?",
    "Rebased on main.",
    "nit: rename this variable to something more descriptive",
    "Why do we need the extra query here?",
    "Fixed in the latest push.",
    "Can we put this behind a feature flag first?",
    "This breaks the mobile client, see the attached log.",
    "Thanks, merging once CI is green.",
    "Let's discuss this in standup.",
    "Good catch! 👍",
)
REVIEW_BODIES = ("", "", "", "LGTM", "Looks good 👍", "A few nits inline.", "Please see comments.")
PR_TITLES = (
    "Add pagination to list endpoints",
    "Fix rounding of refunds in multi-currency carts",
    "Retry transient database errors",
    "Move feature flags to the config service",
    "Speed up the search indexer",
    "Upgrade the HTTP client",
    "Remove the legacy export job",
    "Add audit log for admin actions",
    "Cache exchange rates for ten minutes",
    "Handle expired sessions on mobile",
)

COMMIT_TYPES = ("feat", "fix", "fix", "chore", "refactor", "test", "docs", "perf", "ci", "build")
COMMIT_SCOPES = (
    "api", "auth", "billing", "ui", "db", "config", "search", "ios", "android", "etl", "infra",
    "checkout", "deps", "cli", "jobs",
)  # fmt: skip
COMMIT_PHRASES = (
    "add pagination to list endpoint", "handle empty cart on checkout", "retry transient db errors",
    "remove unused feature flag", "cache exchange rates", "validate webhook signatures",
    "speed up search indexing", "log request ids", "fix flaky integration test",
    "bump timeout for slow exports", "add audit trail for admin actions", "tidy error messages",
    "support dark mode in settings", "split the billing worker", "migrate to the new http client",
    "guard against null currency", "add index on orders.created_at", "document the retry policy",
    "drop python 3.9 support", "rename env vars for clarity", "add metrics for queue depth",
    "fix timezone handling in reports", "handle expired sessions", "refresh tokens in background",
    "use streaming upload for large files", "add health check endpoint", "simplify config loader",
)  # fmt: skip
COMMIT_BODIES = (
    "The previous implementation loaded everything into memory.",
    "Reported by support, reproduced locally with the attached fixture.",
    "This keeps the old behaviour behind a flag until the rollout is done.",
    "No functional change intended.",
    "Follow-up to the incident review.",
    "Covered by the new unit tests.",
)
CLAUDE_MODELS = (
    "Opus 4.5",
    "Sonnet 4.5",
    "Opus 4.1",
    "Sonnet 4",
    "3.7 Sonnet",
    "Haiku 4.5",
    "Code",
)
GENERATED_WITH_CLAUDE = "🤖 Generated with [Claude Code](https://claude.com/claude-code)"
CO_AUTHOR_TRAILERS = {
    "claude": "Co-authored-by: Claude <noreply@anthropic.com>",
    "copilot_agent": (
        "Co-authored-by: copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>"
    ),
    "copilot": "Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>",
    "gemini-code-assist[bot]": (
        "Co-authored-by: gemini-code-assist[bot] "
        "<176961590+gemini-code-assist[bot]@users.noreply.github.com>"
    ),
    "coderabbitai[bot]": (
        "Co-authored-by: coderabbitai[bot] <136622811+coderabbitai[bot]@users.noreply.github.com>"
    ),
    "copilot-pull-request-reviewer[bot]": (
        "Co-authored-by: copilot-pull-request-reviewer[bot] "
        "<175728472+copilot-pull-request-reviewer[bot]@users.noreply.github.com>"
    ),
    "sourcery-ai[bot]": (
        "Co-authored-by: sourcery-ai[bot] <58596630+sourcery-ai[bot]@users.noreply.github.com>"
    ),
    "aider": "Co-authored-by: aider (gpt-4o) <noreply@aider.chat>",
    "aider_sonnet": "Co-authored-by: aider (claude-3-5-sonnet) <noreply@aider.chat>",
    "cursor_agent": "Co-authored-by: Cursor Agent <cursoragent@cursor.com>",
    "jules": (
        "Co-authored-by: google-labs-jules[bot] "
        "<161369871+google-labs-jules[bot]@users.noreply.github.com>"
    ),
    "devin": (
        "Co-authored-by: devin-ai-integration[bot] "
        "<158243242+devin-ai-integration[bot]@users.noreply.github.com>"
    ),
    "codex": "Co-authored-by: Codex <codex@openai.com>",
    "claude_smith": "Co-authored-by: Claude Smith <claude.smith@example.org>",
}
ASSISTED_BY = (
    "Assisted-by: Cursor",
    "Assisted-by: GitHub Copilot",
    "Assisted-by: Gemini",
    "Generated-by: ChatGPT",
    "Assisted-by: Claude",
)
DEPENDENCIES = (
    ("axios", "1.6.8", "1.7.4"), ("lodash", "4.17.20", "4.17.21"), ("requests", "2.31.0", "2.32.3"),
    ("golang.org/x/net", "0.23.0", "0.33.0"), ("jackson-databind", "2.15.2", "2.17.1"),
    ("typescript", "5.4.5", "5.6.3"), ("pydantic", "2.7.1", "2.9.2"), ("react", "18.2.0", "18.3.1"),
)  # fmt: skip

COPILOT_IDES = ("vscode", "vscode", "vscode", "jetbrains", "jetbrains", "visualstudio", "neovim",
                "xcode", "eclipse")  # fmt: skip
CURSOR_MODELS = ("claude-4-sonnet", "claude-4.5-sonnet", "gpt-5", "auto", "auto", "gemini-2.5-pro",
                 "composer-1", "gpt-4.1")  # fmt: skip
CURSOR_EXTENSIONS = ("ts", "tsx", "py", "go", "kt", "swift", "sql", "tf", "java", "rb", "md")
CLAUDE_TERMINALS = ("vscode", "vscode", "iTerm.app", "iTerm.app", "Apple_Terminal", "cursor",
                    "jetbrains", "tmux", "ghostty", "WarpTerminal", "gnome-terminal")  # fmt: skip

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


@dataclass(frozen=True)
class SampleConfig:
    """Size and shape of the generated landing folder.

    `developers` rostered people (people.csv also gets a release robot, and a few unrostered
    contractors are active in the tools), spread over `teams` teams, for `days` days from
    `start`. `workers` is the number of processes (None: automatic; the output does not depend
    on it).
    """

    developers: int = 200
    teams: int = 8
    days: int = 182
    start: str = "2025-06-02"
    seed: int = 42
    workers: int | None = None

    def __post_init__(self) -> None:
        if self.developers < 1:
            raise ValueError("developers must be at least 1")
        if self.teams < 1:
            raise ValueError("teams must be at least 1")
        if self.days < 1:
            raise ValueError("days must be at least 1")
        try:
            date.fromisoformat(self.start)
        except ValueError as exc:
            raise ValueError(f"start must be a YYYY-MM-DD date, got {self.start!r}") from exc


# --------------------------------------------------------------------------------------------
# The world: people, accounts, teams, repositories, calendars
# --------------------------------------------------------------------------------------------


def team_names(count: int) -> list[str]:
    """The first `count` team names: the eight defaults, then more, then `Team N`."""
    names = list(TEAM_NAMES + EXTRA_TEAM_NAMES)
    names += [f"Team {i + 1}" for i in range(len(names), count)]
    return names[:count]


def _slug(text: str) -> str:
    return "-".join(text.lower().translate(_ASCII).split())


def _nth_sunday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


def _last_sunday(year: int, month: int) -> date:
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() + 1) % 7)


def _zone_offset(zone: str, day: date) -> int:
    """UTC offset in minutes of `zone` on `day`, daylight saving time included."""
    y = day.year
    if zone in ("eu", "uk"):
        summer = _last_sunday(y, 3) <= day < _last_sunday(y, 10)
        return (120 if summer else 60) if zone == "eu" else (60 if summer else 0)
    if zone in ("us_east", "us_west"):
        summer = _nth_sunday(y, 3, 2) <= day < _nth_sunday(y, 11, 1)
        return (-300 if zone == "us_east" else -480) + (60 if summer else 0)
    if zone == "sydney":
        return 600 if _nth_sunday(y, 4, 1) <= day < _nth_sunday(y, 10, 1) else 660
    return {"india": 330, "brazil": -180, "japan": 540, "utc": 0}[zone]


_OFFSETS: dict[int, str] = {}


def _fmt_offset(minutes: int) -> str:
    text = _OFFSETS.get(minutes)
    if text is None:
        sign = "+" if minutes >= 0 else "-"
        text = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        _OFFSETS[minutes] = text
    return text


class _Dev:
    """A person active in the tools: a rostered developer or an unrostered contractor."""

    __slots__ = (
        "idx", "pid", "rostered", "name", "ascii_first", "ascii_last", "email", "login", "gh_id",
        "actor", "branch", "team0", "team1", "move_day", "emp_from", "emp_to", "act_to",
        "vac_from", "vac_to", "p_work", "p_weekend", "zone", "git_primary", "git_secondary",
        "git_secondary_rate", "copilot_login", "copilot_uid", "login_varies", "copilot_from",
        "copilot_to", "copilot_rate", "cp_chat", "cp_edit", "cp_agent", "cp_review", "cp_cli",
        "ides", "cursor_seat", "cursor_from", "cursor_rate", "cursor_email", "cursor_user",
        "bugbot", "claude_from", "claude_rate", "claude_email", "claude_terms", "claude_customer",
        "aider", "reviewer", "review_rate", "agent", "agent_rate", "intensity", "email_style",
    )  # fmt: skip

    def team_on(self, day: int) -> str:
        if self.move_day is not None and day >= self.move_day:
            return self.team1
        return self.team0


class _Repo:
    __slots__ = ("slug", "full_name", "repo_id", "json", "idx")

    def __init__(self, idx: int, slug: str, repo_id: int) -> None:
        self.idx = idx
        self.slug = slug
        self.full_name = f"{ORG_LOGIN}/{slug}"
        self.repo_id = repo_id
        self.json = _dumps({"id": repo_id, "name": self.full_name})


def _actor(login: str, gh_id: int) -> tuple[str, str]:
    """An Events API actor: its login and its JSON text."""
    return login, _dumps({"id": gh_id, "login": login, "display_login": login})


class _World:
    """Everything the sources share, built from the config alone (deterministic)."""

    def __init__(self, cfg: SampleConfig) -> None:
        self.cfg = cfg
        self.seed = cfg.seed
        self.days = days = cfg.days
        self.start = start = date.fromisoformat(cfg.start)
        calendar = [start + timedelta(days=i) for i in range(days + 2)]
        self.dstr = [d.isoformat() for d in calendar]
        self.weekday = [d.weekday() for d in calendar]
        epoch = datetime(1970, 1, 1, tzinfo=UTC)
        self.epoch_ms = [
            int((datetime(d.year, d.month, d.day, tzinfo=UTC) - epoch).total_seconds()) * 1000
            for d in calendar
        ]
        self.zone_off = [[_zone_offset(z, d) for d in calendar] for z, _ in ZONES]
        self.teams = team_names(cfg.teams)
        self._presence: list[list[_Dev]] | None = None

        rng = random.Random(f"{cfg.seed}:population")
        used_ids: set[int] = set(BOT_IDS.values())

        def new_id(low: int = 1_000_000, high: int = 190_000_000) -> int:
            while True:
                value = rng.randint(low, high)
                if value not in used_ids:
                    used_ids.add(value)
                    return value

        # repositories: one per team plus a shared one
        self.repos = [
            _Repo(i, REPO_SLUGS.get(team) or _slug(team), new_id(100_000_000, 900_000_000))
            for i, team in enumerate(self.teams)
        ]
        self.repos.append(_Repo(len(self.repos), SHARED_REPO, new_id(100_000_000, 900_000_000)))
        self.team_repo = {team: self.repos[i] for i, team in enumerate(self.teams)}
        self.shared_repo = self.repos[-1]

        # team AI reviewer habits: most teams adopted one, a few none
        choices = list(AI_REVIEWERS) + ["bugbot", None]
        self.team_reviewer = {team: choices[i % len(choices)] for i, team in enumerate(self.teams)}
        team_weights = [rng.uniform(0.6, 1.6) for _ in self.teams]

        n = cfg.developers
        scale = days / 182
        taken_logins: set[str] = set()
        taken_emails: set[str] = set()
        name_counts: dict[tuple[str, str], int] = {}

        def unique(value: str, taken: set[str], sep: str = "") -> str:
            key = value.lower()
            if key not in taken:
                taken.add(key)
                return value
            i = 2
            while f"{key}{sep}{i}" in taken:
                i += 1
            taken.add(f"{key}{sep}{i}")
            return f"{value}{sep}{i}"

        def make_login(first: str, last: str) -> str:
            f, lst = first.lower(), last.lower()
            x = rng.random()
            if x < 0.25:
                login = f + lst
            elif x < 0.45:
                login = f"{f}-{lst}"
            elif x < 0.58:
                login = f[0] + lst
            elif x < 0.72:
                login = first + last  # CamelCase: its case varies in Copilot reports
            elif x < 0.80:
                login = f"{first}-{last}"
            elif x < 0.90:
                login = f"{f}{lst}{rng.randint(1, 99)}"
            elif x < 0.95:
                login = f"{lst}{f[0]}"
            else:
                login = f"{f}-{lst[0]}-dev"
            return unique(login[:39], taken_logins, "")

        def base_dev(idx: int, first: str, last: str) -> _Dev:
            dev = _Dev()
            dev.idx = idx
            dev.name = f"{first} {last}"
            dev.ascii_first = first.translate(_ASCII)
            dev.ascii_last = last.translate(_ASCII)
            dev.login = make_login(dev.ascii_first, dev.ascii_last)
            dev.gh_id = new_id()
            dev.actor = _actor(dev.login, dev.gh_id)
            dev.branch = dev.login.lower()
            dev.login_varies = dev.login != dev.login.lower()
            dev.copilot_login = dev.login
            dev.copilot_uid = dev.gh_id
            dev.move_day = None
            dev.emp_from = -rng.randint(30, 3000)
            dev.emp_to = NEVER
            dev.act_to = NEVER
            if rng.random() < 0.6:
                dev.vac_from = rng.randint(0, max(0, days - 1))
                dev.vac_to = dev.vac_from + rng.randint(5, 15)
            else:
                dev.vac_from = dev.vac_to = NEVER
            dev.p_work = rng.uniform(0.80, 0.97)
            dev.p_weekend = 0.30 if rng.random() < 0.08 else rng.uniform(0.01, 0.10)
            dev.zone = rng.choices(range(len(ZONES)), weights=[w for _, w in ZONES])[0]
            dev.intensity = rng.uniform(0.4, 1.6)
            dev.email_style = 0
            # tools: already adopted at the start, adopted during the period, or never
            x = rng.random()
            if x < 0.40:
                dev.copilot_from = -rng.randint(1, 400)
            elif x < 0.62:
                dev.copilot_from = rng.randint(0, max(0, days - 1))
            else:
                dev.copilot_from = NEVER
            dev.copilot_to = NEVER
            dev.copilot_rate = rng.uniform(0.6, 0.95)
            dev.cp_chat = rng.uniform(0.1, 0.6)
            dev.cp_edit = rng.uniform(0.0, 0.3)
            dev.cp_agent = rng.uniform(0.0, 0.4)
            dev.cp_review = rng.uniform(0.0, 0.15) if rng.random() < 0.4 else 0.0
            dev.cp_cli = rng.uniform(0.1, 0.5) if rng.random() < 0.1 else 0.0
            dev.ides = rng.sample(COPILOT_IDES, 2 if rng.random() < 0.2 else 1)
            x = rng.random()
            if x < 0.12:
                dev.cursor_from = -rng.randint(1, 200)
            elif x < 0.40:
                dev.cursor_from = rng.randint(0, max(0, days - 1))
            else:
                dev.cursor_from = NEVER
            if dev.cursor_from != NEVER:
                dev.cursor_seat = dev.cursor_from - rng.randint(0, 20)
                if rng.random() < 0.06:
                    dev.cursor_from = NEVER  # a seat that is never really used
            elif rng.random() < 0.03:
                dev.cursor_seat = rng.randint(-30, max(0, days - 1))
            else:
                dev.cursor_seat = NEVER
            if dev.copilot_from != NEVER and dev.cursor_from != NEVER and rng.random() < 0.35:
                dev.copilot_to = max(dev.copilot_from + 1, dev.cursor_from + rng.randint(7, 30))
            dev.cursor_rate = rng.uniform(0.6, 0.95)
            dev.bugbot = rng.random() < 0.12
            x = rng.random()
            if x < 0.06:
                dev.claude_from = -rng.randint(1, 100)
            elif x < 0.36:
                dev.claude_from = int(days * rng.random() ** 0.6)
            else:
                dev.claude_from = NEVER
            dev.claude_rate = rng.uniform(0.5, 0.9)
            dev.claude_terms = rng.sample(CLAUDE_TERMINALS, 2 if rng.random() < 0.25 else 1)
            dev.claude_customer = "subscription" if rng.random() < 0.3 else "api"
            dev.aider = rng.random() < 0.03
            dev.agent = rng.choice(AI_AGENTS) if rng.random() < 0.3 else None
            dev.agent_rate = rng.uniform(0.05, 0.25)
            dev.cursor_user = "user_" + "".join(
                rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(10)
            )
            return dev

        def pick_name() -> tuple[str, str]:
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            name_counts[(first, last)] = name_counts.get((first, last), 0) + 1
            return first, last

        # ---- rostered developers
        devs: list[_Dev] = []
        for i in range(n):
            first, last = pick_name()
            dev = base_dev(i, first, last)
            dev.pid = f"E{10001 + i}"
            dev.rostered = True
            local = unique(f"{dev.ascii_first}.{dev.ascii_last}".lower(), taken_emails)
            dev.email = f"{local}@{CORP_DOMAIN}"
            dev.team0 = dev.team1 = rng.choices(self.teams, weights=team_weights)[0]
            devs.append(dev)

        # roles that shape timing are disjoint: hires, leavers, movers, an unassigned person
        order = list(range(n))
        rng.shuffle(order)
        pos = 0

        def take(k: int) -> list[_Dev]:
            nonlocal pos
            chosen = [devs[i] for i in order[pos : pos + k]]
            pos += len(chosen)
            return chosen

        def share(rate: float, minimum: int = 1) -> int:
            return max(minimum, round(n * rate))

        hires = take(share(0.08 * scale))
        leavers = take(share(0.05 * scale))
        movers = take(share(0.06 * scale)) if days >= 2 else []
        self.unassigned = take(1 if n >= 12 else 0)
        self.gone_before = take(share(0.01, 0) if n >= 50 else 0)
        for dev in hires:
            dev.emp_from = rng.randint(1, max(1, days - 1))
        for dev in leavers:
            dev.emp_to = dev.act_to = rng.randint(max(0, days // 6), max(0, days - 2))
        if leavers:
            leavers[0].act_to = leavers[0].emp_to + 2  # licence revoked two days late
        for dev in self.gone_before:
            dev.emp_to = dev.act_to = -rng.randint(10, 300)
        for dev in movers:
            dev.move_day = rng.randint(1, days - 1)
            others = [t for t in self.teams if t != dev.team0]
            dev.team1 = rng.choice(others) if others else dev.team0
        self.hires, self.leavers, self.movers = hires, leavers, movers

        # identity traits, disjoint from each other (a second shuffle)
        rng.shuffle(order)
        pos = 0
        self.blank_email = take(1 if n >= 10 else 0)
        self.blank_login = take(share(0.03))
        self.personal_git = take(share(0.05))
        self.noreply_devs = take(share(0.25))
        self.alias_email = take(share(0.03))
        self.copilot_personal = take(share(0.015))
        for dev in devs:
            dev.git_primary = (dev.name, dev.email)
            dev.git_secondary = (dev.name, self.noreply(dev))
            dev.git_secondary_rate = 0.1
        for dev in self.blank_email:
            dev.git_primary = (dev.login, self.noreply(dev))
            dev.git_secondary_rate = 0.0
            dev.cursor_from = dev.cursor_seat = dev.claude_from = NEVER
        for dev in self.personal_git:
            email = unique(
                f"{dev.ascii_first}{dev.ascii_last}{rng.randint(1, 99)}".lower(), taken_emails
            )
            dev.git_primary = (
                dev.name,
                f"{email}@{rng.choice(('mail.example', 'posteo.example'))}",
            )
            dev.git_secondary = (dev.name, dev.email)
            dev.git_secondary_rate = 0.2
        for i, dev in enumerate(self.noreply_devs):
            old_style = i % 8 == 7
            address = f"{dev.login}@users.noreply.github.com" if old_style else self.noreply(dev)
            dev.git_primary = (dev.login if i % 3 == 0 else dev.name, address)
            dev.git_secondary = (dev.name, dev.email)
            dev.git_secondary_rate = 0.3
        self.alias_of: dict[str, str] = {}
        for dev in self.alias_email:
            alias = unique(f"{dev.ascii_first[0]}{dev.ascii_last}".lower(), taken_emails)
            dev.cursor_seat = min(dev.cursor_seat, -5)
            dev.cursor_from = min(dev.cursor_from, 0)
            self.alias_of[dev.pid] = f"{alias}@{CORP_DOMAIN}"
        for dev in self.copilot_personal:
            dev.copilot_login = unique(f"{dev.ascii_first}{dev.ascii_last}-personal", taken_logins)
            dev.copilot_uid = new_id()
            dev.login_varies = True
            dev.copilot_from = min(dev.copilot_from, 0)

        # per-person e-mail as the vendors see it (case and whitespace vary)
        for dev in devs:
            base = self.alias_of.get(dev.pid, dev.email)
            if rng.random() < 0.3:
                local, _, domain = base.partition("@")
                base = ".".join(p.capitalize() for p in local.split(".")) + "@" + domain.title()
            dev.cursor_email = base
            dev.claude_email = base if rng.random() < 0.5 else base.lower()
            dev.email_style = rng.random()

        # ---- unrostered contractors (active in tools, absent from people.csv)
        contractors: list[_Dev] = []
        for j in range(max(2, round(n * 0.025))):
            first, last = pick_name()
            dev = base_dev(n + j, first, last)
            dev.pid = "C-0001" if j == 0 else None  # C-0001 groups its accounts in identities.csv
            dev.rostered = False
            dev.email = (
                unique(f"ext.{dev.ascii_first}.{dev.ascii_last}".lower(), taken_emails)
                + "@partner-dev.example"
            )
            dev.team0 = dev.team1 = rng.choice(self.teams)
            dev.emp_from = rng.randint(-60, max(0, days // 3))
            dev.emp_to = dev.act_to = (
                NEVER if rng.random() < 0.6 else rng.randint(2 * days // 3, days + 60)
            )
            dev.copilot_from = min(dev.copilot_from, dev.emp_from + 3)
            dev.cursor_from = min(dev.cursor_from, dev.emp_from + 2)
            dev.cursor_seat = dev.cursor_from
            if j % 2 == 1:
                dev.claude_from = min(dev.claude_from, dev.emp_from + 5)
            dev.cursor_email = dev.claude_email = dev.email
            dev.git_primary = (dev.name, self.noreply(dev) if j % 2 else dev.email)
            dev.git_secondary = (dev.name, dev.email)
            dev.git_secondary_rate = 0.0
            dev.email_style = rng.random()
            contractors.append(dev)
        self.contractors = contractors
        self.rostered = devs
        self.devs = devs + contractors

        for dev in self.devs:
            reviewer = self.team_reviewer[dev.team0]
            dev.reviewer = reviewer if rng.random() < 0.7 else None
            dev.review_rate = rng.uniform(0.1, 0.5)

        self.release_bot_pid = "SVC-0001"
        self.shared_owner = devs[order[0]]
        pair = [devs[i] for i in order[1:3]] if n >= 3 else devs[:1]
        self.pairing_pair = pair
        # how the directory spells people (HR typed some logins in lower case)
        self.people_login_lower = {d.pid: rng.random() < 0.3 for d in devs}
        self.people_email_caps = {d.pid: rng.random() < 0.05 for d in devs}
        self.membership_row = {d.pid: rng.random() < 0.5 for d in devs}

    # ------------------------------------------------------------------------------------
    def noreply(self, dev: _Dev) -> str:
        return f"{dev.gh_id}+{dev.login}@users.noreply.github.com"

    def day_str(self, index: int) -> str:
        """`YYYY-MM-DD` of a day index, also outside the period (employment dates)."""
        if 0 <= index < len(self.dstr):
            return self.dstr[index]
        return (self.start + timedelta(days=index)).isoformat()

    def presence(self) -> list[list[_Dev]]:
        """Who works on each day (shared by every source so the tools line up)."""
        if self._presence is None:
            out = []
            devs = self.devs
            for d in range(self.days):
                r = random.Random(f"{self.seed}:presence:{d}").random
                working = self.weekday[d] < 5
                today = []
                for dev in devs:
                    x = r()
                    if d < dev.emp_from or d > dev.act_to or dev.vac_from <= d < dev.vac_to:
                        continue
                    if x < (dev.p_work if working else dev.p_weekend):
                        today.append(dev)
                out.append(today)
            self._presence = out
        return self._presence

    def employed_on(self, d: int, rostered_only: bool = True) -> list[_Dev]:
        pool = self.rostered if rostered_only else self.devs
        return [dev for dev in pool if dev.emp_from <= d <= dev.emp_to]

    def ramp(self, d: int) -> float:
        """0 at the start of the period, 1 at its end: agentic use grows over time."""
        return d / max(1, self.days - 1)


_WORLDS: dict[SampleConfig, _World] = {}


def _world(cfg: SampleConfig) -> _World:
    key = SampleConfig(cfg.developers, cfg.teams, cfg.days, cfg.start, cfg.seed)
    world = _WORLDS.get(key)
    if world is None:
        _WORLDS.clear()
        world = _WORLDS[key] = _World(key)
    return world


def _open(path: Path):
    return open(path, "w", encoding="utf-8", newline="\n")


def _spread(count: int, days: int, offset: int = 0) -> list[int]:
    """`count` days spread over the period (trap placement)."""
    return [min(days - 1, (offset + (i * days) // max(1, count)) % days) for i in range(count)]


def _working_day_near(w: _World, d: int) -> int:
    for step in range(7):
        for cand in (d + step, d - step):
            if 0 <= cand < w.days and w.weekday[cand] < 5:
                return cand
    return d


# --------------------------------------------------------------------------------------------
# directory
# --------------------------------------------------------------------------------------------


def _write_directory(w: _World, out: Path) -> dict[str, int]:
    folder = out / "directory"
    folder.mkdir(parents=True, exist_ok=True)
    blank_email = {d.pid for d in w.blank_email}
    blank_login = {d.pid for d in w.blank_login}
    unassigned = {d.pid for d in w.unassigned}
    stale_team = {w.movers[0].pid} if w.movers else set()
    open_overlap = {w.movers[1].pid} if len(w.movers) > 1 else set()

    with _open(folder / "people.csv") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(
            [
                "person_id",
                "full_name",
                "email",
                "github_login",
                "team",
                "is_bot",
                "employment_start",
                "employment_end",
            ]  # fmt: skip
        )
        for i, dev in enumerate(w.rostered):
            email = "" if dev.pid in blank_email else dev.email
            if email and w.people_email_caps[dev.pid]:
                local, _, domain = email.partition("@")
                email = local.title() + "@" + domain
            login = "" if dev.pid in blank_login else dev.login
            if login and w.people_login_lower[dev.pid]:
                login = login.lower()
            team = dev.team1
            if dev.pid in unassigned:
                team = ""
            elif dev.pid in stale_team:
                team = dev.team0  # HR still shows the old team; memberships know better
            is_bot = "" if i % 7 == 3 else "false"
            end = "" if dev.emp_to >= NEVER else w.day_str(dev.emp_to)
            writer.writerow(
                [dev.pid, dev.name, email, login, team, is_bot, w.day_str(dev.emp_from), end]
            )
        writer.writerow(
            [
                w.release_bot_pid,
                "Acme Release Bot",
                RELEASE_BOT[1],
                RELEASE_BOT[0],
                w.teams[0],
                "true",
                "2021-03-01",
                "",
            ]  # fmt: skip
        )
    people_rows = len(w.rostered) + 1

    rows: list[list[str]] = []
    for dev in w.personal_git:
        rows.append([dev.pid, "git", dev.git_primary[1], "false"])
    for dev in w.blank_login:
        rows.append([dev.pid, "github", dev.login, "false"])
    for dev in w.alias_email:
        rows.append([dev.pid, "any" if dev.idx % 2 else "cursor", w.alias_of[dev.pid], "false"])
    for dev in w.copilot_personal:
        rows.append([dev.pid, "copilot", dev.copilot_login, "false"])
    rows.append([w.shared_owner.pid, "cursor", SHARED_ACCOUNT, "true"])
    for dev in w.pairing_pair:
        rows.append([dev.pid, "claude_code", PAIRING_ACCOUNT, "false"])
    contractor = w.contractors[0]
    rows.append([contractor.pid, "cursor", contractor.email, "false"])
    rows.append([contractor.pid, "github", contractor.login, "false"])
    with _open(folder / "identities.csv") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["person_id", "source", "account", "is_shared"])
        writer.writerows(rows)

    memberships: list[list[str]] = []
    for dev in w.rostered:
        if dev.pid in unassigned or dev.emp_to < 0:
            continue
        since = w.day_str(dev.emp_from)
        if dev.move_day is not None:
            moved = w.day_str(dev.move_day)
            first_end = "" if dev.pid in open_overlap else moved  # overlap: later valid_from wins
            memberships.append([dev.pid, dev.team0, since, first_end])
            memberships.append([dev.pid, dev.team1, moved, ""])
        elif w.membership_row[dev.pid]:
            memberships.append([dev.pid, dev.team0, since, ""])
    with _open(folder / "team_memberships.csv") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["person_id", "team", "valid_from", "valid_to"])
        writer.writerows(memberships)
    return {"people": people_rows, "identities": len(rows), "team_memberships": len(memberships)}


# --------------------------------------------------------------------------------------------
# copilot
# --------------------------------------------------------------------------------------------


def _feat(name: str, ia: int, gen: int, acc: int, sug: int, added: int, deleted: int) -> dict:
    return {
        "feature": name,
        "user_initiated_interaction_count": ia,
        "code_generation_activity_count": gen,
        "code_acceptance_activity_count": acc,
        "loc_suggested_to_add_sum": sug,
        "loc_added_sum": added,
        "loc_deleted_sum": deleted,
    }


def _copilot_record(w: _World, dev: _Dev, d: int, rng: random.Random, shape: str) -> dict:
    r = rng.random
    k = dev.intensity
    login = dev.copilot_login
    if dev.login_varies and r() < 0.3:
        login = login.lower()
    feats: list[dict] = []
    cli = {"session_count": 0, "request_count": 0, "prompt_count": 0}
    if shape == "gen_only":
        g = 1 + int(r() * 30 * k)
        feats.append(_feat("code_completion", 0, g, 0, g * 3, 0, 0))
    elif shape == "cli_only":
        q = 1 + int(r() * 12)
        feats.append(_feat("copilot_cli", q, 0, 0, 0, 0, 0))
        cli = {"session_count": 1 + int(r() * 3), "request_count": q, "prompt_count": q + 2}
    else:
        if r() < 0.9:
            g = 1 + int(r() * 60 * k)
            a = 0 if r() < 0.1 else int(g * r() * 0.45)
            feats.append(_feat("code_completion", 0, g, a, g * 3, int(a * 2.5), int(a * 0.2)))
        if r() < dev.cp_chat:
            ia = 1 + int(r() * 12 * k)
            g = int(r() * 5)
            a = int(g * r())
            feats.append(_feat("chat_panel_ask_mode", ia, g, a, g * 8, a * 6, int(r() * 2) * a))
        if r() < dev.cp_chat * 0.3:
            ia = 1 + int(r() * 6)
            feats.append(_feat("chat_inline", ia, ia, int(ia * r()), ia * 5, ia * 3, 0))
        if r() < dev.cp_edit:
            ia = 1 + int(r() * 5)
            g = int(r() * 8)
            a = int(g * r())
            feats.append(_feat("chat_panel_edit_mode", ia, g, a, g * 12, a * 9, a * 2))
        if r() < dev.cp_agent * (0.3 + w.ramp(d)):
            ia = 1 + int(r() * 10 * k)
            g = 1 + int(r() * 10)
            a = int(g * r())
            feats.append(_feat("chat_panel_agent_mode", ia, g, a, g * 25, a * 20, a * 4))
            if r() < 0.6:
                g = 1 + int(r() * 20)
                a = int(g * r())
                feats.append(_feat("agent_edit", 0, g, a, g * 15, a * 12, a * 3))
        if r() < 0.02:
            ia = 1 + int(r() * 4)
            feats.append(_feat("chat_panel_custom_mode", ia, 1, 0, 6, 0, 0))
        if dev.cp_review and r() < dev.cp_review:
            feats.append(_feat("code_review", 1 + int(r() * 3), 0, 0, 0, 0, 0))
        if dev.cp_cli and r() < dev.cp_cli:
            q = 1 + int(r() * 10)
            feats.append(_feat("copilot_cli", q, 0, 0, 0, 0, 0))
            cli = {"session_count": 1 + int(r() * 3), "request_count": q, "prompt_count": q + 1}
        if d > w.days * 0.6 and r() < 0.02:  # a feature the rules have never heard of
            feats.append(_feat("chat_panel_plan_mode", 1 + int(r() * 4), 0, 0, 0, 0, 0))
        if not feats:
            g = 1 + int(r() * 10)
            feats.append(_feat("code_completion", 0, g, 0, g * 2, 0, 0))

    ia = gen = acc = sug = added = deleted = 0
    used_chat = used_agent = False
    for f in feats:
        ia += f["user_initiated_interaction_count"]
        gen += f["code_generation_activity_count"]
        acc += f["code_acceptance_activity_count"]
        sug += f["loc_suggested_to_add_sum"]
        added += f["loc_added_sum"]
        deleted += f["loc_deleted_sum"]
        name = f["feature"]
        if name.startswith("chat_") and f["user_initiated_interaction_count"]:
            used_chat = True
        if name in ("chat_panel_agent_mode", "agent_edit"):
            used_agent = True
    ides = dev.ides
    if gen == 0:
        by_ide: list[dict] = []
    elif len(ides) == 1:
        by_ide = [
            {"ide": ides[0], "code_generation_activity_count": gen,
             "code_acceptance_activity_count": acc}
        ]  # fmt: skip
    else:
        g1 = int(gen * r())
        a1 = min(acc, g1)
        by_ide = [
            {"ide": ides[0], "code_generation_activity_count": g1,
             "code_acceptance_activity_count": a1},
            {"ide": ides[1], "code_generation_activity_count": gen - g1,
             "code_acceptance_activity_count": acc - a1},
        ]  # fmt: skip
    rec = {
        "day": w.dstr[d],
        "enterprise_id": ENTERPRISE_ID,
        "user_id": dev.copilot_uid,
        "user_login": login,
        "user_initiated_interaction_count": ia,
        "code_generation_activity_count": gen,
        "code_acceptance_activity_count": acc,
        "loc_suggested_to_add_sum": sug,
        "loc_suggested_to_delete_sum": int(sug * 0.1 * r()),
        "loc_added_sum": added,
        "loc_deleted_sum": deleted,
        "used_agent": used_agent,
        "used_chat": used_chat,
        "used_cli": cli["request_count"] > 0,
        "totals_by_feature": feats,
        "totals_by_ide": by_ide,
        "totals_by_cli": cli,
    }
    if shape in ("empty_list", "cli_only"):
        rec["totals_by_feature"] = []
    elif shape == "no_key":
        del rec["totals_by_feature"]
    if r() < 0.03 and shape != "cli_only":
        del rec["totals_by_cli"]  # an optional field that is sometimes missing
    return rec


def _copilot_redelivered(line: str, rng: random.Random) -> str:
    """The same user-day re-delivered with late telemetry (values changed)."""
    rec = json.loads(line)
    bump = 1 + int(rng.random() * 3)
    feats = rec.get("totals_by_feature") or []
    target = next((f for f in feats if f["feature"] == "code_completion"), None)
    if target is not None:
        target["code_acceptance_activity_count"] += bump
        target["code_generation_activity_count"] += bump
        target["loc_added_sum"] += bump * 2
    elif feats:
        feats.insert(0, _feat("code_completion", 0, bump, bump, 0, bump * 2, 0))
    rec["code_acceptance_activity_count"] += bump
    rec["code_generation_activity_count"] += bump
    rec["loc_added_sum"] += bump * 2
    if rng.random() < 0.5:
        rec["user_login"] = rec["user_login"].lower()
    return _dumps(rec)


def _write_copilot(w: _World, out: Path) -> tuple[int, int]:
    rng = random.Random(f"{w.seed}:copilot")
    r = rng.random
    folder = out / "copilot"
    folder.mkdir(parents=True, exist_ok=True)
    days = w.days
    window_from = max(0, days - 28)
    forced = ["gen_only", "empty_list", "no_key", "cli_only", "gen_only", "empty_list"]
    redelivered: list[str] = []
    records = files = 0
    presence = w.presence()
    for d in range(days):
        lines = []
        in_window = d >= window_from
        for dev in presence[d]:
            if not (dev.copilot_from <= d < dev.copilot_to):
                continue
            if r() >= dev.copilot_rate:
                if in_window and r() < 0.02:  # late data: only in the 28-day report
                    late = _copilot_record(w, dev, d, rng, "normal")
                    redelivered.append(_dumps(late))
                continue
            if forced and w.weekday[d] < 5 and not lines:
                shape = forced.pop(0)
            else:
                x = r()
                shape = (
                    "gen_only" if x < 0.07
                    else "empty_list" if x < 0.10
                    else "no_key" if x < 0.13
                    else "cli_only" if dev.cp_cli and x < 0.18
                    else "normal"
                )  # fmt: skip
            line = _dumps(_copilot_record(w, dev, d, rng, shape))
            lines.append(line)
            if in_window and r() < 0.25:
                redelivered.append(_copilot_redelivered(line, rng) if r() < 0.3 else line)
        with _open(folder / f"users_1_day_{w.dstr[d]}.ndjson") as fh:
            if lines:
                fh.write("\n".join(lines))
                fh.write("\n")
        records += len(lines)
        files += 1
    if redelivered:
        # the same user-day twice inside one file: the last line wins
        redelivered.append(_copilot_redelivered(redelivered[0], rng))
        with _open(folder / f"users_28_day_{w.dstr[days - 1]}.ndjson") as fh:
            fh.write("\n".join(redelivered))
            fh.write("\n")
        records += len(redelivered)
        files += 1
    return records, files


# --------------------------------------------------------------------------------------------
# cursor
# --------------------------------------------------------------------------------------------

_CURSOR_ZERO = (
    "totalLinesAdded", "totalLinesDeleted", "acceptedLinesAdded", "acceptedLinesDeleted",
    "totalApplies", "totalAccepts", "totalRejects", "totalTabsShown", "totalTabsAccepted",
    "composerRequests", "chatRequests", "agentRequests", "cmdkUsages", "subscriptionIncludedReqs",
    "apiKeyReqs", "usageBasedReqs", "bugbotUsages",
)  # fmt: skip


def _cursor_version(w: _World, d: int) -> str:
    step = int(w.ramp(d) * 24)
    return f"{1 + step // 8}.{step % 8}.{(d * 7) % 30 + 1}"


def _cursor_email(dev: _Dev, r) -> str:
    email = dev.cursor_email
    x = r()
    if dev.email_style < 0.15 and x < 0.5:
        return f" {email}"
    if dev.email_style > 0.9 and x < 0.4:
        return f"{email.upper()} "
    return email


def _cursor_row(w, d, user_id, email, active, counts) -> dict:
    row = {"date": w.epoch_ms[d], "userId": user_id, "email": email, "isActive": active}
    for key in _CURSOR_ZERO:
        row[key] = counts.get(key, 0)
    if counts:
        row["mostUsedModel"] = counts["_model"]
        row["applyMostUsedExtension"] = counts["_ext"]
        row["tabMostUsedExtension"] = counts["_ext"]
    else:
        row["mostUsedModel"] = None
        row["applyMostUsedExtension"] = None
        row["tabMostUsedExtension"] = None
    row["clientVersion"] = _cursor_version(w, d) if active else None
    return row


def _cursor_counts(dev_intensity: float, bugbot: bool, agentic: float, r) -> dict:
    k = dev_intensity
    c: dict = {}
    x = r()
    shown = int((20 + r() * 200) * k)
    tabs = int(shown * (0.1 + r() * 0.3))
    chat = int(r() * 10 * k) if r() < 0.6 else 0
    composer = int(r() * 6 * k) if r() < 0.35 else 0
    agent = int((1 + r() * 15) * k) if r() < agentic else 0
    cmdk = int(r() * 4) if r() < 0.25 else 0
    if x < 0.15:  # tab completions only
        chat = composer = agent = cmdk = 0
    applies = composer + agent + int(r() * 3)
    accepts = int(applies * (0.5 + r() * 0.5))
    rejects = applies - accepts
    added = tabs * 2 + accepts * int(5 + r() * 40)
    c["totalLinesAdded"] = added + int(r() * 50)
    c["totalLinesDeleted"] = int(added * 0.2)
    c["acceptedLinesAdded"] = added
    c["acceptedLinesDeleted"] = int(added * 0.1)
    c["totalApplies"] = applies
    c["totalAccepts"] = accepts
    c["totalRejects"] = rejects
    c["totalTabsShown"] = shown
    c["totalTabsAccepted"] = tabs
    c["composerRequests"] = composer
    c["chatRequests"] = chat
    c["agentRequests"] = agent
    c["cmdkUsages"] = cmdk
    reqs = chat + composer + agent + cmdk
    over = int(reqs * 0.3) if r() < 0.05 else 0
    c["subscriptionIncludedReqs"] = reqs - over
    c["apiKeyReqs"] = 0
    c["usageBasedReqs"] = over
    c["bugbotUsages"] = 1 + int(r() * 3) if bugbot and r() < 0.3 else 0
    c["_model"] = CURSOR_MODELS[int(r() * len(CURSOR_MODELS))]
    c["_ext"] = CURSOR_EXTENSIONS[int(r() * len(CURSOR_EXTENSIONS))]
    return c


def _write_cursor(w: _World, out: Path) -> tuple[int, int]:
    rng = random.Random(f"{w.seed}:cursor")
    r = rng.random
    folder = out / "cursor"
    folder.mkdir(parents=True, exist_ok=True)
    presence = w.presence()
    seats = [dev for dev in w.devs if dev.cursor_seat != NEVER]
    redeliver_day = _working_day_near(w, w.days // 2)
    need_zero_active = need_bugbot = True
    records = files = 0
    for d in range(w.days):
        present = {dev.idx for dev in presence[d]}
        agentic = 0.15 + 0.5 * w.ramp(d)
        rows = []
        for dev in seats:
            if not (dev.cursor_seat <= d <= dev.act_to and d >= dev.emp_from):
                continue
            is_here = dev.idx in present
            email = _cursor_email(dev, r)
            if is_here and dev.cursor_from <= d and r() < dev.cursor_rate:
                counts = _cursor_counts(dev.intensity, dev.bugbot or need_bugbot, agentic, r)
                if need_bugbot and counts["bugbotUsages"]:
                    need_bugbot = False
                rows.append(_cursor_row(w, d, dev.cursor_user, email, True, counts))
            elif is_here and (need_zero_active or r() < 0.12):
                need_zero_active = False  # the app was open, nothing was used
                rows.append(_cursor_row(w, d, dev.cursor_user, email, True, {}))
            else:
                rows.append(_cursor_row(w, d, dev.cursor_user, email, False, {}))
        if w.weekday[d] < 5 or r() < 0.2:  # the shared seat, used by several people
            counts = _cursor_counts(1.5, False, agentic, r)
            rows.append(_cursor_row(w, d, "user_sharedseat1", SHARED_ACCOUNT, True, counts))
        else:
            rows.append(_cursor_row(w, d, "user_sharedseat1", SHARED_ACCOUNT, False, {}))
        period = {"startDate": w.epoch_ms[d], "endDate": w.epoch_ms[d] + 86_399_999}
        name = f"daily_usage_{w.dstr[d]}"
        with _open(folder / f"{name}.json") as fh:
            fh.write(_dumps({"data": rows, "period": period}))
            fh.write("\n")
        records += len(rows)
        files += 1
        if d == redeliver_day and rows:
            # the same day fetched again later: late events changed some rows
            again = []
            for row in rows:
                row = dict(row)
                if r() < 0.15:
                    if row["isActive"]:
                        row["totalTabsAccepted"] += 1 + int(r() * 5)
                        row["totalTabsShown"] += 10
                    row["email"] = row["email"].strip().lower()
                again.append(row)
            if not any(row["isActive"] for row in rows):
                again[0] = dict(again[0], isActive=True, chatRequests=1)
            with _open(folder / f"{name}_refetch.json") as fh:
                fh.write(_dumps({"data": again, "period": period}))
                fh.write("\n")
            records += len(again)
            files += 1
    return records, files


# --------------------------------------------------------------------------------------------
# claude_code
# --------------------------------------------------------------------------------------------


def _claude_models(w: _World, d: int) -> tuple[str, ...]:
    day = w.dstr[d]
    models = ["claude-sonnet-4-20250514", "claude-opus-4-1-20250805"]
    if day >= "2025-09-29":
        models += ["claude-sonnet-4-5-20250929", "claude-sonnet-4-5-20250929"]
    if day >= "2025-10-15":
        models.append("claude-haiku-4-5-20251001")
    if day >= "2025-11-24":
        models += ["claude-opus-4-5-20251101", "claude-opus-4-5-20251101"]
    return tuple(models)


def _claude_record(w, d, actor, terminal, customer, intensity, models, r, idle=False) -> dict:
    k = intensity
    if idle:  # the CLI was started but nothing was done: qualifies nothing
        sessions = commits = prs = added = removed = 0
        tools = {
            "edit_tool": {"accepted": 0, "rejected": 1 + int(r() * 2)},
            "multi_edit_tool": {"accepted": 0, "rejected": 0},
            "write_tool": {"accepted": 0, "rejected": 0},
            "notebook_edit_tool": {"accepted": 0, "rejected": 0},
        }
    else:
        sessions = 1 + int(r() * 6 * k)
        accepted = 0 if r() < 0.1 else int((1 + r() * 25) * k)
        multi = int(accepted * r() * 0.3)
        write = int(accepted * r() * 0.2)
        notebook = 1 if r() < 0.02 else 0
        tools = {
            "edit_tool": {"accepted": accepted, "rejected": int(accepted * r() * 0.2)},
            "multi_edit_tool": {"accepted": multi, "rejected": int(r() * 2) if multi else 0},
            "write_tool": {"accepted": write, "rejected": 0},
            "notebook_edit_tool": {"accepted": notebook, "rejected": 0},
        }
        added = (accepted + multi * 3 + write * 20) * int(3 + r() * 12)
        removed = int(added * r() * 0.3)
        commits = int(r() * 4) if r() < 0.5 else 0
        prs = 1 if commits and r() < 0.3 else 0
    n_models = 2 if r() < 0.3 else 1
    breakdown = []
    for i in range(n_models):
        model = models[int(r() * len(models))] if i == 0 else "claude-haiku-4-5-20251001"
        out_tokens = int((200 + r() * 20_000) * k) if sessions else int(r() * 300)
        cache_read = out_tokens * int(5 + r() * 40)
        breakdown.append(
            {
                "model": model,
                "tokens": {
                    "input": out_tokens * 2,
                    "output": out_tokens,
                    "cache_read": cache_read,
                    "cache_creation": int(cache_read * 0.08),
                },
                "estimated_cost": {
                    "currency": "USD",
                    "amount": int(out_tokens * 0.0015 + cache_read * 0.00003 + 1),
                },
            }
        )
    return {
        "date": f"{w.dstr[d]}T00:00:00Z",
        "organization_id": CLAUDE_ORG_ID,
        "customer_type": customer,
        "terminal_type": terminal,
        "actor": actor,
        "core_metrics": {
            "num_sessions": sessions,
            "lines_of_code": {"added": added, "removed": removed},
            "commits_by_claude_code": commits,
            "pull_requests_by_claude_code": prs,
        },
        "tool_actions": tools,
        "model_breakdown": breakdown,
    }


def _claude_email(dev: _Dev, r) -> str:
    email = dev.claude_email
    if dev.email_style > 0.85 and r() < 0.3:
        return email.upper()
    if dev.email_style < 0.1 and r() < 0.3:
        return f"{email} "
    return email


def _write_claude_code(w: _World, out: Path) -> tuple[int, int]:
    rng = random.Random(f"{w.seed}:claude_code")
    r = rng.random
    folder = out / "claude_code"
    folder.mkdir(parents=True, exist_ok=True)
    presence = w.presence()
    ci_bot = {"type": "api_actor", "api_key_name": "ci-bot"}
    evals_bot = {"type": "api_actor", "api_key_name": "nightly-evals"}
    pairing = {"type": "user_actor", "email_address": PAIRING_ACCOUNT}
    records = files = 0
    for d in range(w.days):
        models = _claude_models(w, d)
        data = []
        for dev in presence[d]:
            if dev.claude_from > d or r() >= dev.claude_rate:
                continue
            actor = {"type": "user_actor", "email_address": _claude_email(dev, r)}
            for term in dev.claude_terms if r() < 0.5 else dev.claude_terms[:1]:
                idle = r() < 0.03
                data.append(
                    _claude_record(
                        w, d, actor, term, dev.claude_customer, dev.intensity, models, r, idle
                    )
                )
        if w.weekday[d] < 5:
            data.append(_claude_record(w, d, ci_bot, "non-interactive", "api", 2.0, models, r))
            if r() < 0.5:
                data.append(_claude_record(w, d, pairing, "tmux", "api", 1.0, models, r))
        if r() < 0.3:
            data.append(_claude_record(w, d, evals_bot, "non-interactive", "api", 3.0, models, r))
        pages = [data[i : i + CLAUDE_PAGE_SIZE] for i in range(0, len(data), CLAUDE_PAGE_SIZE)]
        pages = pages or [[]]
        for p, page in enumerate(pages):
            more = p + 1 < len(pages)
            doc = {
                "data": page,
                "has_more": more,
                "next_page": f"page_{w.dstr[d].replace('-', '')}_{p + 2:03d}" if more else None,
            }
            with _open(folder / f"usage_report_{w.dstr[d]}_page_{p + 1:03d}.json") as fh:
                fh.write(_dumps(doc))
                fh.write("\n")
            files += 1
        records += len(data)
    return records, files


# --------------------------------------------------------------------------------------------
# github events
# --------------------------------------------------------------------------------------------

_PUSHES = (0, 1, 1, 2, 2, 2, 3, 3, 4, 4)
_q = json.encoder.encode_basestring  # a JSON string literal, quotes included (C-accelerated)
_QUOTED: dict[str, str] = {}


def _qc(text: str) -> str:
    """`_q` for the texts that repeat (titles, bodies): encoded once."""
    quoted = _QUOTED.get(text)
    if quoted is None:
        quoted = _QUOTED[text] = _q(text)
    return quoted


def _work_minute(r) -> int:
    """Local minute of the day of some activity: office hours, evenings, the odd night."""
    x = r()
    if x < 0.65:
        return 540 + int(r() * 540)
    if x < 0.90:
        return 480 + int(r() * 720)
    return int(r() * 1440)


class _GitHub:
    """Builds one day of Events API objects; payloads are rendered straight to JSON text.

    Millions of events go through here, so every event is formatted from pre-encoded pieces
    (ids, logins and shas are plain ASCII; free text goes through `_q`) rather than through
    `json.dumps`; the tests parse every line back.
    """

    def __init__(self, w: _World, rng: random.Random, part: int = 0) -> None:
        self.w = w
        self.rng = rng
        self.r = rng.random
        self.seq = 0
        self.events: list[tuple[int, int, str, str, str, str]] = []
        self.pr_next = [rng.randint(50, 3000) + 20_000 * part for _ in w.repos]
        self.issue_next = [n + rng.randint(1, 40) for n in self.pr_next]
        self.open_prs: list[list[tuple[int, str]]] = [[] for _ in w.repos]
        self.comment_id = rng.randint(2_000_000_000, 2_100_000_000) + 500_000_000 * part
        self.bots = {login: _actor(login, gh_id) for login, gh_id in BOT_IDS.items()}

    def emit(self, sec: int, kind: str, actor: tuple[str, str], repo: _Repo, payload: str):
        self.seq += 1
        self.events.append((sec, self.seq, kind, actor[1], repo.json, payload))

    def when(self, dev: _Dev | None, d: int) -> int:
        r = self.r
        off = self.w.zone_off[dev.zone][d] if dev is not None else 0
        return ((_work_minute(r) - off) % 1440) * 60 + int(r() * 60)

    def next_comment_id(self) -> int:
        self.comment_id += 1 + int(self.r() * 50)
        return self.comment_id

    def sha(self) -> str:
        return f"{self.rng.getrandbits(160):040x}"

    # ---- event builders ----------------------------------------------------------------
    def push(self, sec, actor, repo, branch="main"):
        payload = (
            f'{{"repository_id":{repo.repo_id},"push_id":{20_000_000_000 + self.seq * 7},'
            f'"ref":"refs/heads/{branch}","head":"{self.sha()}","before":"{self.sha()}"}}'
        )
        self.emit(sec, "PushEvent", actor, repo, payload)

    def branch(self, sec, actor, repo, kind: str, ref: str):
        if kind == "CreateEvent":
            payload = (
                f'{{"ref":"{ref}","ref_type":"branch","master_branch":"main",'
                '"description":null,"pusher_type":"user"}'
            )
        else:
            payload = f'{{"ref":"{ref}","ref_type":"branch","pusher_type":"user"}}'
        self.emit(sec, kind, actor, repo, payload)

    def open_pr(self, sec, actor, repo, title=None) -> int:
        number = self.pr_next[repo.idx]
        self.pr_next[repo.idx] += 1
        prs = self.open_prs[repo.idx]
        prs.append((number, actor[0]))
        if len(prs) > 60:
            del prs[:20]
        title = _qc(title or PR_TITLES[int(self.r() * len(PR_TITLES))])
        payload = (
            f'{{"action":"opened","number":{number},"pull_request":{{"number":{number},'
            f'"title":{title},"state":"open","user":{{"login":"{actor[0]}"}}}}}}'
        )
        self.emit(sec, "PullRequestEvent", actor, repo, payload)
        return number

    def some_pr(self, repo) -> tuple[int, str]:
        prs = self.open_prs[repo.idx]
        if not prs:
            return self.pr_next[repo.idx] - 1, "octo-cat"
        return prs[int(self.r() * len(prs))]

    def review_requested(self, sec, actor, repo, number, author, reviewer, is_bot):
        payload = (
            f'{{"action":"review_requested","number":{number},"requested_reviewer":'
            f'{{"login":"{reviewer}","type":"{"Bot" if is_bot else "User"}"}},'
            f'"pull_request":{{"number":{number},"user":{{"login":"{author}"}}}}}}'
        )
        self.emit(sec, "PullRequestEvent", actor, repo, payload)

    def close_pr(self, sec, actor, repo):
        number, author = self.some_pr(repo)
        merged = "true" if self.r() < 0.85 else "false"
        payload = (
            f'{{"action":"closed","number":{number},"pull_request":{{"number":{number},'
            f'"state":"closed","merged":{merged},"user":{{"login":"{author}"}}}}}}'
        )
        self.emit(sec, "PullRequestEvent", actor, repo, payload)

    def review(self, sec, actor, repo, body):
        number, author = self.some_pr(repo)
        state = ("approved", "commented", "changes_requested")[int(self.r() * 3)]
        text = _qc(body) if body else "null"
        payload = (
            f'{{"action":"created","review":{{"id":{self.next_comment_id()},"body":{text},'
            f'"state":"{state}","user":{{"login":"{actor[0]}"}}}},'
            f'"pull_request":{{"number":{number},"user":{{"login":"{author}"}}}}}}'
        )
        self.emit(sec, "PullRequestReviewEvent", actor, repo, payload)

    def issue_comment(self, sec, actor, repo, body):
        number, author = self.some_pr(repo)
        payload = (
            f'{{"action":"created","issue":{{"number":{number},"user":{{"login":"{author}"}}}},'
            f'"comment":{{"id":{self.next_comment_id()},"body":{_qc(body)},'
            f'"user":{{"login":"{actor[0]}"}}}}}}'
        )
        self.emit(sec, "IssueCommentEvent", actor, repo, payload)

    def review_comment(self, sec, actor, repo, body):
        number, author = self.some_pr(repo)
        path = f"src/{COMMIT_SCOPES[int(self.r() * len(COMMIT_SCOPES))]}/handler.py"
        payload = (
            f'{{"action":"created","comment":{{"id":{self.next_comment_id()},'
            f'"body":{_qc(body)},"path":"{path}","user":{{"login":"{actor[0]}"}}}},'
            f'"pull_request":{{"number":{number},"user":{{"login":"{author}"}}}}}}'
        )
        self.emit(sec, "PullRequestReviewCommentEvent", actor, repo, payload)

    def issue(self, sec, actor, repo, action, assignee=None, is_bot=False):
        if action == "opened":
            number = self.issue_next[repo.idx]
            self.issue_next[repo.idx] += 1
        else:
            number = max(1, self.issue_next[repo.idx] - 1 - int(self.r() * 20))
        extra = ""
        if assignee is not None:
            kind = "Bot" if is_bot else "User"
            extra = f',"assignee":{{"login":"{assignee}","type":"{kind}"}}'
        payload = (
            f'{{"action":"{action}","issue":{{"number":{number},'
            f'"title":{_qc(PR_TITLES[number % len(PR_TITLES)])},'
            f'"user":{{"login":"{actor[0]}"}}}}{extra}}}'
        )
        self.emit(sec, "IssuesEvent", actor, repo, payload)

    # ---- bodies ------------------------------------------------------------------------
    def comment_body(self, dev: _Dev, d: int, others: list[_Dev]) -> str:
        r = self.r
        if dev.reviewer and r() < dev.review_rate * 0.25:
            cmds = REVIEW_COMMANDS[dev.reviewer]
            return cmds[int(r() * len(cmds))]
        if dev.agent and r() < dev.agent_rate * (0.3 + self.w.ramp(d)):
            return AGENT_MENTIONS[int(r() * len(AGENT_MENTIONS))]
        x = r()
        if x < 0.02:
            return NON_MENTIONS[int(r() * len(NON_MENTIONS))]
        if x < 0.12 and others:
            other = others[int(r() * len(others))]
            return f"@{other.login} can you take a look?"
        return PLAIN_COMMENTS[int(r() * len(PLAIN_COMMENTS))]


_ORG_JSON = _dumps({"id": ORG_ID, "login": ORG_LOGIN})
_AI_REVIEW_BODY = "## Pull request overview\nThis PR looks reasonable. 2 comments."
_CODERABBIT_SUMMARY = (
    "**Summary by CodeRabbit**\n\n- Refactor: tidy handlers\n\n"
    "<!-- tips: comment `@coderabbitai review` to trigger a review, or ask @claude for help -->"
)


def _write_github(w: _World, out: Path, part: int = 0, parts: int = 1) -> tuple[int, int]:
    """Days `[part * days / parts, (part + 1) * days / parts)`: parts are written in parallel.

    Each part has its own random stream and its own id range, so the files do not depend on
    how many processes write them.
    """
    rng = random.Random(f"{w.seed}:github:{part}")
    r = rng.random
    folder = out / "github"
    folder.mkdir(parents=True, exist_ok=True)
    gh = _GitHub(w, rng, part)
    bots = gh.bots
    presence = w.presence()
    next_id = 41_000_000_000 + part * 4_000_000_000 + rng.randint(0, 10**8)
    traps = _github_traps(w)
    carry: list[str] = []
    records = files = 0
    started = '{"id":"'
    for d in range(part * w.days // parts, (part + 1) * w.days // parts):
        gh.events = []
        present = presence[d]
        n_present = len(present)
        working = w.weekday[d] < 5
        ramp = 0.3 + w.ramp(d)
        for dev in present:
            actor = dev.actor
            login = dev.login
            repo = w.team_repo[dev.team_on(d)] if r() < 0.85 else w.shared_repo
            off = w.zone_off[dev.zone][d]
            for _ in range(_PUSHES[int(r() * 10)]):
                sec = ((_work_minute(r) - off) % 1440) * 60 + int(r() * 60)
                gh.push(sec, actor, repo, "main" if r() < 0.3 else f"feature/{dev.branch}")
            if r() < 0.6:
                gh.branch(gh.when(dev, d), actor, repo, "CreateEvent", f"{dev.branch}/wip-{d}")
            if r() < 0.30:
                ref = f"{dev.branch}/wip-{max(0, d - 3)}"
                gh.branch(gh.when(dev, d), actor, repo, "DeleteEvent", ref)
            if r() < 0.38:
                sec = gh.when(dev, d)
                number = gh.open_pr(sec, actor, repo)
                if r() < 0.85 and n_present > 1:
                    other = present[int(r() * n_present)]
                    if other is not dev:
                        gh.review_requested(sec + 5, actor, repo, number, login, other.login, False)
                rv = dev.reviewer
                if rv and rv != "bugbot" and r() < dev.review_rate:
                    gh.review_requested(sec + 9, actor, repo, number, login, rv, True)
                    if rv != "Copilot":  # the AI reviewer answers with a review of its own
                        gh.review(min(86_399, sec + 240), bots[rv], repo, _AI_REVIEW_BODY)
            if r() < 0.33:
                gh.close_pr(gh.when(dev, d), actor, repo)
            if r() < 0.55:
                x = r()
                body = (
                    "@copilot review" if x < 0.01
                    else "Approved, but @claude should double check the migration" if x < 0.015
                    else REVIEW_BODIES[int(r() * len(REVIEW_BODIES))]
                )  # fmt: skip
                gh.review(gh.when(dev, d), actor, repo, body)
            if r() < 0.55:
                gh.issue_comment(gh.when(dev, d), actor, repo, gh.comment_body(dev, d, present))
            if r() < 0.45:
                gh.review_comment(gh.when(dev, d), actor, repo, gh.comment_body(dev, d, present))
            if r() < 0.16:
                gh.issue(gh.when(dev, d), actor, repo, "opened" if r() < 0.6 else "closed")
            if dev.agent and r() < dev.agent_rate * ramp:
                sec = gh.when(dev, d)
                gh.issue(sec, actor, repo, "assigned", dev.agent, True)
                if dev.agent in ("Copilot", "copilot-swe-agent[bot]"):
                    agent_pr = "[WIP] " + PR_TITLES[int(r() * len(PR_TITLES))]
                    gh.open_pr(min(86_399, sec + 600), bots["Copilot"], repo, agent_pr)
            elif r() < 0.04 and n_present > 1:
                other = present[int(r() * n_present)]
                gh.issue(gh.when(dev, d), actor, repo, "assigned", other.login, False)
            if r() < 0.03:
                gh.emit(gh.when(dev, d), "WatchEvent", actor, repo, '{"action":"started"}')
            if r() < 0.003:
                forkee = (
                    f'{{"forkee":{{"id":{900_000_000 + d},"full_name":"{login}/{repo.slug}"}}}}'
                )
                gh.emit(gh.when(dev, d), "ForkEvent", actor, repo, forkee)
        # bots: dependency updates, releases, CI, an AI reviewer's summary
        for repo in w.repos:
            if w.weekday[d] == 0 and r() < 0.8:
                dep, old, new = DEPENDENCIES[int(r() * len(DEPENDENCIES))]
                title = f"Bump {dep} from {old} to {new}"
                gh.open_pr(gh.when(None, d), bots["dependabot[bot]"], repo, title)
            if w.weekday[d] == 4 and r() < 0.5:
                tag = f"v1.{d // 7}.0"
                release = (
                    f'{{"action":"published","release":{{"tag_name":"{tag}","name":"{tag}"}}}}'
                )
                gh.emit(gh.when(None, d), "ReleaseEvent", bots["acme-release-bot"], repo, release)
                gh.push(gh.when(None, d), bots["acme-release-bot"], repo)
            if working and r() < 0.3:
                gh.push(gh.when(None, d), bots["github-actions[bot]"], repo, "gh-pages")
            if working and r() < 0.2:
                coderabbit = bots["coderabbitai[bot]"]
                gh.issue_comment(gh.when(None, d), coderabbit, repo, _CODERABBIT_SUMMARY)
        for build in traps.get(d, ()):
            build(gh, d)

        gh.events.sort()
        events, gh.events = gh.events, []
        ds = w.dstr[d]
        with _open(folder / f"events_{ds}.ndjson") as fh:
            if carry and (d == 1 or r() < 0.15):
                # the collector's overlapping poll: the previous day's last events again
                fh.write("".join(carry))
                records += len(carry)
            chunk: list[str] = []
            tail: list[str] = []  # the file's last lines, re-delivered with the next day
            for sec, _, kind, actor_json, repo_json, payload in events:
                next_id += 1 + int(r() * 40)
                chunk.append(
                    f'{started}{next_id}","type":"{kind}","actor":{actor_json},'
                    f'"repo":{repo_json},"payload":{payload},"public":false,"created_at":'
                    f'"{ds}T{sec // 3600:02d}:{sec // 60 % 60:02d}:{sec % 60:02d}Z",'
                    f'"org":{_ORG_JSON}}}\n'
                )
                if len(chunk) >= 4096:
                    fh.write("".join(chunk))
                    tail, chunk = chunk[-3:], []
            fh.write("".join(chunk))
        if events:
            carry = (tail + chunk)[-3:]
        records += len(events)
        files += 1
    return records, files


def _github_traps(w: _World) -> dict[int, list]:
    """Events every landing folder must contain, spread over the period."""
    rng = random.Random(f"{w.seed}:github-traps")

    def anyone(d: int) -> _Dev:
        pool = w.employed_on(d) or w.rostered
        return pool[int(rng.random() * len(pool))]

    def requested(reviewer: str, is_bot: bool):
        def build(gh: _GitHub, d: int) -> None:
            dev = anyone(d)
            repo = w.team_repo[dev.team_on(d)]
            sec = gh.when(dev, d)
            number = gh.open_pr(sec, dev.actor, repo)
            login = reviewer or anyone(d).login
            gh.review_requested(sec + 7, dev.actor, repo, number, dev.login, login, is_bot)

        return build

    def assigned(agent: str):
        def build(gh: _GitHub, d: int) -> None:
            dev = anyone(d)
            gh.issue(gh.when(dev, d), dev.actor, w.team_repo[dev.team_on(d)], "assigned", agent,
                     True)  # fmt: skip

        return build

    def comment(body: str, kind: str = "issue", who: str = "rostered"):
        def build(gh: _GitHub, d: int) -> None:
            dev = w.contractors[-1] if who == "contractor" else anyone(d)
            repo = w.team_repo[dev.team_on(d)]
            if kind == "issue":
                gh.issue_comment(gh.when(dev, d), dev.actor, repo, body)
            elif kind == "review_comment":
                gh.review_comment(gh.when(dev, d), dev.actor, repo, body)
            else:
                gh.review(gh.when(dev, d), dev.actor, repo, body)

        return build

    def ignored(kind: str):
        def build(gh: _GitHub, d: int) -> None:
            dev = anyone(d)
            repo = w.team_repo[dev.team_on(d)]
            if kind == "PushEvent":
                gh.push(gh.when(dev, d), dev.actor, repo)
            else:
                gh.emit(gh.when(dev, d), kind, dev.actor, repo, '{"action":"started"}')

        return build

    builders = [requested(rv, True) for rv in AI_REVIEWERS]
    builders += [requested("", False)]
    builders += [assigned(a) for a in ("Copilot", "copilot-swe-agent[bot]", "claude[bot]")]
    builders += [
        comment("/gemini review"),
        comment("@coderabbitai review"),
        comment("bugbot run", "review_comment"),
        comment("@claude please fix the failing test"),
        comment("@copilot can you add a regression test for this?", "review_comment"),
        comment("@copilot review"),
        comment("Contract questions go to x@claude.com, not to me."),
        comment("@claudette can you double-check the copy on this screen?"),
        comment("@copilot review", "review"),
        comment("@claude can you take this one?", "issue", "contractor"),
        ignored("PushEvent"),
        ignored("WatchEvent"),
    ]
    out: dict[int, list] = {}
    for build, d in zip(builders, _spread(len(builders), w.days), strict=True):
        out.setdefault(d, []).append(build)
    return out


# --------------------------------------------------------------------------------------------
# git commits
# --------------------------------------------------------------------------------------------

_COMMITS = (0, 1, 1, 1, 2, 2, 2, 3, 3, 4)


def _commit_minute(r) -> int:
    """Local minute of a commit; above 1440 is after midnight (the next local day)."""
    x = r()
    if x < 0.70:
        return 540 + int(r() * 570)
    if x < 0.90:
        return 1110 + int(r() * 330)
    if x < 0.96:
        return 1440 + int(r() * 120)
    return 420 + int(r() * 120)


class _Git:
    def __init__(self, w: _World, rng: random.Random, folder: Path) -> None:
        self.w = w
        self.rng = rng
        self.r = rng.random
        self.folder = folder
        self.handles = [_open(folder / f"{repo.slug}.ndjson") for repo in w.repos]
        first = w.repos[0]
        self.fork_name = f"{ORG_LOGIN}-contrib/{first.slug}"
        self.fork = _open(folder / f"{first.slug}-fork.ndjson")
        self.clone = _open(folder / f"{first.slug}-ci-clone.ndjson")
        self.fork_day = max(1, w.days * 3 // 5)
        self.clone_from = max(0, w.days - max(3, w.days // 6))
        self.heads: list[str | None] = [None] * len(w.repos)
        self.fork_head: str | None = None
        self.recent: list[list[str]] = [[] for _ in w.repos]
        self.pr_number = [rng.randint(50, 3000) for _ in w.repos]
        self.count = 0

    def close(self) -> None:
        for fh in (*self.handles, self.fork, self.clone):
            fh.close()

    def sha(self) -> str:
        return f"{self.rng.getrandbits(160):040x}"

    def stamp(self, d: int, minute: int, off: str) -> str:
        day = d + minute // 1440
        minute %= 1440
        sec = int(self.r() * 60)
        return f"{self.w.dstr[day]}T{minute // 60:02d}:{minute % 60:02d}:{sec:02d}{off}"

    def safe_minute(self, d: int, minute: int, off: int) -> int:
        """Keep the commit's UTC date inside the period (coverage stays the same)."""
        utc_day = d + (minute - off) // 1440
        if utc_day < 0 or utc_day > self.w.days - 1:
            return 720 + int(self.r() * 60)
        return minute

    def write(
        self,
        repo: _Repo,
        d: int,
        minute: int,
        off_min: int,
        author: tuple[str, str],
        message: str,
        committer: tuple[str, str] | None = None,
        merge: bool = False,
        fork_only: bool = False,
    ) -> None:
        w = self.w
        r = self.r
        minute = self.safe_minute(d, minute, off_min)
        off = _fmt_offset(off_min)
        authored = self.stamp(d, minute, off)
        committed = authored
        if committer is None:
            committer = author
            if r() < 0.15 and d < w.days - 3:  # rebased or amended a little later
                later = minute + 5 + int(r() * 600)
                if d + (later - off_min) // 1440 <= w.days - 1:
                    committed = self.stamp(d, later, off)
        sha = self.sha()
        i = repo.idx
        if fork_only:
            parents = [self.fork_head] if self.fork_head else []
            self.fork_head = sha
        else:
            parents = [self.heads[i]] if self.heads[i] else []
            recent = self.recent[i]
            if merge and len(recent) > 1:
                parents.append(recent[int(r() * (len(recent) - 1))])
            self.heads[i] = sha
            recent.append(sha)
            if len(recent) > 40:
                del recent[:20]
        q = _q
        parent_list = ",".join([f'"{p}"' for p in parents])
        body = (
            f'","sha":"{sha}","parents":[{parent_list}],'
            f'"author_name":{q(author[0])},"author_email":{q(author[1])},'
            f'"authored_at":"{authored}","committer_name":{q(committer[0])},'
            f'"committer_email":{q(committer[1])},"committed_at":"{committed}",'
            f'"message":{q(message)}}}\n'
        )
        self.count += 1
        if fork_only:
            self.fork.write(f'{{"repository":"{self.fork_name}{body}')
            return
        line = f'{{"repository":"{repo.full_name}{body}'
        self.handles[i].write(line)
        if i == 0:
            if d < self.fork_day:  # the fork carries the history up to the fork point
                self.fork.write(f'{{"repository":"{self.fork_name}{body}')
                self.fork_head = sha
                self.count += 1
            if d >= self.clone_from:  # a second clone exported the same commits again
                self.clone.write(line)
                self.count += 1

    # ---- messages -------------------------------------------------------------------------
    def subject(self) -> str:
        r = self.r
        phrase = COMMIT_PHRASES[int(r() * len(COMMIT_PHRASES))]
        x = r()
        if x < 0.5:
            kind = COMMIT_TYPES[int(r() * len(COMMIT_TYPES))]
            scope = COMMIT_SCOPES[int(r() * len(COMMIT_SCOPES))]
            return f"{kind}({scope}): {phrase}"
        if x < 0.85:
            return phrase[0].upper() + phrase[1:]
        return f"[PAY-{1000 + int(r() * 9000)}] {phrase}"

    def message(self, dev: _Dev, d: int, colleagues: list[_Dev]) -> str:
        r = self.r
        subject = self.subject()
        paragraphs = []
        if r() < 0.45:
            paragraphs.append(COMMIT_BODIES[int(r() * len(COMMIT_BODIES))])
        trailers: list[str] = []
        x = r()
        if dev.claude_from <= d and x < 0.35:
            y = r()
            if y < 0.45:
                paragraphs.append(GENERATED_WITH_CLAUDE)
                trailers.append("Co-Authored-By: Claude <noreply@anthropic.com>")
            elif y < 0.75:
                model = CLAUDE_MODELS[int(r() * len(CLAUDE_MODELS))]
                trailers.append(f"Co-Authored-By: Claude {model} <noreply@anthropic.com>")
            elif y < 0.9:
                trailers.append(CO_AUTHOR_TRAILERS["claude"])
            else:
                paragraphs.append(GENERATED_WITH_CLAUDE)
        elif dev.aider and x < 0.5:
            if r() < 0.5:
                subject = "aider: " + subject
            else:
                trailers.append(CO_AUTHOR_TRAILERS["aider" if r() < 0.7 else "aider_sonnet"])
        elif dev.cursor_from <= d and x < 0.08:
            trailers.append(
                "Assisted-by: Cursor" if r() < 0.6 else CO_AUTHOR_TRAILERS["cursor_agent"]
            )
        elif dev.copilot_from <= d < dev.copilot_to and x < 0.05:
            y = r()
            trailers.append(
                CO_AUTHOR_TRAILERS["copilot_agent"] if y < 0.5
                else CO_AUTHOR_TRAILERS["copilot"] if y < 0.8
                else "Assisted-by: GitHub Copilot"
            )  # fmt: skip
        elif dev.reviewer in CO_AUTHOR_TRAILERS and x < 0.08:
            trailers.append(CO_AUTHOR_TRAILERS[dev.reviewer])  # applied an AI review suggestion
        elif x < 0.09:
            y = r()
            trailers.append(
                CO_AUTHOR_TRAILERS["jules"] if y < 0.2
                else CO_AUTHOR_TRAILERS["devin"] if y < 0.4
                else CO_AUTHOR_TRAILERS["codex"] if y < 0.55
                else ASSISTED_BY[int(r() * len(ASSISTED_BY))]
            )  # fmt: skip
        if colleagues and r() < 0.06:
            mate = colleagues[int(r() * len(colleagues))]
            if mate is not dev:
                trailers.append(f"Co-authored-by: {mate.name} <{mate.email}>")
        if r() < 0.002:
            trailers.append(CO_AUTHOR_TRAILERS["claude_smith"])
        if r() < 0.08:
            trailers.append(f"Signed-off-by: {dev.git_primary[0]} <{dev.git_primary[1]}>")
        if trailers:
            paragraphs.append("\n".join(trailers))
        return "\n\n".join([subject, *paragraphs])

    def merge_message(self, repo: _Repo, dev: _Dev) -> tuple[str, tuple[str, str] | None]:
        r = self.r
        if r() < 0.7:
            self.pr_number[repo.idx] += 1 + int(r() * 3)
            branch = f"{dev.login.lower()}/{COMMIT_SCOPES[int(r() * len(COMMIT_SCOPES))]}"
            title = PR_TITLES[int(r() * len(PR_TITLES))]
            number = self.pr_number[repo.idx]
            msg = f"Merge pull request #{number} from {ORG_LOGIN}/{branch}\n\n{title}"
            return msg, ("GitHub", "noreply@github.com")
        return f"Merge branch 'main' into feature/{dev.login.lower()}", None


def _write_git(w: _World, out: Path) -> tuple[int, int]:
    rng = random.Random(f"{w.seed}:git")
    r = rng.random
    folder = out / "git"
    folder.mkdir(parents=True, exist_ok=True)
    git = _Git(w, rng, folder)
    presence = w.presence()
    traps = _git_traps(w)
    try:
        for d in range(w.days):
            present = presence[d]
            for dev in present:
                n = _COMMITS[int(r() * 10)]
                if not n:
                    continue
                zone_off = w.zone_off[dev.zone][d]
                team_repo = w.team_repo[dev.team_on(d)]
                for _ in range(n):
                    repo = team_repo if r() < 0.9 else w.shared_repo
                    ident = dev.git_primary
                    if dev.git_secondary_rate and r() < dev.git_secondary_rate:
                        ident = dev.git_secondary
                    minute = _commit_minute(r)
                    if r() < 0.07:
                        msg, committer = git.merge_message(repo, dev)
                        git.write(repo, d, minute, zone_off, ident, msg, committer, merge=True)
                    else:
                        msg = git.message(dev, d, present)
                        git.write(repo, d, minute, zone_off, ident, msg)
                if dev.agent in ("Copilot", "copilot-swe-agent[bot]", "claude[bot]") and r() < 0.03:
                    _agent_commit(git, w, dev, d)
            _bot_commits(git, w, d)
            if d >= git.fork_day and w.contractors and r() < 0.3:
                dev = w.contractors[0]
                git.write(w.repos[0], d, _commit_minute(r), w.zone_off[dev.zone][d],
                          dev.git_primary, git.message(dev, d, []), fork_only=True)  # fmt: skip
            for build in traps.get(d, ()):
                build(git, d)
    finally:
        git.close()
    return git.count, len(w.repos) + 2


def _agent_commit(git: _Git, w: _World, dev: _Dev, d: int) -> None:
    """A commit authored by the coding agent itself: a bot author qualifies nobody."""
    login = "claude[bot]" if dev.agent == "claude[bot]" else "copilot-swe-agent[bot]"
    email = (
        "209825114+claude[bot]@users.noreply.github.com"
        if login == "claude[bot]"
        else "198982749+Copilot@users.noreply.github.com"
    )
    msg = (
        f"{git.subject()}\n\nCo-authored-by: {dev.login} <{w.noreply(dev)}>"
        if git.r() < 0.7
        else "Initial plan"
    )
    git.write(w.team_repo[dev.team_on(d)], d, 600 + int(git.r() * 480), 0, (login, email), msg)


def _bot_commits(git: _Git, w: _World, d: int) -> None:
    r = git.r
    gh = ("GitHub", "noreply@github.com")
    for repo in w.repos:
        wd = w.weekday[d]
        if wd == 0 and r() < 0.7:
            dep, old, new = DEPENDENCIES[int(r() * len(DEPENDENCIES))]
            msg = (
                f"Bump {dep} from {old} to {new}\n\nBumps {dep} from {old} to {new}.\n\n"
                "---\nupdated-dependencies:\n- dependency-name: " + dep + "\n\n"
                "Signed-off-by: dependabot[bot] <support@github.com>"
            )
            author = ("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com")
            git.write(repo, d, 360 + int(r() * 60), 0, author, msg, gh)
        if wd == 2 and repo.idx % 2 == 0 and r() < 0.6:
            dep, old, new = DEPENDENCIES[int(r() * len(DEPENDENCIES))]
            author = ("renovate[bot]", "29139614+renovate[bot]@users.noreply.github.com")
            git.write(repo, d, 300 + int(r() * 60), 0, author,
                      f"chore(deps): update dependency {dep} to v{new}", gh)  # fmt: skip
        if wd == 4 and r() < 0.5:
            git.write(repo, d, 900 + int(r() * 60), 0, RELEASE_BOT,
                      f"chore(release): v1.{d // 7}.0\n\n[skip ci]")  # fmt: skip
        if wd < 5 and r() < 0.05:
            author = (
                "github-actions[bot]",
                "41898282+github-actions[bot]@users.noreply.github.com",
            )
            git.write(repo, d, 700 + int(r() * 60), 0, author, "docs: regenerate API reference")


def _git_traps(w: _World) -> dict[int, list]:
    """Commits every landing folder must contain, spread over the period."""
    rng = random.Random(f"{w.seed}:git-traps")

    def anyone(d: int, pool: list[_Dev] | None = None) -> _Dev:
        pool = [dev for dev in (pool or w.rostered) if dev.emp_from <= d <= dev.emp_to]
        pool = pool or w.employed_on(d) or w.rostered
        return pool[int(rng.random() * len(pool))]

    def body(trailers: str, pre: str | None = None, prefix: str = ""):
        def build(git: _Git, d: int) -> None:
            dev = anyone(d)
            me = f"{dev.git_primary[0]} <{dev.git_primary[1]}>"
            parts = [prefix + git.subject()]
            if pre:
                parts.append(pre)
            if trailers:
                parts.append(trailers.replace("{me}", me))
            git.write(w.team_repo[dev.team_on(d)], d, 660, w.zone_off[dev.zone][d],
                      dev.git_primary, "\n\n".join(parts))  # fmt: skip

        return build

    def authored(kind: str):
        def build(git: _Git, d: int) -> None:
            if kind == "noreply":
                dev = anyone(d, w.noreply_devs)
                ident = (dev.login, w.noreply(dev))
            elif kind == "personal":
                dev = anyone(d, w.personal_git)
                ident = dev.git_primary
            else:
                dev = anyone(d)
                ident = (dev.name, dev.email)
            git.write(w.team_repo[dev.team_on(d)], d, 600, w.zone_off[dev.zone][d], ident,
                      git.message(dev, d, []))  # fmt: skip

        return build

    def midnight(off_min: int, minute: int):
        def build(git: _Git, d: int) -> None:
            dev = anyone(d)
            git.write(w.team_repo[dev.team_on(d)], d, minute, off_min, dev.git_primary,
                      git.subject())  # fmt: skip

        return build

    def merge(git: _Git, d: int) -> None:
        dev = anyone(d)
        repo = w.team_repo[dev.team_on(d)]
        msg, committer = git.merge_message(repo, dev)
        git.write(repo, d, 700, w.zone_off[dev.zone][d], dev.git_primary, msg, committer, True)

    def in_first_repo(git: _Git, d: int) -> None:
        dev = anyone(d)
        git.write(w.repos[0], d, 630, w.zone_off[dev.zone][d], dev.git_primary, git.subject())

    def bots(git: _Git, d: int) -> None:
        gh = ("GitHub", "noreply@github.com")
        repo = w.repos[d % len(w.repos)]
        git.write(repo, d, 400, 0, ("dependabot[bot]",
                  "49699333+dependabot[bot]@users.noreply.github.com"),
                  "Bump lodash from 4.17.20 to 4.17.21", gh)  # fmt: skip
        git.write(repo, d, 410, 0, ("renovate[bot]",
                  "29139614+renovate[bot]@users.noreply.github.com"),
                  "chore(deps): update dependency typescript to v5.6.3", gh)  # fmt: skip
        git.write(repo, d, 420, 0, RELEASE_BOT, "chore(release): v0.9.0")

    claude_model = "Co-Authored-By: Claude Opus 4.5 <noreply@anthropic.com>"
    builders = [
        body(CO_AUTHOR_TRAILERS["claude"]),
        body(claude_model, GENERATED_WITH_CLAUDE),
        body(CO_AUTHOR_TRAILERS["copilot_agent"]),
        body(CO_AUTHOR_TRAILERS["gemini-code-assist[bot]"]),
        body(CO_AUTHOR_TRAILERS["aider"]),
        body("Signed-off-by: {me}", None, "aider: "),
        body("Refs: #123", GENERATED_WITH_CLAUDE),
        body("Assisted-by: Cursor"),
        body(CO_AUTHOR_TRAILERS["claude_smith"]),
        # a co-author line outside the last paragraph is not a trailer
        body("Signed-off-by: {me}", CO_AUTHOR_TRAILERS["claude"]),
        merge,
        bots,
        authored("noreply"),
        authored("personal"),
        authored("corporate"),
        midnight(330, 1440 + 40),  # 00:40 +05:30 is 19:10 UTC the previous day
        midnight(-420, 1430),  # 23:50 -07:00 is 06:50 UTC the next day
        midnight(120, 1440 + 15),
    ]
    out: dict[int, list] = {}
    days = _spread(len(builders), w.days, offset=1 if w.days > 2 else 0)
    for build, d in zip(builders, days, strict=True):
        out.setdefault(d, []).append(build)
    out.setdefault(0, []).append(in_first_repo)  # before the fork point: shared with the fork
    out.setdefault(w.days - 1, []).append(in_first_repo)  # in the overlapping second clone
    return out


# --------------------------------------------------------------------------------------------
# driver
# --------------------------------------------------------------------------------------------

_WRITERS = {
    "copilot": _write_copilot,
    "cursor": _write_cursor,
    "claude_code": _write_claude_code,
    "git": _write_git,
}


def _tasks(cfg: SampleConfig) -> list[tuple[str, int, int]]:
    """(source, part, parts), biggest first so that a small pool stays busy.

    GitHub is the biggest source by far, so it is written in two halves (by day) when the
    period is long enough; the split depends on the config only, never on the workers.
    """
    parts = 2 if cfg.days >= 28 else 1
    github = [("github", part, parts) for part in range(parts)]
    return github + [(s, 0, 1) for s in ("git", "copilot", "cursor", "claude_code")]


def _run_task(
    source: str, part: int, parts: int, cfg: SampleConfig, out: str
) -> tuple[str, int, int, float, float]:
    started, cpu = time.perf_counter(), time.process_time()
    world = _world(cfg)
    if source == "github":
        records, files = _write_github(world, Path(out), part, parts)
    else:
        records, files = _WRITERS[source](world, Path(out))
    label = source if parts == 1 else f"{source} {part + 1}/{parts}"
    return label, records, files, time.perf_counter() - started, time.process_time() - cpu


def _prepare(out_dir: Path, force: bool) -> None:
    if out_dir.exists():
        if out_dir.is_dir() and not any(out_dir.iterdir()):
            return
        if not force:
            raise FileExistsError(
                f"{out_dir} already exists and is not empty; pass force=True "
                "(--force on the command line) to replace it"
            )
        _check_replaceable(out_dir)
        if out_dir.is_symlink():
            out_dir.unlink()
        else:
            shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)


def _check_replaceable(out_dir: Path) -> None:
    """Raise ValueError unless `out_dir` looks like a landing folder that --force may delete:
    a folder holding nothing but the landing layout's folders (`--out . --force` in a project
    would otherwise delete the project), and neither the working folder nor one above it."""
    resolved = out_dir.resolve()
    if not out_dir.is_dir():
        raise ValueError(f"refusing to replace {resolved}: it is a file, not a landing folder")
    if resolved == Path.cwd().resolve() or resolved in Path.cwd().resolve().parents:
        raise ValueError(f"refusing to replace {resolved}: it holds the working folder")
    foreign = sorted(
        entry.name
        for entry in out_dir.iterdir()
        if entry.name not in LANDING_FOLDERS and not entry.name.startswith(".")  # .DS_Store
    )
    if foreign:
        raise ValueError(
            f"refusing to replace {resolved}: it holds {', '.join(foreign[:5])}, which no landing"
            f" folder holds (only {', '.join(LANDING_FOLDERS)}); remove it or choose another --out"
        )


def generate(
    out_dir: Path | str, config: SampleConfig | None = None, force: bool = False
) -> dict[str, int]:
    """Write a landing folder into `out_dir`; return the records written per file kind.

    An existing, non-empty `out_dir` raises FileExistsError unless `force` is true, in which case
    it is removed first. Progress goes to stderr, one line per source.
    """
    cfg = config or SampleConfig()
    out = Path(out_dir)
    _prepare(out, force)
    started = time.perf_counter()
    world = _world(cfg)
    summary = _write_directory(world, out)
    print(
        f"sample: directory    {summary['people']:>11,} people, {summary['identities']:,} "
        f"identities, {summary['team_memberships']:,} team memberships",
        file=sys.stderr,
    )
    workers = cfg.workers
    if workers is None:
        big = cfg.developers * cfg.days >= 50_000
        workers = (os.cpu_count() or 1) if big else 1
    for source in SOURCES:
        summary[source] = 0

    def report(label: str, records: int, files: int, seconds: float, cpu: float) -> None:
        summary[label.split()[0]] += records
        print(
            f"sample: {label:<12} {records:>11,} records in {files:>5,} files "
            f"({seconds:.1f}s, {cpu:.1f}s cpu)",
            file=sys.stderr,
        )

    tasks = _tasks(cfg)
    if workers <= 1:
        for task in tasks:
            report(*_run_task(*task, cfg, str(out)))
    else:
        world.presence()  # computed once, inherited by forked workers
        with ProcessPoolExecutor(max_workers=min(workers, len(tasks))) as pool:
            futures = [pool.submit(_run_task, *task, cfg, str(out)) for task in tasks]
            for future in as_completed(futures):
                report(*future.result())
    _WORLDS.clear()  # release the population and calendar
    total = sum(summary[s] for s in SOURCES)
    print(
        f"sample: wrote {total:,} records into {out} in {time.perf_counter() - started:.1f}s",
        file=sys.stderr,
    )
    return summary
