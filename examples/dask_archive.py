"""Lint a whole archive of drafts on Dask: the same JSON as ``draftlint check --format json``.

    pip install 'draftlint[dask]'
    python examples/dask_archive.py ARCHIVE... [-o report.json] [--partitions N]
        [--scheduler processes|threads|synchronous] [--address tcp://scheduler:8786]

Files are found as the CLI finds them (``draftlint.iter_files``), split into partitions, and
each partition is linted by one task with one ``ConfigResolver`` (each config file read once
per task). Results are ``draftlint.Result`` objects, plain data that pickles small, gathered
into the report by ``draftlint.json_report``. ``--address`` sends the work to a running
dask.distributed cluster (``pip install distributed``) instead of local processes.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import dask.bag as db

import draftlint
from draftlint.config.discovery import ConfigResolver


def lint_partition(paths: Iterable[str]) -> list[draftlint.Result]:
    resolver = ConfigResolver()
    return [draftlint.lint_file(path, resolver=resolver) for path in paths]


def lint_archive(
    paths: Sequence[str], *, partitions: int | None = None, scheduler: Any = "processes"
) -> dict[str, Any]:
    """The JSON report of every draft under ``paths``, linted on Dask."""
    files = draftlint.iter_files(paths)
    if not files:
        return draftlint.json_report([])
    # a few partitions per worker: small enough to balance, large enough that the engine's
    # start-up (rules and data, about half a second per process) is paid rarely
    bag = db.from_sequence(files, npartitions=partitions or min(len(files), 16))
    results = bag.map_partitions(lint_partition).compute(scheduler=scheduler)
    return draftlint.json_report(results)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="files or directories")
    parser.add_argument("-o", "--output", help="write the JSON here (default: standard output)")
    parser.add_argument("--partitions", type=int, help="number of Dask partitions")
    parser.add_argument(
        "--scheduler", default="processes", choices=["processes", "threads", "synchronous"]
    )
    parser.add_argument("--address", help="a dask.distributed scheduler to run on")
    args = parser.parse_args(argv)
    scheduler = args.scheduler
    if args.address:
        from dask.distributed import Client

        client = Client(args.address)  # compute() on this client's cluster
        scheduler = client.get
    report = lint_archive(args.paths, partitions=args.partitions, scheduler=scheduler)
    text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8") as stream:
            stream.write(text)
    else:
        sys.stdout.write(text)
    errors = [f for f in report["files"] if f["error"]]
    for entry in errors:
        print(f"draftlint: {entry['path']}: {entry['error']}", file=sys.stderr)
    return 2 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
