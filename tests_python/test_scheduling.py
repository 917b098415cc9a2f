"""dbt starts stg_github__events in the first wave of a `dbt run`.

dbt hands the models that are ready to its threads by graph level, then by unique id (name
order). GitHub's staging model is the largest and reads its events on one thread, so it must
start at once rather than after the other staging models; every other staging model calls
`scheduled_after_landing_listing()` for that (benchmarks/RESULTS.md, eleventh session). A new
source's staging model that does not call it would sort before `stg_github__events` and push it
back: this test says so.
"""

from __future__ import annotations

import json

import yaml
from conftest import REPO_ROOT, run_dbt


def model_graph(manifest: dict) -> dict[str, set[str]]:
    """Each model's unique id -> the unique ids of the models it depends on."""
    models = {
        unique_id: node
        for unique_id, node in manifest["nodes"].items()
        if node["resource_type"] == "model"
    }
    return {
        unique_id: {parent for parent in node["depends_on"]["nodes"] if parent in models}
        for unique_id, node in models.items()
    }


def test_github_events_start_in_the_first_wave(tmp_path):
    run_dbt(
        ["--quiet", "parse"],
        landing=tmp_path / "landing",
        db=tmp_path / "warehouse.duckdb",
        work_dir=tmp_path,
    )
    manifest = json.loads((tmp_path / "target" / "manifest.json").read_text())
    graph = model_graph(manifest)
    profile = yaml.safe_load((REPO_ROOT / "profiles" / "profiles.yml").read_text())
    threads = profile["ai_adoption"]["outputs"]["duckdb"]["threads"]

    github = "model.ai_adoption.stg_github__events"
    assert graph[github] == set(), "stg_github__events must not wait for another model"
    # The models dbt can start at once (no model parent), in the order it starts them.
    first_wave = sorted(unique_id for unique_id, parents in graph.items() if not parents)
    assert first_wave.index(github) < threads, (
        f"with {threads} threads dbt starts {first_wave[:threads]} before stg_github__events; "
        "call scheduled_after_landing_listing() in the new staging model"
    )
