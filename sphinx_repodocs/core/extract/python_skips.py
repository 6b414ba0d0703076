"""When a Python test does not run: skip decorators (unittest's and pytest's, and a
project's own ``@requires_gpu``), ``pytest.importorskip`` and a module's ``pytestmark``.
Read from the syntax tree; nothing is evaluated. Pure."""

from __future__ import annotations

import ast

from ..phrases import P_
from .python_tree import ImportedNames, short_source

_ALWAYS = frozenset({"unittest.skip", "pytest.mark.skip"})
_SKIP_IF = frozenset({"unittest.skipIf", "pytest.mark.skipif"})
_SKIP_UNLESS = frozenset({"unittest.skipUnless"})
#: A project's own decorators that skip unless something is there, by name.
_NEEDS_PREFIXES = ("requires", "needs", "skip_if", "skip_unless", "skipif", "skipunless")


def skip_condition(
    node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef, names: ImportedNames
) -> str:
    """Why the test may be skipped, from its decorators ("" when it always runs)."""
    return _joined(list(filter(None, (_decorator(d, names) for d in node.decorator_list))))


def module_condition(tree: ast.Module, names: ImportedNames) -> str:
    """Why all of a module's tests may be skipped: a top-level ``importorskip`` or a
    ``pytestmark`` skip."""
    found: list[str] = []
    for statement in tree.body:
        value = statement.value if isinstance(statement, (ast.Expr, ast.Assign)) else None
        if isinstance(value, ast.Call) and names.dotted(value.func) == "pytest.importorskip":
            module = value.args[0] if value.args else None
            if isinstance(module, ast.Constant) and isinstance(module.value, str):
                found.append(P_("skipped unless {module} can be imported", module=module.value))
        elif isinstance(statement, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "pytestmark" for t in statement.targets
        ):
            marks = (
                statement.value.elts if isinstance(statement.value, ast.List) else [statement.value]
            )
            found.extend(filter(None, (_decorator(mark, names) for mark in marks)))
    return _joined(list(dict.fromkeys(found)))


def _joined(conditions: list[str]) -> str:
    """The conditions one after the other, as one phrase ("" for none)."""
    if not conditions:
        return ""
    text = conditions[0]
    for condition in conditions[1:]:
        text = P_("{condition}; {other_condition}", condition=text, other_condition=condition)
    return text


def _decorator(decorator: ast.expr, names: ImportedNames) -> str:
    call = decorator if isinstance(decorator, ast.Call) else None
    dotted = names.dotted(call.func if call else decorator) or ""
    first = call.args[0] if call and call.args else None
    if dotted in _ALWAYS:
        return P_("always skipped")
    if dotted in _SKIP_IF and first is not None:
        return P_("skipped if {condition}", condition=short_source(ast.unparse(first)))
    if dotted in _SKIP_UNLESS and first is not None:
        return P_("skipped unless {condition}", condition=short_source(ast.unparse(first)))
    name = dotted.rpartition(".")[2]
    if name.lower().startswith(_NEEDS_PREFIXES) and not dotted.startswith(("pytest.", "unittest.")):
        return P_("skipped where @{decorator} says so", decorator=name)
    return ""
