"""Which Python identifiers may name a repository definition, from the syntax tree.

Python's own scope rules decide what each name is: function, lambda and comprehension
scopes hold their parameters and whatever they bind anywhere in them (``global`` and
``nonlocal`` move a name out; a walrus in a comprehension binds in the function
around it); a class body sees its own names, the functions in it do not. A name
bound in a function is local and never linked. What is left is written as a *chain*
for ``core.references_python`` to resolve once every file is read:

* ``g a.b.c``: the module-level name ``a``, then its attributes;
* ``s C x.y``: ``self.x`` (or ``cls.x``) in a method of class ``C``, or ``x`` used in
  the body of class ``C``; then attributes;
* ``i LEVEL MODULE NAME``: a name in an import statement (``NAME`` empty: the module).

The file's module- and class-level bindings go with them, as ``(key, binding)``
pairs: key ``name`` or ``Class.qualname.name``; binding ``d`` (a ``def`` or ``class``
here), ``m LEVEL MODULE`` (``import``), ``n LEVEL MODULE NAME`` (``from … import``),
``x`` (anything else: an assignment, ``self.name = …`` in a method); key
``Class.qualname()``: ``B base|base``, the class's bases as global chains (``?`` for
one that is not a plain dotted name). The tree is walked once; nothing is executed.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from typing import Any

from .base import NameUses
from .python_scopes import Collector, Scope
from .python_tree import TreeNodes, dotted_name

_FROM_MODULE = re.compile(r"from\s+(\.*)\s*([A-Za-z_][\w.]*)")
#: Nodes that hold no name: contexts, operators, constants.
_LEAVES = frozenset(
    cls
    for base in (ast.expr_context, ast.operator, ast.boolop, ast.cmpop, ast.unaryop)
    for cls in base.__subclasses__()
) | {ast.Constant, ast.Pass, ast.Break, ast.Continue}


def _type_name(annotation: ast.expr) -> str:
    """The class an annotation names: ``C``, ``m.C``, ``"C"``, ``C | None``,
    ``Optional[C]``."""
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):
        sides = [annotation.left, annotation.right]
        kept = [
            side for side in sides if not (isinstance(side, ast.Constant) and side.value is None)
        ]
        return _type_name(kept[0]) if len(kept) == 1 else ""
    if (
        isinstance(annotation, ast.Subscript)
        and dotted_name(annotation.value).rpartition(".")[2] == "Optional"
    ):
        return _type_name(annotation.slice)
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        written = annotation.value.strip()  # a forward reference: "Config"
        return written if all(part.isidentifier() for part in written.split(".")) else ""
    return dotted_name(annotation)


def _children(node: ast.AST) -> list[ast.AST]:
    """*node*'s child nodes that may hold names, in field order (quicker than
    ``ast.iter_child_nodes``)."""
    found: list[ast.AST] = []
    for name in node._fields:
        value = getattr(node, name, None)
        if isinstance(value, list):
            found.extend(
                item for item in value if type(item) not in _LEAVES and isinstance(item, ast.AST)
            )
        elif isinstance(value, ast.AST) and type(value) not in _LEAVES:
            found.append(value)
    return found


def _parameters(arguments: ast.arguments) -> list[str]:
    names = [a.arg for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)]
    names.extend(star.arg for star in (arguments.vararg, arguments.kwarg) if star is not None)
    return names


def _evaluated_outside(arguments: ast.arguments) -> list[ast.AST]:
    """Defaults and annotations: evaluated where the function is defined."""
    found: list[ast.AST] = [*arguments.defaults, *filter(None, arguments.kw_defaults)]
    for argument in (
        *arguments.posonlyargs,
        *arguments.args,
        *arguments.kwonlyargs,
        *filter(None, (arguments.vararg, arguments.kwarg)),
    ):
        if argument.annotation is not None:
            found.append(argument.annotation)
    return found


class _Walker:
    """One walk of the tree: scopes, bindings, and the uses left for the end."""

    def __init__(self, collector: Collector, nodes: TreeNodes | None):
        self.collector = collector
        self.stack: list[tuple[ast.AST, Scope]] = []
        self.nodes = (
            nodes
            if nodes is not None
            else TreeNodes(ast.Module(body=[], type_ignores=[]), walk=False)
        )

    def run(self, tree: ast.Module) -> None:
        handlers: dict[type[ast.AST], Callable[[Any, Scope], None]] = {
            ast.Name: self.name,
            ast.Attribute: self.attribute,
            ast.FunctionDef: self.function,
            ast.AsyncFunctionDef: self.function,
            ast.ClassDef: self.class_,
            ast.Lambda: self.lambda_,
            ast.ListComp: self.comprehension,
            ast.SetComp: self.comprehension,
            ast.DictComp: self.comprehension,
            ast.GeneratorExp: self.comprehension,
            ast.Import: self.import_,
            ast.ImportFrom: self.import_,
            ast.Assign: self.assignment,
            ast.AnnAssign: self.assignment,
            ast.NamedExpr: self.walrus,
            ast.Global: self.declaration,
            ast.Nonlocal: self.declaration,
            ast.ExceptHandler: self.named,
            ast.MatchAs: self.named,
            ast.MatchStar: self.named,
            ast.MatchMapping: self.named,
            ast.Call: self.call,
        }
        stack = self.stack
        module = self.collector.module
        stack.extend((node, module) for node in reversed(tree.body))
        while stack:
            node, scope = stack.pop()
            handler = handlers.get(type(node))
            if handler is None:
                stack.extend((child, scope) for child in reversed(_children(node)))
            else:
                handler(node, scope)

    def push(self, nodes: list[ast.AST], scope: Scope) -> None:
        self.stack.extend((node, scope) for node in reversed(nodes))

    def call(self, node: ast.Call, scope: Scope) -> None:
        self.nodes.calls.append(node)
        self.push(_children(node), scope)

    def name(self, node: ast.Name, scope: Scope) -> None:
        if isinstance(node.ctx, ast.Load):
            self.collector.pending.append((scope, node, [], False))
        else:
            self.collector.store(scope, node.id)

    def lambda_(self, node: ast.Lambda, scope: Scope) -> None:
        inner = Scope("function", scope.qualname, scope)
        inner.bound.update(_parameters(node.args))
        inner.parameters = frozenset(inner.bound)
        self.push(_evaluated_outside(node.args), scope)
        self.push([node.body], inner)

    def assignment(self, node: ast.Assign | ast.AnnAssign, scope: Scope) -> None:
        self.nodes.assignments.append(node)
        if scope.kind in ("function", "class"):
            self.note_type(node, scope)
        self.push(_children(node), scope)

    def walrus(self, node: ast.NamedExpr, scope: Scope) -> None:
        if isinstance(node.target, ast.Name):
            self.collector.bind_walrus(scope, node.target.id)
            self.push([node.value], scope)
        else:
            self.push(_children(node), scope)

    def declaration(self, node: ast.Global | ast.Nonlocal, scope: Scope) -> None:
        names = scope.declared_global if isinstance(node, ast.Global) else scope.declared_nonlocal
        names.update(node.names)

    def named(
        self, node: ast.ExceptHandler | ast.MatchAs | ast.MatchStar | ast.MatchMapping, scope: Scope
    ) -> None:
        """A handler's ``as`` name, a capture pattern's name: stores."""
        name = node.rest if isinstance(node, ast.MatchMapping) else node.name
        if name:
            self.collector.store(scope, name)
        self.push(_children(node), scope)

    def note_type(self, node: ast.Assign | ast.AnnAssign, scope: Scope) -> None:
        """What an assignment says of a name's class: ``x = Class(…)`` (or ``f(…)``, as
        its return annotation says) and ``x: Class`` in a function (a local), ``self.x``
        in a method (also ``self.x = x`` of a parameter ``x: Class``) and ``x`` in a
        class body (an attribute, as ``A`` annotated, ``T`` assigned or ``T ?`` assigned
        anything else)."""
        target: ast.expr
        reader = scope  # the scope that reads the class's name
        if isinstance(node, ast.AnnAssign):
            target, kind, name = node.target, "A", _type_name(node.annotation)
        elif len(node.targets) == 1:
            target, kind = node.targets[0], "T"
            name = dotted_name(node.value.func) if isinstance(node.value, ast.Call) else ""
            value = node.value
            if isinstance(value, ast.Name) and value.id in scope.parameters:
                typed = scope.typed.get(value.id)  # an annotated parameter, not rebound yet
                if typed is not None and not scope.local.get(value.id):
                    reader, name = typed
        else:
            return
        if isinstance(target, ast.Name) and scope.kind == "function":
            if name:
                scope.typed[target.id] = (reader, name)
        elif isinstance(target, ast.Name):
            self.collector.attribute_types.append(
                (reader, f"{scope.qualname}.{target.id}", kind, name)
            )
        elif (
            isinstance(target, ast.Attribute)
            and isinstance(target.value, ast.Name)
            and target.value.id == scope.self_name
        ):
            key = f"{scope.self_class}.{target.attr}"
            self.collector.attribute_types.append((reader, key, kind, name))

    def attribute(self, node: ast.Attribute, scope: Scope) -> None:
        attributes: list[ast.Attribute] = []
        base: ast.expr = node
        while isinstance(base, ast.Attribute):
            attributes.append(base)
            base = base.value
        self.nodes.attributes.extend(attributes)
        if isinstance(base, ast.Name):
            attributes.reverse()
            stored = not isinstance(node.ctx, ast.Load)
            self.collector.pending.append((scope, base, attributes, stored))
        else:
            self.push([base], scope)

    def function(self, node: ast.FunctionDef | ast.AsyncFunctionDef, scope: Scope) -> None:
        self.nodes.functions.append(node)
        self.collector.bind(scope, node.name, "d")
        outside: list[ast.AST] = [*node.decorator_list, *_evaluated_outside(node.args)]
        if node.returns is not None:
            outside.append(node.returns)
        qualname = f"{scope.qualname}.{node.name}" if scope.qualname else node.name
        if node.returns is not None and (returned := _type_name(node.returns)):
            self.collector.attribute_types.append((scope, f"{qualname}->", "R", returned))
        inner = Scope("function", qualname, scope)
        parameters = _parameters(node.args)
        inner.bound.update(parameters)
        inner.parameters = frozenset(parameters)
        for argument in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs):
            if argument.annotation is not None and (name := _type_name(argument.annotation)):
                inner.typed[argument.arg] = (scope, name)
        static = any(
            isinstance(d, ast.Name) and d.id == "staticmethod" for d in node.decorator_list
        )
        positional = [*node.args.posonlyargs, *node.args.args]
        if scope.kind == "class" and positional and not static:
            inner.self_name, inner.self_class = positional[0].arg, scope.qualname
        self.push(outside, scope)
        self.push(list(node.body), inner)

    def class_(self, node: ast.ClassDef, scope: Scope) -> None:
        self.nodes.classes.append(node)
        self.collector.bind(scope, node.name, "d")
        qualname = f"{scope.qualname}.{node.name}" if scope.qualname else node.name
        bases = "|".join(
            dotted_name(base.value if isinstance(base, ast.Subscript) else base) or "?"
            for base in node.bases
        )
        self.collector.bindings.append((f"{qualname}()", f"B {bases}"))
        self.push([*node.decorator_list, *node.bases, *(k.value for k in node.keywords)], scope)
        self.push(list(node.body), Scope("class", qualname, scope))

    def comprehension(self, node: ast.expr, scope: Scope) -> None:
        generators: list[ast.comprehension] = node.generators  # type: ignore[attr-defined]
        inner = Scope("comprehension", scope.qualname, scope)
        inside: list[ast.AST] = []
        for number, generator in enumerate(generators):
            inside.append(generator.target)
            if number:
                inside.append(generator.iter)
            inside.extend(generator.ifs)
        if isinstance(node, ast.DictComp):
            inside.extend((node.key, node.value))
        else:
            inside.append(node.elt)  # type: ignore[attr-defined]
        self.push([generators[0].iter], scope)
        self.push(inside, inner)

    def import_(self, node: ast.Import | ast.ImportFrom, scope: Scope) -> None:
        self.nodes.imports.append(node)
        collector = self.collector
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            self.from_module(node)
            for alias in node.names:
                if alias.name == "*":
                    continue
                collector.bind(
                    scope, alias.asname or alias.name, f"n {node.level} {module} {alias.name}"
                )
                end = alias.col_offset + len(alias.name.encode("utf-8"))
                chain = f"i {node.level} {module} {alias.name}"
                collector.use(alias.lineno, alias.col_offset, end, chain, alias.name)
                self.alias_name(alias, chain)
            return
        for alias in node.names:
            top = alias.name.partition(".")[0]
            if alias.asname:
                collector.bind(scope, alias.asname, f"m 0 {alias.name}")
            else:
                collector.bind(scope, top, f"m 0 {top}")
            start = alias.col_offset
            parts = alias.name.split(".")
            for count, part in enumerate(parts, 1):
                end = start + len(part.encode("utf-8"))
                collector.use(alias.lineno, start, end, f"i 0 {'.'.join(parts[:count])} ", part)
                start = end + 1
            self.alias_name(alias, f"i 0 {alias.name} ")

    def alias_name(self, alias: ast.alias, chain: str) -> None:
        """The name after ``as``: the same definition as the name before it."""
        if alias.asname and alias.end_col_offset is not None and alias.end_lineno is not None:
            start = alias.end_col_offset - len(alias.asname.encode("utf-8"))
            self.collector.use(alias.end_lineno, start, alias.end_col_offset, chain, alias.asname)

    def from_module(self, node: ast.ImportFrom) -> None:
        """The module of ``from a.b import c``: each of its names, as written on the
        statement's first line."""
        if not node.module:
            return
        lines = self.collector.columns.lines
        line = lines[node.lineno - 1] if 0 < node.lineno <= len(lines) else ""
        found = _FROM_MODULE.match(line, node.col_offset) if line.isascii() else None
        if found is None or found.group(2) != node.module:
            return
        start = found.start(2)
        parts = node.module.split(".")
        for count, part in enumerate(parts, 1):
            chain = f"i {node.level} {'.'.join(parts[:count])} "
            self.collector.use(node.lineno, start, start + len(part), chain, part)
            start += len(part) + 1


def python_name_uses(tree: ast.Module, text: str, nodes: TreeNodes | None = None) -> NameUses:
    """The identifiers of *tree* (parsed from *text*) that may name a definition; the
    same walk fills *nodes* (calls, classes, ... for the fact rules) when given."""
    stars = [
        ("*", f"n {node.level} {node.module or ''} *")
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and any(a.name == "*" for a in node.names)
    ]
    collector = Collector(text, bool(stars))
    collector.bindings.extend(stars)
    _Walker(collector, nodes).run(tree)
    if nodes is not None:
        nodes.imports.sort(key=lambda node: (node.lineno, node.col_offset))
    return collector.result()
