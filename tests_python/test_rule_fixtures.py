"""The dbt unit tests' copies of the rule seeds are the rules the project ships.

The unit tests of the intermediate layer read the rule seeds from tests/fixtures/shipped_*.csv,
not from seeds/, so that an analyst's edit of a seed changes the build and never fails it. The
copies must then follow the project's own seeds: a rule changed in seeds/ without its copy would
leave the unit tests checking rules the project no longer ships.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

PROJECT = Path(__file__).resolve().parents[1]
RULE_SEEDS = ("qualifying_rules", "ai_signatures", "ai_github_signals")


@pytest.mark.parametrize("seed", RULE_SEEDS)
def test_the_unit_tests_copy_of_a_rule_seed_is_the_shipped_seed(seed):
    shipped = (PROJECT / "seeds" / f"{seed}.csv").read_text(encoding="utf-8")
    copy = (PROJECT / "tests" / "fixtures" / f"shipped_{seed}.csv").read_text(encoding="utf-8")
    assert copy == shipped, (
        f"tests/fixtures/shipped_{seed}.csv differs from seeds/{seed}.csv. A project change of "
        "the shipped rules: copy the seed there and update the unit tests' expected rows. An "
        "analyst's own rules: nothing to do, the build uses seeds/ and the unit tests keep "
        "checking the SQL on the shipped rules."
    )


def test_every_rule_seed_the_unit_tests_read_is_a_fixture_copy():
    """No unit test reads a rule seed from seeds/ (`input: ref('<seed>')` without rows)."""
    inputs = [
        given
        for path in sorted((PROJECT / "models").glob("*/_*unit_tests.yml"))
        for unit_test in yaml.safe_load(path.read_text(encoding="utf-8"))["unit_tests"]
        for given in unit_test["given"]
    ]
    for seed in RULE_SEEDS:
        of_seed = [given for given in inputs if given["input"] == f"ref('{seed}')"]
        assert of_seed, f"no unit test reads {seed}"
        assert all(given.get("fixture") == f"shipped_{seed}" for given in of_seed), seed
