"""Every name the repository defines, looked up by name, qualified name or
``path::name``: for the ``repo`` domain's roles and its object inventory. Pure."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .extract.base import Extraction


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
    """Every symbol of the repository, looked up by name, qualified name or path::name."""

    def __init__(self, extractions: dict[str, Extraction]):
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
        for place in places:
            self._by_name[place.name].append(place)
            self._by_qualname[place.qualname].append(place)
            self._by_path[place.path].append(place)

    def find(self, target: str, kinds: frozenset[str] | None = None) -> list[SymbolPlace]:
        """Places for *target*, in (path, line) order: ``path::name`` picks a file; a
        qualified name is preferred over a bare name."""
        if "::" in target:
            path, _, name = target.partition("::")
            candidates = [p for p in self._by_path.get(path, ()) if name in (p.qualname, p.name)]
        else:
            candidates = self._by_qualname.get(target) or self._by_name.get(target) or []
        return [p for p in candidates if kinds is None or p.kind in kinds]

    def is_unique(self, place: SymbolPlace) -> bool:
        return len(self._by_qualname.get(place.qualname, ())) == 1
