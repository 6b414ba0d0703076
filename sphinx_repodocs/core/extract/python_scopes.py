"""Scopes, bindings and chains of Python names: what ``python_names``' walk of a
module records, and how each use becomes a chain (see ``python_names``)."""

from __future__ import annotations

import ast
from array import array
from dataclasses import dataclass, field

from .base import NameUses


@dataclass(slots=True, eq=False)
class Scope:
    kind: str  # "module", "class", "function" or "comprehension"
    qualname: str
    parent: Scope | None
    bound: set[str] = field(default_factory=set)
    declared_global: set[str] = field(default_factory=set)
    declared_nonlocal: set[str] = field(default_factory=set)
    #: A method's first parameter (``self``/``cls``), its class, whether it is rebound.
    self_name: str = ""
    self_class: str = ""
    self_rebound: bool = False
    #: A function's own bindings, by name (not its parameters): one ``def`` or one
    #: import makes the name a link.
    local: dict[str, list[str]] = field(default_factory=dict)
    parameters: frozenset[str] = frozenset()
    #: Locals whose class is known (an annotated parameter, ``x = Class(…)``): the
    #: scope that reads the class's dotted name, and the name.
    typed: dict[str, tuple[Scope, str]] = field(default_factory=dict)


#: Uses waiting for the walk to end (a function's names are all known only then):
#: (scope, base name node, attributes from the base outwards, last one is stored).
Pending = tuple[Scope, ast.Name, list[ast.Attribute], bool]


class _Columns:
    """Byte columns (what ``ast`` gives) as character columns, per line."""

    def __init__(self, text: str):
        self.lines = text.split("\n")

    def span(self, line: int, start: int, end: int) -> tuple[int, int] | None:
        if not 0 < line <= len(self.lines):
            return None
        source = self.lines[line - 1]
        if source.isascii():
            return start, end - start
        raw = source.encode("utf-8", "surrogatepass")
        try:
            return len(raw[:start].decode("utf-8")), len(raw[start:end].decode("utf-8"))
        except UnicodeDecodeError:
            return None


class Collector:
    def __init__(self, text: str, star_import: bool):
        self.columns = _Columns(text)
        self.chains: dict[str, int] = {}
        self.positions: array[int] = array("I")
        self.bindings: list[tuple[str, str]] = []
        self.module = Scope("module", "", None)
        self.star_import = star_import
        self.pending: list[Pending] = []
        #: (scope that reads the class name, attribute key, "A" or "T", dotted name)
        self.attribute_types: list[tuple[Scope, str, str, str]] = []

    def use(self, line: int, start: int, end: int, chain: str, name: str) -> None:
        span = self.columns.span(line, start, end)
        if span is None or span[1] != len(name):
            return  # an identifier Python normalised (NFKC): its text is not its name
        index = self.chains.setdefault(chain, len(self.chains))
        self.positions.extend((line, span[0], span[1], index))

    def result(self) -> NameUses:
        for scope, base, attributes, stored in self.pending:
            self.resolve(scope, base, attributes, stored)
        for scope, key, kind, dotted in self.attribute_types:
            head = dotted.partition(".")[0]
            known = dotted and self.binder(head, scope) is self.module and head in self.module.bound
            self.bindings.append((key, f"{kind} {dotted}" if known else "T ?"))
        chains, positions = "\n".join(self.chains), self.positions.tobytes()
        bindings = "\n".join(f"{key}\t{binding}" for key, binding in self.bindings)
        return NameUses(chains=chains, positions=positions, bindings=bindings)

    # --- bindings --------------------------------------------------------------------

    def bind(self, scope: Scope, name: str, binding: str) -> None:
        if name in scope.declared_global:
            self.bindings.append((name, "x"))
            self.module.bound.add(name)
            return
        scope.bound.add(name)
        if scope.kind == "module":
            self.bindings.append((name, binding))
        elif scope.kind == "class":
            self.bindings.append((f"{scope.qualname}.{name}", binding))
        else:
            scope.local.setdefault(name, []).append(binding)
            if name == scope.self_name:
                scope.self_rebound = True

    def store(self, scope: Scope, name: str) -> None:
        self.bind(scope, name, "x")

    def bind_walrus(self, scope: Scope, name: str) -> None:
        while scope.kind == "comprehension" and scope.parent is not None:
            scope = scope.parent
        self.store(scope, name)

    def typed_chain(self, scope: Scope, name: str) -> str | None:
        """``o Class.dotted``: a local of a known class, bound only once (a parameter
        never rebound, or one assignment), whose class is a module-level name."""
        typed = scope.typed.get(name)
        if typed is None or scope.kind != "function":
            return None
        bindings = scope.local.get(name, [])
        if len(bindings) != (0 if name in scope.parameters else 1):
            return None
        where, dotted = typed
        head = dotted.partition(".")[0]
        if self.binder(head, where) is not self.module or head not in self.module.bound:
            return None
        return f"o {dotted}"

    # --- resolving -------------------------------------------------------------------

    def binder(self, name: str, scope: Scope) -> Scope:
        """The scope whose *name* a use in *scope* means (the module's when none
        binds it: a builtin, or a star import's)."""
        current: Scope | None = scope
        first = True
        while current is not None:
            if current.kind == "class" and not first:
                current = current.parent
                continue
            if name in current.declared_global:
                return self.module
            if name in current.declared_nonlocal or name in current.bound:
                return current
            first = False
            current = current.parent
        return self.module

    def resolve(
        self, scope: Scope, base: ast.Name, attributes: list[ast.Attribute], stored: bool
    ) -> None:
        binder = self.binder(base.id, scope)
        if binder.self_name == base.id and not binder.self_rebound and attributes:
            prefix, dotted = f"s {binder.self_class} ", []
            if stored and len(attributes) == 1:
                self.bindings.append((f"{binder.self_class}.{attributes[0].attr}", "x"))
        elif binder.kind == "class":
            prefix, dotted = f"s {binder.qualname} ", [base.id]
        elif binder.kind == "module" and (base.id in self.module.bound or self.star_import):
            prefix, dotted = "g ", [base.id]
        elif attributes and (typed := self.typed_chain(binder, base.id)) is not None:
            prefix, dotted = typed + " ", []
        elif (local := local_chain(binder, base.id)) is not None:
            self.use(base.lineno, base.col_offset, base.end_col_offset or 0, local, base.id)
            prefix, dotted = local + " ", []
        else:
            return
        if dotted:
            end = base.end_col_offset or 0
            self.use(base.lineno, base.col_offset, end, prefix + base.id, base.id)
        for number, attribute in enumerate(attributes, 1):
            if stored and number == len(attributes):
                break  # ``x.name = …`` binds, it does not use
            dotted.append(attribute.attr)
            end = attribute.end_col_offset or 0
            start = end - len(attribute.attr.encode("utf-8"))
            line = attribute.end_lineno or attribute.lineno
            self.use(line, start, end, prefix + ".".join(dotted), attribute.attr)


def local_chain(scope: Scope, name: str) -> str | None:
    """The chain of a function's own *name*, when one ``def``/``class`` or one import
    binds it there (and nothing else): ``l QUALNAME`` or ``k LEVEL MODULE NAME``."""
    bindings = scope.local.get(name)
    if scope.kind != "function" or bindings is None or len(bindings) != 1:
        return None
    if name in scope.parameters or name in scope.declared_nonlocal:
        return None
    kind, *fields = bindings[0].split(" ")
    if kind == "d":
        return f"l {scope.qualname}.{name}"
    if kind == "m":
        return f"k {fields[0]} {fields[1]} -"
    if kind == "n":
        return f"k {' '.join(fields)}"
    return None
