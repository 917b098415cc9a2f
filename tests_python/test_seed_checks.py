"""Analysts change the qualifying rules in seeds (contract §4). An edit that would qualify nobody
without a word, or that lets the two lists of AI coding agents drift apart (integrations §6: the
agents one assigns are the agent logins of the git rule), is reported by the seeds' tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DbtBuildError, project_copy

COPILOT_FEATURE_TEST = "qualifying_rules__copilot_feature_is_a_lower_case_name"
AGENT_LISTS_TEST = "ai_agent_accounts_match_the_git_agent_logins"


def append_rows(seed: Path, rows: list[str]) -> None:
    seed.write_text(seed.read_text().rstrip("\n") + "\n" + "\n".join(rows) + "\n")


@pytest.fixture
def edited_project(tmp_path):
    landing = tmp_path / "landing"
    landing.mkdir()
    project, dbt = project_copy(landing, tmp_path)
    return project, lambda selection: dbt(
        ["build", "--select", *selection], tmp_path / "warehouse.duckdb", "work"
    )


def test_copilot_feature_rule_that_matches_no_feature_fails_its_seed_test(edited_project):
    project, build = edited_project
    build(["resource_type:seed"])  # the shipped rules pass
    rule = "copilot,feature,{},user_initiated_interaction_count,coding_agents,Plan mode"
    append_rows(
        project / "seeds" / "qualifying_rules.csv",
        [
            "copilot_plan_good," + rule.format("chat_panel_plan_mode"),
            "copilot_plan_space," + rule.format("chat_panel_plan_mode "),
            "copilot_plan_capital," + rule.format("Chat_Panel_Plan_Mode"),
            "copilot_plan_any," + rule.format("*"),
        ],
    )
    with pytest.raises(DbtBuildError, match=COPILOT_FEATURE_TEST) as failure:
        build(["resource_type:seed"])
    assert "Got 3 results" in str(failure.value)


def test_agent_lists_that_drift_apart_warn(edited_project):
    project, build = edited_project
    selection = ["resource_type:seed"]  # with the tests on the seeds, AGENT_LISTS_TEST too
    assert f"PASS {AGENT_LISTS_TEST}" in build(selection).stdout
    signals = project / "seeds" / "ai_github_signals.csv"
    signals.write_text(
        "\n".join(
            row
            for row in signals.read_text().splitlines()
            if row != "agent_account,devin-ai-integration[bot],Devin"
        )
        + "\n"
    )
    append_rows(
        project / "seeds" / "ai_signatures.csv",
        ["openhands-agent,login,ai_coding_agent,OpenHands"],
    )
    output = build(selection).stdout
    assert f"WARN 2 {AGENT_LISTS_TEST}" in output
