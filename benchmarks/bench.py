"""`make bench`: how long the dbt project takes, how much memory it needs, and against what floor.

A script that prints figures, not a timed test: it asserts nothing about time. For each size
(developers x days) it

1. generates the landing data with the project's own generator, once, cached on disk under
   `benchmarks/cache/<developers>x<days>/landing` (regenerated only when absent);
2. times `dbt seed` then `dbt run` on a fresh warehouse (full build, models only);
3. times `dbt build --exclude-resource-type unit_test` on another fresh warehouse (the
   production full build: seeds, models and every data test; a failing test skips the models
   after it, so such a build is timed again without the failing tests, and says so), then the
   unit tests on their own (`dbt test --select test_type:unit`: fixtures, not data, so their
   cost does not grow with the data; dbt's docs advise running them in development and CI);
4. adds one new day of files to the landing folder and times the daily run on that
   warehouse: `dbt build --selector daily` when selectors.yml defines a `daily` selector, else
   `dbt run` (today there are no incremental models, so that is a full re-run, and it says so);
5. measures the peak resident memory of every dbt process tree (polling /proc; the kernel's
   own high-water mark of the largest process, from wait4, is the lower bound);
6. times the floor: one hand-written DuckDB SQL script (`benchmarks/floor_weekly.sql`) that
   computes the weekly organisation table straight from the landing files in a fresh
   connection, and compares its numbers with the project's `marts.ai_active_users_weekly`;
7. reports the warehouse size on disk (.duckdb plus .wal);

dbt runs in a copy of the project's dbt files taken when a size starts (or of a commit, --ref),
so that edits made meanwhile do not mix into one set of figures. Every step reads one landing
folder (`<work>/landing`, hard links to the cache) and writes one warehouse path (the run's
warehouse is set aside before the build), as a scheduled job does: dbt re-parses every model
when the profile changed and each model that read an env var whose value changed, a cost no
production run pays. It then prints one fixed-width
table (a column per size) with the ratios full/floor and
incremental/full, the slowest models from `run_results.json`, and appends a dated Markdown
section with the machine's cores and memory to `benchmarks/RESULTS.md` (unless --no-append).

    python benchmarks/bench.py --developers 5000 --days 365
    python benchmarks/bench.py --sizes 1000,5000,20000 --days 365 --skip-tests

The new day for the incremental step comes from a generation of (days + 1) days at the same
seed (itself cached): its files named after the new date (copilot, cursor, claude_code, github)
are copied into that landing folder. git files hold one repository each, not one day:
each repository gets one more file, git/<repository>_<day>.ndjson, with the (days + 1)
generation's commits authored on the new day, as a daily export of new commits writes. The
directory files are kept (the roster did not change
overnight).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = REPO_ROOT / "benchmarks"
FLOOR_SQL = BENCH_DIR / "floor_weekly.sql"
DEFAULT_CACHE = BENCH_DIR / "cache"
DEFAULT_RESULTS = BENCH_DIR / "RESULTS.md"
DBT = Path(sys.executable).parent / "dbt"
START = "2025-01-06"
SEED = 42
DAILY_SOURCES = ("copilot", "cursor", "claude_code", "github")  # files named after their date
POLL_SECONDS = 0.1
# The production full build: every model and data test. Unit tests check the SQL on fixtures,
# whatever the data; dbt's docs advise running them in development and CI only, so the
# benchmark times them in a step of their own.
BUILD_ARGS = ["build", "--exclude-resource-type", "unit_test"]
UNIT_TEST_ARGS = ["test", "--select", "test_type:unit"]

# The table's rows, in order: (key, label). The smoke test checks that every label is printed.
FIGURES = (
    ("landing", "landing data: records / size on disk"),
    ("generate", "generation (cached when 'cached')"),
    ("seed", "dbt seed"),
    ("run", "(a) full build, models only: dbt run"),
    ("build", "(a) full build, with data tests: dbt build"),
    ("unit_tests", "    unit tests (constant cost, CI)"),
    ("incremental", "(b) one-day incremental run"),
    ("incremental_command", "    incremental command"),
    ("peak_rss", "(c) peak RSS, dbt process tree"),
    ("peak_rss_steps", "    peak RSS per step: run / build / incr"),
    ("cpu_steps", "    CPU time per step: run / build / incr"),
    ("floor", "(d) floor: hand-written DuckDB SQL"),
    ("floor_process", "    floor process: peak RSS / CPU time"),
    ("warehouse", "(e) warehouse size on disk"),
    ("ratio_run", "full models only / floor (target <= 3x)"),
    ("ratio_build", "full with tests / floor (target <= 5x)"),
    ("ratio_incremental", "incremental / full (target <= 15%)"),
    ("ratios_cpu", "    the three ratios on CPU time"),
    ("memory_target", "peak memory (target <= 4 GB)"),
    ("floor_check", "floor vs project, weekly active_users"),
)
FIGURE_LABELS = tuple(label for _, label in FIGURES)
FLOOR_CHECK_MARKER = "floor vs project"


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------
# Measuring a process tree
# --------------------------------------------------------------------------------------------


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        # pid (comm) state ppid ...; comm may hold spaces and parentheses
        fields = stat[stat.rfind(b")") + 2 :].split()
        children.setdefault(int(fields[1]), []).append(int(entry))
    return children


def _rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss_bytes(root: int) -> int:
    """Resident memory of a process and all its descendants, now."""
    children = _children_map()
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += _rss_bytes(pid)
        stack.extend(children.get(pid, ()))
    return total


@dataclass
class Measured:
    seconds: float
    peak_rss: int  # bytes: max of the polled tree total and the kernel's high-water mark
    returncode: int
    cpu_seconds: float = 0.0  # user + system time of the tree (its waited-for processes)
    output_tail: str = ""


def run_measured(command: list[str], *, env: dict, cwd: Path, log_file: Path) -> Measured:
    """Run a command; its wall time and the peak resident memory of its process tree."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    peak = 0
    stop = threading.Event()
    with open(log_file, "w", encoding="utf-8") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)

        def poll() -> None:
            nonlocal peak
            while not stop.is_set():
                peak = max(peak, tree_rss_bytes(process.pid))
                stop.wait(POLL_SECONDS)

        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        stop.set()
        poller.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss (KiB): the largest single process of the tree, its waited-for children included
    peak = max(peak, usage.ru_maxrss * 1024)
    tail = log_file.read_text(encoding="utf-8", errors="replace")[-4000:]
    cpu = usage.ru_utime + usage.ru_stime
    return Measured(seconds, peak, process.returncode, cpu, tail)


# --------------------------------------------------------------------------------------------
# Landing data
# --------------------------------------------------------------------------------------------


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def ensure_landing(cache: Path, developers: int, days: int) -> tuple[Path, dict, float | None]:
    """The cached landing folder of a size (generated when absent), its summary, the seconds
    generation took (None when it was cached)."""
    from ai_adoption.sample_data import SampleConfig, generate

    entry = cache / f"{developers}x{days}"
    landing = entry / "landing"
    summary_file = entry / "summary.json"
    if landing.is_dir() and summary_file.is_file():
        return landing, json.loads(summary_file.read_text()), None
    partial = entry / "landing.partial"
    log(f"generating {developers:,} developers x {days} days into {landing}")
    started = time.perf_counter()
    config = SampleConfig(developers=developers, days=days, start=START, seed=SEED)
    summary = generate(partial, config, force=True)
    seconds = time.perf_counter() - started
    if landing.exists():
        shutil.rmtree(landing)
    partial.rename(landing)  # only a complete folder is ever cached
    summary = dict(summary, bytes=folder_bytes(landing), seconds=round(seconds, 1))
    summary_file.write_text(json.dumps(summary, indent=2) + "\n")
    return landing, summary, seconds


def warm(landing: Path) -> None:
    """Read every landing file once, so every timed step starts from the same warm page cache."""
    for path in sorted(landing.rglob("*")):
        if path.is_file():
            with open(path, "rb") as fh:
                while fh.read(1 << 24):
                    pass


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def linked_copy(landing: Path, out: Path) -> None:
    """A copy of the landing folder made of hard links (nothing is ever written through them: a
    file add_one_day replaces is unlinked first)."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(landing, out, copy_function=_link_or_copy)


def add_one_day(out: Path, bigger: Path, new_day: str) -> dict[str, int]:
    """Add to the landing folder `out` the files of `new_day` from `bigger` (a days + 1
    generation), as the vendors' exports would overnight.

    git files are per repository: each repository gets one more file with the bigger
    generation's commits authored on `new_day`, as a daily export of new commits writes.
    """
    added = replaced = 0
    for source in DAILY_SOURCES:
        (out / source).mkdir(exist_ok=True)
        for path in sorted((bigger / source).glob(f"*{new_day}*")):
            target = out / source / path.name
            if target.exists():
                target.unlink()
                replaced += 1
            else:
                added += 1
            shutil.copy2(path, target)
    git_out = out / "git"
    git_out.mkdir(exist_ok=True)
    for path in sorted((bigger / "git").glob("*.ndjson")):
        with path.open(encoding="utf-8", errors="surrogateescape") as lines:
            new_commits = [
                line
                for line in lines
                if new_day in line and json.loads(line).get("authored_at", "")[:10] == new_day
            ]
        target = git_out / f"{path.stem}_{new_day}.ndjson"
        target.unlink(missing_ok=True)  # never write through a hard link into the cache
        with target.open("w", encoding="utf-8", errors="surrogateescape") as out_file:
            out_file.writelines(new_commits)
        added += 1
    return {"added": added, "replaced": replaced}


# --------------------------------------------------------------------------------------------
# dbt
# --------------------------------------------------------------------------------------------


PROJECT_FILES = (
    "dbt_project.yml", "selectors.yml", "packages.yml", "dependencies.yml", "profiles", "models",
    "macros", "seeds", "tests", "analyses", "snapshots", "dbt_packages",
)  # fmt: skip


def snapshot_project(project: Path, out: Path, ref: str | None = None) -> Path:
    """A copy of the dbt project's files, so that edits made while the benchmark runs (it takes
    minutes) do not mix into its figures: of the working tree, or of a commit (`git archive`,
    read-only). The Python package stays the installed one."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    if ref:
        names = subprocess.run(
            ["git", "ls-tree", "--name-only", ref], cwd=project, check=True,
            capture_output=True, text=True,
        ).stdout.split()  # fmt: skip
        archive = subprocess.run(
            ["git", "archive", "--format=tar", ref, *[n for n in PROJECT_FILES if n in names]],
            cwd=project, check=True, capture_output=True,
        )  # fmt: skip
        subprocess.run(["tar", "-x", "-C", str(out)], input=archive.stdout, check=True)
        return out
    for name in PROJECT_FILES:
        source = project / name
        if source.is_dir():
            shutil.copytree(source, out / name)
        elif source.is_file():
            shutil.copy2(source, out / name)
    return out


def set_duckdb_settings(project: Path, settings: list[str]) -> None:
    """Add DuckDB settings (KEY=VALUE) to the snapshot's profile, every output of every profile,
    e.g. memory_limit=3GB to see what the build needs under a memory cap."""
    import yaml

    path = project / "profiles" / "profiles.yml"
    document = yaml.safe_load(path.read_text())
    for profile in document.values():
        if isinstance(profile, dict):
            for output in (profile.get("outputs") or {}).values():
                for setting in settings:
                    key, _, value = setting.partition("=")
                    output.setdefault("settings", {})[key.strip()] = value.strip()
    path.write_text(yaml.safe_dump(document, sort_keys=False))


def daily_selector(project: Path) -> bool:
    """Whether selectors.yml defines a selector named `daily`."""
    path = project / "selectors.yml"
    if not path.is_file():
        return False
    import yaml

    document = yaml.safe_load(path.read_text()) or {}
    return any(s.get("name") == "daily" for s in document.get("selectors") or [])


@dataclass
class DbtStep:
    name: str
    args: list[str]
    measured: Measured
    run_results: dict = field(default_factory=dict)

    @property
    def failures(self) -> list[str]:
        """Nodes that errored or failed (a failing test skips what depends on it)."""
        return [
            r["unique_id"]
            for r in self.run_results.get("results", [])
            if r.get("status") in ("error", "fail", "runtime error")
        ]

    @property
    def ok(self) -> bool:
        return self.measured.returncode == 0


def dbt_step(
    name: str,
    args: list[str],
    *,
    landing: Path,
    db: Path,
    work: Path,
    project: Path,
    allow_failure: bool = False,
    threads: int | None = None,
) -> DbtStep:
    env = {
        **os.environ,
        "AI_ADOPTION_LANDING": str(landing),
        "AI_ADOPTION_DB": str(db),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    }
    target = work / "target"
    command = [
        str(DBT),
        *args,
        "--profiles-dir",
        str(project / "profiles"),
        "--project-dir",
        str(project),
        "--target-path",
        str(target),
        "--log-path",
        str(work / "logs"),
    ]
    if threads:
        command += ["--threads", str(threads)]
    results_file = target / "run_results.json"
    if results_file.exists():
        results_file.unlink()
    log(f"  {name}: dbt {' '.join(args)}")
    measured = run_measured(command, env=env, cwd=project, log_file=work / f"{name}.log")
    results = json.loads(results_file.read_text()) if results_file.exists() else {}
    step = DbtStep(name, args, measured, results)
    if not step.ok:
        message = f"dbt {' '.join(args)} failed ({measured.returncode}): {step.failures[:5]}"
        if not allow_failure or not results:
            raise RuntimeError(f"{message}\n{measured.output_tail}")
        log(f"  {name}: {message}; its time is not a valid figure")
    log(f"  {name}: {measured.seconds:.1f}s, peak RSS {gib(measured.peak_rss)}")
    return step


def node_times(step: DbtStep | None, prefix: str) -> list[tuple[str, float]]:
    if step is None:
        return []
    rows = [
        (r["unique_id"].split(".")[-1] if prefix == "model." else r["unique_id"],
         float(r.get("execution_time") or 0.0))
        for r in step.run_results.get("results", [])
        if r["unique_id"].startswith(prefix)
    ]  # fmt: skip
    return sorted(rows, key=lambda row: -row[1])


def move_warehouse(db: Path, to: Path) -> None:
    """Rename a DuckDB warehouse file, with its write-ahead log when there is one."""
    for suffix in ("", ".wal"):
        path = db.with_name(db.name + suffix)
        if path.exists():
            path.rename(to.with_name(to.name + suffix))


def remove_warehouse(db: Path) -> None:
    for suffix in ("", ".wal"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)


def warehouse_bytes(db: Path) -> int:
    total = 0
    for path in (db, db.with_name(db.name + ".wal")):
        if path.exists():
            total += path.stat().st_size
    return total


# --------------------------------------------------------------------------------------------
# The floor
# --------------------------------------------------------------------------------------------


def floor_sql(landing: Path) -> str:
    text = FLOOR_SQL.read_text(encoding="utf-8")
    return text.replace("__LANDING__", str(landing.resolve()).replace("'", "''"))


def floor_child(landing: Path, out: Path) -> int:
    """Run in a process of its own: time the floor script in a fresh connection."""
    import duckdb

    sql = floor_sql(landing)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    connection = duckdb.connect()  # in memory, default threads
    cursor = connection.execute(sql)
    columns = [column[0] for column in cursor.description]
    rows = cursor.fetchall()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = after.ru_utime - usage.ru_utime + after.ru_stime - usage.ru_stime
    connection.close()
    records = [dict(zip(columns, row, strict=True)) for row in rows]
    out.write_text(json.dumps({"seconds": seconds, "cpu": cpu, "rows": records}, default=str))
    return 0


def run_floor(landing: Path, work: Path) -> tuple[float, Measured, list[dict]]:
    out = work / "floor.json"
    command = [sys.executable, str(Path(__file__).resolve()), "--floor-child", str(landing)]
    command += ["--floor-out", str(out)]
    log("  floor: benchmarks/floor_weekly.sql in a fresh DuckDB connection")
    measured = run_measured(
        command, env=dict(os.environ), cwd=REPO_ROOT, log_file=work / "floor.log"
    )
    if measured.returncode != 0:
        raise RuntimeError(f"the floor script failed:\n{measured.output_tail}")
    result = json.loads(out.read_text())
    measured.cpu_seconds = result["cpu"]  # of the script alone, not the interpreter's start
    log(f"  floor: {result['seconds']:.1f}s, peak RSS {gib(measured.peak_rss)}")
    return result["seconds"], measured, result["rows"]


@dataclass
class FloorCheck:
    weeks: int
    max_diff_all: int
    max_diff_any: int
    max_diff_rostered: int
    max_diff_headcount: int
    missing: int
    side_by_side: list[tuple[str, int, int]]

    def summary(self) -> str:
        return (
            f"max |diff| all={self.max_diff_all}, any dimension={self.max_diff_any}, "
            f"rostered={self.max_diff_rostered}, headcount={self.max_diff_headcount} "
            f"over {self.weeks} weeks" + (f", {self.missing} rows missing" if self.missing else "")
        )


def compare_with_project(db: Path, floor_rows: list[dict]) -> FloorCheck:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as connection:
        project = {
            (str(r[0]), r[1]): r[2:]
            for r in connection.execute(
                "select bucket_start, dimension, active_users, active_rostered_users, headcount "
                "from marts.ai_active_users_weekly"
            ).fetchall()
        }
    floor = {
        (str(r["bucket_start"]), r["dimension"]): (
            r["active_users"], r["active_rostered_users"], r["headcount"]
        )
        for r in floor_rows
    }  # fmt: skip
    keys = sorted(set(project) | set(floor))
    missing = sum(1 for k in keys if k not in project or k not in floor)

    def diff(key, i: int) -> int:
        if key not in project or key not in floor:
            return 0
        return abs(int(project[key][i]) - int(floor[key][i]))

    all_keys = [k for k in keys if k[1] == "all"]
    side = [
        (k[0], int(project[k][0]) if k in project else -1, int(floor[k][0]) if k in floor else -1)
        for k in all_keys
    ]
    return FloorCheck(
        weeks=len(all_keys),
        max_diff_all=max((diff(k, 0) for k in all_keys), default=0),
        max_diff_any=max((diff(k, 0) for k in keys), default=0),
        max_diff_rostered=max((diff(k, 1) for k in keys), default=0),
        max_diff_headcount=max((diff(k, 2) for k in keys), default=0),
        missing=missing,
        side_by_side=side,
    )


# --------------------------------------------------------------------------------------------
# One size
# --------------------------------------------------------------------------------------------


@dataclass
class SizeResult:
    developers: int
    days: int
    summary: dict
    generated_seconds: float | None
    seed: DbtStep | None = None
    run: DbtStep | None = None
    build: DbtStep | None = None
    unit_tests: DbtStep | None = None
    incremental: DbtStep | None = None
    incremental_note: str = ""
    build_excluded: list[str] = field(default_factory=list)  # failing tests left out
    incremental_baseline: str = "run"
    floor_seconds: float | None = None
    floor_process: Measured | None = None
    floor_check: FloorCheck | None = None
    warehouse: int | None = None

    @property
    def label(self) -> str:
        return f"{self.developers}x{self.days}"

    @property
    def records(self) -> int:
        return sum(int(self.summary.get(s, 0)) for s in ("copilot", "cursor", "claude_code",
                                                         "github", "git"))  # fmt: skip

    @property
    def peak_rss(self) -> int:
        steps = (self.seed, self.run, self.build, self.incremental)
        return max((s.measured.peak_rss for s in steps if s is not None), default=0)


def bench_size(args, developers: int, days: int, work_root: Path) -> SizeResult:
    cache = Path(args.cache_dir)
    landing, summary, generated = ensure_landing(cache, developers, days)
    result = SizeResult(developers, days, summary, generated)
    work = work_root / result.label
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    log(f"{result.label}: warming the page cache ({gib(summary.get('bytes', 0))})")
    warm(landing)
    # Every step reads the same landing path and writes the same warehouse path, as a scheduled
    # job does: dbt re-parses the models that read an env var whose value changed, and every
    # file when the profile (the warehouse path) changed, which production runs do not pay.
    landing_copy = work / "landing"
    linked_copy(landing, landing_copy)
    db = work / "warehouse" / "warehouse.duckdb"
    db.parent.mkdir(parents=True)

    project = Path(args.project_dir).resolve()
    if not args.no_snapshot:
        project = snapshot_project(project, work / "project", args.ref)
        if args.duckdb_setting:
            set_duckdb_settings(project, args.duckdb_setting)
    step = partial(
        dbt_step, landing=landing_copy, db=db, work=work, project=project, threads=args.threads
    )

    # (a) models only, on a fresh warehouse
    result.seed = step("seed", ["seed"])
    result.run = step("run", ["run"], allow_failure=True)  # e.g. out of memory
    result.warehouse = warehouse_bytes(db)

    # (d) the floor, and its numbers next to the project's
    result.floor_seconds, result.floor_process, floor_rows = run_floor(landing_copy, work)
    if result.run.ok:
        result.floor_check = compare_with_project(db, floor_rows)
        log(f"  {FLOOR_CHECK_MARKER}: {result.floor_check.summary()}")
    else:
        log("  dbt run failed: no comparison with the floor, no build, no incremental step")
        if not args.keep_work:
            shutil.rmtree(work, ignore_errors=True)
        return result

    # (a) with tests, on another fresh warehouse (at the same path: the run's is set aside); a
    # failing test is reported, not fatal
    if not args.skip_tests:
        run_db = work / "run_warehouse.duckdb"
        move_warehouse(db, run_db)
        result.build = step("build", BUILD_ARGS, allow_failure=True)
        failed = result.build.failures
        if failed and all(node.startswith(("unit_test.", "test.")) for node in failed):
            # a failing test skips every model after it: time the build again without it
            result.build_excluded = failed
            excludes = [
                f"unit_test:{node.split('.')[-1]}" if node.startswith("unit_test.")
                else node.split(".")[2]
                for node in failed
            ]  # fmt: skip
            remove_warehouse(db)
            log(f"  build: again without the failing test(s) {', '.join(excludes)}")
            result.build = step("build", [*BUILD_ARGS, "--exclude", *excludes], allow_failure=True)
        if result.build.ok:
            remove_warehouse(run_db)
            result.unit_tests = step("unit_tests", UNIT_TEST_ARGS, allow_failure=True)
        else:
            remove_warehouse(db)
            move_warehouse(run_db, db)

    # (b) one more day of files, the daily run on the same warehouse
    if not args.skip_incremental:
        bigger, _, _ = ensure_landing(cache, developers, days + 1)
        new_day = (date.fromisoformat(START) + timedelta(days=days)).isoformat()
        changes = add_one_day(landing_copy, bigger, new_day)
        warm(landing_copy)
        if daily_selector(project):
            inc_args = ["build", "--selector", "daily"]
            result.incremental_baseline = "build" if result.build and result.build.ok else "run"
            note = "selectors.yml `daily`"
        else:
            inc_args = ["run"]
            result.incremental_baseline = "run"
            note = "no `daily` selector: a full re-run"
        result.incremental_note = (
            f"dbt {' '.join(inc_args)} ({note}); +{changes['added']} day files, "
            f"{changes['replaced']} replaced"
        )
        result.incremental = step("incremental", inc_args)
    if not args.keep_work:
        shutil.rmtree(work, ignore_errors=True)
    return result


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------


def gib(n: int | None) -> str:
    if n is None:
        return "-"
    if n >= 1 << 30:
        return f"{n / (1 << 30):.2f} GiB"
    return f"{n / (1 << 20):.0f} MiB"


def secs(step: DbtStep | None) -> str:
    if step is None:
        return "skipped"
    if not step.ok:
        return f"FAILED ({len(step.failures)} nodes)"
    return f"{step.measured.seconds:.1f} s"


def ratio(a: float | None, b: float | None, percent: bool = False) -> str:
    if a is None or b is None or b <= 0:
        return "-"
    return f"{100 * a / b:.0f} %" if percent else f"{a / b:.1f}x"


def cpu(item: DbtStep | Measured | None) -> float | None:
    if item is None:
        return None
    if isinstance(item, DbtStep):
        return item.measured.cpu_seconds if item.ok else None
    return item.cpu_seconds


def figures(r: SizeResult) -> dict[str, str]:
    run_s = r.run.measured.seconds if r.run and r.run.ok else None
    build_s = r.build.measured.seconds if r.build and r.build.ok else None
    inc_s = r.incremental.measured.seconds if r.incremental else None
    baseline = build_s if r.incremental_baseline == "build" else run_s
    steps = (r.run, r.build, r.incremental)
    baseline_step = r.build if r.incremental_baseline == "build" else r.run
    check = r.floor_check
    return {
        "landing": f"{r.records / 1e6:.2f} M / {gib(r.summary.get('bytes'))}",
        "generate": "cached" if r.generated_seconds is None else f"{r.generated_seconds:.0f} s",
        "seed": secs(r.seed),
        "run": secs(r.run),
        "build": secs(r.build)
        + (f" (-{len(r.build_excluded)} failing test)" if r.build_excluded else ""),
        "unit_tests": secs(r.unit_tests),
        "incremental": secs(r.incremental),
        "incremental_command": (
            "-" if r.incremental is None else "dbt " + " ".join(r.incremental.args)
        ),
        "peak_rss": gib(r.peak_rss),
        "peak_rss_steps": " / ".join(
            "-" if s is None else gib(s.measured.peak_rss).replace(" ", "") for s in steps
        ),
        "cpu_steps": " / ".join(
            "-" if s is None else f"{s.measured.cpu_seconds:.0f}s" for s in steps
        ),
        "floor": "-" if r.floor_seconds is None else f"{r.floor_seconds:.1f} s",
        "floor_process": "-"
        if r.floor_process is None
        else f"{gib(r.floor_process.peak_rss)} / {r.floor_process.cpu_seconds:.1f} s",
        "warehouse": gib(r.warehouse),
        "ratio_run": ratio(run_s, r.floor_seconds),
        "ratio_build": ratio(build_s, r.floor_seconds),
        "ratio_incremental": ratio(inc_s, baseline, percent=True)
        + ("" if inc_s is None else f" of {r.incremental_baseline}"),
        "ratios_cpu": " / ".join(
            (
                ratio(cpu(r.run), cpu(r.floor_process)),
                ratio(cpu(r.build), cpu(r.floor_process)),
                ratio(cpu(r.incremental), cpu(baseline_step), percent=True),
            )
        ),
        "memory_target": (
            "-"
            if not (r.run and r.run.ok)
            else ("met" if r.peak_rss <= 4 * 10**9 else "NOT met") + f" ({r.peak_rss / 1e9:.2f} GB)"
        ),
        "floor_check": "-" if check is None else (
            f"max |diff| {check.max_diff_all} (all), {check.max_diff_any} (any dim)"
        ),
    }  # fmt: skip


def render_table(results: list[SizeResult]) -> str:
    values = [figures(r) for r in results]
    label_width = max(len(label) for label in FIGURE_LABELS) + 2
    widths = [
        max(len(r.label), *(len(v[key]) for key, _ in FIGURES)) + 2
        for r, v in zip(results, values, strict=True)
    ]
    lines = ["figure".ljust(label_width) + "".join(
        r.label.rjust(w) for r, w in zip(results, widths, strict=True))]  # fmt: skip
    lines.append("-" * len(lines[0]))
    for key, label in FIGURES:
        cells = "".join(v[key].rjust(w) for v, w in zip(values, widths, strict=True))
        lines.append(label.ljust(label_width) + cells)
    return "\n".join(lines)


def _layer(model: str) -> str:
    return {"stg": "staging", "int": "intermediate"}.get(model.split("_")[0], "marts")


def render_details(results: list[SizeResult], markdown: bool = False) -> str:
    """Per size: where `dbt run` spends its time, tests, the incremental step, the floor check."""
    bullet, indent = ("- ", "    ") if markdown else ("  ", "  ")
    out: list[str] = []
    for r in results:
        head = f"{r.label} ({r.developers:,} developers x {r.days} days)"
        out += [f"#### {head}", ""] if markdown else ["", head]
        models = node_times(r.run, "model.")
        if r.run and models:
            total = sum(t for _, t in models) or 1.0
            layers: dict[str, float] = {}
            for name, seconds in models:
                layers[_layer(name)] = layers.get(_layer(name), 0.0) + seconds
            by_layer = ", ".join(
                f"{layer} {seconds:.1f} s" for layer, seconds in
                sorted(layers.items(), key=lambda item: -item[1])
            )  # fmt: skip
            out.append(
                f"`dbt run`: wall {r.run.measured.seconds:.1f} s, sum of model times {total:.1f} s "
                f"({by_layer}); slowest models:"
            )
            out += [""] if markdown else []
            for name, seconds in models[:5]:
                out.append(f"{bullet}{name:<40} {seconds:7.1f} s {100 * seconds / total:5.1f} %")
            out += [""] if markdown else []
        if r.run and not r.run.ok:
            error = re.search(r"[^\n]*\bError: [^\n]*", r.run.measured.output_tail)
            out.append(
                f"`dbt run` FAILED ({', '.join(n.split('.')[-1] for n in r.run.failures)})"
                + (f": {error.group(0).strip()}" if error else "")
            )
            out += [""] if markdown else []
        if r.build_excluded:
            out.append(
                "`dbt build` had failing tests, which skip the models after them; it was timed "
                f"again without them: {', '.join(r.build_excluded)}"
            )
            out += [""] if markdown else []
        if r.build and not r.build.ok:
            out.append(f"`dbt build` FAILED: {', '.join(r.build.failures[:5])}")
            out += [""] if markdown else []
        elif r.build:
            tests = node_times(r.build, "test.")
            test_total = sum(t for _, t in tests)
            build_models = sum(t for _, t in node_times(r.build, "model."))
            slowest = (
                f"; slowest test {tests[0][0].split('.')[2][:60]} {tests[0][1]:.1f} s"
                if tests
                else ""
            )
            out.append(
                f"`dbt build`: wall {r.build.measured.seconds:.1f} s; sums of node times: models "
                f"{build_models:.1f} s, {len(tests)} tests {test_total:.1f} s{slowest}"
            )
            out += [""] if markdown else []
        if r.incremental_note:
            out.append(f"Incremental: {r.incremental_note}")
            out += [""] if markdown else []
        if r.floor_check:
            check = r.floor_check
            out.append(f"{FLOOR_CHECK_MARKER} (marts.ai_active_users_weekly): {check.summary()}")
            out += [""] if markdown else []
            out.append(f"{indent}week        project   floor   ('all', last 6 weeks)")
            for week, project, floor in check.side_by_side[-6:]:
                out.append(f"{indent}{week}  {project:>8} {floor:>7}")
            out += [""] if markdown else []
    return "\n".join(out)


def contention() -> str:
    """The 1-minute load average, and the share of time runnable tasks waited for a CPU
    (/proc/pressure/cpu, avg60) when the kernel reports it: the machine may be shared."""
    text = f"load {os.getloadavg()[0]:.1f}"
    try:
        first = Path("/proc/pressure/cpu").read_text().splitlines()[0]
        text += f", cpu pressure {float(first.split()[2].split('=')[1]):.0f} %"
    except (OSError, IndexError, ValueError):
        pass
    return text


def provenance(project: Path, ref: str | None = None) -> str:
    """The project's commit and whether its working tree had changes (read-only git)."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", ref or "HEAD"],
            cwd=project,
            capture_output=True,
            text=True,
        ).stdout.strip()
        status = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "--", *PROJECT_FILES],
            cwd=project,
            capture_output=True,
            text=True,
        ).stdout.splitlines()
    except OSError:
        return "not a git checkout"
    if not head:
        return "not a git checkout"
    if ref:
        return f"commit {head} (--ref)"
    return f"commit {head}" + (f" with {len(status)} modified dbt files" if status else "")


def machine() -> dict[str, str]:
    import importlib.metadata as metadata

    mem_kib = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_kib = int(line.split()[1])
    except OSError:
        pass

    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "?"

    return {
        "cores": str(os.cpu_count()),
        "memory": f"{mem_kib / (1 << 20):.1f} GiB",
        "python": platform.python_version(),
        "versions": f"dbt-core {version('dbt-core')}, dbt-duckdb {version('dbt-duckdb')}, "
        f"duckdb {version('duckdb')}",
    }


def append_results(
    path: Path, results: list[SizeResult], argv: list[str], loads: str, project: str = ""
) -> None:
    info = machine()
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    sizes = ", ".join(r.label for r in results)
    section = [
        f"## {stamp} — {sizes}",
        "",
        f"Machine: {info['cores']} cores, {info['memory']} memory; Python {info['python']}, "
        f"{info['versions']}. Contention at the start / end of each size: {loads}.",
        f"Command: `python benchmarks/bench.py {' '.join(argv)}`"
        + (f"; project at {project}" if project else ""),
        "",
        "```",
        render_table(results),
        "```",
        "",
        render_details(results, markdown=True),
        "",
    ]
    if not path.exists():
        path.write_text(
            "# Benchmark results\n\nAppended by `make bench` (`benchmarks/bench.py`); "
            "see benchmarks/README.md.\n\n"
        )
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("\n".join(section) + "\n")


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--developers", type=int, default=5000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--sizes", help="comma-separated developer counts (overrides --developers)")
    parser.add_argument("--skip-tests", action="store_true", help="no `dbt build` step")
    parser.add_argument(
        "--skip-incremental", action="store_true", help="no one-day incremental step"
    )
    parser.add_argument("--no-append", action="store_true", help="do not append to RESULTS.md")
    parser.add_argument("--cache-dir", default=str(DEFAULT_CACHE), help="generated landing data")
    parser.add_argument("--work-dir", help="warehouses and logs (default: a temporary folder)")
    parser.add_argument("--keep-work", action="store_true", help="keep warehouses and logs")
    parser.add_argument("--results", default=str(DEFAULT_RESULTS), help="Markdown to append to")
    parser.add_argument(
        "--project-dir", default=str(REPO_ROOT), help="dbt project to benchmark (a checkout)"
    )
    parser.add_argument(
        "--ref", help="benchmark this commit of the project (git archive) instead of its files"
    )
    parser.add_argument(
        "--duckdb-setting",
        action="append",
        metavar="KEY=VALUE",
        help="a DuckDB setting for dbt (e.g. memory_limit=3GB), added to the snapshot's profile; "
        "repeatable; the floor keeps DuckDB's defaults",
    )
    parser.add_argument("--threads", type=int, help="dbt --threads (default: the profile's)")
    parser.add_argument(
        "--no-snapshot",
        action="store_true",
        help="run dbt in the project itself, not in a copy of its files taken at the start",
    )
    parser.add_argument("--floor-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--floor-out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.no_snapshot and args.duckdb_setting:
        parser.error("--duckdb-setting changes the snapshot's profile: not with --no-snapshot")
    return args


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    if args.floor_child:
        return floor_child(args.floor_child, args.floor_out)
    sizes = (
        [int(s) for s in re.split(r"[,\s]+", args.sizes.strip()) if s]
        if args.sizes
        else [args.developers]
    )
    if args.work_dir:
        work_root = Path(args.work_dir)
        work_root.mkdir(parents=True, exist_ok=True)
        cleanup = False
    else:
        work_root = Path(tempfile.mkdtemp(prefix="ai_adoption_bench_"))
        cleanup = not args.keep_work
    results: list[SizeResult] = []
    loads: list[str] = []
    if args.ref:  # the same commit for every size, even if the branch moves meanwhile
        args.ref = subprocess.run(
            ["git", "rev-parse", "--verify", f"{args.ref}^{{commit}}"],
            cwd=args.project_dir, check=True, capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip
    project_note = provenance(Path(args.project_dir), args.ref)
    try:
        for developers in sizes:
            before = contention()
            results.append(bench_size(args, developers, args.days, work_root))
            loads.append(f"{results[-1].label}: {before} / {contention()}")
    finally:
        if cleanup:
            shutil.rmtree(work_root, ignore_errors=True)
    info = machine()
    print(f"\nAI adoption benchmark — {info['cores']} cores, {info['memory']} memory")
    print(render_table(results))
    print(render_details(results))
    print("\ncontention at the start / end of each size: " + "; ".join(loads))
    if not args.no_append:
        append_results(Path(args.results), results, argv, "; ".join(loads), project_note)
        log(f"appended to {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
