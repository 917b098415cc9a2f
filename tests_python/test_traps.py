"""Every mart row on each hand-made trap folder of `trap_landing.py` against the oracle.

Each folder gathers one family of traps that real vendor exports and directories contain
(identity keys and shared accounts, bots, dates at the edges of employment, memberships and
weeks, re-delivered records, mention and trailer spellings, encodings, malformed lines);
`trap_landing.py`'s docstring lists them. The project is built on the folder and each mart must
equal `contract_oracle.py`'s rows. On a failure the message lists the differing rows; to
reproduce, write the folder with `write_trap_landing(folder, name)` and build it with the vars
shown.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from oracle_comparison import assert_marts_equal_the_oracle
from trap_landing import TRAPS, write_trap_landing

# The builds with vars last: a change of vars makes dbt parse the whole project again.
TRAP_ORDER = sorted(TRAPS, key=lambda name: bool(TRAPS[name][1]))


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One target folder and one warehouse path for all the builds of this file (pytest-xdist
    runs a file on one worker, test after test). dbt then re-uses its parse of the project,
    about 4 of a build's 10 seconds here: partial parsing needs the same profile, database path
    included, and the same vars."""
    return tmp_path_factory.mktemp("trap_builds")


@pytest.mark.parametrize("trap", TRAP_ORDER)
def test_marts_equal_the_oracle_on_trap_folder(trap: str, tmp_path: Path, build_dir: Path) -> None:
    landing = tmp_path / "landing"
    dbt_vars = write_trap_landing(landing, trap)
    for stale in build_dir.glob("warehouse.duckdb*"):  # the file, its WAL and spill folder
        if stale.is_dir():
            shutil.rmtree(stale)
        else:
            stale.unlink()
    assert_marts_equal_the_oracle(landing, dbt_vars, build_dir, f"trap folder {trap}")
