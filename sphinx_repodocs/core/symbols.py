"""Every name the repository defines, looked up by name, qualified name or
``path::name``: for the ``repo`` domain's roles and its object inventory. Pure."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .declarations import NO_DECLARATIONS, Declarations
from .extract.base import Extraction, Symbol


@dataclass(frozen=True, slots=True)
class SymbolPlace:
    """Where one name is defined, for cross-references and the object inventory."""

    path: str
    line: int
    kind: str
    name: str
    qualname: str

    @property
    def full_name(self) -> str:
        """``path::qualname``: the name that picks exactly one file."""
        return f"{self.path}::{self.qualname}"


class SymbolIndex:
    """Every symbol of the repository, looked up by name, qualified name or path::name.

    A prototype paired with its definition (*declarations*) is found only by its
    ``path::name``: by name, the definition stands for both."""

    def __init__(
        self, extractions: dict[str, Extraction], declarations: Declarations = NO_DECLARATIONS
    ):
        places = [
            SymbolPlace(path, symbol.line, symbol.kind, symbol.name, symbol.qualname)
            for path, extraction in extractions.items()
            for symbol in extraction.symbols
        ]
        places.sort(key=lambda p: (p.path, p.line, p.qualname, p.kind))
        self.places: tuple[SymbolPlace, ...] = tuple(places)
        self._by_name: dict[str, list[SymbolPlace]] = defaultdict(list)
        self._by_qualname: dict[str, list[SymbolPlace]] = defaultdict(list)
        self._by_path: dict[str, list[SymbolPlace]] = defaultdict(list)
        self._declarations = declarations
        for place in places:
            self._by_path[place.path].append(place)
            if not self.is_paired_declaration(place):
                self._by_name[place.name].append(place)
                self._by_qualname[place.qualname].append(place)

    def find(self, target: str, kinds: frozenset[str] | None = None) -> list[SymbolPlace]:
        """Places for *target*, in (path, line) order: ``path::name`` picks a file; a
        qualified name is preferred over a bare name."""
        if "::" in target:
            path, _, name = target.partition("::")
            candidates = [p for p in self._by_path.get(path, ()) if name in (p.qualname, p.name)]
        else:
            candidates = self._by_qualname.get(target) or self._by_name.get(target) or []
        return [p for p in candidates if kinds is None or p.kind in kinds]

    def is_paired_declaration(self, place: SymbolPlace) -> bool:
        """A prototype whose definition stands for it (``core.declarations``)."""
        return (place.path, place.qualname, place.line) in self._declarations.home

    def is_unique(self, place: SymbolPlace) -> bool:
        return len(self._by_qualname.get(place.qualname, ())) == 1


def _is_stub(symbol: Symbol) -> bool:
    """A definition that is not the one that runs: an ``@overload`` signature, a
    property's setter or deleter (the getter stands for the property), a prototype."""
    return symbol.detail == "declaration" or any(
        d.rpartition(".")[2] in ("overload", "setter", "deleter") for d in symbol.decorators
    )


def primary_definitions(symbols: Iterable[Symbol]) -> dict[str, Symbol]:
    """Qualified name -> the definition its links and its symbol anchor go to: the first
    that is not a stub (``_is_stub``), else the first."""
    found: dict[str, Symbol] = {}
    for symbol in symbols:
        known = found.get(symbol.qualname)
        if known is None or (_is_stub(known) and not _is_stub(symbol)):
            found[symbol.qualname] = symbol
    return found


def defined_twice(symbols: Iterable[Symbol]) -> frozenset[str]:
    """The qualified names with more than one definition besides their stubs (two
    branches of an ``if``, which only running the code can choose between)."""
    seen: set[str] = set()
    twice: set[str] = set()
    for symbol in symbols:
        if not _is_stub(symbol):
            (twice if symbol.qualname in seen else seen).add(symbol.qualname)
    return frozenset(twice)
