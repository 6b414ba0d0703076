"""Python name chains (``extract.python_names``) resolved to repository definitions.

A chain is followed the way Python would bind it, through the repository only: a
module-level name to its ``def``/``class`` or through its import (``from .core import
Option`` in a package's ``__init__.py`` makes ``pkg.Option`` core's ``Option``; a star
import counts when exactly one of them has the name); an attribute of a module to
that module's name or submodule; an attribute of a class (``self.x`` too) to the
class's method or nested class, else to the first of its bases, left to right, that
has it. A name bound more than once (a ``try``/``except ImportError`` fallback, an
assignment besides the ``def``), a class attribute that is not a ``def``, and a base
that is not in the repository stop the walk: no link rather than a guess. Pure.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from .imports import PythonModules
from .model import RepoModel
from .symbols import defined_twice

#: How many bindings a chain may go through (re-exports of re-exports ...).
_MAX_DEPTH = 24


@dataclass(frozen=True, slots=True)
class Module:
    path: str
    is_folder: bool = False


@dataclass(frozen=True, slots=True)
class Defined:
    path: str
    qualname: str


@dataclass(frozen=True, slots=True)
class Instance:
    """An object of a repository class (an attribute whose class is known)."""

    of: Defined


Value = Module | Defined | Instance
#: How a chain of one kind starts: (its value, the attributes that follow).
_Start = Callable[["PythonResolver", str, str], tuple[Value | None, list[str]]]


class PythonResolver:
    def __init__(self, model: RepoModel, modules: PythonModules):
        self.model = model
        self.modules = modules
        self._bindings: dict[str, dict[str, list[str]]] = {}
        self._globals: dict[tuple[str, str], Value | None] = {}
        self._defined_twice: dict[str, frozenset[str]] = {}

    def resolve(self, path: str, chain: str) -> Value | None:
        """What *chain*, used in the file *path*, names; None when not certain."""
        kind, _, rest = chain.partition(" ")
        if kind == "g":
            return self._dotted(path, rest, 0)
        if kind == "i":
            level, module, name = rest.split(" ")
            return self.imported(path, int(level), module, name, 0)
        start = self._CHAIN_STARTS.get(kind)
        if start is None:
            return None
        value, attributes = start(self, path, rest)
        for attribute in attributes:
            if value is None:
                return None
            value = self.attribute(value, attribute, 0)
        return value

    def _self_member(self, path: str, rest: str) -> tuple[Value | None, list[str]]:
        """``s Class x.y``: a member of a class of this file, then attributes."""
        owner, _, dotted = rest.partition(" ")
        head, *attributes = dotted.split(".")
        return self.member(Defined(path, owner), head, 0), attributes

    def _local_definition(self, path: str, rest: str) -> tuple[Value | None, list[str]]:
        """``l qualname x.y``: a def or class inside a function, then attributes."""
        qualname, _, dotted = rest.partition(" ")
        value = Defined(path, qualname) if self.runs_once(path, qualname) else None
        return value, dotted.split(".") if dotted else []

    def _instance_member(self, path: str, rest: str) -> tuple[Value | None, list[str]]:
        """``o Class x.y``: a member of an instance of a known class, then attributes."""
        dotted, _, names = rest.partition(" ")
        head, *attributes = names.split(".")
        owner = self.instance_class(path, dotted, 0)
        return (self.member(owner, head, 0) if owner is not None else None), attributes

    def instance_class(self, path: str, dotted: str, depth: int) -> Defined | None:
        """The repository class of what *dotted* makes when called: a class, or a
        function whose return annotation names one (``-> CoverageData``)."""
        value = self._dotted(path, dotted, depth + 1)
        if not isinstance(value, Defined):
            return None
        table = self.bindings(value.path)
        if f"{value.qualname}()" in table:
            return value
        returned = table.get(f"{value.qualname}->")
        if returned is None or len(returned) != 1 or not returned[0].startswith("R "):
            return None
        found = self._dotted(value.path, returned[0][2:], depth + 1)
        if isinstance(found, Defined) and f"{found.qualname}()" in self.bindings(found.path):
            return found
        return None

    def _local_import(self, path: str, rest: str) -> tuple[Value | None, list[str]]:
        """``k LEVEL MODULE NAME x.y``: a name a function imports (``-``: the module)."""
        level, module, name, *more = rest.split(" ", 3)
        value = self.imported(path, int(level), module, "" if name == "-" else name, 0)
        return value, more[0].split(".") if more and more[0] else []

    _CHAIN_STARTS: ClassVar[dict[str, _Start]] = {
        "s": _self_member,
        "l": _local_definition,
        "o": _instance_member,
        "k": _local_import,
    }

    def runs_once(self, path: str, qualname: str) -> bool:
        """Whether one definition of *qualname* in *path* runs (not two branches)."""
        twice = self._defined_twice.get(path)
        if twice is None:
            extraction = self.model.extractions.get(path)
            symbols = extraction.symbols if extraction is not None else ()
            twice = self._defined_twice[path] = defined_twice(symbols)
        return qualname not in twice

    # --- bindings --------------------------------------------------------------------

    def bindings(self, path: str) -> dict[str, list[str]]:
        found = self._bindings.get(path)
        if found is None:
            found = defaultdict(list)
            extraction = self.model.extractions.get(path)
            if extraction is not None and extraction.uses is not None:
                for key, binding in extraction.uses.binding_pairs():
                    found[key].append(binding)
            self._bindings[path] = found
        return found

    def global_name(self, path: str, name: str, depth: int) -> Value | None:
        key = (path, name)
        if key in self._globals:
            return self._globals[key]
        self._globals[key] = None  # a cycle of re-exports resolves to nothing
        value = self._global_name(path, name, depth)
        self._globals[key] = value
        return value

    def _global_name(self, path: str, name: str, depth: int) -> Value | None:
        if depth > _MAX_DEPTH:
            return None
        table = self.bindings(path)
        bindings = table.get(name)
        if bindings is None:
            found = {self._binding(path, name, star, depth) for star in table.get("*", ())}
            found.discard(None)
            return found.pop() if len(found) == 1 else None
        if all(binding == "d" for binding in bindings):
            return Defined(path, name) if self.runs_once(path, name) else None
        values = {self._binding(path, name, binding, depth) for binding in bindings}
        return values.pop() if len(values) == 1 else None

    def _binding(self, path: str, name: str, binding: str, depth: int) -> Value | None:
        kind, *fields = binding.split(" ")
        if kind == "m":
            return self.module(path, int(fields[0]), fields[1])
        if kind == "n":
            level, module, imported = fields
            wanted = name if imported == "*" else imported
            return self.imported(path, int(level), module, wanted, depth + 1)
        return None

    def module(self, path: str, level: int, module: str) -> Module | None:
        found = self.modules.find(path, module, level)
        return Module(*found) if found is not None else None

    def imported(self, path: str, level: int, module: str, name: str, depth: int) -> Value | None:
        """``from module import name`` (or ``import module``, *name* empty) in *path*."""
        if not name:
            return self.module(path, level, module)
        dotted = f"{module}.{name}" if module else name
        submodule = self.module(path, level, dotted)
        if submodule is not None and not submodule.is_folder:
            return submodule
        source = self.module(path, level, module)
        if source is None:
            return None
        return self.attribute(source, name, depth + 1)

    # --- attributes ------------------------------------------------------------------

    def attribute(self, value: Value, name: str, depth: int) -> Value | None:
        if isinstance(value, Instance):
            return self.member(value.of, name, depth + 1)
        if isinstance(value, Module):
            found = None if value.is_folder else self.global_name(value.path, name, depth + 1)
            if found is not None:
                return found
            if value.is_folder or value.path.rpartition("/")[2].startswith("__init__."):
                folder = value.path if value.is_folder else value.path.rpartition("/")[0]
                return self.module(folder + "/__init__.py", 1, name)
            return None
        return self.member(value, name, depth + 1)

    def member(self, owner: Defined, name: str, depth: int) -> Value | None:
        """*name* on the class *owner*: its own, or its first base's that has it."""
        found = self._member(owner, name, depth)
        return found if isinstance(found, (Module, Defined, Instance)) else None

    def _member(self, owner: Defined, name: str, depth: int) -> Value | str | None:
        """The member, ``_ABSENT`` when neither the class nor its bases (all in the
        repository) have it, None when that is not known."""
        if depth > _MAX_DEPTH:
            return None
        table = self.bindings(owner.path)
        bindings = table.get(f"{owner.qualname}.{name}")
        if bindings is not None:
            qualname = f"{owner.qualname}.{name}"
            if all(binding == "d" for binding in bindings):
                return (
                    Defined(owner.path, qualname) if self.runs_once(owner.path, qualname) else None
                )
            return self._attribute_class(owner.path, bindings, depth)
        bases = table.get(f"{owner.qualname}()")
        if not bases or len(bases) != 1:
            return None  # not a class, or two classes of that name
        written = bases[0].removeprefix("B ")
        for base in written.split("|") if written else ():
            if base == "object":
                continue
            value = self._dotted(owner.path, base, depth + 1)
            if not isinstance(value, Defined):
                return None  # a base outside the repository may define it
            found = self._member(value, name, depth + 1)
            if found != _ABSENT:
                return found
        return _ABSENT

    def _attribute_class(self, path: str, bindings: list[str], depth: int) -> Instance | None:
        """The class of an attribute: what its annotations say when they agree, else
        what every assignment says (``x = Class(…)``) when they all agree."""
        annotated = {b[2:] for b in bindings if b.startswith("A ")}
        assigned = [b[2:] for b in bindings if b.startswith("T ")]
        if len(annotated) == 1:
            (dotted,) = annotated
        elif (
            not annotated
            and len(set(assigned)) == 1
            and assigned[0] != "?"
            and len(assigned) == bindings.count("x")  # no assignment the types miss
        ):
            dotted = assigned[0]
        else:
            return None
        if not annotated:  # assigned: a class called, or a function that returns one
            found = self.instance_class(path, dotted, depth)
            return Instance(found) if found is not None else None
        value = self._dotted(path, dotted, depth + 1)
        if isinstance(value, Defined) and f"{value.qualname}()" in self.bindings(value.path):
            return Instance(value)
        return None

    def _dotted(self, path: str, dotted: str, depth: int) -> Value | None:
        head, *attributes = dotted.split(".")
        value = self.global_name(path, head, depth)
        for attribute in attributes:
            if value is None:
                return None
            value = self.attribute(value, attribute, depth)
        return value


#: What ``_member`` says of a name no class on the way has.
_ABSENT = "absent"
