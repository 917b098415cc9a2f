"""Tests of ai_adoption.git_export on throwaway repositories with explicit identities and dates."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ai_adoption import git_export
from ai_adoption.git_export import export_repository

PROJECT = Path(__file__).resolve().parents[1]
KEYS = [
    "repository",
    "sha",
    "parents",
    "author_name",
    "author_email",
    "authored_at",
    "committer_name",
    "committer_email",
    "committed_at",
    "message",
]
ANN = ("Ann Example", "ann@example.com")
GITHUB = ("GitHub", "noreply@github.com")
JOSE = ("José Müller-Łukasz 李", "jose@example.com")

MULTI_PARAGRAPH = (
    "Add retries to the uploader\n"
    "\n"
    "The uploader gave up after the first timeout;\n"
    "it now retries three times with backoff.\n"
    "\n"
    "    indented: kept as written\n"
    "\n"
    "Co-authored-by: Claude <noreply@anthropic.com>\n"
    "Signed-off-by: Ann Example <ann@example.com>\n"
)
NON_UTF8 = b"Caf\xe9 bytes from a latin-1 editor\n\nbody \xff\xfe end\n"


@pytest.fixture(autouse=True)
def isolated_git(monkeypatch: pytest.MonkeyPatch) -> None:
    """No user/system git config; a default identity through the environment only."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Default Author")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "default@example.com")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "Default Committer")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "default@example.com")


def git(repo: Path, *args: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", "-C", str(repo), *args],
        env={**os.environ, **(env or {})},
        capture_output=True,
        check=True,
    )
    return result.stdout.decode("utf-8", "replace").strip()


def init(repo: Path) -> Path:
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    return repo


def identity(
    author: tuple[str, str], authored_at: str, committer: tuple[str, str], committed_at: str
) -> dict[str, str]:
    return {
        "GIT_AUTHOR_NAME": author[0],
        "GIT_AUTHOR_EMAIL": author[1],
        "GIT_AUTHOR_DATE": authored_at,
        "GIT_COMMITTER_NAME": committer[0],
        "GIT_COMMITTER_EMAIL": committer[1],
        "GIT_COMMITTER_DATE": committed_at,
    }


def commit(
    repo: Path,
    message: str | bytes,
    *,
    author: tuple[str, str] = ANN,
    authored_at: str,
    committer: tuple[str, str] | None = None,
    committed_at: str | None = None,
    config: tuple[str, ...] = (),
) -> str:
    """Commit `message` (raw bytes allowed) through `git commit -F`; return the new sha."""
    message_file = repo.parent / f"{repo.name}.message"
    message_file.write_bytes(message.encode("utf-8") if isinstance(message, str) else message)
    env = identity(author, authored_at, committer or author, committed_at or authored_at)
    git(repo, *config, "commit", "-q", "--allow-empty", "-F", str(message_file), env=env)
    return git(repo, "rev-parse", "HEAD")


def record(repository: str, sha: str, parents: list[str], **fields: str) -> dict[str, object]:
    return {"repository": repository, "sha": sha, "parents": parents, **fields}


def read_ndjson(path: Path) -> list[dict[str, object]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture()
def history(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """main: c1 - c2 - c4 - merge(c4, c3); feature: c2 - c3; side (unmerged): c1 - c5 - c6."""
    repo = init(tmp_path / "api")
    shas: dict[str, str] = {}
    shas["c1"] = commit(repo, "Initial import\n", authored_at="2026-03-02T09:15:00+05:30")
    shas["c2"] = commit(
        repo,
        MULTI_PARAGRAPH,
        authored_at="2026-03-02T23:50:00-07:00",
        committer=GITHUB,
        committed_at="2026-03-03T08:00:00+01:00",
    )
    git(repo, "checkout", "-q", "-b", "feature")
    shas["c3"] = commit(
        repo, "Fix naïve café parsing ☕\n", author=JOSE, authored_at="2026-03-04T10:00:00-07:00"
    )
    git(repo, "checkout", "-q", "main")
    shas["c4"] = commit(repo, "Tune logging\n", authored_at="2026-03-05T11:30:00+05:30")
    git(
        repo,
        "merge",
        "-q",
        "--no-ff",
        "-m",
        "Merge branch 'feature'",
        "feature",
        env=identity(ANN, "2026-03-06T12:00:00+05:30", GITHUB, "2026-03-06T12:00:00+05:30"),
    )
    shas["merge"] = git(repo, "rev-parse", "HEAD")
    git(repo, "checkout", "-q", "-b", "side", shas["c1"])
    shas["c5"] = commit(repo, "Try a side experiment\n", authored_at="2026-03-07T08:00:00+00:00")
    shas["c6"] = commit(repo, NON_UTF8, authored_at="2026-03-08T09:00:00-07:00")
    git(repo, "checkout", "-q", "main")
    return repo, shas


def expected_records(shas: dict[str, str], repository: str = "acme/api") -> list[dict[str, object]]:
    ann_name, ann_email = ANN
    ann = {"author_name": ann_name, "author_email": ann_email}
    ann_committer = {"committer_name": ann_name, "committer_email": ann_email}
    github = {"committer_name": GITHUB[0], "committer_email": GITHUB[1]}
    return [
        record(
            repository,
            shas["c1"],
            [],
            **ann,
            authored_at="2026-03-02T09:15:00+05:30",
            **ann_committer,
            committed_at="2026-03-02T09:15:00+05:30",
            message="Initial import",
        ),
        record(
            repository,
            shas["c2"],
            [shas["c1"]],
            **ann,
            authored_at="2026-03-02T23:50:00-07:00",
            **github,
            committed_at="2026-03-03T08:00:00+01:00",
            message=MULTI_PARAGRAPH[:-1],
        ),
        record(
            repository,
            shas["c3"],
            [shas["c2"]],
            author_name="José Müller-Łukasz 李",
            author_email="jose@example.com",
            authored_at="2026-03-04T10:00:00-07:00",
            committer_name="José Müller-Łukasz 李",
            committer_email="jose@example.com",
            committed_at="2026-03-04T10:00:00-07:00",
            message="Fix naïve café parsing ☕",
        ),
        record(
            repository,
            shas["c4"],
            [shas["c2"]],
            **ann,
            authored_at="2026-03-05T11:30:00+05:30",
            **ann_committer,
            committed_at="2026-03-05T11:30:00+05:30",
            message="Tune logging",
        ),
        record(
            repository,
            shas["merge"],
            [shas["c4"], shas["c3"]],
            **ann,
            authored_at="2026-03-06T12:00:00+05:30",
            **github,
            committed_at="2026-03-06T12:00:00+05:30",
            message="Merge branch 'feature'",
        ),
        record(
            repository,
            shas["c5"],
            [shas["c1"]],
            **ann,
            authored_at="2026-03-07T08:00:00+00:00",
            **ann_committer,
            committed_at="2026-03-07T08:00:00+00:00",
            message="Try a side experiment",
        ),
        record(
            repository,
            shas["c6"],
            [shas["c5"]],
            **ann,
            authored_at="2026-03-08T09:00:00-07:00",
            **ann_committer,
            committed_at="2026-03-08T09:00:00-07:00",
            # `git commit` itself rewrites a non-UTF-8 message as if it were latin-1
            message="Café bytes from a latin-1 editor\n\nbody ÿþ end",
        ),
    ]


def test_exports_every_commit_of_every_branch_exactly(history, tmp_path, capsys):
    repo, shas = history
    out = tmp_path / "landing" / "git" / "api.ndjson"

    assert export_repository(repo, "acme/api", out=out) == 0

    records = read_ndjson(out)
    assert all(list(item) == KEYS for item in records)
    by_sha = {item["sha"]: item for item in records}
    assert len(by_sha) == len(records) == 7
    for expected in expected_records(shas):
        assert by_sha[expected["sha"]] == expected
    # same walk order as git itself (newest first)
    assert [item["sha"] for item in records] == git(repo, "rev-list", "--all").split()
    assert capsys.readouterr().err.strip().endswith(f"exported 7 commits of acme/api to {out}")


def test_lines_are_compact_json_with_raw_unicode(history, tmp_path):
    repo, shas = history
    out = tmp_path / "api.ndjson"
    assert export_repository(repo, "acme/api", out=out) == 0
    raw = out.read_bytes()
    assert raw.endswith(b"}\n") and b"\n\n" not in raw
    assert "José Müller-Łukasz 李".encode() in raw  # ensure_ascii=False
    first = raw.split(b"\n")[0].decode()
    assert first.startswith('{"repository": "acme/api", "sha": "')


def test_message_is_the_raw_message_minus_its_final_newline(history, tmp_path):
    repo, _ = history
    out = tmp_path / "api.ndjson"
    assert export_repository(repo, "acme/api", out=out) == 0
    for item in read_ndjson(out):
        raw = subprocess.run(
            ["git", "-C", str(repo), "cat-file", "commit", item["sha"]],
            capture_output=True,
            check=True,
        ).stdout
        body = raw.split(b"\n\n", 1)[1]
        assert body.endswith(b"\n")
        assert item["message"] == body[:-1].decode("utf-8", "replace")


def test_raw_non_utf8_bytes_are_replaced_not_fatal(tmp_path):
    """Old or foreign tools stored raw non-UTF-8 bytes (no encoding header); git log passes them."""
    repo = init(tmp_path / "raw")
    tree = git(repo, "write-tree")
    raw = (
        f"tree {tree}\n".encode()
        + b"author Jos\xe9 Garc\xeda <jose@example.com> 1767225600 -0700\n"
        + b"committer Jos\xe9 Garc\xeda <jose@example.com> 1767225600 -0700\n"
        + b"\n"
        + b"Caf\xe9 \xff\xfe raw bytes\n\n\nkept: two blank lines above\n"
    )
    sha = (
        subprocess.run(
            ["git", "-C", str(repo), "hash-object", "-t", "commit", "-w", "--stdin"],
            input=raw,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .strip()
    )
    git(repo, "update-ref", "refs/heads/main", sha)
    out = tmp_path / "raw.ndjson"
    assert export_repository(repo, "acme/raw", out=out) == 0
    assert read_ndjson(out) == [
        record(
            "acme/raw",
            sha,
            [],
            author_name="Jos\ufffd Garc\ufffda",
            author_email="jose@example.com",
            authored_at="2025-12-31T17:00:00-07:00",
            committer_name="Jos\ufffd Garc\ufffda",
            committer_email="jose@example.com",
            committed_at="2025-12-31T17:00:00-07:00",
            message="Caf\ufffd \ufffd\ufffd raw bytes\n\n\nkept: two blank lines above",
        )
    ]


def test_declared_legacy_encoding_is_reencoded_to_utf8(tmp_path):
    repo = init(tmp_path / "legacy")
    sha = commit(
        repo,
        "Résumé généré\n".encode("latin-1"),
        authored_at="2026-01-01T00:00:00+02:00",
        config=("-c", "i18n.commitEncoding=ISO-8859-1"),
    )
    out = tmp_path / "legacy.ndjson"
    assert export_repository(repo, "acme/legacy", out=out) == 0
    [item] = read_ndjson(out)
    assert item["sha"] == sha
    assert item["message"] == "Résumé généré"


def test_rev_limits_the_walk(history, tmp_path):
    repo, shas = history
    main_only = tmp_path / "main.ndjson"
    assert export_repository(repo, "acme/api", out=main_only, rev="main") == 0
    assert {item["sha"] for item in read_ndjson(main_only)} == {
        shas[name] for name in ("c1", "c2", "c3", "c4", "merge")
    }
    ranged = tmp_path / "range.ndjson"
    assert export_repository(repo, "acme/api", out=ranged, rev=f"{shas['c2']}..main ^feature") == 0
    assert [item["sha"] for item in read_ndjson(ranged)] == [shas["merge"], shas["c4"]]
    side = tmp_path / "side.ndjson"
    assert export_repository(repo, "acme/api", out=side, rev="--branches=si*") == 0
    assert [item["sha"] for item in read_ndjson(side)] == [shas["c6"], shas["c5"], shas["c1"]]


def test_all_skips_stash_notes_and_the_history_filter_branch_replaced(tmp_path):
    repo = init(tmp_path / "wip")
    replaced = commit(repo, "Only real commit\n", authored_at="2026-02-01T10:00:00+01:00")
    git(repo, "update-ref", "refs/original/refs/heads/main", replaced)  # what filter-branch keeps
    git(repo, "checkout", "-q", "--orphan", "rewritten")
    sha = commit(repo, "Only real commit, rewritten\n", authored_at="2026-02-01T10:00:00+01:00")
    git(repo, "branch", "-q", "-D", "main")
    (repo / "draft.txt").write_text("work in progress\n")
    git(repo, "add", "draft.txt")
    git(repo, "stash", "-q")
    git(repo, "notes", "add", "-m", "a note", sha)
    assert git(repo, "rev-list", "--all", "--count") != "1"  # stash and notes commits exist
    out = tmp_path / "wip.ndjson"
    assert export_repository(repo, "acme/wip", out=out) == 0
    assert [item["sha"] for item in read_ndjson(out)] == [sha]


def test_writes_to_stdout_without_out(history, capsysbinary):
    repo, shas = history
    assert export_repository(repo, "acme/api", rev="feature") == 0
    captured = capsysbinary.readouterr()
    lines = [json.loads(line) for line in captured.out.decode("utf-8").splitlines()]
    assert [item["sha"] for item in lines] == [shas["c3"], shas["c2"], shas["c1"]]
    assert lines[0] == expected_records(shas)[2]
    assert b"exported 3 commits of acme/api to stdout" in captured.err


def test_ten_megabyte_message(tmp_path):
    repo = init(tmp_path / "big")
    paragraph = "line with ünïcode and\ttabs" * 40 + "\n"
    message = "Huge generated change\n\n" + (paragraph + "\n") * 9_000
    message = message.rstrip("\n") + "\n"
    assert len(message.encode()) > 10_000_000
    big = commit(repo, message, authored_at="2026-04-01T12:00:00+09:00")
    small = commit(repo, "After the big one\n", authored_at="2026-04-01T13:00:00+09:00")
    out = tmp_path / "big.ndjson"
    assert export_repository(repo, "acme/big", out=out) == 0
    first, second = read_ndjson(out)
    assert (first["sha"], first["message"]) == (small, "After the big one")
    assert (second["sha"], second["message"]) == (big, message[:-1])


@pytest.mark.parametrize("chunk_size", [1, 2, 3, 7, 64])
def test_split_commits_across_any_chunk_boundary(monkeypatch, chunk_size):
    monkeypatch.setattr(git_export, "_CHUNK_SIZE", chunk_size)
    commits = [
        [b"a" * 40, b"", b"N", b"n@x", b"T", b"C", b"c@x", b"T", b"one\n\ntwo\n"],
        [b"b" * 40, b"a" * 40, b"", b"", b"T", b"", b"", b"T", b""],
    ]
    stream = io.BytesIO(b"".join(b"".join(field + b"\0" for field in item) for item in commits))
    assert list(git_export._split_commits(stream)) == commits


def test_truncated_output_is_an_error():
    stream = io.BytesIO(b"a" * 40 + b"\0\0half")
    with pytest.raises(git_export.ExportError):
        list(git_export._split_commits(stream))


def test_progress_line_every_n_commits(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(git_export, "PROGRESS_EVERY", 2)
    repo = init(tmp_path / "progress")
    for day in range(1, 6):
        commit(repo, f"Commit {day}\n", authored_at=f"2026-05-0{day}T10:00:00+00:00")
    assert export_repository(repo, "acme/progress", out=tmp_path / "p.ndjson") == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "... 2 commits of acme/progress so far",
        "... 4 commits of acme/progress so far",
        f"exported 5 commits of acme/progress to {tmp_path / 'p.ndjson'}",
    ]


def test_empty_repository_gives_an_empty_file(tmp_path, capsys):
    repo = init(tmp_path / "empty")
    out = tmp_path / "out" / "empty.ndjson"
    assert export_repository(repo, "acme/empty", out=out) == 0
    assert out.read_bytes() == b""
    assert "has no commits" in capsys.readouterr().err


def test_bad_revision_fails_and_keeps_the_previous_file(history, tmp_path, capsys):
    repo, _ = history
    out = tmp_path / "api.ndjson"
    out.write_text("previous export\n")
    assert export_repository(repo, "acme/api", out=out, rev="no-such-branch") == 1
    err = capsys.readouterr().err
    assert "bad revision 'no-such-branch'" in err and "Traceback" not in err
    assert out.read_text() == "previous export\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["api", "api.message", "api.ndjson"]


@pytest.mark.parametrize("rev", ["", "--output=/tmp/x", "-p", "main --format=%s"])
def test_rev_refuses_options(history, tmp_path, rev, capsys):
    repo, _ = history
    out = tmp_path / "api.ndjson"
    assert export_repository(repo, "acme/api", out=out, rev=rev) == 2
    assert "--rev" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(
    "name", ["acme", "acme/api/extra", "/api", "acme/", "acme api/x", "acme/..", "-x/api", ""]
)
def test_repository_must_look_like_owner_name(history, tmp_path, name, capsys):
    repo, _ = history
    out = tmp_path / "api.ndjson"
    assert export_repository(repo, name, out=out) == 2
    assert "owner/name" in capsys.readouterr().err
    assert not out.exists()


def test_missing_path_and_non_repository(tmp_path, capsys):
    assert export_repository(tmp_path / "nowhere", "acme/api", out=tmp_path / "a.ndjson") == 1
    assert "does not exist" in capsys.readouterr().err
    plain = tmp_path / "plain"
    plain.mkdir()
    assert export_repository(plain, "acme/api", out=tmp_path / "b.ndjson") == 1
    assert "is not a git repository" in capsys.readouterr().err
    assert not (tmp_path / "a.ndjson").exists() and not (tmp_path / "b.ndjson").exists()


def test_folder_inside_a_repository_is_refused(history, capsys):
    repo, _ = history
    inner = repo / "docs"
    inner.mkdir()
    assert export_repository(inner, "acme/api") == 1
    assert "folder inside" in capsys.readouterr().err


def test_bare_clone_is_accepted(history, tmp_path):
    repo, shas = history
    bare = tmp_path / "api.git"
    subprocess.run(["git", "clone", "-q", "--mirror", str(repo), str(bare)], check=True)
    out = tmp_path / "bare.ndjson"
    assert export_repository(bare, "acme/api", out=out) == 0
    assert {item["sha"] for item in read_ndjson(out)} == set(shas.values())


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ai_adoption", "export-git", *args],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def test_cli_writes_the_same_file(history, tmp_path):
    repo, shas = history
    direct = tmp_path / "direct.ndjson"
    assert export_repository(repo, "acme/api", out=direct) == 0
    via_cli = tmp_path / "cli" / "api.ndjson"
    result = run_cli(str(repo), "acme/api", "--out", str(via_cli))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert f"exported 7 commits of acme/api to {via_cli}" in result.stderr
    assert via_cli.read_bytes() == direct.read_bytes()


def test_cli_errors_are_one_line_without_traceback(history, tmp_path):
    repo, _ = history
    plain = tmp_path / "plain"
    plain.mkdir()
    cases = [
        (str(plain), "acme/api", "is not a git repository"),
        (str(tmp_path / "nowhere"), "acme/api", "does not exist"),
        (str(repo), "not-a-name", "owner/name"),
    ]
    for path, name, message in cases:
        result = run_cli(path, name, "--out", str(tmp_path / "x.ndjson"))
        assert result.returncode != 0
        assert message in result.stderr
        assert "Traceback" not in result.stderr
        assert not (tmp_path / "x.ndjson").exists()
