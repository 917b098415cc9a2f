"""Export commit metadata of a local git clone as `git/*.ndjson` (contract §2.4).

One JSON object per commit, keys in this order::

    {"repository", "sha", "parents", "author_name", "author_email", "authored_at",
     "committer_name", "committer_email", "committed_at", "message"}

Timestamps are strict ISO-8601 with the commit's own UTC offset (git's `%aI` / `%cI`), names and
e-mails are the raw ones recorded in the commit (no mailmap), and `message` is the full raw
message minus the single newline that terminates it. Fields are read from `git log` as bytes,
separated by NULs, and decoded one by one with errors="replace", so any message (blank lines,
unicode, non-UTF-8 bytes, megabytes) parses. The output is streamed commit by commit.

Entry point: `export_repository(path, repository, out=None, rev="--all") -> int` (exit code),
used by `python -m ai_adoption export-git PATH OWNER/NAME [--out FILE] [--rev REV]`.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, BinaryIO

#: git log placeholders, in the order of the output keys after `repository`.
_PLACEHOLDERS = ("%H", "%P", "%an", "%ae", "%aI", "%cn", "%ce", "%cI", "%B")
# Fields are NUL-separated; `-z` terminates each commit with a NUL too, so every field (the message
# included) ends with a NUL. `git commit` refuses a message holding a NUL; a commit object
# written otherwise (`git hash-object --literally`, an old import) is exported up to it, as
# `git log` prints it: the commits after it are not shifted.
_FORMAT = "%x00".join(_PLACEHOLDERS)
_FIELD_COUNT = len(_PLACEHOLDERS)

PROGRESS_EVERY = 10_000
_CHUNK_SIZE = 1 << 16

_SHA = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
_REPOSITORY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9._-]+")
# Revision pseudo-options accepted in `rev`; anything else starting with "-" is refused so that
# `rev` can never smuggle an arbitrary option into git log.
_PSEUDO_OPTION = re.compile(
    r"--(all|not|branches|tags|remotes)|--(branches|tags|remotes|glob|exclude)=.+"
)
# Refs that `--all` would walk but that hold no developer commits of their own: stash, notes,
# and the old history `git filter-branch` keeps under refs/original/ (its commits, exported
# beside their rewrites, counted a fixed author e-mail as a second developer).
_ALL_EXCLUDES = ("--exclude=refs/stash", "--exclude=refs/notes/*", "--exclude=refs/original/*")
# Environment variables that would point git at another repository than `path`.
_REPOSITORY_ENV = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_COMMON_DIR",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_NAMESPACE",
    "GIT_PREFIX",
)


class ExportError(Exception):
    """A problem reported to the user as one line on stderr (no traceback)."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def export_repository(
    path: Path, repository: str, out: Path | None = None, rev: str = "--all"
) -> int:
    """Write the commits of the clone at `path` reachable from `rev` as NDJSON; return an exit code.

    `repository` ("owner/name") is recorded on every line. `rev` is `--all` (every ref except
    refs/stash, refs/notes and refs/original) or revisions/ranges separated by spaces (e.g. "main",
    "v1.0..main", "main ^old"). Output goes to `out` (written to a temporary file in the same
    folder, then renamed, so a failed run leaves no half file) or to stdout when `out` is None.
    Exit codes: 0 done (also for a repository without commits: empty output), 1 git or I/O
    failure, 2 invalid arguments. Errors are one line on stderr.
    """
    try:
        count = _export(Path(path), repository, out, rev)
    except ExportError as error:
        print(f"export-git: error: {error}", file=sys.stderr, flush=True)
        return error.exit_code
    except BrokenPipeError:
        # stdout closed early (e.g. piped into `head`): stop quietly.
        _silence_stdout()
        return 1
    if count is None:
        return 0
    _progress(f"exported {count} commits of {repository} to {_target(out)}")
    return 0


def _export(path: Path, repository: str, out: Path | None, rev: str) -> int | None:
    _check_repository_name(repository)
    revisions = _revisions(rev)
    _check_repository(path)
    if not _has_commits(path):
        with _output(out):
            pass
        _progress(f"{path} has no commits: exported 0 commits of {repository} to {_target(out)}")
        return None

    command = [
        "git",
        "--no-pager",
        "-C",
        str(path),
        "-c",
        "log.showSignature=false",
        "log",
        "--no-color",
        "--encoding=UTF-8",
        "-z",
        f"--format={_FORMAT}",
        *revisions,
        "--",
    ]
    count = 0
    with tempfile.TemporaryFile() as errors, _output(out) as sink:
        process = _popen(command, errors)
        try:
            assert process.stdout is not None
            for fields in _split_commits(process.stdout):
                sink.write(_line(repository, fields))
                count += 1
                if count % PROGRESS_EVERY == 0:
                    _progress(f"... {count} commits of {repository} so far")
            process.stdout.close()
            code = process.wait()
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        if code != 0:
            raise ExportError(
                f"git log failed on {path} (rev {rev!r}): {_git_message(errors, code)}"
            )
    return count


def _check_repository_name(repository: str) -> None:
    valid = isinstance(repository, str) and _REPOSITORY.fullmatch(repository) is not None
    if not valid or repository.split("/")[1] in (".", ".."):
        raise ExportError(
            f"repository must look like owner/name (e.g. acme/api), got {repository!r}",
            exit_code=2,
        )


def _revisions(rev: str) -> list[str]:
    tokens = rev.split() if isinstance(rev, str) else []
    if not tokens:
        raise ExportError("--rev is empty: give --all or revisions such as main", exit_code=2)
    revisions: list[str] = []
    for token in tokens:
        if token.startswith("-"):
            if not _PSEUDO_OPTION.fullmatch(token):
                raise ExportError(
                    f"--rev accepts revisions and ranges, --all, --branches[=glob], --tags[=glob], "
                    f"--remotes[=glob], --glob=..., --exclude=..., --not; got {token!r}",
                    exit_code=2,
                )
            if token == "--all":
                revisions.extend(_ALL_EXCLUDES)
        revisions.append(token)
    return revisions


def _check_repository(path: Path) -> None:
    if not path.exists():
        raise ExportError(f"{path} does not exist")
    if not path.is_dir():
        raise ExportError(f"{path} is not a directory, so not a git repository")
    git_dir = _git_output(path, "rev-parse", "--absolute-git-dir")
    if git_dir is None:
        raise ExportError(f"{path} is not a git repository")
    here = path.resolve()
    if Path(git_dir).resolve() == here:
        return  # a bare repository, or the .git folder itself
    top = _git_output(path, "rev-parse", "--show-toplevel")
    if top is None or Path(top).resolve() != here:
        where = top or git_dir
        raise ExportError(
            f"{path} is not a git repository itself but a folder inside {where}; "
            "pass the repository's top folder"
        )


def _has_commits(path: Path) -> bool:
    found = _git_output(path, "rev-list", "-n", "1", "--all")
    if found is None:
        raise ExportError(f"cannot list the commits of {path} (git rev-list --all failed)")
    return bool(found)


def _git_output(path: Path, *args: str) -> str | None:
    """stdout of a small read-only git command (stripped), or None when git fails."""
    with tempfile.TemporaryFile() as errors:
        process = _popen(["git", "--no-pager", "-C", str(path), *args], errors)
        stdout, _ = process.communicate()
        if process.returncode != 0:
            message = _git_message(errors, process.returncode)
            if "dubious ownership" in message:
                raise ExportError(f"git refuses to read {path}: {message}")
            return None
    return stdout.decode("utf-8", "replace").strip()


def _popen(command: list[str], errors: IO[bytes]) -> subprocess.Popen[bytes]:
    env = {key: value for key, value in os.environ.items() if key not in _REPOSITORY_ENV}
    env["GIT_TERMINAL_PROMPT"] = "0"
    try:
        return subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=errors, env=env
        )
    except FileNotFoundError as error:
        raise ExportError("git is not installed (not found on PATH)") from error


def _git_message(errors: IO[bytes], code: int) -> str:
    errors.seek(0)
    text = errors.read(64_000).decode("utf-8", "replace")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return " / ".join(lines[:5]) or f"git exited with status {code}"


def _split_commits(stream: BinaryIO) -> Iterator[list[bytes]]:
    """Yield the NUL-terminated fields of `git log -z`, grouped per commit, reading in chunks."""
    fields: list[bytes] = []
    pending: list[bytes] = []  # pieces of a field that spans chunks (e.g. a 10 MB message)
    while chunk := stream.read(_CHUNK_SIZE):
        parts = chunk.split(b"\0")
        if len(parts) == 1:
            pending.append(chunk)
            continue
        if pending:
            pending.append(parts[0])
            parts[0] = b"".join(pending)
            pending = []
        if parts[-1]:
            pending.append(parts[-1])
        for field in parts[:-1]:
            fields.append(field)
            if len(fields) == _FIELD_COUNT:
                yield fields
                fields = []
    if fields or pending:
        raise ExportError("git log output ended in the middle of a commit")


def _line(repository: str, fields: list[bytes]) -> bytes:
    message = fields[-1]
    if message.endswith(b"\n"):
        message = message[:-1]  # the newline git terminates every message with
    (
        sha,
        parents,
        author_name,
        author_email,
        authored_at,
        committer_name,
        committer_email,
        committed_at,
    ) = (field.decode("utf-8", "replace") for field in fields[:-1])
    if not _SHA.fullmatch(sha):
        raise ExportError(f"unexpected git log output (not a commit id: {sha[:80]!r})")
    record = {
        "repository": repository,
        "sha": sha,
        "parents": parents.split(),
        "author_name": author_name,
        "author_email": author_email,
        "authored_at": authored_at,
        "committer_name": committer_name,
        "committer_email": committer_email,
        "committed_at": committed_at,
        "message": message.decode("utf-8", "replace"),
    }
    return json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"


class _output:
    """Binary sink: `out` via a temporary sibling renamed on success, or stdout when None."""

    def __init__(self, out: Path | None) -> None:
        self.out = out
        self.temporary: Path | None = None
        self.file: BinaryIO | None = None

    def __enter__(self) -> BinaryIO:
        if self.out is None:
            return sys.stdout.buffer
        out = Path(self.out)
        if out.is_dir():
            raise ExportError(f"--out {out} is a directory; give a file name such as api.ndjson")
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            self.temporary = out.parent / f".{out.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
            descriptor = os.open(self.temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except OSError as error:
            raise ExportError(f"cannot write {out}: {error.strerror or error}") from error
        self.file = os.fdopen(descriptor, "wb")
        return self.file

    def __exit__(self, kind: object, error: object, traceback: object) -> None:
        if self.out is None:
            if kind is None:
                sys.stdout.buffer.flush()
            return
        assert self.file is not None and self.temporary is not None
        try:
            if kind is None:
                self.file.flush()
                os.fsync(self.file.fileno())
            self.file.close()
            if kind is None:
                os.replace(self.temporary, self.out)
        except OSError as failure:
            self.temporary.unlink(missing_ok=True)
            raise ExportError(
                f"cannot write {self.out}: {failure.strerror or failure}"
            ) from failure
        finally:
            if kind is not None:
                self.temporary.unlink(missing_ok=True)


def _target(out: Path | None) -> str:
    return "stdout" if out is None else str(out)


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
