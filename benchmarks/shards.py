"""``python -m benchmarks.shards``: a shard plan measured, build by build, against one build.

On copies of the benchmark's tree (``--copies 8``: about PyTorch's size) it makes the
plan, runs every build's stage 1 (the model of its own files, ``repodocs-inventory``)
and stage 2 (its pages, with every model), one build at a time so that each figure is
its own, merges the sites, and with ``--compare`` builds the same tree as one site and
compares the two: every file's bytes, and the pages a search finds for each query.

The wall time a CI with one job per build would take is the plan's time, plus the
slowest stage 1, the slowest stage 2 and the merge.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import sysconfig
import time
from pathlib import Path

from sphinx.search.en import SearchEnglish

from sphinx_repodocs.shard_plan import BUILD_DIR, files_to_plan, make_plan
from sphinx_repodocs.sphinx.site_merge import MERGED_MARKER

from .measure import Run, measured
from .projects import copy_tree, scale_tree

#: Queries whose results the comparison checks (names, words of the standard library).
QUERIES = (
    "parse", "json", "Thread", "socket", "encode", "HTTPServer", "decimal", "asyncio",
    "tempfile", "walk", "dataclass", "lru_cache", "Path", "compile", "unittest", "Popen",
    "datetime", "regular expression", "zipfile", "copy",
)  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    options = _parse(argv)
    workdir = options.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(Path(__file__).resolve().parent.parent), os.environ.get("PYTHONPATH", "")]
    )
    tree = copy_tree(options.tree, workdir / "tree")
    if options.copies > 1:
        tree = scale_tree(tree, workdir / "scaled", options.copies)
    log = workdir / "shards.log"
    plan_dir = workdir / "plan"
    started = time.perf_counter()
    plan = make_plan(tree, plan_dir, files_to_plan(tree, plan_dir), options.shards, "alabaster")
    plan_seconds = time.perf_counter() - started
    print(f"plan: {len(plan.shards)} shards in {plan_seconds:.1f} s", flush=True)
    rows = []
    for build in plan.builds:
        units = plan.shards.get(build, [])
        files = sum(unit.files for unit in units)
        first = _stage(plan_dir, build, "repodocs-inventory", "inventory", log)
        rows.append({"build": build, "files": files, "stage1": first})
        print(f"{build} stage 1: {first.seconds:.1f} s, {first.peak_mib:,.0f} MiB", flush=True)
    for row in rows:
        second = _stage(plan_dir, str(row["build"]), "html", "site", log)
        row["stage2"] = second
        phases = ", ".join(f"{phase['phase']} {phase['seconds']:.1f}" for phase in second.phases)
        print(
            f"{row['build']} stage 2: {second.seconds:.1f} s, {second.peak_mib:,.0f} MiB ({phases})"
        )
    sites = [str(plan_dir / BUILD_DIR / f"site-{build}") for build in plan.builds]
    merged = workdir / "merged"
    merge = measured(
        [sys.executable, "-m", "sphinx_repodocs", "merge", *sites, "-o", str(merged)], log
    )
    _report(rows, plan_seconds, merge)
    if options.compare:
        single = _single(plan_dir, tree, workdir, log)
        print(f"single build: {single.seconds:.1f} s, {single.peak_mib:,.0f} MiB")
        _compare(merged, workdir / "single-site")
    return 0


def _sphinx(builder: str, doctrees: Path, source: Path, output: Path, log: Path) -> Run:
    """One Sphinx build, measured, with the benchmark's phases."""
    extensions = "extensions=sphinx_repodocs,benchmarks.phases"
    command = [sys.executable, "-m", "sphinx", "-q", "-b", builder, "-D", extensions]
    return measured([*command, "-d", str(doctrees), str(source), str(output)], log)


def _stage(plan_dir: Path, build: str, builder: str, target: str, log: Path) -> Run:
    build_dir = plan_dir / BUILD_DIR
    doctrees = build_dir / "doctrees" / f"{target}-{build}"
    run = _sphinx(builder, doctrees, plan_dir / build, build_dir / f"{target}-{build}", log)
    if run.returncode != 0:
        raise SystemExit(f"{build} {builder} failed: see {log}")
    return run


def _report(rows: list[dict[str, object]], plan_seconds: float, merge: Run) -> None:
    print("\nbuild        files  stage 1 s  MiB  stage 2 s  MiB")
    for row in rows:
        first, second = row["stage1"], row["stage2"]
        assert isinstance(first, Run) and isinstance(second, Run)
        print(
            f"{row['build']:<10} {row['files']:>7,} {first.seconds:>10.1f} {first.peak_mib:>5,.0f}"
            f" {second.seconds:>10.1f} {second.peak_mib:>5,.0f}"
        )
    slowest = [max(row[stage].seconds for row in rows) for stage in ("stage1", "stage2")]  # type: ignore[attr-defined]
    print(f"merge: {merge.seconds:.1f} s, {merge.peak_mib:,.0f} MiB")
    wall = plan_seconds + sum(slowest) + merge.seconds
    print(
        f"one CI job per build: plan {plan_seconds:.1f} + slowest stage 1 {slowest[0]:.1f}"
        f" + slowest stage 2 {slowest[1]:.1f} + merge {merge.seconds:.1f} = {wall:.1f} s",
        flush=True,
    )


def _single(plan_dir: Path, tree: Path, workdir: Path, log: Path) -> Run:
    """The same site as one build: the landing's settings without the shard ones."""
    source = workdir / "single"
    source.mkdir(exist_ok=True)
    lines = (plan_dir / "landing" / "conf.py").read_text(encoding="utf-8").splitlines()
    kept = [
        f"repodocs_root = {str(tree)!r}" if line.startswith("repodocs_root") else line
        for line in lines
        if not line.startswith(("repodocs_shard", "repodocs_model_parts", "repodocs_cache_dir"))
    ]
    conf = "\n".join(kept) + "\n"
    (source / "conf.py").write_text(conf, encoding="utf-8")
    return _sphinx("html", workdir / "single-doctrees", source, workdir / "single-site", log)


def _compare(merged: Path, single: Path) -> None:
    """Every file's bytes (Sphinx's .buildinfo and the merge's marker aside), and what
    the search index finds for each query."""
    left_out = {".buildinfo", MERGED_MARKER}

    def files(site: Path) -> dict[str, Path]:
        return {
            path.relative_to(site).as_posix(): path
            for path in site.rglob("*")
            if path.is_file() and path.name not in left_out and ".doctrees" not in path.parts
        }

    ours, theirs = files(merged), files(single)
    differing = [
        name
        for name in ours.keys() & theirs.keys()
        if ours[name].read_bytes() != theirs[name].read_bytes()
    ]
    print(
        f"files: merged {len(ours):,}, single {len(theirs):,}; only merged "
        f"{len(ours.keys() - theirs.keys())}, only single {len(theirs.keys() - ours.keys())}, "
        f"differing {len(differing)} {sorted(differing)[:5]}"
    )
    indexes = [_search_index(site / "searchindex.js") for site in (merged, single)]
    same = [query for query in QUERIES if _found(indexes[0], query) == _found(indexes[1], query)]
    counts = [len(_found(indexes[1], query)) for query in QUERIES]
    found = f"{sum(counts):,} pages in all"
    print(f"search: {len(same)} of {len(QUERIES)} queries find the same pages ({found})")


def _search_index(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(text[len("Search.setIndex(") : -1])
    return data


def _found(index: dict[str, object], query: str) -> list[str]:
    """The pages holding every word of *query* as a term or title term (stemmed, as
    Sphinx's search stems it) or as an object's name, as searchtools.js looks them up."""
    docnames: list[str] = index["docnames"]  # type: ignore[assignment]
    stem = SearchEnglish({}).stem
    pages: set[str] | None = None
    for word in query.lower().split():
        term = stem(word)
        places: set[int] = set()
        for key in ("terms", "titleterms"):
            entry = index[key].get(term)  # type: ignore[attr-defined]
            places.update([entry] if isinstance(entry, int) else entry or [])
        for entries in index["objects"].values():  # type: ignore[attr-defined]
            places.update(entry[0] for entry in entries if entry[4].lower() == word)
        found = {docnames[place] for place in places}
        pages = found if pages is None else pages & found
    return sorted(pages or ())


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.shards", description=__doc__)
    parser.add_argument("--tree", type=Path, default=Path(sysconfig.get_paths()["stdlib"]))
    parser.add_argument("--workdir", type=Path, default=Path(".bench-shards"))
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--compare", action="store_true", help="build it once too, and compare")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
