"""``sphinx-repodocs plan``, ``build-plan`` and ``merge``: a site too big for one build.

``plan PATH --shards N`` writes the shard projects and CI files; ``build-plan PLAN``
runs both stages on this machine, ``--jobs`` builds at a time, and merges the sites;
``merge SITE... -o OUT`` makes one site of the shards' sites.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .cli import CommandParser
from .core.shards import shard_count_for
from .shard_plan import BUILD_DIR, builds_of, files_to_plan, make_plan
from .sphinx.site_merge import MergeError, merge_sites

PROG = "sphinx-repodocs"
COMMANDS = ("plan", "build-plan", "merge")


def plan_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog=f"{PROG} plan",
        description="Split a repository's site into shards: one Sphinx project per shard, "
        "a landing project, and CI files that build them in two stages and merge them.",
    )
    parser.add_argument("path", help="the repository")
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--shards", type=int, metavar="N", help="how many shards")
    size.add_argument("--max-files", type=int, metavar="M", help="about M files per shard")
    parser.add_argument("-o", "--output", help="the plan's folder (default: PATH/repodocs-shards)")
    parser.add_argument("--theme", default="alabaster", help="an installed Sphinx HTML theme")
    return parser


def build_plan_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog=f"{PROG} build-plan",
        description="Build a plan's shards on this machine (stage 1, stage 2, merge).",
    )
    parser.add_argument("plan", help="the plan's folder (sphinx-repodocs plan writes it)")
    parser.add_argument("-o", "--output", required=True, help="where to write the site")
    parser.add_argument("--jobs", type=int, default=1, help="builds at a time (default: 1)")
    parser.add_argument(
        "-W", "--fail-on-warning", action="store_true", help="warnings fail the builds"
    )
    return parser


def merge_parser() -> argparse.ArgumentParser:
    parser = CommandParser(
        prog=f"{PROG} merge", description="Merge the HTML sites of a plan's builds into one."
    )
    parser.add_argument("sites", nargs="+", help="the sites of the landing and every shard")
    parser.add_argument("-o", "--output", required=True, help="where to write the site")
    return parser


def main(argv: Sequence[str]) -> int:
    command, arguments = argv[0], list(argv[1:])
    if command == "plan":
        return _plan(plan_parser().parse_args(arguments))
    if command == "build-plan":
        return _build(build_plan_parser().parse_args(arguments))
    options = merge_parser().parse_args(arguments)
    return _merge([Path(site) for site in options.sites], Path(options.output))


def _plan(options: argparse.Namespace) -> int:
    root = Path(options.path).expanduser().resolve()
    if not root.is_dir():
        return _fail(f"{options.path!r} is not a folder")
    plan_dir = (
        Path(options.output).expanduser().resolve() if options.output else root / "repodocs-shards"
    )
    count = options.shards if options.shards is not None else options.max_files
    if count < 1:
        return _fail("--shards and --max-files take a positive number")
    found = files_to_plan(root, plan_dir)
    if not found.files:
        skipped = ", ".join(
            f"{len(paths)} {reason}" for reason, paths in sorted(found.skipped.items())
        )
        print(
            f"{PROG}: nothing to document in {root}: every file was left out ({skipped})",
            file=sys.stderr,
        )
        return 1
    if options.shards is None:
        count = shard_count_for(len(found.files), options.max_files)
    plan = make_plan(root, plan_dir, found, count, options.theme)
    for name, units in plan.shards.items():
        files = sum(unit.files for unit in units)
        size = sum(unit.bytes for unit in units)
        print(f"{name}: {files:,} files, {size / 2**20:,.1f} MiB, {len(units)} units")
    if not plan.has_ci_files:
        print(f"{plan_dir} is outside the repository, where a CI job cannot see it: no CI files")
    if plan.written:
        print(f"The plan is in {plan_dir}: wrote {', '.join(plan.written)}")
    else:
        print(f"The plan in {plan_dir} is unchanged: nothing written")
    return 0


def _fail(message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return 2


def _build(options: argparse.Namespace) -> int:
    plan_dir = Path(options.plan).expanduser().resolve()
    if options.jobs < 1:
        return _fail(f"--jobs takes a positive number, not {options.jobs}")
    if not (plan_dir / "plan.json").is_file():
        return _fail(f"{options.plan!r} holds no plan.json: run {PROG} plan first")
    try:
        builds = builds_of(plan_dir)
    except (OSError, ValueError) as error:
        return _fail(f"{plan_dir / 'plan.json'} is not a plan: {error}")
    missing = [build for build in builds if not (plan_dir / build / "conf.py").is_file()]
    if missing:
        return _fail(f"the plan has no project for {', '.join(missing)}: run {PROG} plan again")
    build_dir = plan_dir / BUILD_DIR
    warnings = ["-W", "--keep-going", "-n"] if options.fail_on_warning else []
    for stage, builder, target in (
        ("stage 1 (models)", "repodocs-inventory", "inventory"),
        ("stage 2 (sites)", "html", "site"),
    ):
        started = time.perf_counter()
        with ThreadPoolExecutor(options.jobs) as pool:
            runs = [
                pool.submit(_run_build, plan_dir, build, builder, target, warnings)
                for build in builds
            ]
            results = dict(zip(builds, (run.result() for run in runs), strict=True))
        times = ", ".join(f"{build} {seconds:.1f} s" for build, (_, seconds) in results.items())
        print(f"{stage}: {time.perf_counter() - started:.1f} s ({times})", flush=True)
        failed = [build for build, (status, _) in results.items() if status != 0]
        if failed:
            for build in failed:
                log = build_dir / "logs" / f"{target}-{build}.log"
                sys.stderr.write(log.read_text(encoding="utf-8", errors="replace")[-4000:])
            return _fail(f"{stage} failed for {', '.join(failed)} (logs in {build_dir / 'logs'})")
    return _merge([build_dir / f"site-{build}" for build in builds], Path(options.output))


def _run_build(
    plan_dir: Path, build: str, builder: str, target: str, warnings: list[str]
) -> tuple[int, float]:
    """One build of the plan in its own process, its output in a log: status, seconds."""
    build_dir = plan_dir / BUILD_DIR
    log = build_dir / "logs" / f"{target}-{build}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable, "-m", "sphinx", *warnings, "-q", "-b", builder,
        "-d", str(build_dir / "doctrees" / f"{target}-{build}"),
        str(plan_dir / build), str(build_dir / f"{target}-{build}"),
    ]  # fmt: skip
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as stream:
        status = subprocess.run(command, stdout=stream, stderr=subprocess.STDOUT, check=False)
    return status.returncode, time.perf_counter() - started


def _merge(sites: list[Path], output: Path) -> int:
    started = time.perf_counter()
    try:
        report = merge_sites(sites, output.expanduser().resolve())
    except MergeError as error:
        return _fail(str(error))
    print(
        f"Merged {len(sites)} sites into {output} in {time.perf_counter() - started:.1f} s: "
        f"{report.pages:,} pages searchable; {report.written:,} files written, "
        f"{report.unchanged:,} unchanged, {report.removed:,} removed"
    )
    return 0
