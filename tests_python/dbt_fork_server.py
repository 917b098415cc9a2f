"""Runs dbt commands for one pytest worker, each in a process of its own that starts with dbt
already imported.

Importing dbt-core and the DuckDB adapter takes about 2 s of CPU, a fifth of a small test build,
and the suite starts about seventy of them. This server imports them once, then forks a child
for every request: the child is a fresh process, as `dbt` on the command line would be (its own
environment, folder, exit and open files), without the import. The server itself opens no
database and starts no thread, so the fork copies nothing a child could trip on.

Protocol, one JSON object per line: the request on stdin
`{"args", "env", "cwd", "stdout", "stderr"}` (the two output paths are files the child writes),
the answer on stdout `{"returncode"}`.
"""

from __future__ import annotations

import json
import os
import sys

import dbt.adapters.duckdb  # noqa: F401  (imported here so that every child has it)
from dbt.cli.main import cli


def _run_in_child(request: dict) -> None:
    """Become the dbt command of `request` and exit with its status; never returns."""
    code = 1
    try:
        stdin = os.open(os.devnull, os.O_RDONLY)
        os.dup2(stdin, 0)
        for fd, path in ((1, request["stdout"]), (2, request["stderr"])):
            output = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(output, fd)
            os.close(output)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        sys.argv = ["dbt", *request["args"]]
        try:
            cli.main(args=request["args"], prog_name="dbt")
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    except BaseException:  # anything dbt lets escape is a failed command, as on the command line
        import traceback

        traceback.print_exc()
    finally:
        # A normal exit: the atexit hooks close the DuckDB database (its checkpoint), as the
        # `dbt` command's exit does.
        sys.stdout.flush()
        sys.stderr.flush()
        sys.exit(code)


def serve() -> None:
    for line in sys.stdin:
        request = json.loads(line)
        child = os.fork()
        if child == 0:
            _run_in_child(request)
        _, status = os.waitpid(child, 0)
        print(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}), flush=True)


if __name__ == "__main__":
    serve()
