"""Files related to a file, ranked, each with its reason: the tests named after it or
importing it, the code a test is named after, its imports and importers. Pure."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .imports import ImportGraph
from .model import RepoModel


@dataclass(frozen=True, slots=True)
class Related:
    path: str
    reason: str


def tested_names(name: str) -> tuple[str, ...]:
    """File names a test file named *name* tests, by common conventions."""
    stem, dot, extension = name.rpartition(".")
    if not dot:
        return ()
    candidates = []
    if stem.startswith("test_"):
        candidates.append(f"{stem.removeprefix('test_')}.{extension}")
    if stem.endswith("_test"):
        candidates.append(f"{stem.removesuffix('_test')}.{extension}")
    for marker in (".test", ".spec"):
        if stem.endswith(marker):
            base = stem.removesuffix(marker)
            candidates.extend(f"{base}.{ext}" for ext in ("ts", "tsx", "js", "jsx", "mjs"))
    for suffix in ("Tests", "Test"):
        if stem.endswith(suffix) and len(stem) > len(suffix):
            candidates.append(f"{stem.removesuffix(suffix)}.{extension}")
            break
    return tuple(dict.fromkeys(candidates))


class RelatedFinder:
    """Ranks the files related to a file, each with the reason."""

    def __init__(self, model: RepoModel, graph: ImportGraph):
        self.model = model
        self.graph = graph
        self.by_name: dict[str, list[str]] = defaultdict(list)
        self.tests_by_target_name: dict[str, list[str]] = defaultdict(list)
        for path, file in model.files.items():
            self.by_name[file.name].append(path)
            if file.purpose == "test":
                for tested in tested_names(file.name):
                    self.tests_by_target_name[tested].append(path)

    def _closest(self, origin: str, paths: Iterable[str]) -> list[str]:
        """Paths ordered by how many leading folders they share with *origin*."""
        origin_parts = origin.split("/")

        def shared(path: str) -> int:
            count = 0
            for a, b in zip(origin_parts, path.split("/"), strict=False):
                if a != b:
                    break
                count += 1
            return count

        return sorted(paths, key=lambda p: (-shared(p), p))

    def related(self, path: str, limit: int = 12) -> tuple[Related, ...]:
        file = self.model.files[path]
        found: dict[str, str] = {}

        def add(candidate: str, reason: str) -> None:
            if candidate != path and candidate not in found and candidate in self.model.files:
                found[candidate] = reason

        dependencies = self.graph.dependencies.get(path, ())
        if file.purpose == "test":
            for name in tested_names(file.name):
                for candidate in self._closest(path, self.by_name.get(name, ())):
                    add(candidate, f"the code {file.name} is named after")
            for dependency in dependencies:
                if dependency.target and not dependency.target_is_folder:
                    add(dependency.target, f"this test imports it on line {dependency.line}")
        else:
            for candidate in self._closest(path, self.tests_by_target_name.get(file.name, ())):
                add(candidate, f"a test named after {file.name}")
            for importer in self.graph.imported_by.get(path, ()):
                if self.model.files[importer.path].purpose == "test":
                    add(importer.path, f"a test that imports it on line {importer.line}")
        for dependency in dependencies:
            if dependency.target and not dependency.target_is_folder:
                add(dependency.target, f"imported on line {dependency.line}")
        for importer in self.graph.imported_by.get(path, ()):
            add(importer.path, f"imports it on line {importer.line}")
        ranked = list(found.items())[:limit]
        return tuple(Related(p, reason) for p, reason in ranked)
