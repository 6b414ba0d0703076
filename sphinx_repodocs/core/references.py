"""Go to definition, and who uses what: every file's name uses resolved at once. Pure.

Extraction leaves, per file, the identifiers that may name a definition and what each
names (``Extraction.uses``); once the whole repository is read, the language's resolver
follows each to at most one definition (``references_python``, ``references_grammar``),
never to a guess. The result is the links of every file's listing (its outgoing
references) and, per definition, the lines that use it (its incoming references).
Links are kept packed (four numbers per link), since a large repository has millions.
"""

from __future__ import annotations

import hashlib
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .extract.base import Symbol
from .imports import ImportGraph, PythonModules
from .model import RepoModel
from .references_grammar import GrammarResolver
from .references_python import Defined, Module, PythonResolver
from .symbols import primary_definitions

_PYTHON_LEXERS = frozenset({"python"})

#: Uses listed per definition on its page; the rest are counted ("and 12 more").
SHOWN_USES = 10


@dataclass(frozen=True, slots=True)
class Target:
    """What a link goes to: a definition's line, or a file (line 0, no qualname)."""

    path: str
    line: int
    qualname: str
    kind: str
    #: The definition of its name that the symbol anchor marks (a JavaScript function
    #: declared in several functions has one anchor; the others go by line).
    primary: bool = True


@dataclass(frozen=True, slots=True)
class Use:
    """One line that uses a definition."""

    path: str
    line: int


class References:
    def __init__(self, model: RepoModel):
        self.model = model
        self.targets: list[Target] = []
        self._target_index: dict[Target, int] = {}
        #: path -> packed (line, column, length, target index), in text order.
        self.outgoing: dict[str, array[int]] = {}
        self._incoming_packed: dict[int, array[int]] | None = None
        self._path_list: list[str] | None = None
        self._symbols: dict[str, dict[str, Symbol]] = {}
        self._by_path: dict[str, list[int]] | None = None

    # --- building --------------------------------------------------------------------

    def target(self, path: str, qualname: str, line: int = 0) -> int | None:
        """The index of the definition *qualname* of *path* ("" for the file); with
        *line*, the one on that line."""
        if qualname:
            found = self._target_of(path, qualname, line)
            if found is None:
                return None
        else:
            found = Target(path, 0, "", "file")
        index = self._target_index.get(found)
        if index is None:
            index = self._target_index[found] = len(self.targets)
            self.targets.append(found)
        return index

    def _target_of(self, path: str, qualname: str, line: int) -> Target | None:
        symbol = self.symbol(path, qualname)
        if symbol is None or not line or symbol.line == line:
            return Target(path, symbol.line, qualname, symbol.kind) if symbol else None
        extraction = self.model.extractions.get(path)
        for other in extraction.symbols if extraction is not None else ():
            if other.qualname == qualname and other.line == line:
                return Target(path, line, qualname, other.kind, primary=False)
        return None

    def symbol(self, path: str, qualname: str) -> Symbol | None:
        """The definition of *qualname* in *path* that links go to (``primary_definitions``)."""
        table = self._symbols.get(path)
        if table is None:
            extraction = self.model.extractions.get(path)
            symbols = extraction.symbols if extraction is not None else ()
            table = self._symbols[path] = primary_definitions(symbols)
        return table.get(qualname)

    # --- reading ---------------------------------------------------------------------

    def links(self, path: str) -> Iterator[tuple[int, int, int, Target]]:
        """(line, column, length, target) of each link in *path*'s listing."""
        packed = self.outgoing.get(path)
        if packed is None:
            return
        targets = self.targets
        for at in range(0, len(packed), 4):
            yield packed[at], packed[at + 1], packed[at + 2], targets[packed[at + 3]]

    def _incoming(self) -> dict[int, array[int]]:
        """Target index -> the lines that use it, packed as (file number, line) pairs in
        path and line order, each line once (files are numbered in path order); import
        statements' links to files are not counted."""
        if self._incoming_packed is None:
            found: dict[int, set[tuple[int, int]]] = defaultdict(set)
            targets = self.targets
            for number, path in enumerate(self._paths()):
                packed = self.outgoing[path]
                for at in range(3, len(packed), 4):
                    if targets[packed[at]].qualname:
                        found[packed[at]].add((number, packed[at - 3]))
            self._incoming_packed = {
                index: array("I", [n for pair in sorted(pairs) for n in pair])
                for index, pairs in found.items()
            }
        return self._incoming_packed

    def _uses(self, index: int) -> list[Use]:
        packed = self._incoming().get(index)
        if packed is None:
            return []
        paths = self._paths()
        return [Use(paths[packed[at]], packed[at + 1]) for at in range(0, len(packed), 2)]

    def _paths(self) -> list[str]:
        """The files with links, in path order (``outgoing`` is filled in that order)."""
        if self._path_list is None:
            self._path_list = list(self.outgoing)
        return self._path_list

    def uses_of(self, path: str, qualname: str) -> list[Use]:
        return self._uses(index) if (index := self._index_of(path, qualname)) is not None else []

    def count_uses(self, path: str, qualname: str, line: int = 0) -> int:
        """How many lines use the definition (with *line*, the one there)."""
        index = self._index_of(path, qualname, line)
        packed = self._incoming().get(index) if index is not None else None
        return len(packed) // 2 if packed is not None else 0

    def _index_of(self, path: str, qualname: str, line: int = 0) -> int | None:
        found = self._target_of(path, qualname, line)
        return self._target_index.get(found) if found is not None else None

    def used_count(self, path: str) -> int:
        """How many definitions of *path* are used."""
        return len(self._used_targets().get(path, ()))

    def _used_targets(self) -> dict[str, list[int]]:
        if self._by_path is None:
            by_path: dict[str, list[int]] = defaultdict(list)
            for index in self._incoming():
                by_path[self.targets[index].path].append(index)
            self._by_path = by_path
        return self._by_path

    def used_in(self, path: str) -> list[tuple[Target, list[Use]]]:
        """The definitions of *path* that are used, each with the lines that use it."""
        found = [(self.targets[i], self._uses(i)) for i in self._used_targets().get(path, ())]
        return sorted(found, key=lambda item: (item[0].line, item[0].qualname))

    def digest_in(self, path: str, shown: Callable[[list[str]], str]) -> str:
        """A digest of the uses of *path*'s definitions; *shown* gives what else the
        first ``SHOWN_USES`` of each show (the text of those files)."""
        used = self.used_in(path)
        if not used:
            return ""
        digest = hashlib.sha256()
        for target, uses in used:
            files = sorted({use.path for use in uses[:SHOWN_USES]})
            lines = ";".join(f"{use.path}:{use.line}" for use in uses)
            digest.update(f"{target!r}{lines}{shown(files)}\n".encode("utf-8", "surrogateescape"))
        return digest.hexdigest()[:24]

    def digest_out(self, path: str) -> str:
        """A digest of *path*'s links and where they go (not of target numbers, which
        another file's links can shift)."""
        packed = self.outgoing.get(path)
        if packed is None:
            return ""
        named = {index: repr(self.targets[index]) for index in set(packed[3::4])}
        text = "\n".join(
            f"{packed[at]},{packed[at + 1]},{packed[at + 2]},{named[packed[at + 3]]}"
            for at in range(0, len(packed), 4)
        )
        return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:24]


def resolve_references(
    model: RepoModel, graph: ImportGraph, python_paths: tuple[str, ...] = ()
) -> References:
    """Every file's uses, resolved."""
    references = References(model)
    python = PythonResolver(model, PythonModules(model, python_paths))
    grammar = GrammarResolver(model, graph)
    for path in sorted(model.extractions):
        uses = model.extractions[path].uses
        if uses is None or not uses.positions:
            continue
        lexer = model.files[path].lexer
        chain_targets: list[int | None] = []
        for chain in uses.chain_list():
            if lexer in _PYTHON_LEXERS:
                value = python.resolve(path, chain)
                if isinstance(value, Module):
                    found = None if value.is_folder else references.target(value.path, "")
                elif isinstance(value, Defined):
                    found = references.target(value.path, value.qualname)
                else:
                    found = None
            else:
                place = grammar.resolve(path, lexer, chain)
                found = references.target(*place) if place is not None else None
            chain_targets.append(found)
        positions: array[int] = array("I")
        positions.frombytes(uses.positions)
        packed: array[int] = array("I")
        for at in range(0, len(positions), 4):
            index = chain_targets[positions[at + 3]]
            if index is not None:
                packed.extend((positions[at], positions[at + 1], positions[at + 2], index))
        if packed:
            references.outgoing[path] = packed
    return references
