"""C and C++ prototypes paired with the one definition they declare. Pure.

A header's ``int jv_get_kind(jv);`` and ``jv.c``'s definition are one name to a
reader: the keyword index lists it once (the definition, its declarations noted) and
search finds it once. A declaration is paired only when the pairing is certain: one
definition of that qualified name and kind in the repository's C-family files, or,
when there are several, exactly one in the declaring file itself or in a file that
includes it. Otherwise the declaration stays an entry of its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from .imports import ImportGraph
from .model import RepoModel

#: Lexers of the files whose prototypes are paired.
C_FAMILY_LEXERS = frozenset({"c", "cpp", "cuda"})
_CALLABLE_KINDS = frozenset({"function", "method"})

#: (path, qualified name, line) of a symbol.
SymbolKey = tuple[str, str, int]


@dataclass(frozen=True, slots=True)
class Declarations:
    """Prototypes and their definitions, both ways."""

    #: A declaration's key -> its definition's key.
    home: dict[SymbolKey, SymbolKey]
    #: A definition's key -> its declarations' keys, in (path, line) order.
    declared_at: dict[SymbolKey, tuple[SymbolKey, ...]]


NO_DECLARATIONS = Declarations({}, {})


def pair_declarations(model: RepoModel, graph: Callable[[], ImportGraph]) -> Declarations:
    """Every C-family prototype whose definition is certain, paired with it; *graph* is
    asked for only when a name has several definitions."""
    definitions: dict[tuple[str, str], list[SymbolKey]] = defaultdict(list)
    prototypes: list[tuple[str, SymbolKey]] = []
    for path, extraction in model.extractions.items():
        file = model.files.get(path)
        if file is None or file.lexer not in C_FAMILY_LEXERS:
            continue
        for symbol in extraction.symbols:
            if symbol.kind not in _CALLABLE_KINDS:
                continue
            key = (path, symbol.qualname, symbol.line)
            if symbol.detail == "declaration":
                prototypes.append((symbol.kind, key))
            else:
                definitions[(symbol.kind, symbol.qualname)].append(key)
    includers: dict[str, frozenset[str]] | None = None
    home: dict[SymbolKey, SymbolKey] = {}
    for kind, key in prototypes:
        candidates = definitions.get((kind, key[1]), [])
        if len(candidates) > 1:
            if includers is None:
                includers = _includers(graph())
            seen_by = includers.get(key[0], frozenset()) | {key[0]}
            candidates = [c for c in candidates if c[0] in seen_by]
        if len(candidates) == 1:
            home[key] = candidates[0]
    declared_at: dict[SymbolKey, list[SymbolKey]] = defaultdict(list)
    for declaration, definition in sorted(home.items()):
        declared_at[definition].append(declaration)
    return Declarations(home, {k: tuple(v) for k, v in declared_at.items()})


def _includers(graph: ImportGraph) -> dict[str, frozenset[str]]:
    """A file -> the files that include it directly."""
    return {
        path: frozenset(importer.path for importer in importers)
        for path, importers in graph.imported_by.items()
    }
