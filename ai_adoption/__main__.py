"""Command line: `python -m ai_adoption <command>` (see `--help`)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

DEFAULT_WAREHOUSE = "warehouse/ai_adoption.duckdb"


def _warehouse(value: str) -> Path:
    """--db, where a blank value (`--db "$AI_ADOPTION_DB"` with the variable unset) means
    `$AI_ADOPTION_DB`, else the warehouse dbt builds when that variable is unset."""
    given = value.strip() or os.environ.get("AI_ADOPTION_DB", "").strip() or DEFAULT_WAREHOUSE
    return Path(given).expanduser()


WAREHOUSE_HELP = f"warehouse file (default: $AI_ADOPTION_DB, else {DEFAULT_WAREHOUSE})"


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ai_adoption", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    sample = commands.add_parser(
        "generate-sample", help="write a realistic, deterministic landing folder"
    )
    sample.add_argument(
        "--out",
        type=lambda value: Path(value).expanduser(),
        required=True,
        help="landing folder to write",
    )
    sample.add_argument("--developers", type=int, default=200)
    sample.add_argument("--teams", type=int, default=8)
    sample.add_argument("--days", type=int, default=182)
    sample.add_argument("--start", default="2025-06-02", help="first day, YYYY-MM-DD")
    sample.add_argument("--seed", type=int, default=42)
    sample.add_argument(
        "--force",
        action="store_true",
        help="replace an existing landing folder (one holding only directory/ and the source"
        " folders; anything else is refused)",
    )

    export = commands.add_parser(
        "export-git", help="write git/*.ndjson commit metadata from a local clone"
    )
    export.add_argument("path", type=Path, help="path of the local clone")
    export.add_argument("repository", help="repository name to record, e.g. acme/api")
    export.add_argument(
        "--out", type=Path, help="output file (default: stdout), e.g. data/landing/git/api.ndjson"
    )
    export.add_argument("--rev", default="--all", help="revisions to walk (default: all refs)")

    headline = commands.add_parser("headline", help="print the headline table of a built warehouse")
    headline.add_argument(
        "--db", type=_warehouse, default="", help=WAREHOUSE_HELP, metavar="WAREHOUSE"
    )
    headline.add_argument("--grain", default="week", choices=["day", "week", "month"])
    headline.add_argument(
        "--window",
        type=int,
        help="window length in buckets (default: the shortest window the build made, var"
        " headline_windows: 7 days, 4 weeks or 3 months by default)",
    )

    check = commands.add_parser(
        "check", help="run the Great Expectations invariant suite over the marts of a warehouse"
    )
    check.add_argument(
        "--db", type=_warehouse, default="", help=WAREHOUSE_HELP, metavar="WAREHOUSE"
    )
    check.add_argument(
        "--report",
        type=Path,
        default=Path("target/quality/mart_checks.json"),
        help="JSON report to write (default: target/quality/mart_checks.json)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _build_parser().parse_args(argv)
    if args.command == "generate-sample":
        from ai_adoption.sample_data import SampleConfig, generate

        try:
            config = SampleConfig(
                developers=args.developers,
                teams=args.teams,
                days=args.days,
                start=args.start,
                seed=args.seed,
            )
            generate(args.out, config, force=args.force)
        except FileExistsError:
            print(
                f"generate-sample: {args.out} already exists and is not empty;"
                " add --force to replace it",
                file=sys.stderr,
            )
            return 2
        except (ValueError, OverflowError, OSError) as error:
            print(f"generate-sample: {error}", file=sys.stderr)
            return 2
        return 0
    if args.command == "export-git":
        from ai_adoption.git_export import export_repository

        return export_repository(args.path, args.repository, out=args.out, rev=args.rev)
    if args.command == "headline":
        from ai_adoption.headline import print_headline

        return print_headline(args.db, grain=args.grain, window=args.window)
    if args.command == "check":
        from ai_adoption.quality import MartCheckError, run_checks

        try:
            return 0 if run_checks(args.db, args.report) else 1
        except MartCheckError as error:
            print(f"check: {error}", file=sys.stderr)
            return 2
    return 2


if __name__ == "__main__":
    sys.exit(main())
