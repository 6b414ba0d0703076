"""JavaScript and TypeScript names resolved among the definitions a module sees.

A module sees what it declares at its top level and what it imports from repository
files: ``import {a as b} from "./x"`` (b is x's export a), ``import d from "./x"``
(x's default export, where x names it), ``import * as ns from "./x"`` (``ns.a``) and
the same through ``require`` at the top level. An export is a top-level declaration of
the exporting module (``export function a``, ``exports.a = function``) or one of its
re-exports (``export {a} from "./y"``, ``export * from "./y"``), followed to the module
that declares it. A function or class declared inside a function is what its name means in that
function (the extraction says so: ``d NAME LINE``). ``this.m`` in a method of a
top-level class is that class's method;
``Name.m`` is the method ``m`` written on a class or object ``Name`` (``static m()``,
``Name.m = function``). A name seen more than once, or declared only as an overload
signature besides, links to its one body; anything else links nowhere. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass

from .extract.base import Symbol
from .imports import ImportGraph
from .model import RepoModel

#: (path, qualname, line): one of the definitions of a qualified name, by its line.
LinePlace = tuple[str, str, int]

#: "type": a TypeScript interface or type alias (a class-kind definition, no value).
_TYPE_KINDS = frozenset({"class", "type"})
_VALUE_KINDS = frozenset({"function", "class", "constant", "variable"})
_ANY_KINDS = _TYPE_KINDS | _VALUE_KINDS
#: Chain -> what it can name: a value, a type, a name an import binds.
_NAME_KINDS = {"v": _VALUE_KINDS, "t": _TYPE_KINDS, "i": _ANY_KINDS}
_TYPES_ONLY = frozenset({"interface", "type"})
#: Re-exports are followed this far (a barrel of barrels), then left.
_MAX_DEPTH = 8


@dataclass(frozen=True, slots=True)
class Binding:
    """A name a module imports: *export* of *target*; ``"*"``: the module (``import *
    as ns``), ``"="``: the module as ``require`` gives it (called, its default export)."""

    target: str
    export: str


@dataclass(slots=True)
class ModuleNames:
    """What one module declares, imports and re-exports."""

    #: Top-level declarations: name -> their lines (a nested function of that name,
    #: which the extraction also names by itself, is not one).
    top: dict[str, frozenset[int]]
    default: str
    imported: dict[str, Binding]
    #: Re-exported name -> its binding; ``export * from`` targets.
    reexported: dict[str, Binding]
    stars: tuple[str, ...]
    symbols: tuple[Symbol, ...]


class JsResolver:
    def __init__(self, model: RepoModel, graph: ImportGraph):
        self.model = model
        self.graph = graph
        self._modules: dict[str, ModuleNames] = {}

    def resolve(self, path: str, chain: str) -> LinePlace | None:
        kind, _, rest = chain.partition(" ")
        if kind in _NAME_KINDS:
            return self._name(path, rest, _NAME_KINDS[kind], 0)
        owner, _, name = rest.partition(" ")
        if kind == "m":
            return self._member(path, owner, name)
        if kind == "d":
            return self._local(path, owner, name)
        if kind == "x":
            return self._export(path, rest, _ANY_KINDS, 0)
        if kind not in ("p", "P"):
            return None
        return self._qualified(path, owner, name, _TYPE_KINDS if kind == "P" else _VALUE_KINDS)

    def _qualified(
        self, path: str, owner: str, name: str, kinds: frozenset[str]
    ) -> LinePlace | None:
        """``owner.name``: an export of a module imported whole, or a method written on
        a class or object of this module or imported from another."""
        module = self.names(path)
        binding = module.imported.get(owner)
        if owner in module.top:
            return self._member(path, owner, name)
        if binding is None:
            return None
        if binding.export == "*":
            return self._export(binding.target, name, kinds, 0)
        if binding.export == "=":  # exports.name, or a member of module.exports
            place = self._export(binding.target, name, kinds, 0)
            default = self._export(binding.target, "default", _ANY_KINDS, 0)
            if place is None and default is not None:
                place = self._member(default[0], default[1], name)
            return place
        place = self._export(binding.target, binding.export, _ANY_KINDS, 0)
        return self._member(place[0], place[1], name) if place is not None else None

    def _name(self, path: str, name: str, kinds: frozenset[str], depth: int) -> LinePlace | None:
        module = self.names(path)
        if name in module.top:
            return _unique(path, module.symbols, name, kinds, module.top[name])
        binding = module.imported.get(name)
        if binding is None or binding.export == "*":
            return None
        export = "default" if binding.export == "=" else binding.export
        return self._export(binding.target, export, kinds, depth + 1)

    def _export(self, path: str, name: str, kinds: frozenset[str], depth: int) -> LinePlace | None:
        if depth > _MAX_DEPTH:
            return None
        module = self.names(path)
        if name == "default":
            return self._name(path, module.default, kinds, depth) if module.default else None
        if name in module.top:
            return _unique(path, module.symbols, name, kinds, module.top[name])
        binding = module.reexported.get(name)
        if binding is not None:
            return self._export(binding.target, binding.export, kinds, depth + 1)
        found = {self._export(star, name, kinds, depth + 1) for star in module.stars}
        found.discard(None)
        return found.pop() if len(found) == 1 else None

    def _local(self, path: str, name: str, line: str) -> LinePlace | None:
        """The function or class *name* declared on *line* of *path*."""
        found = {
            (s.qualname, s.line)
            for s in self.names(path).symbols
            if s.name == name and str(s.line) == line and s.kind in _ANY_KINDS
        }
        return (path, *found.pop()) if len(found) == 1 else None

    def _member(self, path: str, owner: str, name: str) -> LinePlace | None:
        symbols = self.names(path).symbols
        return _unique(path, symbols, f"{owner}.{name}", frozenset({"method"}))

    # --- what a module has ----------------------------------------------------------

    def names(self, path: str) -> ModuleNames:
        found = self._modules.get(path)
        if found is None:
            found = self._modules[path] = self._read(path)
        return found

    def _read(self, path: str) -> ModuleNames:
        extraction = self.model.extractions.get(path)
        if extraction is None:
            return ModuleNames({}, "", {}, {}, (), ())
        targets = {
            (d.line, d.written): d.target
            for d in self.graph.dependencies.get(path, ())
            if d.status == "repo" and d.target and not d.target_is_folder
        }
        top: dict[str, frozenset[int]] = {}
        default = ""
        imported: dict[str, Binding] = {}
        for key, value in extraction.uses.binding_pairs() if extraction.uses else ():
            if key == ":top":
                top = _declarations(value)
            elif key == ":default":
                default = value
            else:
                _required(key, value, targets, imported)
        reexported: dict[str, Binding] = {}
        stars: list[str] = []
        for statement in extraction.imports:
            target = targets.get((statement.line, statement.module))
            if target is None:
                continue
            into = reexported if statement.kind == "export" else imported
            if statement.alias:
                into[statement.alias] = Binding(target, "*")
            elif statement.kind == "export" and not statement.names:
                stars.append(target)
            for imported_name in statement.names:
                local = imported_name.alias or imported_name.name
                into[local] = Binding(target, imported_name.name)
        return ModuleNames(
            top, default, imported, reexported, tuple(stars), tuple(extraction.symbols)
        )


def _required(
    local: str, value: str, targets: dict[tuple[int, str], str], into: dict[str, Binding]
) -> None:
    """A ``require`` binding: ``* LINE SPECIFIER`` or ``. LINE EXPORT SPECIFIER``."""
    whole, _, rest = value.partition(" ")
    line, _, rest = rest.partition(" ")
    export, specifier = ("=", rest) if whole == "*" else rest.partition(" ")[::2]
    target = targets.get((int(line), specifier)) if line.isdigit() else None
    if target is not None and export:
        into[local] = Binding(target, export)


def _declarations(written: str) -> dict[str, frozenset[int]]:
    """``:top``'s ``NAME:LINE`` list as name -> lines."""
    found: dict[str, set[int]] = {}
    for entry in written.split(" "):
        name, _, line = entry.rpartition(":")
        if name and line.isdigit():
            found.setdefault(name, set()).add(int(line))
    return {name: frozenset(lines) for name, lines in found.items()}


def _unique(
    path: str,
    symbols: tuple[Symbol, ...],
    qualname: str,
    kinds: frozenset[str],
    lines: frozenset[int] | None = None,
) -> LinePlace | None:
    """*qualname* in *path* when it has one body (overload signatures aside), by its
    line: another definition of that qualified name may come first (``{optional() {}}``
    in an object, then ``function optional``)."""
    found = [
        s
        for s in symbols
        if s.qualname == qualname and _kind(s) in kinds and (lines is None or s.line in lines)
    ]
    bodies = [s for s in found if s.detail != "declaration"] or found
    return (path, qualname, bodies[0].line) if len(bodies) == 1 else None


def _kind(symbol: Symbol) -> str:
    """What a use can name *symbol* as: ``"type"`` for an interface or type alias."""
    return "type" if symbol.kind == "class" and symbol.detail in _TYPES_ONLY else symbol.kind
