"""Incremental runs equal a full rebuild on the same landing folder (issue 3, "Incremental runs").

One warehouse is built on part of a generated landing folder and then brought up to date by
incremental runs (`dbt build --selector daily`) while files arrive: new days, a late file for an
old date, a re-delivery of old keys with other values (an event moved to another day, a commit
rewritten), a file rewritten in place and a file withdrawn. Every mart and audit table then
equals a `--full-refresh` build on the final folder, and a run on unchanged data changes nothing.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import duckdb
import pytest
from conftest import REPO_ROOT, DbtBuildError, project_copy, query, run_dbt

from ai_adoption.sample_data import SampleConfig, generate

DAYS = 42
HELD_BACK_DAYS = ("2025-07-13",)
LATE_DAY = "2025-06-05"  # far outside the 3-day lookback when it arrives

LATE_DAY_ACTIVE_USERS = f"""
    select active_users from marts.ai_active_users_daily
    where bucket_start = date '{LATE_DAY}'
    order by dimension
"""

STAGING_FOLDERS = {
    "stg_copilot__user_days": "copilot",
    "stg_cursor__user_days": "cursor",
    "stg_claude_code__usage_records": "claude_code",
    "stg_github__events": "github",
    "stg_git__commits": "git",
}

# Columns that say when or in which batch a row was loaded, not what it holds, and the logs of
# the partitions each run rebuilt and of the latest build of each replace_dates model.
LOAD_COLUMNS = {"loaded_at", "record_number", "record_id"}
LOAD_LOGS = {"staging.partition_loads", "staging.derived_model_builds"}


def _tables(db: Path, schemas: tuple[str, ...]) -> dict[str, list[tuple]]:
    """Every table of `schemas` as sorted rows, without the load-bookkeeping columns."""
    with duckdb.connect(str(db), read_only=True) as connection:
        names = connection.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema in (select unnest(?)) and table_type = 'BASE TABLE'",
            [list(schemas)],
        ).fetchall()
        tables = {}
        for schema, table in names:
            if f"{schema}.{table}" in LOAD_LOGS:
                continue
            columns = [
                name
                for (name,) in connection.execute(
                    "select column_name from information_schema.columns "
                    "where table_schema = ? and table_name = ? order by ordinal_position",
                    [schema, table],
                ).fetchall()
                if name not in LOAD_COLUMNS
            ]
            select = ", ".join(f'"{column}"' for column in columns)
            rows = connection.execute(f'select {select} from "{schema}"."{table}"').fetchall()
            tables[f"{schema}.{table}"] = sorted(rows, key=repr)
    return tables


def _assert_same_tables(actual: dict, expected: dict) -> None:
    assert actual.keys() == expected.keys()
    different = [name for name in expected if actual[name] != expected[name]]
    details = {
        name: (len(actual[name]), len(expected[name]), set(actual[name]) ^ set(expected[name]))
        for name in different
    }
    assert not different, f"tables differ (rows incremental, rows full, symmetric diff): {details}"


def _dated_files(landing: Path, day: str) -> list[Path]:
    return [
        path
        for folder in ("copilot", "cursor", "claude_code", "github")
        for path in (landing / folder).glob(f"*{day}*")
    ]


#: One dbt command for `dbt seed` then `dbt run` (no data tests): a dbt start costs seconds.
SEEDS_AND_MODELS = ["build", "--resource-type", "seed", "--resource-type", "model"]


def _warehouse(root: Path, name: str) -> Path:
    """A warehouse file in a folder of its own: every warehouse of the file then shares one parse
    of the project (conftest.run_dbt)."""
    (root / name).mkdir()
    return root / name / "warehouse.duckdb"


def _build(args: list[str], landing: Path, db: Path, work_dir: Path):
    return run_dbt(args, landing=landing, db=db, work_dir=work_dir)


@pytest.fixture(scope="module")
def landings(tmp_path_factory) -> dict[str, Path]:
    """The complete landing folder and the part of it that exists before the first build."""
    root = tmp_path_factory.mktemp("incremental")
    complete = root / "complete"
    generate(complete, SampleConfig(developers=24, teams=4, days=DAYS, start="2025-06-02", seed=11))
    initial = root / "initial"
    shutil.copytree(complete, initial)
    for day in (*HELD_BACK_DAYS, LATE_DAY):
        for path in _dated_files(initial, day):
            path.unlink()
    return {"root": root, "complete": complete, "initial": initial}


REDELIVERY_FILES = {
    "github": "github/events_2025-07-13_redelivery.ndjson",
    "git": "git/zz_redelivery.ndjson",
    "github_to_older_date": "github/events_2025-07-10_redelivery.ndjson",
    "git_to_older_date": "git/zz_redelivery_older_date.ndjson",
}
# Inside the lookback window (the last incremental_lookback_days dates are rebuilt by every
# run, with or without a new file), moved to a date long before it.
LOOKBACK_DAY, OLDER_DAY = "2025-07-10", "2025-06-08"
# A Monday that ends a month, two weeks before the last day of data (2025-07-13).
EARLIER_AS_OF = "2025-06-30"


def _redeliver(landing: Path) -> None:
    """Later deliveries that change old keys, a rewritten file and a withdrawn one."""
    github_file = sorted((landing / "github").glob("*2025-06-10*"))[0]
    events = [json.loads(line) for line in github_file.read_text().splitlines()]
    moved = dict(events[0], created_at="2025-06-20T09:00:00Z")  # same id, another day
    redelivery = landing / REDELIVERY_FILES["github"]
    redelivery.write_text(json.dumps(moved) + "\n")

    git_file = sorted((landing / "git").glob("*.ndjson"))[0]
    commits = [json.loads(line) for line in git_file.read_text().splitlines()]
    rewritten = dict(
        commits[0],
        authored_at="2025-06-25T10:00:00+00:00",
        message="Rework\n\nCo-authored-by: Claude <noreply@anthropic.com>",
    )
    (landing / REDELIVERY_FILES["git"]).write_text(json.dumps(rewritten) + "\n")

    # A later delivery moves an event and a commit of the lookback window to an older date: a
    # run that rebuilds the window's partitions must still see that delivery, which lies in
    # another partition, and keep the moved copy current.
    lookback_file = landing / "github" / f"events_{LOOKBACK_DAY}.ndjson"
    event = json.loads(lookback_file.read_text().splitlines()[0])
    moved_back = dict(event, created_at=f"{OLDER_DAY}T11:00:00Z")
    (landing / REDELIVERY_FILES["github_to_older_date"]).write_text(json.dumps(moved_back) + "\n")
    recent = next(
        commit
        for path in sorted((landing / "git").glob("*.ndjson"))
        for commit in map(json.loads, path.read_text().splitlines())
        if commit["authored_at"].startswith(LOOKBACK_DAY)
    )
    rewritten_back = dict(recent, authored_at=f"{OLDER_DAY}T11:00:00+00:00")
    (landing / REDELIVERY_FILES["git_to_older_date"]).write_text(json.dumps(rewritten_back) + "\n")

    copilot_file = sorted((landing / "copilot").glob("*2025-06-12*"))[0]
    lines = copilot_file.read_text().splitlines()
    copilot_file.write_text("\n".join(lines[: len(lines) // 2]) + "\n")  # rewritten in place

    for path in (landing / "cursor").glob("*2025-06-16*"):
        path.unlink()  # withdrawn by the vendor


def _give_a_person_an_observed_account(landing: Path, db: Path) -> None:
    """identities.csv maps an e-mail seen in the git history, not yet anyone's, to a person."""
    (account,) = query(
        db,
        "select account_key from intermediate.int_identities_resolved"
        " where key_type = 'email' and is_observed and not is_rostered and not is_bot"
        " and not is_shared order by account_key limit 1",
    )
    person = (landing / "directory" / "people.csv").read_text().splitlines()[1].split(",")[0]
    email = account["account_key"].removeprefix("email:")
    with (landing / "directory" / "identities.csv").open("a") as identities:
        identities.write(f"{person},git,{email},false\n")


def _move_a_person_to_another_team(landing: Path) -> None:
    """people.csv gives its first person, who has no membership, another team."""
    people = landing / "directory" / "people.csv"
    memberships = (landing / "directory" / "team_memberships.csv").read_text()
    header, *rows = people.read_text().splitlines()
    team = header.split(",").index("team")
    for index, row in enumerate(rows):
        fields = row.split(",")
        if f"\n{fields[0]}," not in memberships:
            fields[team] = "Moved Team"
            rows[index] = ",".join(fields)
            break
    else:
        raise AssertionError("every person has a team membership")
    people.write_text("\n".join([header, *rows]) + "\n")


@pytest.fixture(scope="module")
def incremental_and_full(landings) -> dict:
    root, initial = landings["root"], landings["initial"]
    incremental_db = _warehouse(root, "incremental")
    work = root / "work_incremental"
    _build(SEEDS_AND_MODELS, initial, incremental_db, work)
    before = query(incremental_db, LATE_DAY_ACTIVE_USERS)

    # Day by day: the held-back days, then the late file with the re-deliveries.
    for day in HELD_BACK_DAYS:
        for path in _dated_files(landings["complete"], day):
            shutil.copy2(path, initial / path.parent.name / path.name)
        new_day = _build(["run", "--selector", "daily"], initial, incremental_db, work)
    late_files = _dated_files(landings["complete"], LATE_DAY)
    for path in late_files:
        shutil.copy2(path, initial / path.parent.name / path.name)
    _redeliver(initial)
    daily = _build(["build", "--selector", "daily"], initial, incremental_db, work)
    after_daily = _tables(incremental_db, ("marts", "audit", "staging", "intermediate"))

    rerun = _build(["run", "--selector", "daily"], initial, incremental_db, work)
    after_rerun = _tables(incremental_db, ("marts", "audit", "staging", "intermediate"))

    # The vendor withdraws the re-deliveries: the older deliveries of those keys are current
    # again, on their own dates. The same day identities.csv gives a person an account seen
    # before, whose activity on every date becomes theirs.
    with_redeliveries = root / "with_redeliveries"
    shutil.copytree(initial, with_redeliveries)
    for path in REDELIVERY_FILES.values():
        (initial / path).unlink()
    _give_a_person_an_observed_account(initial, incremental_db)
    withdrawal = _build(["build", "--selector", "daily"], initial, incremental_db, work)
    after_withdrawal = _tables(incremental_db, ("marts", "audit", "staging", "intermediate"))
    withdrawn_db = _warehouse(root, "withdrawn")
    _build(SEEDS_AND_MODELS, initial, withdrawn_db, root / "work_withdrawn")

    # A person moves to another team for good: every date of the models downstream of the
    # directory changes.
    _move_a_person_to_another_team(initial)
    team_move = _build(["run", "--selector", "daily"], initial, incremental_db, work)
    after_team_move = _tables(incremental_db, ("marts", "intermediate"))
    moved_db = _warehouse(root, "moved")
    _build(SEEDS_AND_MODELS, initial, moved_db, root / "work_moved")

    # Another reporting time zone moves github and git records to other dates: the incremental
    # models are rebuilt in full instead of only the new dates. Each set of vars has a target
    # folder of its own (dbt parses the whole project again when the vars of a folder's last
    # parse differ), and each full build runs before the incremental run with its vars, whose
    # new target folder then starts from the full build's parse (conftest.run_dbt).
    other_zone = {"reporting_timezone": "Asia/Tokyo"}
    zone_work = root / "work_incremental_zone"
    zone_db = _warehouse(root, "zone")
    run_dbt(SEEDS_AND_MODELS, landing=initial, db=zone_db, work_dir=root / "work_zone",
            dbt_vars=other_zone)  # fmt: skip
    run_dbt(["run", "--selector", "daily"], landing=initial, db=incremental_db,
            work_dir=zone_work, dbt_vars=other_zone)  # fmt: skip
    after_zone_change = _tables(incremental_db, ("marts", "intermediate"))

    # as_of_date set back to the Monday that ends June, then unset again: the period and the
    # calendar (to the end of as_of_date's week and month) shrink, then grow across the month
    # boundary, without a new file.
    earlier_as_of = {**other_zone, "as_of_date": EARLIER_AS_OF}
    as_of_db = _warehouse(root, "as_of")
    run_dbt(SEEDS_AND_MODELS, landing=initial, db=as_of_db, work_dir=root / "work_as_of",
            dbt_vars=earlier_as_of)  # fmt: skip
    as_of_back = run_dbt(["run", "--selector", "daily"], landing=initial, db=incremental_db,
                         work_dir=root / "work_incremental_as_of",
                         dbt_vars=earlier_as_of)  # fmt: skip
    after_as_of_back = _tables(incremental_db, ("marts", "intermediate"))
    run_dbt(["run", "--selector", "daily"], landing=initial, db=incremental_db,
            work_dir=zone_work, dbt_vars=other_zone)  # fmt: skip
    after_as_of_forward = _tables(incremental_db, ("marts", "intermediate"))

    # dbt's --empty (a schema check) builds the incremental models without rows; the next run
    # rebuilds them in full.
    empty = run_dbt(["build", "--selector", "daily", "--empty"], landing=initial,
                    db=incremental_db, work_dir=zone_work, dbt_vars=other_zone)  # fmt: skip
    after_empty = run_dbt(["run", "--selector", "daily"], landing=initial, db=incremental_db,
                          work_dir=zone_work, dbt_vars=other_zone)  # fmt: skip
    after_empty_tables = _tables(incremental_db, ("marts", "intermediate"))

    full_db = _warehouse(root, "full")
    full_build = ["build", "--full-refresh", "--exclude", "test_type:unit"]
    _build(full_build, with_redeliveries, full_db, root / "work_full")
    return {
        "incremental_db": incremental_db,
        "landing": initial,
        "before": before,
        "late_files": late_files,
        "new_day_log": new_day.stdout,
        "daily": after_daily,
        "daily_log": daily.stdout,
        "rerun": after_rerun,
        "rerun_log": rerun.stdout,
        "zone_incremental": after_zone_change,
        "zone_full": _tables(zone_db, ("marts", "intermediate")),
        "as_of_back": after_as_of_back,
        "as_of_back_log": as_of_back.stdout,
        "as_of_back_full": _tables(as_of_db, ("marts", "intermediate")),
        "as_of_forward": after_as_of_forward,
        "empty_log": empty.stdout,
        "after_empty": after_empty_tables,
        "after_empty_log": after_empty.stdout,
        "full": _tables(full_db, ("marts", "audit", "staging", "intermediate")),
        "withdrawal": after_withdrawal,
        "withdrawal_log": withdrawal.stdout,
        "team_move": after_team_move,
        "team_move_log": team_move.stdout,
        "team_move_full": _tables(moved_db, ("marts", "intermediate")),
        "withdrawal_full": _tables(withdrawn_db, ("marts", "audit", "staging", "intermediate")),
    }


def test_incremental_runs_equal_a_full_refresh(incremental_and_full):
    _assert_same_tables(incremental_and_full["daily"], incremental_and_full["full"])


def test_a_withdrawn_redelivery_makes_the_older_delivery_current_again(incremental_and_full):
    _assert_same_tables(incremental_and_full["withdrawal"], incremental_and_full["withdrawal_full"])
    assert incremental_and_full["withdrawal_full"] != incremental_and_full["full"]


# The models downstream of identity resolution (incremental_strategy replace_dates).
REPLACE_DATES_MODELS = (
    "int_interactions_qualified",
    "int_person_days",
    "int_developer_activity_days",
    "int_developer_daily_volume",
    "int_active_users_by_bucket",
    "int_active_users_by_bucket_team",
    "ai_attribution_audit",
    "ai_companion_metrics_daily",
    "ai_companion_metrics_weekly",
    "ai_companion_metrics_monthly",
)


def _dates_rebuilt(log: str) -> dict[str, int]:
    return {
        model: int(count)
        for model, count in re.findall(r"(\w+): incremental run, (\d+) date\(s\)", log)
    }


def test_a_new_day_rebuilds_only_recent_dates_downstream_of_identities(incremental_and_full):
    """The held-back last day arrives (git's commits of that day were there before, so the
    period does not move): the models downstream of identity resolution rebuild exactly the
    dates the staging models reloaded (the new day, the lookback window, the days of Copilot's
    28-day report), the dates int_ai_interactions rebuilds too (tests above: the tables equal a
    full build)."""
    log = incremental_and_full["new_day_log"]
    rebuilt = _dates_rebuilt(log)
    (reloaded,) = re.findall(r"int_ai_interactions: incremental run, (\d+) partition date", log)
    assert rebuilt == dict.fromkeys(REPLACE_DATES_MODELS, int(reloaded)), rebuilt
    assert int(reloaded) <= 28 < DAYS  # the 28-day report holds the new day and the lookback
    assert "rebuilding it in full" not in log


def test_an_account_resolved_otherwise_rebuilds_every_date_downstream_of_it(
    incremental_and_full,
):
    """identities.csv gives a person an account seen before (the withdrawal run; the test above
    compares its tables with a full build)."""
    log = incremental_and_full["withdrawal_log"]
    rebuilt_in_full = set(re.findall(r"(\w+): 1 account\(s\) resolved otherwise", log))
    assert rebuilt_in_full == set(REPLACE_DATES_MODELS)


def test_a_directory_change_rebuilds_every_date_downstream_of_it(incremental_and_full):
    _assert_same_tables(incremental_and_full["team_move"], incremental_and_full["team_move_full"])
    log = incremental_and_full["team_move_log"]
    rebuilt_in_full = set(re.findall(r"(\w+): the directory or coverage_start changed", log))
    assert rebuilt_in_full == set(REPLACE_DATES_MODELS)
    headcount = query(
        incremental_and_full["incremental_db"],
        "select sum(headcount) as n from marts.ai_active_users_by_team_daily"
        " where team = 'Moved Team' and dimension = 'all'",
    )
    assert headcount[0]["n"] > 0, "the moved person must count in the new team"


def test_an_edited_seed_rebuilds_every_model_downstream_of_it(landings, tmp_path):
    """An analyst removes the Claude Code co-author signatures, then the scheduled daily runs.
    int_git__commit_signals reads the seed, and int_ai_interactions reads that model; both must
    rebuild every date, and only once the seed table holds the edit. The first edit holds a
    mistake too (a match_type no signature has): the daily `dbt build` loads the seed and stops
    on its test, every model downstream of it skipped. Those keep the tables of the last good
    run meanwhile, rows and all, and stay listed for a full rebuild; the mended edit then goes
    through `dbt run` (which does not load seeds) and `dbt build`."""
    project, dbt = project_copy(landings["complete"], tmp_path)
    incremental_db, full_db = _warehouse(tmp_path, "incremental"), _warehouse(tmp_path, "full")

    dbt(SEEDS_AND_MODELS, incremental_db, "incremental")
    schemas = ("marts", "intermediate")
    before = _tables(incremental_db, schemas)
    signatures = project / "seeds" / "ai_signatures.csv"
    rows = signatures.read_text().splitlines()
    kept = [row for row in rows if not row.endswith(",ai_coding_agent,Claude Code")]
    assert len(kept) < len(rows)
    signatures.write_text(
        "\n".join([*kept, "claude code,no_such_match_type,ai_coding_agent,Claude Code"]) + "\n"
    )
    with pytest.raises(DbtBuildError, match="accepted_values_ai_signatures_match_type"):
        dbt(["build", "--selector", "daily"], incremental_db, "incremental")
    _assert_same_tables(_tables(incremental_db, schemas), before)
    listed = {"int_git__commit_signals", "int_ai_interactions"}
    assert listed <= _pending_rebuilds(incremental_db)
    # A run of the models after the listed int_git__commit_signals builds int_ai_interactions
    # from its old rows: it must stay listed, to be rebuilt once int_git__commit_signals is.
    dbt(["run", "--exclude", "int_git__commit_signals"], incremental_db, "incremental")
    assert listed <= _pending_rebuilds(incremental_db)

    signatures.write_text("\n".join(kept) + "\n")
    dbt(["run", "--selector", "daily"], incremental_db, "incremental")
    dbt(["build", "--selector", "daily"], incremental_db, "incremental")
    dbt(SEEDS_AND_MODELS, full_db, "full")
    _assert_same_tables(_tables(incremental_db, schemas), _tables(full_db, schemas))
    assert _tables(full_db, ("marts",)) != {
        name: rows for name, rows in before.items() if name.startswith("marts.")
    }, "the edit must change the marts"
    assert _pending_rebuilds(incremental_db) == set()


def _pending_rebuilds(db: Path) -> set[str]:
    """The incremental models waiting for a full rebuild."""
    rows = query(db, "select model_name from staging.incremental_pending_rebuilds")
    return {row["model_name"] for row in rows}


def test_a_retry_rebuilds_what_changed_since_the_failed_run(landings, tmp_path):
    """The daily run fails in identity resolution, every model after it skipped. Before
    `dbt retry`, the failure is mended and an analyst doubles a term of Total AI Actions in
    int_developer_daily_volume, which the failed run did not reach. A retry runs with the failed
    command's flags and no selection of its own: it must still find the changed model and
    rebuild it in full (not only the dates loaded since), and leave nothing for the next run."""
    project, dbt = project_copy(landings["complete"], tmp_path)
    incremental_db, full_db = _warehouse(tmp_path, "incremental"), _warehouse(tmp_path, "full")

    dbt(SEEDS_AND_MODELS, incremental_db, "incremental")
    identities = project / "models" / "intermediate" / "int_identities_resolved.py"
    mended = identities.read_text()
    identities.write_text(
        mended.replace("def model(dbt, session):\n",
                       "def model(dbt, session):\n    raise RuntimeError('broken')\n", 1)
    )  # fmt: skip
    with pytest.raises(DbtBuildError, match="broken"):
        dbt(["build", "--selector", "daily"], incremental_db, "incremental")
    identities.write_text(mended)
    volume = project / "models" / "intermediate" / "int_developer_daily_volume.sql"
    term = "+ copilot_records.code_acceptance_activity_count as ai_actions"
    assert term in volume.read_text()
    volume.write_text(volume.read_text().replace(term, "+ 2 * " + term.removeprefix("+ ")))
    dbt(["retry"], incremental_db, "incremental")
    assert _pending_rebuilds(incremental_db) == set()
    dbt(SEEDS_AND_MODELS, full_db, "full")
    schemas = ("marts", "intermediate")
    _assert_same_tables(_tables(incremental_db, schemas), _tables(full_db, schemas))
    daily = dbt(["build", "--selector", "daily"], incremental_db, "incremental")
    assert "rebuilding it in full" not in daily.stdout


def test_a_run_stopped_in_the_reset_hook_keeps_the_last_fingerprints(landings, tmp_path):
    """The on-run-start hook that finds changed incremental models rewrites
    staging.incremental_fingerprints (a delete, then an insert per model). A run stopped between
    them (killed, or an error) must leave the fingerprints of the last build, not part of them:
    a missing fingerprint makes the next run rebuild that model in full and say it has none. A
    check constraint that refuses one model's insert stands in for the kill."""
    db = _warehouse(tmp_path, "warehouse")
    landing = landings["complete"]
    run_dbt(SEEDS_AND_MODELS, landing=landing, db=db, work_dir=tmp_path / "work")
    store = "staging.incremental_fingerprints"
    with duckdb.connect(str(db)) as connection:
        before = connection.execute(f"select * from {store} order by all").fetchall()
        assert len(before) > 10
        connection.execute(f"create table fingerprints_before as select * from {store}")
        connection.execute(f"drop table {store}")
        connection.execute(
            f"create table {store} (model_name varchar, fingerprint varchar"
            " check (model_name <> 'stg_git__commits'))"
        )
        connection.execute(
            f"insert into {store} select * from fingerprints_before"
            " where model_name <> 'stg_git__commits'"
        )
        kept = connection.execute(f"select * from {store} order by all").fetchall()
    with pytest.raises(DbtBuildError, match="Constraint Error"):
        run_dbt(["run", "--selector", "daily"], landing=landing, db=db, work_dir=tmp_path / "work")
    with duckdb.connect(str(db), read_only=True) as connection:
        assert connection.execute(f"select * from {store} order by all").fetchall() == kept


def test_the_late_file_changed_old_buckets(incremental_and_full):
    """Guards the test itself: the file that arrived late really changed an old bucket."""
    before = incremental_and_full["before"]
    after = query(incremental_and_full["incremental_db"], LATE_DAY_ACTIVE_USERS)
    assert sum(row["active_users"] for row in after) > sum(row["active_users"] for row in before)


def _files_read(log: str) -> dict[str, int]:
    return {
        model: int(count)
        for model, count in re.findall(r"(stg_\w+): incremental run, (\d+) landing file", log)
    }


def _record_less_files(landing: Path) -> dict[str, int]:
    """Files that hold no record (a weekend): never loaded, so listed again by every run."""

    def empty(path: Path) -> bool:
        text = path.read_text().strip()
        return not text or (path.suffix == ".json" and not json.loads(text).get("data"))

    return {
        model: sum(1 for path in (landing / folder).iterdir() if empty(path))
        for model, folder in STAGING_FOLDERS.items()
    }


def test_a_rerun_on_unchanged_data_changes_nothing(incremental_and_full):
    _assert_same_tables(incremental_and_full["rerun"], incremental_and_full["daily"])
    assert _files_read(incremental_and_full["rerun_log"]) == _record_less_files(
        incremental_and_full["landing"]
    )


def test_the_daily_run_reads_only_new_and_changed_files(incremental_and_full):
    daily = _files_read(incremental_and_full["daily_log"])
    rerun = _files_read(incremental_and_full["rerun_log"])
    late = {
        model: sum(1 for path in incremental_and_full["late_files"] if path.parent.name == folder)
        for model, folder in STAGING_FOLDERS.items()
    }
    expected = {
        "stg_copilot__user_days": late["stg_copilot__user_days"] + 1,  # + rewritten in place
        "stg_cursor__user_days": late["stg_cursor__user_days"],  # a withdrawn file is not read
        "stg_claude_code__usage_records": late["stg_claude_code__usage_records"],
        "stg_github__events": late["stg_github__events"] + 2,  # + the two re-deliveries
        "stg_git__commits": 2,  # the two re-deliveries
    }
    # Files without records are listed by every run (they never become loaded rows).
    assert {model: daily[model] - rerun[model] for model in daily} == expected


def test_a_changed_reporting_timezone_rebuilds_the_incremental_models(incremental_and_full):
    _assert_same_tables(incremental_and_full["zone_incremental"], incremental_and_full["zone_full"])
    assert incremental_and_full["zone_full"] != {
        name: rows
        for name, rows in incremental_and_full["full"].items()
        if name.split(".")[0] in ("marts", "intermediate")
    }


def test_a_moved_as_of_date_rebuilds_the_days_between_the_old_and_the_new_bounds(
    incremental_and_full,
):
    """as_of_date moves back from 2025-07-13 to 2025-06-30, then forward again: the days
    between the two as_of_dates left the period, and the days between the two last days of the
    calendar (2025-07-31 and 2025-07-06) left it too; both runs equal a full build."""
    _assert_same_tables(incremental_and_full["as_of_back"], incremental_and_full["as_of_back_full"])
    _assert_same_tables(incremental_and_full["as_of_forward"], incremental_and_full["zone_full"])
    assert incremental_and_full["as_of_back_full"] != incremental_and_full["zone_full"]
    rebuilt = _dates_rebuilt(incremental_and_full["as_of_back_log"])
    # 2025-07-01 to 2025-07-31; the lookback window (2025-07-11 to 07-13) lies inside it.
    assert rebuilt == dict.fromkeys(REPLACE_DATES_MODELS, 31), rebuilt


def test_an_empty_run_leaves_the_incremental_models_to_a_full_rebuild(incremental_and_full):
    """`dbt build --empty` on a built warehouse: every incremental model is built without rows,
    and the next run rebuilds each in full, equal to a full build."""
    assert "an --empty run builds it without rows" in incremental_and_full["empty_log"]
    rebuilt_in_full = set(
        re.findall(
            r"(\w+): no fingerprint of its last build", incremental_and_full["after_empty_log"]
        )
    )
    incremental_models = (
        set(STAGING_FOLDERS)
        | set(REPLACE_DATES_MODELS)
        | {
            "int_github__event_signals",
            "int_git__commit_signals",
            "int_copilot__user_day_features",
            "int_ai_interactions",
        }
    )
    assert rebuilt_in_full == incremental_models
    _assert_same_tables(incremental_and_full["after_empty"], incremental_and_full["zone_full"])


def test_the_daily_selector_is_defined():
    text = (REPO_ROOT / "selectors.yml").read_text()
    assert "name: daily" in text
