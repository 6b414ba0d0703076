"""Names in languages read with a grammar, resolved among the definitions a file sees.

A C, C++ or CUDA file sees its own definitions, those of the headers it includes
(transitively, as the import graph resolved them) and those of its header/source pair
(``x.c`` and ``x.h`` in one folder), and the pairs of its headers. A Go file sees its
package (the ``.go`` files of its folder) and, for ``pkg.Name``, the package that
import names. A name links when exactly one definition of its kind (a type, or a
value: function, macro, constant, variable) is visible; a definition wins over
declarations, and a name only declared in the headers links to its definition when
exactly one file that sees the declaration defines it. Anything else links nowhere.
JavaScript and TypeScript go to ``core.references_js``.
Pure.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict

from .extract.base import Symbol
from .imports import ImportGraph
from .model import RepoModel
from .references_js import JsResolver, LinePlace

_C_LEXERS = frozenset({"c", "cpp", "cuda"})
_JS_LEXERS = frozenset({"javascript", "jsx", "typescript", "tsx"})
_HEADER_SUFFIXES = (".h", ".hh", ".hpp", ".hxx", ".cuh", ".inl")
_SOURCE_SUFFIXES = (".c", ".cc", ".cpp", ".cxx", ".c++", ".cu", ".m", ".mm")
_TYPE_KINDS = frozenset({"class", "namespace"})
_VALUE_KINDS = frozenset({"function", "method", "macro", "constant", "variable"})
#: A bare Go name is never a method; a call may be a conversion to a type.
_GO_VALUE_KINDS = frozenset({"function", "constant", "variable", "class"})
#: What a bare Rust call can name in its file (a method needs ``Type::`` or a receiver).
_BARE_KINDS = frozenset({"function", "macro", "constant", "variable"})

Place = tuple[str, str]  # (path, qualname)


class GrammarResolver:
    def __init__(self, model: RepoModel, graph: ImportGraph):
        self.model = model
        self.graph = graph
        self._visible: dict[str, frozenset[str]] = {}
        #: What every chain of a file asks again: its Rust imports, its Java package.
        self._rust_imported: dict[str, dict[str, tuple[str, str]]] = {}
        self._java_package: dict[str, frozenset[str]] = {}
        self._seen_by: dict[str, list[str]] | None = None
        self._by_name: dict[str, list[tuple[str, Symbol]]] | None = None
        self.js = JsResolver(model, graph)

    @property
    def by_name(self) -> dict[str, list[tuple[str, Symbol]]]:
        if self._by_name is None:
            found: dict[str, list[tuple[str, Symbol]]] = defaultdict(list)
            for path, extraction in self.model.extractions.items():
                if extraction.uses is None and not extraction.symbols:
                    continue
                for symbol in extraction.symbols:
                    found[symbol.name].append((path, symbol))
            self._by_name = found
        return self._by_name

    def resolve(self, path: str, lexer: str, chain: str) -> Place | LinePlace | None:
        if lexer in _JS_LEXERS:
            return self.js.resolve(path, chain)
        kind, _, rest = chain.partition(" ")
        if kind == "p":
            package, _, name = rest.partition(" ")
            folder = self._go_package(path, package)
            return (
                self._unique(name, frozenset(self._go_files(folder)), _GO_VALUE_KINDS)
                if folder is not None
                else None
            )
        if kind == "m":
            return self._java_method(path, rest)
        kinds = _TYPE_KINDS if kind == "t" else _VALUE_KINDS
        if lexer == "java":
            return self._unique(rest, self._java_visible(path), kinds) if kind == "t" else None
        if lexer == "rust":
            return self._rust(path, rest, kinds if kind == "t" else _BARE_KINDS)
        if lexer in _C_LEXERS:
            return self._c(path, rest, kinds)
        if lexer == "go":
            same_package = frozenset(self._go_files(posixpath.dirname(path)))
            return self._unique(rest, same_package, kinds if kind == "t" else _GO_VALUE_KINDS)
        return self._unique(rest, frozenset((path,)), kinds)

    # --- choosing --------------------------------------------------------------------

    def _candidates(
        self, name: str, visible: frozenset[str], kinds: frozenset[str]
    ) -> list[tuple[str, Symbol]]:
        return [
            (path, symbol)
            for path, symbol in self.by_name.get(name, ())
            if path in visible and symbol.kind in kinds
        ]

    def _unique(self, name: str, visible: frozenset[str], kinds: frozenset[str]) -> Place | None:
        candidates = self._candidates(name, visible, kinds)
        defined = [c for c in candidates if c[1].detail != "declaration"] or candidates
        places = {(path, symbol.qualname) for path, symbol in defined}
        if len(places) != 1 or len(defined) != 1:
            return None
        return places.pop()

    def _c(self, path: str, name: str, kinds: frozenset[str]) -> Place | None:
        candidates = self._candidates(name, self.visible(path), kinds)
        defined = [c for c in candidates if c[1].detail != "declaration"]
        if len(defined) == 1:
            return defined[0][0], defined[0][1].qualname
        if defined or not candidates:
            return None
        qualnames = {symbol.qualname for _, symbol in candidates}
        if len(qualnames) != 1:
            return None
        qualname = qualnames.pop()
        declaring = {where for where, _ in candidates}
        bodies = {
            (where, symbol.qualname)
            for where, symbol in self.by_name.get(name, ())
            if symbol.qualname == qualname
            and symbol.detail != "declaration"
            and symbol.kind in kinds
            and not declaring.isdisjoint(self.visible(where))
        }
        if len(bodies) == 1:
            return bodies.pop()
        if len(candidates) == 1:
            return candidates[0][0], qualname
        return None

    # --- what a file sees --------------------------------------------------------------

    def visible(self, path: str) -> frozenset[str]:
        found = self._visible.get(path)
        if found is None:
            seen = {path}
            stack = [path, *self._pairs(path)]
            while stack:
                current = stack.pop()
                seen.add(current)
                for dependency in self.graph.dependencies.get(current, ()):
                    target = dependency.target
                    if (
                        dependency.status == "repo"
                        and target
                        and not dependency.target_is_folder
                        and target not in seen
                    ):
                        seen.add(target)
                        stack.append(target)
                        stack.extend(pair for pair in self._pairs(target) if pair not in seen)
            found = self._visible[path] = frozenset(seen)
        return found

    def _pairs(self, path: str) -> list[str]:
        stem, dot, suffix = path.rpartition(".")
        if not dot:
            return []
        suffixes = _SOURCE_SUFFIXES if f".{suffix}" in _HEADER_SUFFIXES else _HEADER_SUFFIXES
        return [f"{stem}{other}" for other in suffixes if f"{stem}{other}" in self.model.files]

    def _rust(self, path: str, rest: str, kinds: frozenset[str]) -> Place | None:
        """A Rust name: an item of the module around it in this file, or, at a file's
        top level, one its ``use`` declarations import from a repository file."""
        name, _, module = rest.partition(" ")
        qualname = f"{module}::{name}" if module else name
        extraction = self.model.extractions.get(path)
        symbols = extraction.symbols if extraction is not None else ()
        own = [s for s in symbols if s.qualname == qualname and s.kind in kinds]
        if own:
            return (path, qualname) if len(own) == 1 else None
        if module:
            return None
        imported = self._rust_imports(path).get(name)
        if imported is None:
            return None
        target, original = imported
        found = self.model.extractions.get(target)
        theirs = [
            s
            for s in (found.symbols if found else ())
            if s.qualname == original and s.kind in kinds
        ]
        return (target, original) if len(theirs) == 1 else None

    def _rust_imports(self, path: str) -> dict[str, tuple[str, str]]:
        found = self._rust_imported.get(path)
        if found is None:
            found = self._rust_imported[path] = self._read_rust_imports(path)
        return found

    def _read_rust_imports(self, path: str) -> dict[str, tuple[str, str]]:
        """Name -> (file, its name there) of what a file's top-level ``use``s import
        from repository files: ``use crate::a::f;``, ``use crate::a::{f, g as h};``."""
        found: dict[str, tuple[str, str]] = {}
        extraction = self.model.extractions.get(path)
        kinds = {i.line: i.kind for i in extraction.imports} if extraction is not None else {}
        for dependency in self.graph.dependencies.get(path, ()):
            if dependency.status != "repo" or not dependency.target or dependency.target_is_folder:
                continue
            if kinds.get(dependency.line) != "use":
                continue
            head, brace, group = dependency.written.partition("{")
            items = group.rstrip("}").split(",") if brace else [head.rpartition("::")[2]]
            for item in items:
                original, _, alias = (part.strip() for part in item.partition(" as "))
                if original.isidentifier():
                    found[alias or original] = (dependency.target, original)
        return found

    def _java_method(self, path: str, rest: str) -> Place | None:
        """``m Outer.Inner name``: the method of that class in this file, else of the
        classes around it; a name with overloads (several definitions) links nowhere."""
        owner, _, name = rest.partition(" ")
        extraction = self.model.extractions.get(path)
        symbols = extraction.symbols if extraction is not None else ()
        parts = owner.split(".")
        for depth in range(len(parts), 0, -1):
            qualname = ".".join((*parts[:depth], name))
            found = [s for s in symbols if s.qualname == qualname and s.kind == "method"]
            if found:
                return (path, qualname) if len(found) == 1 else None
        return None

    def _java_visible(self, path: str) -> frozenset[str]:
        found = self._java_package.get(path)
        if found is None:
            found = self._java_package[path] = self._read_java_visible(path)
        return found

    def _read_java_visible(self, path: str) -> frozenset[str]:
        """A Java file sees its package (its folder) and the classes it imports."""
        folder = posixpath.dirname(path)
        entry = self.model.folders.get(folder)
        names = entry.files if entry is not None else ()
        seen = {posixpath.join(folder, n) if folder else n for n in names if n.endswith(".java")}
        for dependency in self.graph.dependencies.get(path, ()):
            if (
                dependency.status == "repo"
                and dependency.target
                and not dependency.target_is_folder
            ):
                seen.add(dependency.target)
        return frozenset(seen)

    def _go_files(self, folder: str) -> list[str]:
        entry = self.model.folders.get(folder)
        if entry is None:
            return []
        return [
            posixpath.join(folder, name) if folder else name
            for name in entry.files
            if name.endswith(".go")
        ]

    def _go_package(self, path: str, package: str) -> str | None:
        extraction = self.model.extractions.get(path)
        if extraction is None:
            return None
        lines = {statement.line: statement for statement in extraction.imports}
        for dependency in self.graph.dependencies.get(path, ()):
            statement = lines.get(dependency.line)
            if dependency.status != "repo" or not dependency.target_is_folder or statement is None:
                continue
            named = statement.alias or dependency.written.rstrip("/").rpartition("/")[2]
            if named == package and dependency.target is not None:
                return dependency.target
        return None
