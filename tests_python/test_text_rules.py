"""The git message and GitHub comment rules, on random text dense in the edges of contract
section 7.

Two thousand commit messages are drawn from pieces that real messages hold and the edges of the
contract's sentences: trailers indented with a space, a tab or a no-break space; blank lines
holding a form feed or a no-break space; a blank first line; CRLF and lone CR line ends; trailer
keys in any case and spacing; every signature name, e-mail and no-reply login with its near
misses (`Claude 3.5x`, `Claude Smith`, `Copilots`); `Name <e-mail>`, a bare e-mail and an
unclosed `<`; the `Generated with [Claude Code]` footer and `aider:` starts. Two thousand GitHub
events hold comment bodies made of reviewer commands and agent mentions in any case, each with
every kind of neighbour the mention rule names (a letter, a digit, `@`, `.`, `-`, `[`, and
others: `_`, a Unicode letter, a line feed), beside review requests and assignments of AI and
human accounts. Each commit and event has an author of its own, so the dimensions the project
gives each record (int_ai_interactions) must equal contract_oracle's plain-Python reading of the
same sentences.
"""

from __future__ import annotations

import json
import random
from collections import Counter

import pytest
from conftest import query, run_dbt
from contract_oracle import git_dimensions, github_dimensions

COMMITS = 2000
EVENTS = 2000
SEED = 20261128

# Within a line: white space of every kind, and U+200B, which is no white space.
BLANK_LINE_FILLS = ["", "", "", " ", "\t", " \t ", "\u00a0", "\u3000", "\f", "\v", "\x1c", "\u200b"]
LINE_ENDS = ["\n", "\n", "\n", "\r\n", "\r"]
TRAILER_KEYS = [
    "Co-authored-by", "Co-Authored-By", "co-authored-by", "CO-AUTHORED-BY",
    "Assisted-by", "assisted-by", "Generated-by", "GENERATED-BY",
    "Signed-off-by", "Reviewed-by", "Co-authored by", "Coauthored-by", "Co_authored_by",
]  # fmt: skip
SEPARATORS = [": ", ": ", ":", " : ", ":\t", "\t: ", ":  "]
INDENTS = ["", "", "", "", " ", "  ", "\t", "\u00a0", "\f"]
NAMES = [
    "Claude", "claude", "Claude Opus 4.5", "Claude Sonnet 4", "Claude 3.5 Sonnet", "Claude 4",
    "Claude v4.1", "Claude Code", "Claude Sonnet-4", "Claude\tOpus", "Claude\u00a0Opus",
    "Claude 3.5x", "Claude 4.oops", "Claude Opus4", "Claude 4o", "Claude Smith", "Claudette",
    "Claude AI", "Claude (Anthropic)", "claude[bot]", "Copilot", "Copilots", "GitHub Copilot",
    "copilot-swe-agent[bot]", "google-labs-jules[bot]", "Cursor Agent", "Cursor", "Codex",
    "Codexx", "devin-ai-integration[bot]", "gemini-code-assist[bot]", "Gemini", "ChatGPT",
    "coderabbitai[bot]", "sourcery-ai[bot]", "copilot-pull-request-reviewer[bot]",
    "aider", "aider (gpt-4o)", "aider bot", "Jane Doe", "Zoë", "",
]  # fmt: skip
LOGINS = [
    "Copilot", "copilot-swe-agent[bot]", "claude[bot]", "gemini-code-assist[bot]",
    "coderabbitai[bot]", "sourcery-ai[bot]", "google-labs-jules[bot]", "codex", "jane",
]  # fmt: skip
EMAILS = [
    "noreply@anthropic.com", "NoReply@Anthropic.com", "cursoragent@cursor.com",
    "noreply@aider.chat", "claude@acme.example", "jane@acme.example", "codex@openai.com",
]  # fmt: skip
FOOTERS = [
    "\U0001f916 Generated with [Claude Code](https://claude.com/claude-code)",
    "generated with [CLAUDE CODE]", "Generated with Claude Code", "Generated with [Claude]",
]  # fmt: skip
AIDER_STARTS = [
    "aider: ",
    "Aider: ",
    " aider: ",
    "\taider: ",
    "\u00a0aider: ",
    "\faider: ",
    "aider : ",
    "aiders: ",
]
WORDS = ["fix", "the", "parser", "add", "tests", "refactor", "docs", "claude", "copilot", ":"]


def _email(rng: random.Random) -> str:
    if rng.random() < 0.4:
        login = rng.choice(LOGINS)
        return (
            f"{rng.randint(1, 10**9)}+{login}@users.noreply.github.com"
            if rng.random() < 0.7
            else f"{login}@users.noreply.github.com"
        )
    return rng.choice(EMAILS)


def _trailer_value(rng: random.Random) -> str:
    name, email = rng.choice(NAMES), _email(rng)
    return rng.choice(
        [
            f"{name} <{email}>",
            f"{name} <{email}>",
            name,
            email,
            f"{name} {email}",
            f"{name} <{email}",
            f"<{email}>",
            f"{name} <{email}> (via review)",
        ]
    )


def _trailer(rng: random.Random) -> str:
    value = _trailer_value(rng) + rng.choice(["", "", " ", "\t", "\u00a0"])
    return rng.choice(INDENTS) + rng.choice(TRAILER_KEYS) + rng.choice(SEPARATORS) + value


def _text_line(rng: random.Random) -> str:
    if rng.random() < 0.1:
        return rng.choice(FOOTERS)
    return " ".join(rng.choices(WORDS, k=rng.randint(1, 5)))


def _message(rng: random.Random) -> str:
    """Lines joined by random line ends: a start, paragraphs of text and trailers, blank
    lines of any white space between them, and trailing blank lines."""
    lines = [rng.choice(BLANK_LINE_FILLS) for _ in range(rng.choice([0, 0, 0, 1, 2]))]
    subject = _text_line(rng)
    lines.append(rng.choice(AIDER_STARTS) + subject if rng.random() < 0.15 else subject)
    for _ in range(rng.choice([0, 1, 1, 2, 3])):
        if rng.random() < 0.85:
            lines.append(rng.choice(BLANK_LINE_FILLS))
        lines += [
            _trailer(rng) if rng.random() < 0.6 else _text_line(rng)
            for _ in range(rng.randint(1, 3))
        ]
    lines += [rng.choice(BLANK_LINE_FILLS) for _ in range(rng.choice([0, 0, 1, 2]))]
    return "".join(line + rng.choice(LINE_ENDS) for line in lines[:-1]) + lines[-1]


COMMANDS = [
    "/gemini review",
    "@coderabbitai review",
    "@copilot review",
    "@cursor review",
    "bugbot run",
]
AGENT_MENTIONS = ["@claude", "@copilot", "@codex", "@jules", "@cursor", "@devin"]
NEAR_MENTIONS = ["@claudebot", "@copilot-x", "@cursor[bot]", "@codex_", "@devins", "@gemini"]
NEIGHBOURS = [
    "", "", "", " ", "\n", "\t", "a", "Z", "1", "_", "-", ".", "@", "[", "(", ")", ",", ":",
    "é", "/",
]  # fmt: skip
REVIEWERS = [
    "gemini-code-assist[bot]", "coderabbitai[bot]", "Copilot", "copilot",
    "copilot-pull-request-reviewer[bot]", "sourcery-ai[bot]", "jane", "coderabbitai",
]  # fmt: skip
ASSIGNEES = [
    "Copilot", "copilot-swe-agent[bot]", "google-labs-jules[bot]", "claude[bot]",
    "devin-ai-integration[bot]", "jane", "claude", "codex",
]  # fmt: skip


def _case(rng: random.Random, text: str) -> str:
    return rng.choice([text, text.upper(), text.title(), text.swapcase()])


def _body(rng: random.Random) -> str:
    """Commands, mentions and near misses, each between two random neighbours."""
    pieces = []
    for _ in range(rng.randint(1, 4)):
        token = rng.choice([*COMMANDS, *AGENT_MENTIONS, *NEAR_MENTIONS, "thanks", "please fix"])
        pieces.append(rng.choice(NEIGHBOURS) + _case(rng, token) + rng.choice(NEIGHBOURS))
    return rng.choice(["", " "]).join(pieces)


def _event(rng: random.Random, number: int) -> dict:
    kind = rng.choice(
        ["IssueCommentEvent"] * 4
        + ["PullRequestReviewCommentEvent"] * 3
        + ["PullRequestReviewEvent", "PullRequestEvent", "IssuesEvent"]
    )
    actor = f"dev-{number}"
    if kind == "PullRequestEvent":
        payload = {
            "action": rng.choice(["review_requested", "review_requested", "opened"]),
            "requested_reviewer": {"login": rng.choice(REVIEWERS)},
        }
    elif kind == "IssuesEvent":
        payload = {
            "action": rng.choice(["assigned", "assigned", "unassigned"]),
            "assignee": {"login": rng.choice(ASSIGNEES)},
        }
    elif kind == "PullRequestReviewEvent":
        payload = {"action": "submitted", "review": {"body": _body(rng)}}
    else:
        payload = {
            "action": rng.choice(["created", "edited"]),
            "comment": {"body": _body(rng), "user": {"login": actor}},
        }
    return {
        "id": str(10**10 + number),
        "type": kind,
        "actor": {"id": number, "login": actor},
        "repo": {"id": 9, "name": "acme/fuzz"},
        "created_at": "2025-10-01T12:00:00Z",
        "payload": payload,
    }


def _events() -> list[dict]:
    rng = random.Random(SEED + 1)
    return [_event(rng, number) for number in range(1, EVENTS + 1)]


def _commits() -> list[dict]:
    rng = random.Random(SEED)
    return [
        {
            "repository": "acme/fuzz",
            "sha": f"{number:040x}",
            "parents": [],
            "author_name": f"Dev {number}",
            "author_email": f"dev{number}@acme.example",
            "authored_at": "2025-10-01T12:00:00+00:00",
            "committer_name": f"Dev {number}",
            "committer_email": f"dev{number}@acme.example",
            "committed_at": "2025-10-01T12:00:00+00:00",
            "message": _message(rng),
        }
        for number in range(1, COMMITS + 1)
    ]


READINGS = {"git": lambda commit: git_dimensions(commit["message"]), "github": github_dimensions}
RECORD_KEYS = {"git": "sha", "github": "id"}
#: The seeds and the models up to int_ai_interactions (every source's staging model).
BUILD_TO_INTERACTIONS = ["build", "--select", "+int_ai_interactions"] + [
    "--resource-type", "seed", "--resource-type", "model",
]  # fmt: skip


@pytest.fixture(scope="module")
def records_and_project_dimensions(tmp_path_factory) -> dict[str, tuple[list[dict], dict]]:
    """Per family (git, github): the records, and the dimensions the project gives each."""
    root = tmp_path_factory.mktemp("text_rules")
    records = {"git": _commits(), "github": _events()}
    for source, family in records.items():
        (root / "landing" / source).mkdir(parents=True)
        (root / "landing" / source / "fuzz.ndjson").write_text(
            "".join(json.dumps(record) + "\n" for record in family)
        )
    db = root / "warehouse" / "warehouse.duckdb"
    db.parent.mkdir()
    run_dbt(BUILD_TO_INTERACTIONS, landing=root / "landing", db=db, work_dir=root / "work")
    rows = query(db, "select record_id, dimension from intermediate.int_ai_interactions")
    dimensions = {
        source: {record[RECORD_KEYS[source]]: set() for record in family}
        for source, family in records.items()
    }
    for row in rows:
        source, _, key = row["record_id"].partition(":")
        dimensions[source][key].add(row["dimension"])
    return {source: (records[source], dimensions[source]) for source in records}


@pytest.mark.parametrize("source", ["git", "github"])
def test_every_record_qualifies_as_the_contract_reads_it(records_and_project_dimensions, source):
    records, project = records_and_project_dimensions[source]
    reading, key = READINGS[source], RECORD_KEYS[source]
    different = [
        (record, sorted(project[record[key]]), sorted(reading(record)))
        for record in records
        if project[record[key]] != reading(record)
    ]
    assert not different, (
        f"{len(different)} of {len(records)} {source} records differ (record, project, contract): "
        + "\n".join(repr(row) for row in different[:15])
    )


@pytest.mark.parametrize("source", ["git", "github"])
def test_the_random_records_reach_every_outcome(records_and_project_dimensions, source):
    """The draw is dense enough to tell a wrong rule from a right one: each dimension of the
    source and no dimension at all are frequent outcomes."""
    records, _ = records_and_project_dimensions[source]
    outcomes = Counter(
        dimension for record in records for dimension in READINGS[source](record) or {"none"}
    )
    expected = {
        "git": ("ai_coding", "code_review", "coding_agents", "none"),
        "github": ("code_review", "coding_agents", "none"),
    }[source]
    assert all(outcomes[outcome] >= 50 for outcome in expected), outcomes
