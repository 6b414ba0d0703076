"""Files related to a file, ranked, each with its reason: the tests named after it or
importing it, the code a test is named after; for C and C++ its header or source (same
name), the files declaring what it defines or defining what it declares; its imports
and importers; files that include the same specific header. Pure."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .imports import ImportGraph
from .model import RepoModel
from .phrases import P_

_C_LEXERS = frozenset({"c", "cpp", "cuda"})
_HEADER_SUFFIXES = (".h", ".hh", ".hpp", ".hxx", ".h++", ".cuh", ".inl", ".tcc")
_SOURCE_SUFFIXES = (".c", ".cc", ".cpp", ".cxx", ".c++", ".cu", ".m", ".mm")
#: A header included by at most this many files is specific: sharing it says something.
SPECIFIC_HEADER_MAX_INCLUDERS = 5
#: A function declared or defined in more files than this is left alone (overloads,
#: common names): the relation would be a guess.
DECLARED_MAX_FILES = 2


def _stem_and_role(name: str) -> tuple[str, str] | None:
    """("foo", "header") for foo.h, ("foo", "source") for foo.cc; None otherwise."""
    stem, dot, _ = name.rpartition(".")
    if not dot:
        return None
    if name.endswith(_HEADER_SUFFIXES):
        return stem, "header"
    if name.endswith(_SOURCE_SUFFIXES):
        return stem, "source"
    return None


def _defines_or_declares(role: str, qualname: str, line: int) -> str:
    """Why a header's function's definition (a source's declaration) is related."""
    if role == "header":
        return P_("defines {name}() on line {line}", name=qualname, line=line)
    return P_("declares {name}() on line {line}", name=qualname, line=line)


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
        #: C and C++: stem -> (path, "header" or "source").
        self.by_stem: dict[str, list[tuple[str, str]]] = defaultdict(list)
        #: C and C++ functions by qualified name: where declared, where defined.
        self.declared: dict[str, list[tuple[str, int]]] = defaultdict(list)
        self.defined: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for path, file in model.files.items():
            self.by_name[file.name].append(path)
            if file.purpose == "test":
                for tested in tested_names(file.name):
                    self.tests_by_target_name[tested].append(path)
            if file.lexer in _C_LEXERS and (stem_role := _stem_and_role(file.name)):
                self.by_stem[stem_role[0]].append((path, stem_role[1]))
                self._index_functions(path)

    def _index_functions(self, path: str) -> None:
        extraction = self.model.extractions.get(path)
        for symbol in extraction.symbols if extraction is not None else ():
            if symbol.kind in ("function", "method"):
                where = self.declared if "declaration" in symbol.detail else self.defined
                where[symbol.qualname].append((path, symbol.line))

    def _c_relations(self, path: str) -> Iterable[tuple[str, str]]:
        """Its header or source, and the files declaring or defining its functions."""
        file = self.model.files[path]
        stem_role = _stem_and_role(file.name) if file.lexer in _C_LEXERS else None
        if stem_role is None:
            return
        stem, role = stem_role
        other = "source" if role == "header" else "header"
        # Same name, and either the same folder or an include between them: a util.h
        # elsewhere in the tree is not this util.c's.
        linked = {d.target for d in self.graph.dependencies.get(path, ())} | {
            i.path for i in self.graph.imported_by.get(path, ())
        }
        folder = posixpath.dirname(path)
        partners = [
            p
            for p, r in self.by_stem.get(stem, ())
            if r == other and (posixpath.dirname(p) == folder or p in linked)
        ]
        same_name = (
            P_("its source (the same name)")
            if role == "header"
            else P_("its header (the same name)")
        )
        for candidate in self._closest(path, partners):
            yield candidate, same_name
        extraction = self.model.extractions.get(path)
        mine, theirs = (
            (self.declared, self.defined) if role == "header" else (self.defined, self.declared)
        )
        for symbol in extraction.symbols if extraction is not None else ():
            if symbol.kind not in ("function", "method") or (
                ("declaration" in symbol.detail) != (role == "header")
            ):
                continue
            places = theirs.get(symbol.qualname, [])
            if len({p for p, _ in mine.get(symbol.qualname, [])}) > DECLARED_MAX_FILES:
                continue
            if 0 < len({p for p, _ in places}) <= DECLARED_MAX_FILES:
                for candidate, line in places:
                    if candidate != path:
                        yield candidate, _defines_or_declares(role, symbol.qualname, line)

    def _shared_headers(self, path: str) -> Iterable[tuple[str, str]]:
        """Files that include a header this file includes, when few files do."""
        headers = []
        for dependency in self.graph.dependencies.get(path, ()):
            target = dependency.target
            if target is None or self.model.files[path].lexer not in _C_LEXERS:
                continue
            includers = self.graph.imported_by.get(target, ())
            if 1 < len(includers) <= SPECIFIC_HEADER_MAX_INCLUDERS:
                headers.append((len(includers), target, includers))
        for count, header, includers in sorted(headers, key=lambda h: (h[0], h[1])):
            for importer in includers:
                name = posixpath.basename(header)
                yield (
                    importer.path,
                    P_(
                        "also includes {name} (one of {count} files that do)",
                        name=name,
                        count=count,
                    ),
                )

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
                    add(candidate, P_("the code {name} is named after", name=file.name))
            for dependency in dependencies:
                if dependency.target and not dependency.target_is_folder:
                    add(
                        dependency.target,
                        P_("this test imports it on line {line}", line=dependency.line),
                    )
        else:
            for candidate in self._closest(path, self.tests_by_target_name.get(file.name, ())):
                add(candidate, P_("a test named after {name}", name=file.name))
            for importer in self.graph.imported_by.get(path, ()):
                if self.model.files[importer.path].purpose == "test":
                    add(
                        importer.path,
                        P_("a test that imports it on line {line}", line=importer.line),
                    )
        for candidate, reason in self._c_relations(path):
            add(candidate, reason)
        for dependency in dependencies:
            if dependency.target and not dependency.target_is_folder:
                add(dependency.target, P_("imported on line {line}", line=dependency.line))
        for importer in self.graph.imported_by.get(path, ()):
            add(importer.path, P_("imports it on line {line}", line=importer.line))
        for candidate, reason in self._shared_headers(path):
            add(candidate, reason)
        ranked = list(found.items())[:limit]
        return tuple(Related(p, reason) for p, reason in ranked)
