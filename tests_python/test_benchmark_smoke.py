"""`make bench` never rots: the benchmark runs end to end at a tiny size.

Nothing here is about time: the test only checks that the script completes, prints every figure
of its table, and that the floor (benchmarks/floor_weekly.sql) ran and was compared with the
project's weekly mart. `dbt build` is skipped (`--skip-tests`) to keep this under a minute or so;
`make test-dbt` builds with every test anyway.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
BENCH = REPO_ROOT / "benchmarks" / "bench.py"


def _bench_module():
    spec = importlib.util.spec_from_file_location("ai_adoption_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_benchmark_completes_and_prints_every_figure(tmp_path: Path) -> None:
    bench = _bench_module()
    results_file = tmp_path / "RESULTS.md"
    command = [
        sys.executable,
        str(BENCH),
        "--developers", "60",
        "--days", "21",
        "--skip-tests",
        "--no-append",
        "--cache-dir", str(tmp_path / "cache"),
        "--work-dir", str(tmp_path / "work"),
        "--results", str(results_file),
    ]  # fmt: skip
    completed = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True)
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-6000:]
    out = completed.stdout

    table = out[out.index("figure") :]
    for label in bench.FIGURE_LABELS:
        assert any(line.startswith(label) for line in table.splitlines()), label
    assert "(a) full build, with data tests: dbt build" in out and "skipped" in out
    assert "incremental command" in out and "dbt run" in out

    # the floor ran and its weekly numbers were put next to the project's
    check = [line for line in out.splitlines() if line.startswith(bench.FLOOR_CHECK_MARKER)]
    assert any("max |diff|" in line for line in check), out
    assert "('all', last 6 weeks)" in out

    # the landing data is cached for the next run; --no-append leaves RESULTS.md alone
    assert (tmp_path / "cache" / "60x21" / "landing" / "directory" / "people.csv").is_file()
    assert (tmp_path / "cache" / "60x22" / "landing").is_dir()
    assert not results_file.exists()


def test_results_section_names_the_machine(tmp_path: Path) -> None:
    """The Markdown appended to RESULTS.md, from made-up figures (no dbt run)."""
    bench = _bench_module()
    measured = bench.Measured(seconds=12.5, peak_rss=300 << 20, returncode=0, cpu_seconds=20.0)
    run_results = {
        "results": [
            {"unique_id": "model.ai_adoption.stg_github__events", "execution_time": 7.0},
            {"unique_id": "model.ai_adoption.int_ai_interactions", "execution_time": 3.0},
        ]
    }
    result = bench.SizeResult(
        developers=10,
        days=7,
        summary={"github": 1000, "git": 200, "bytes": 5 << 20},
        generated_seconds=None,
        seed=bench.DbtStep("seed", ["seed"], measured),
        run=bench.DbtStep("run", ["run"], measured, run_results),
        floor_seconds=2.5,
        floor_process=measured,
        warehouse=11 << 20,
    )
    path = tmp_path / "RESULTS.md"
    bench.append_results(path, [result], ["--developers", "10"], "10x7 0.1 / 0.2")
    bench.append_results(path, [result], ["--developers", "10"], "10x7 0.1 / 0.2")
    text = path.read_text()
    assert text.startswith("# Benchmark results")
    assert sum(line.startswith("## ") for line in text.splitlines()) == 2
    assert f"{bench.os.cpu_count()} cores" in text and "GiB memory" in text
    assert "stg_github__events" in text and "5.0x" in text  # 12.5 s / 2.5 s
    for label in bench.FIGURE_LABELS:
        assert label in text
