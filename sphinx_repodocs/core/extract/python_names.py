"""Which Python identifiers may name a repository definition, from the syntax tree.

Python's own scope rules decide what each name is: function, lambda and comprehension
scopes hold their parameters and whatever they bind (``global`` and ``nonlocal`` move
a name out); a class body sees its own names, the functions in it do not. A name bound
in a function is local and never linked. What is left is written as a *chain* for
``core.references_python`` to resolve once every file is read:

* ``g a.b.c``: the module-level name ``a``, then its attributes;
* ``s C x.y``: ``self.x`` (or ``cls.x``) in a method of class ``C``, then attributes;
* ``i LEVEL MODULE NAME``: a name in an import statement (``NAME`` empty: the module).

The file's module- and class-level bindings go with them, as ``(key, binding)``
pairs: key ``name`` or ``Class.qualname.name``; binding ``d`` (a ``def`` or ``class``
here), ``m LEVEL MODULE`` (``import``), ``n LEVEL MODULE NAME`` (``from … import``),
``x`` (anything else: an assignment, ``self.name = …`` in a method); key
``Class.qualname()``: ``B base|base``, the class's bases as global chains (``?`` for one
that is not a plain dotted name). Nothing is executed or imported.
"""

from __future__ import annotations

import ast
from array import array
from dataclasses import dataclass, field

from .base import NameUses

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


@dataclass(slots=True)
class _Scope:
    kind: str  # "module", "class" or "function"
    qualname: str
    parent: _Scope | None
    bound: set[str] = field(default_factory=set)
    declared_global: set[str] = field(default_factory=set)
    declared_nonlocal: set[str] = field(default_factory=set)
    #: A method's first parameter (``self``/``cls``) and its class's qualname.
    self_name: str = ""
    self_class: str = ""


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
            column = len(raw[:start].decode("utf-8"))
            return column, len(raw[start:end].decode("utf-8"))
        except UnicodeDecodeError:
            return None


class _Collector:
    def __init__(self, text: str):
        self.columns = _Columns(text)
        self.chains: dict[str, int] = {}
        self.positions = array("I")
        self.bindings: list[tuple[str, str]] = []
        self.module = _Scope("module", "", None)
        self.star_import = False

    def use(self, line: int, start: int, end: int, chain: str, name: str) -> None:
        span = self.columns.span(line, start, end)
        if span is None or span[1] != len(name):
            return  # an identifier Python normalised (NFKC): its text is not its name
        index = self.chains.setdefault(chain, len(self.chains))
        self.positions.extend((line, span[0], span[1], index))

    def result(self) -> NameUses:
        chains, positions = tuple(self.chains), self.positions.tobytes()
        return NameUses(chains=chains, positions=positions, bindings=tuple(self.bindings))

    def defines(self, name: str) -> bool:
        """Whether a module-level *name* can be a definition: bound here, or maybe by
        a star import."""
        return name in self.module.bound or self.star_import

    def enter(self, kind: str, qualname: str, parent: _Scope, body: list[ast.AST]) -> _Scope:
        scope = _Scope(kind, qualname, parent)
        for node in body:
            _collect_bindings(node, scope)
        return scope

    def lookup(self, name: str, scope: _Scope) -> _Scope | None:
        """The module or class scope that binds *name* where *scope* uses it (the
        module's when no scope binds it: a builtin, or a star import's); None when a
        function binds it (a local)."""
        found = self.binder(name, scope)
        return found if found.kind != "function" else None

    def binder(self, name: str, scope: _Scope) -> _Scope:
        """The scope whose *name* a use in *scope* means."""
        current: _Scope | None = scope
        first = True
        while current is not None:
            if current.kind == "class" and not first:
                current = current.parent
                continue
            if name in current.declared_global:
                return self.module
            if name in current.declared_nonlocal:
                outer = current.parent
                while outer is not None and (outer.kind != "function" or name not in outer.bound):
                    outer = outer.parent
                return outer if outer is not None else current
            if name in current.bound:
                return current
            first = False
            current = current.parent
        return self.module

    def walk(self, node: ast.AST, scope: _Scope) -> None:
        stack: list[tuple[ast.AST, _Scope]] = [(node, scope)]
        while stack:
            current, where = stack.pop()
            children = self.visit(current, where)
            if children is not None:
                stack.extend((child, where) for child in reversed(children))

    def visit(self, node: ast.AST, scope: _Scope) -> list[ast.AST] | None:
        """Handle *node*; return the children to walk in the same scope."""
        if isinstance(node, ast.Name):
            if isinstance(node.ctx, ast.Load):
                self.name(node, scope)
            return None
        if isinstance(node, ast.Attribute):
            return self.attribute(node, scope)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self.function(node, scope)
            return None
        if isinstance(node, ast.ClassDef):
            self.class_(node, scope)
            return None
        if isinstance(node, ast.Lambda):
            self.walk_all([*node.args.defaults, *filter(None, node.args.kw_defaults)], scope)
            inner = self.enter("function", scope.qualname, scope, [])
            inner.bound.update(_parameters(node.args))
            self.walk(node.body, inner)
            return None
        if isinstance(node, _COMPREHENSIONS):
            self.comprehension(node, scope)
            return None
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            self.import_(node)
            return None
        return list(ast.iter_child_nodes(node))

    def walk_all(self, nodes: list[ast.expr] | list[ast.stmt], scope: _Scope) -> None:
        for node in nodes:
            self.walk(node, scope)

    def name(self, node: ast.Name, scope: _Scope) -> None:
        found = self.lookup(node.id, scope)
        if found is None or (found is self.module and not self.defines(node.id)):
            return
        chain = f"s {found.qualname} {node.id}" if found.kind == "class" else f"g {node.id}"
        self.use(node.lineno, node.col_offset, node.end_col_offset or 0, chain, node.id)

    def attribute(self, node: ast.Attribute, scope: _Scope) -> list[ast.AST] | None:
        attributes: list[ast.Attribute] = []
        base: ast.expr = node
        while isinstance(base, ast.Attribute):
            attributes.append(base)
            base = base.value
        if not isinstance(base, ast.Name):
            return [attributes[-1].value]
        binder = self.binder(base.id, scope)
        found = binder if binder.kind != "function" else None
        if binder.self_name and binder.self_name == base.id:
            prefix = f"s {binder.self_class} "
            dotted: list[str] = []
        elif found is not None and found.kind != "class":
            self.name(base, scope)
            prefix, dotted = "g ", [base.id]
        else:
            self.name(base, scope)
            return None
        stored = not isinstance(node.ctx, ast.Load)
        if stored and len(attributes) == 1 and prefix.startswith("s "):
            self.bindings.append((f"{binder.self_class}.{node.attr}", "x"))
        for attribute in reversed(attributes):
            if stored and attribute is node:
                break  # ``x.name = …`` binds, it does not use
            dotted.append(attribute.attr)
            end = attribute.end_col_offset or 0
            start = end - len(attribute.attr.encode("utf-8"))
            line = attribute.end_lineno or attribute.lineno
            self.use(line, start, end, prefix + ".".join(dotted), attribute.attr)
        return None

    def function(self, node: ast.FunctionDef | ast.AsyncFunctionDef, scope: _Scope) -> None:
        self.walk_all(node.decorator_list, scope)
        arguments = node.args
        self.walk_all([*arguments.defaults, *filter(None, arguments.kw_defaults)], scope)
        for argument in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs):
            if argument.annotation is not None:
                self.walk(argument.annotation, scope)
        for star in (arguments.vararg, arguments.kwarg):
            if star is not None and star.annotation is not None:
                self.walk(star.annotation, scope)
        if node.returns is not None:
            self.walk(node.returns, scope)
        qualname = f"{scope.qualname}.{node.name}" if scope.qualname else node.name
        inner = self.enter("function", qualname, scope, list(node.body))
        inner.bound.update(_parameters(arguments))
        if scope.kind == "class":
            self_name = _self_parameter(node)
            if self_name and not _rebinds(node, self_name):
                inner.self_name, inner.self_class = self_name, scope.qualname
        self.walk_all(node.body, inner)

    def class_(self, node: ast.ClassDef, scope: _Scope) -> None:
        self.walk_all([*node.decorator_list, *node.bases], scope)
        for keyword in node.keywords:
            self.walk(keyword.value, scope)
        qualname = f"{scope.qualname}.{node.name}" if scope.qualname else node.name
        inner = self.enter("class", qualname, scope, list(node.body))
        bases = "|".join(_dotted(base) or "?" for base in node.bases)
        self.bindings.append((f"{qualname}()", f"B {bases}"))
        for statement in node.body:
            for name, binding in _statement_bindings(statement):
                self.bindings.append((f"{qualname}.{name}", binding))
        self.walk_all(node.body, inner)

    def comprehension(self, node: ast.expr, scope: _Scope) -> None:
        generators: list[ast.comprehension] = node.generators  # type: ignore[attr-defined]
        self.walk(generators[0].iter, scope)
        inner = self.enter("function", scope.qualname, scope, [])
        for generator in generators:
            inner.bound.update(_stored_names(generator.target))
        self.walk_all([g.target for g in generators], inner)
        self.walk_all([g.iter for g in generators[1:]], inner)
        self.walk_all([test for g in generators for test in g.ifs], inner)
        if isinstance(node, ast.DictComp):
            self.walk_all([node.key, node.value], inner)
        else:
            self.walk(node.elt, inner)  # type: ignore[attr-defined]

    def import_(self, node: ast.Import | ast.ImportFrom) -> None:
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            for alias in node.names:
                if alias.name == "*" or not hasattr(alias, "col_offset"):
                    continue
                end = alias.col_offset + len(alias.name.encode("utf-8"))
                chain = f"i {node.level} {module} {alias.name}"
                self.use(alias.lineno, alias.col_offset, end, chain, alias.name)
            return
        for alias in node.names:
            if not hasattr(alias, "col_offset"):
                continue
            start = alias.col_offset
            parts = alias.name.split(".")
            for count, part in enumerate(parts, 1):
                end = start + len(part.encode("utf-8"))
                self.use(alias.lineno, start, end, f"i 0 {'.'.join(parts[:count])} ", part)
                start = end + 1


def _parameters(arguments: ast.arguments) -> set[str]:
    names = {a.arg for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)}
    names.update(star.arg for star in (arguments.vararg, arguments.kwarg) if star is not None)
    return names


def _self_parameter(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    """The method's first parameter, unless it is a static method."""
    if any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in node.decorator_list):
        return ""
    positional = [*node.args.posonlyargs, *node.args.args]
    return positional[0].arg if positional else ""


def _rebinds(node: ast.FunctionDef | ast.AsyncFunctionDef, name: str) -> bool:
    return any(
        isinstance(child, ast.Name) and child.id == name and not isinstance(child.ctx, ast.Load)
        for child in ast.walk(node)
    )


def _dotted(node: ast.expr) -> str:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return ""
    parts.append(node.id)
    return ".".join(reversed(parts))


def _stored_names(target: ast.AST) -> set[str]:
    return {
        node.id
        for node in ast.walk(target)
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load)
    }


def _own_nodes(node: ast.AST) -> list[ast.AST]:
    """*node* and what it holds in its own scope: not the bodies of nested functions,
    lambdas, classes or comprehensions (whose walrus targets still bind here)."""
    found: list[ast.AST] = []
    stack = [node]
    while stack:
        current = stack.pop()
        found.append(current)
        if isinstance(current, _SCOPES):
            continue
        if isinstance(current, _COMPREHENSIONS):
            found.extend(n.target for n in ast.walk(current) if isinstance(n, ast.NamedExpr))
            continue
        stack.extend(ast.iter_child_nodes(current))
    return found


def _collect_bindings(statement: ast.AST, scope: _Scope) -> None:
    for node in _own_nodes(statement):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            scope.bound.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            scope.bound.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            scope.bound.update(name for name, _ in _import_bindings(node) if name != "*")
        elif isinstance(node, ast.Global):
            scope.declared_global.update(node.names)
        elif isinstance(node, ast.Nonlocal):
            scope.declared_nonlocal.update(node.names)
        elif (isinstance(node, ast.ExceptHandler) and node.name) or (
            isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name
        ):
            scope.bound.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            scope.bound.add(node.rest)
    scope.bound -= scope.declared_global | scope.declared_nonlocal


def _import_bindings(node: ast.Import | ast.ImportFrom) -> list[tuple[str, str]]:
    if isinstance(node, ast.Import):
        return [
            (alias.asname, f"m 0 {alias.name}")
            if alias.asname
            else (alias.name.partition(".")[0], f"m 0 {alias.name.partition('.')[0]}")
            for alias in node.names
        ]
    module = node.module or ""
    return [
        (alias.asname or alias.name, f"n {node.level} {module} {alias.name}")
        for alias in node.names
    ]


def _statement_bindings(statement: ast.AST) -> list[tuple[str, str]]:
    """What one module- or class-level statement binds there, and how."""
    found: list[tuple[str, str]] = []
    for node in _own_nodes(statement):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found.append((node.name, "d"))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            found.extend(_import_bindings(node))
        elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            found.append((node.id, "x"))
        elif isinstance(node, ast.ExceptHandler) and node.name:
            found.append((node.name, "x"))
    return found


def python_name_uses(tree: ast.Module, text: str) -> NameUses:
    """The identifiers of *tree* (parsed from *text*) that may name a definition."""
    collector = _Collector(text)
    module = collector.module
    collector.star_import = any(
        isinstance(node, ast.ImportFrom) and any(a.name == "*" for a in node.names)
        for node in tree.body
    )
    for statement in tree.body:
        _collect_bindings(statement, module)
        collector.bindings.extend(_statement_bindings(statement))
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            collector.bindings.extend((name, "x") for name in node.names)
    collector.walk_all(tree.body, module)
    return collector.result()
