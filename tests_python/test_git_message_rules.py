"""The git message rules, on random messages dense in the edges of contract section 7.

Two thousand commit messages are drawn from pieces that real messages hold and the edges of the
contract's sentences: trailers indented with a space, a tab or a no-break space; blank lines
holding a form feed or a no-break space; a blank first line; CRLF and lone CR line ends; trailer
keys in any case and spacing; every signature name, e-mail and no-reply login with its near
misses (`Claude 3.5x`, `Claude Smith`, `Copilots`); `Name <e-mail>`, a bare e-mail and an
unclosed `<`; the `Generated with [Claude Code]` footer and `aider:` starts. Each commit has an
author of its own, so the dimensions the project gives each commit (int_ai_interactions) must
equal contract_oracle.git_dimensions, the plain-Python reading of the same sentences.
"""

from __future__ import annotations

import json
import random
from collections import Counter

import pytest
from conftest import query, run_dbt
from contract_oracle import git_dimensions

COMMITS = 2000
SEED = 20261128

# Within a line: white space of every kind, and U+200B, which is no white space.
BLANK_LINE_FILLS = ["", "", "", " ", "\t", " \t ", "\u00a0", "\u3000", "\f", "\v", "\x1c", "\u200b"]
LINE_ENDS = ["\n", "\n", "\n", "\r\n", "\r"]
KEYS = [
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
AIDER_STARTS = ["aider: ", "Aider: ", " aider: ", "\taider: ", "\u00a0aider: ", "\faider: ",
                "aider : ", "aiders: "]  # fmt: skip
WORDS = ["fix", "the", "parser", "add", "tests", "refactor", "docs", "claude", "copilot", ":"]


def _email(rng: random.Random) -> str:
    if rng.random() < 0.4:
        login = rng.choice(LOGINS)
        return f"{rng.randint(1, 10**9)}+{login}@users.noreply.github.com" if rng.random() < 0.7 \
            else f"{login}@users.noreply.github.com"  # fmt: skip
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
    return rng.choice(INDENTS) + rng.choice(KEYS) + rng.choice(SEPARATORS) + value


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


@pytest.fixture(scope="module")
def commits_and_project_dimensions(tmp_path_factory) -> tuple[list[dict], dict[str, set[str]]]:
    root = tmp_path_factory.mktemp("git_message_rules")
    commits = _commits()
    (root / "landing" / "git").mkdir(parents=True)
    (root / "landing" / "git" / "fuzz.ndjson").write_text(
        "".join(json.dumps(commit) + "\n" for commit in commits)
    )
    db = root / "warehouse" / "warehouse.duckdb"
    db.parent.mkdir()
    run_dbt(
        ["build", "--select", "+int_ai_interactions", "--resource-type", "seed",
         "--resource-type", "model"],
        landing=root / "landing", db=db, work_dir=root / "work",
    )  # fmt: skip
    rows = query(
        db, "select record_id, dimension from intermediate.int_ai_interactions where source = 'git'"
    )
    dimensions: dict[str, set[str]] = {commit["sha"]: set() for commit in commits}
    for row in rows:
        dimensions[row["record_id"].removeprefix("git:")].add(row["dimension"])
    return commits, dimensions


def test_every_commit_qualifies_as_the_contract_reads_its_message(
    commits_and_project_dimensions,
):
    commits, project = commits_and_project_dimensions
    different = [
        (
            commit["message"],
            sorted(project[commit["sha"]]),
            sorted(git_dimensions(commit["message"])),
        )
        for commit in commits
        if project[commit["sha"]] != git_dimensions(commit["message"])
    ]
    assert not different, (
        f"{len(different)} of {len(commits)} commits differ (message, project, contract): "
        + "\n".join(repr(row) for row in different[:15])
    )


def test_the_random_messages_reach_every_outcome(commits_and_project_dimensions):
    """The draw is dense enough to tell a wrong rule from a right one: each dimension and no
    dimension at all are frequent outcomes."""
    commits, _ = commits_and_project_dimensions
    outcomes = Counter(
        dimension
        for commit in commits
        for dimension in git_dimensions(commit["message"]) or {"none"}
    )
    assert all(outcomes[d] >= 50 for d in ("ai_coding", "code_review", "coding_agents", "none"))
