"""Shared helpers: build the dbt project on a landing folder and read its marts."""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import duckdb
import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
# shared/ lies beside the clone (as in CI); AI_ADOPTION_FIXTURES points elsewhere when it does not.
FIXTURES = Path(os.environ.get("AI_ADOPTION_FIXTURES", REPO_ROOT.parent / "shared" / "fixtures"))


# The vendors' count fields (integrations.md), written out for the tests' own landing records.
COPILOT_COUNTS = (
    "user_initiated_interaction_count",
    "code_generation_activity_count",
    "code_acceptance_activity_count",
    "loc_suggested_to_add_sum",
    "loc_suggested_to_delete_sum",
    "loc_added_sum",
    "loc_deleted_sum",
)
CURSOR_COUNTS = (
    "totalLinesAdded",
    "totalLinesDeleted",
    "acceptedLinesAdded",
    "acceptedLinesDeleted",
    "totalApplies",
    "totalAccepts",
    "totalRejects",
    "totalTabsShown",
    "totalTabsAccepted",
    "composerRequests",
    "chatRequests",
    "agentRequests",
    "cmdkUsages",
    "subscriptionIncludedReqs",
    "apiKeyReqs",
    "usageBasedReqs",
    "bugbotUsages",
)


# Test files by how long they take on two cores, slowest first: pytest-xdist hands whole files to
# its workers in this order, so the long serial chain of incremental builds starts at once
# instead of last. Files not listed run after these, in pytest's order.
SLOWEST_FILES_FIRST = (
    "test_incremental.py",
    "test_bad_input.py",
    "test_real_git_fixture.py",
    "test_benchmark_smoke.py",
    "test_end_to_end.py",
    "test_quality.py",
    # eighteen dbt builds in a row, about 170 s
    "test_traps.py",
    # four dbt builds in a row, about 55 s (not timed against the files above)
    "test_differential.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        name = item.path.name
        return (
            SLOWEST_FILES_FIRST.index(name)
            if name in SLOWEST_FILES_FIRST
            else len(SLOWEST_FILES_FIRST)
        )

    items.sort(key=rank)


class DbtBuildError(AssertionError):
    """dbt exited non-zero; the message carries its output."""


#: dbt's parse of the project, one per database file name, vars and project folder, kept by this
#: test process for every later build with a new target folder (see `_reuse_the_parse`).
PARSES = Path(tempfile.mkdtemp(prefix="ai_adoption-test-parses-"))
atexit.register(shutil.rmtree, PARSES, ignore_errors=True)


def _reuse_the_parse(target: Path, key: str, *, after_run: bool) -> None:
    """Give a new target folder the partial-parse file of an earlier build that had the same
    key, and keep the first one of each key. dbt parses the whole project (about 10 s) when its
    target folder holds none; with one it checks each file against it (about 4 s), and parses
    again itself when the profile or the vars differ. The files kept here live as long as the
    test process, while the project's files do not change: dbt 1.11 misses some edits of a
    unit test's YAML in a partial parse, which is no concern for a parse of the same files."""
    kept = PARSES / hashlib.sha256(key.encode()).hexdigest() / "partial_parse.msgpack"
    current = target / "partial_parse.msgpack"
    if not after_run and kept.exists() and not current.exists():
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(kept, current)
    elif after_run and current.exists() and not kept.exists():
        kept.parent.mkdir(parents=True, exist_ok=True)
        # Whole or not at all: builds in other threads may keep the same key at once.
        partial = kept.with_name(f"{kept.name}.{threading.get_ident()}")
        shutil.copyfile(current, partial)
        partial.replace(kept)


class DbtForkServer:
    """`dbt_fork_server.py` processes: each dbt command runs in a child process of one, which
    starts with dbt imported (2 s of CPU less per build). A command takes an idle server, or
    starts one when every server is busy (tests that build side by side in threads)."""

    #: An idle server holds dbt's modules (about 110 MB); more than these are stopped.
    IDLE_SERVERS_KEPT = 2

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: list[subprocess.Popen] = []
        self._servers: list[subprocess.Popen] = []
        self._outputs = Path(tempfile.mkdtemp(prefix="ai_adoption-test-dbt-output-"))
        atexit.register(self.stop)

    def _take_a_server(self) -> subprocess.Popen:
        with self._lock:
            while self._idle:
                server = self._idle.pop()
                if server.poll() is None:
                    return server
            server = subprocess.Popen(
                [sys.executable, str(Path(__file__).with_name("dbt_fork_server.py"))],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            self._servers.append(server)
            return server

    def run(self, args: list[str], *, env: dict, cwd: Path) -> subprocess.CompletedProcess:
        server = self._take_a_server()
        outputs = Path(tempfile.mkdtemp(dir=self._outputs))
        stdout, stderr = outputs / "stdout.log", outputs / "stderr.log"
        request = {"args": args, "env": env, "cwd": str(cwd)}
        server.stdin.write(json.dumps({**request, "stdout": str(stdout), "stderr": str(stderr)}))
        server.stdin.write("\n")
        server.stdin.flush()
        answer = server.stdout.readline()
        if not answer:
            raise RuntimeError(f"the dbt fork server stopped (exit {server.wait()})")
        completed = subprocess.CompletedProcess(
            ["dbt", *args],
            json.loads(answer)["returncode"],
            stdout.read_text(errors="replace"),
            stderr.read_text(errors="replace"),
        )
        shutil.rmtree(outputs)
        with self._lock:
            keep = len(self._idle) < self.IDLE_SERVERS_KEPT
            if keep:
                self._idle.append(server)
        if not keep:  # the last of a burst of builds side by side: free its memory
            server.stdin.close()
            server.wait()
        return completed

    def stop(self) -> None:
        for server in self._servers:
            if server.poll() is None:
                server.stdin.close()
                server.wait()
        shutil.rmtree(self._outputs, ignore_errors=True)


DBT_SERVER = DbtForkServer()


def run_dbt(
    args: list[str],
    *,
    landing: Path,
    db: Path,
    work_dir: Path,
    dbt_vars: dict | None = None,
    project_dir: Path = REPO_ROOT,
) -> subprocess.CompletedProcess:
    """Run one dbt command on `landing` into `db`, with its own target and log folders (in the
    project at `project_dir`: a copy when a test edits the project's seeds).

    dbt runs in the database's folder and is given its file name: the profile, which holds the
    path, is then the same for every warehouse of that name, and so dbt can re-use a parse of the
    project made for another folder."""
    db = db.absolute()
    run_in = db.parent if db.parent.is_dir() else work_dir.absolute()
    run_in.mkdir(parents=True, exist_ok=True)
    database_path = os.path.relpath(db, run_in)
    env = {
        **os.environ,
        "AI_ADOPTION_LANDING": str(landing.absolute()),
        "AI_ADOPTION_DB": database_path,
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    }
    target = work_dir.absolute() / "target"
    command = [
        *args,
        "--profiles-dir",
        str(REPO_ROOT / "profiles"),
        "--project-dir",
        str(project_dir),
        "--target-path",
        str(target),
        "--log-path",
        str(work_dir.absolute() / "logs"),
    ]
    if dbt_vars:
        command += ["--vars", json.dumps(dbt_vars)]
    parse_key = json.dumps([database_path, str(project_dir), dbt_vars or {}], sort_keys=True)
    with _first_parse_lock(parse_key):
        _reuse_the_parse(target, parse_key, after_run=False)
        # The first build of a key parses the whole project while builds of the same key in
        # other threads wait, then start from its parse instead of each parsing in full.
        first = not (target / "partial_parse.msgpack").exists()
        if first:
            result = DBT_SERVER.run(command, env=env, cwd=run_in)
            _reuse_the_parse(target, parse_key, after_run=True)
    if not first:
        result = DBT_SERVER.run(command, env=env, cwd=run_in)
        _reuse_the_parse(target, parse_key, after_run=True)
    if result.returncode != 0:
        raise DbtBuildError(f"dbt {' '.join(args)} failed:\n{result.stdout[-6000:]}")
    return result


def project_copy(landing: Path, tmp_path: Path):
    """A copy of the project that a test edits, and a function running dbt on it on `landing`
    into a warehouse, with the work folder `name`."""
    project = tmp_path / "project"
    shutil.copytree(
        REPO_ROOT,
        project,
        ignore=shutil.ignore_patterns(".venv", ".git", "target", "logs", "data", "warehouse",
                                      "cache", "*.duckdb"),
    )  # fmt: skip

    def dbt(args: list[str], db: Path, name: str):
        return run_dbt(args, landing=landing, db=db, work_dir=tmp_path / name, project_dir=project)

    return project, dbt


_FIRST_PARSE_LOCKS: dict[str, threading.Lock] = {}
_FIRST_PARSE_LOCKS_GUARD = threading.Lock()


def _first_parse_lock(parse_key: str) -> threading.Lock:
    with _FIRST_PARSE_LOCKS_GUARD:
        return _FIRST_PARSE_LOCKS.setdefault(parse_key, threading.Lock())


def build_warehouse(
    landing: Path,
    work_dir: Path,
    *,
    dbt_vars: dict | None = None,
    with_tests: bool = True,
) -> Path:
    """`dbt build` (seeds, models and data tests; unit tests excluded) into work_dir/warehouse."""
    db = work_dir / "warehouse.duckdb"
    args = ["build", "--exclude", "test_type:unit"] if with_tests else ["run"]
    if not with_tests:
        run_dbt(["seed"], landing=landing, db=db, work_dir=work_dir, dbt_vars=dbt_vars)
    run_dbt(args, landing=landing, db=db, work_dir=work_dir, dbt_vars=dbt_vars)
    return db


def compiled_sql(work_dir: Path, sql: str) -> str:
    """`dbt compile --inline` of one select that calls the project's macros: its SQL, to run
    on a table of test values in a plain DuckDB connection."""
    landing = work_dir / "landing"
    landing.mkdir(exist_ok=True)
    result = run_dbt(
        ["--quiet", "compile", "--inline", sql],
        landing=landing,
        db=work_dir / "warehouse.duckdb",
        work_dir=work_dir,
    )
    return result.stdout


VALUES_CONNECTION = duckdb.connect()


def rows_over_values(
    sql: str, values: list, *, table: str = "values_to_check", column: str = "value", as_json=False
) -> list[tuple]:
    """The rows of `sql` (compiled_sql's) over a temporary table `table (column)` that holds
    `values`: texts, read as JSON when `as_json`; None is SQL NULL."""
    value = "unnest(cast(? as varchar[]))"
    if as_json:
        value = f"cast({value} as json)"
    VALUES_CONNECTION.execute(
        f"create or replace temp table {table} as select {value} as {column}", [values]
    )
    return VALUES_CONNECTION.execute(f"select * from ({sql})").fetchall()


def query(db: Path, sql: str) -> list[dict]:
    """Rows of `sql` on the warehouse as dicts."""
    with duckdb.connect(str(db), read_only=True) as connection:
        cursor = connection.execute(sql)
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def write_ndjson(path: Path, records: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(record) + "\n" for record in records))


def write_json(path: Path, document: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document))


def write_csv(path: Path, header: str, rows: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join([header, *rows]) + "\n")


def copilot_user_day(day: str, user_id: object, login: str | None, **fields) -> dict:
    """One Copilot user-day (integrations §1): every count 0, one IDE, no `totals_by_feature`;
    `fields` replace or add fields."""
    record = {
        "day": day,
        "enterprise_id": "1",
        "user_id": user_id,
        "user_login": login,
        **dict.fromkeys(COPILOT_COUNTS, 0),
        "used_agent": False,
        "used_chat": False,
        "used_cli": False,
        "totals_by_ide": [{"ide": "vscode", "code_generation_activity_count": 0}],
        "totals_by_cli": {"session_count": 0, "request_count": 0, "prompt_count": 0},
    }
    record.update(fields)
    return record


def copilot_feature(name: str, **counts) -> dict:
    """One entry of a Copilot user-day's `totals_by_feature`: every count 0 unless given."""
    return {"feature": name, **dict.fromkeys(COPILOT_COUNTS, 0), **counts}


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES
