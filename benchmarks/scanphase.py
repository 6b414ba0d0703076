"""The scan phase alone, in this process: walk, read and extract, cold and warm.

Also its floor: reading every kept file and ``ast.parse`` of every Python file, which
is the least any exact extraction must do.
"""

from __future__ import annotations

import ast
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

from sphinx_repodocs.core.imports import build_graph
from sphinx_repodocs.core.model_cache import load_model, save_model
from sphinx_repodocs.core.read import build_model
from sphinx_repodocs.core.scan import ScanSettings, scan
from sphinx_repodocs.site.plan import plan_pages
from sphinx_repodocs.site.views import ViewBuilder, all_signatures


@dataclass(frozen=True)
class ScanFigures:
    files: int
    walk: float
    cold: float
    #: Cold, reading with two processes (what a ``-j 2`` build does).
    cold_two_processes: float
    warm: float
    plan: float
    read_and_parse: float
    model_bytes: int


def measure_scan(tree: Path) -> ScanFigures:
    settings = ScanSettings(root=tree)
    start = time.perf_counter()
    found = scan(settings)
    walk = time.perf_counter() - start
    paths = [entry.path for entry in found.files if entry.link_target is None]
    # Every figure below with the files in the OS page cache, the floor's included.
    _read_and_parse(tree, paths, parse=False)

    start = time.perf_counter()
    model = build_model(str(tree), scan(settings))
    cold = time.perf_counter() - start

    start = time.perf_counter()
    build_model(str(tree), scan(settings), jobs=2)
    cold_two_processes = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as cache:
        save_model(cache, model)
        model_bytes = (Path(cache) / "repodocs-model.pickle").stat().st_size
        start = time.perf_counter()
        warm_model = build_model(str(tree), scan(settings), previous=load_model(cache))
        warm = time.perf_counter() - start

    # What builder-inited does after the model: import graph, views and signatures.
    start = time.perf_counter()
    views = ViewBuilder(warm_model, "_repodocs", "", 1_000_000, build_graph(warm_model))
    all_signatures(views, plan_pages(warm_model, "_repodocs", views.keyword_buckets))
    plan = time.perf_counter() - start

    start = time.perf_counter()
    _read_and_parse(tree, paths)
    read_and_parse = time.perf_counter() - start
    return ScanFigures(
        len(found.files), walk, cold, cold_two_processes, warm, plan, read_and_parse, model_bytes
    )


def _read_and_parse(tree: Path, paths: list[str], *, parse: bool = True) -> None:
    for path in paths:
        try:
            data = (tree / path).read_bytes()
        except OSError:
            continue
        if parse and path.endswith(".py"):
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    ast.parse(data)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                pass
