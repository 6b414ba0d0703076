"""``python -m benchmarks``: sphinx-repodocs against Sphinx's own floor, side by side.

Prints a table; it is not a test and asserts nothing. See ``--help`` and README.rst.
"""

from __future__ import annotations

import argparse
import json
import os
import sysconfig
import time
from dataclasses import dataclass
from pathlib import Path

from .doxygen import doxygen_available, doxygen_fresh, doxygen_version
from .measure import Run, file_size, sphinx_build
from .projects import (
    Project,
    append_line,
    copy_tree,
    floor_project,
    pick_edit_target,
    remove_build,
    repodocs_project,
    restore,
    scale_tree,
    the_files,
)
from .report import print_report
from .scanphase import measure_scan

#: ``kept-cache``: a fresh build (no output, no doctrees) with the cache folder of the
#: builds before it kept, as a CI that caches ``repodocs_cache_dir`` runs it.
SCENARIOS = ("fresh", "no-change", "edit", "add", "kept-cache")
PROJECTS = ("repodocs", "floor-lean", "floor-theme", "doxygen")


def main(argv: list[str] | None = None) -> int:
    options = _parse(argv)
    workdir = options.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    log = workdir / "build.log"
    print(f"cores: {os.cpu_count()}; work folder: {workdir}; build output in {log}", flush=True)
    results: dict[str, object] = {"tree": str(options.tree), "cores": os.cpu_count(), "sizes": []}
    sizes: list[dict[str, object]] = []
    for copies in options.copies:
        sizes.append(_one_size(options, workdir, log, copies))
        results["sizes"] = sizes
        (workdir / "results.json").write_text(json.dumps(results, indent=2))
    print_report(results)
    return 0


def _one_size(
    options: argparse.Namespace, workdir: Path, log: Path, copies: int
) -> dict[str, object]:
    """Every project and scenario asked for, on *copies* copies of the tree."""
    tree = _prepare_tree(options, workdir, copies)
    model = the_files(tree)
    edit_target = pick_edit_target(model)
    size: dict[str, object] = {
        "copies": copies,
        "files": len(model.files),
        "folders": len(model.folders),
        "bytes": sum(file.size for file in model.files.values()),
        "edit_target": edit_target,
    }
    shown = f"{len(model.files)} files, {len(model.folders)} folders"
    print(f"tree: {options.tree} x {copies} ({shown})")
    if not options.skip_scan:
        scan = measure_scan(tree)
        size["scan"] = scan.__dict__
        print(f"scan phase: {json.dumps(scan.__dict__)}", flush=True)
    builds: list[dict[str, object]] = []
    for name in options.projects:
        if name == "doxygen":
            builds += _doxygen(tree, workdir, log)
            continue
        for jobs in options.jobs:
            setting = _Builds(name, tree, workdir, jobs, edit_target, log, options.scenarios)
            builds += _scenarios(setting)
    size["builds"] = builds
    return size


def _doxygen(tree: Path, workdir: Path, log: Path) -> list[dict[str, object]]:
    if not doxygen_available():
        print("doxygen is not installed: its row is left out", flush=True)
        return []
    run, html = doxygen_fresh(tree, workdir, log)
    row: dict[str, object] = {
        "project": "doxygen",
        "version": doxygen_version(),
        "jobs": 1,
        "scenario": "fresh",
        "seconds": round(run.seconds, 2),
        "peak_mib": round(run.peak_mib),
        "returncode": run.returncode,
        "warnings": 0,
        "pages": _count_pages(html),
        "searchindex_bytes": None,
        "env_bytes": None,
        "phases": [],
    }
    print(json.dumps(row), flush=True)
    return [row]


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--tree",
        type=Path,
        default=Path(sysconfig.get_paths()["stdlib"]),
        help="the repository to document (default: this Python's standard library)",
    )
    parser.add_argument("--workdir", type=Path, default=Path(".bench"))
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--projects", nargs="+", choices=PROJECTS, default=list(PROJECTS))
    parser.add_argument(
        "--copies",
        type=int,
        nargs="+",
        default=[1],
        help="document this many copies of the tree, each under its own prefix; several "
        "counts give the scale rows (1 4 8: a PyTorch-sized tree at 8)",
    )
    parser.add_argument(
        "--scenarios",
        nargs="+",
        choices=SCENARIOS,
        default=list(SCENARIOS),
        help="which builds to run (no-change, edit and add follow a fresh build)",
    )
    parser.add_argument("--skip-scan", action="store_true", help="skip the scan-phase figures")
    return parser.parse_args(argv)


def _prepare_tree(options: argparse.Namespace, workdir: Path, copies: int) -> Path:
    tree = copy_tree(options.tree, workdir / "tree")
    if copies > 1:
        tree = scale_tree(tree, workdir / "scaled", copies)
    return tree


def _project(name: str, tree: Path, workdir: Path) -> Project:
    if name == "repodocs":
        return repodocs_project(tree, workdir)
    return floor_project(tree, workdir, lean=name == "floor-lean")


@dataclass(frozen=True)
class _Builds:
    """One project's builds at one ``-j``: where, and which scenarios."""

    name: str
    tree: Path
    workdir: Path
    jobs: int
    edit_target: str
    log: Path
    wanted: list[str]

    def project(self) -> Project:
        return _project(self.name, self.tree, self.workdir)

    def build(self, project: Project, scenario: str) -> dict[str, object]:
        return _row(project, self.jobs, scenario, sphinx_build(project, self.jobs, self.log))


def _scenarios(builds: _Builds) -> list[dict[str, object]]:
    """Fresh, no-change, one-file edit and one-file add builds (the tree restored), and a
    fresh build with the cache kept."""
    project = builds.project()
    remove_build(project)
    rows = [builds.build(project, "fresh")]
    if "no-change" in builds.wanted:
        rows.append(builds.build(project, "no-change"))
    if "edit" in builds.wanted or "add" in builds.wanted:
        rows += _changes(builds, project)
    if "kept-cache" in builds.wanted and project.cache_dir is not None:
        remove_build(project, keep_cache=True)
        rows.append(builds.build(project, "kept-cache"))
    return rows


def _changes(builds: _Builds, project: Project) -> list[dict[str, object]]:
    """The one-file edit and add builds, then the tree restored."""
    rows: list[dict[str, object]] = []
    tree, target = builds.tree, builds.edit_target
    before = append_line(tree, target, f"# benchmark edit {time.time_ns()}")
    try:
        builds.project()  # the floors regenerate their pages (none change)
        if "edit" in builds.wanted:
            rows.append(builds.build(project, "edit"))
        added = Path(target).parent / "repodocs_benchmark_added.py"
        (tree / added).write_text("def added():\n    return 1\n", encoding="utf-8")
        try:
            builds.project()
            if "add" in builds.wanted:
                rows.append(builds.build(project, "add"))
        finally:
            (tree / added).unlink()
    finally:
        restore(tree, target, before)
    builds.project()
    return rows


def _row(project: Project, jobs: int, scenario: str, run: Run) -> dict[str, object]:
    row: dict[str, object] = {
        "project": project.name,
        "jobs": jobs,
        "scenario": scenario,
        "seconds": round(run.seconds, 2),
        "peak_mib": round(run.peak_mib),
        "returncode": run.returncode,
        "warnings": run.warnings,
        "pages": _count_pages(project.outdir),
        "searchindex_bytes": file_size(project.outdir / "searchindex.js"),
        "env_bytes": file_size(project.doctreedir / "environment.pickle"),
        "phases": run.phases,
    }
    print(json.dumps(row), flush=True)
    return row


def _count_pages(outdir: Path) -> int:
    return sum(1 for _ in outdir.rglob("*.html")) if outdir.exists() else 0


if __name__ == "__main__":
    raise SystemExit(main())
