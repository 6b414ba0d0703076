"""Python symbols and imports from the syntax tree (``ast``): exact, never from text.

Names inside strings, comments and f-strings never count, since only definition and
import statements are read. Nothing is executed or imported.
"""

from __future__ import annotations

import ast
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..phrases import P_
from .base import Extraction, Import, ImportedName, NameUses, ParseProblem, Symbol, SymbolKind
from .docstring_text import docstring_overview, docstring_summary
from .python_facts import python_facts
from .python_names import python_name_uses
from .python_tree import TreeNodes, short_source

METHOD = P_("Python's ast module")

#: Longest condition or decorator text kept for a page.


@dataclass(frozen=True, slots=True)
class _Scope:
    qualname: str
    in_class: bool
    in_function: bool
    condition: str


def extract_python(text: str, path: str = "") -> Extraction:
    try:
        with warnings.catch_warnings():
            # The repository's SyntaxWarnings ("invalid escape sequence") are its own
            # business, not lines on the build's stderr.
            warnings.simplefilter("ignore")
            tree = ast.parse(text, filename=path or "<file>")
    except SyntaxError as error:
        message = f"{type(error).__name__}: {error.msg}"
        return Extraction(method=METHOD, problem=ParseProblem(message, error.lineno))
    except (RecursionError, MemoryError):
        return Extraction(
            method=METHOD,
            problem=ParseProblem(P_("the syntax tree is nested too deeply for Python's parser")),
        )
    except ValueError as error:  # e.g. "source code string cannot contain null bytes"
        return Extraction(method=METHOD, problem=ParseProblem(str(error)))
    symbols: list[Symbol] = []
    imports: list[Import] = []
    try:
        _walk(tree.body, _Scope("", False, False, ""), symbols, imports)
    except RecursionError:
        return Extraction(
            method=METHOD,
            problem=ParseProblem(P_("definitions are nested too deeply to list")),
        )
    nodes: TreeNodes | None = TreeNodes(tree, walk=False)
    try:
        uses: NameUses | None = python_name_uses(tree, text, nodes)
    except RecursionError:
        uses, nodes = None, None  # the facts' own walk finds the nodes
    try:
        facts, running = python_facts(tree, nodes)
    except RecursionError:
        facts, running = (), None
    return Extraction(
        method=METHOD,
        symbols=tuple(symbols),
        imports=tuple(imports),
        summary=docstring_overview(ast.get_docstring(tree, clean=True)),
        facts=facts,
        running=running,
        uses=uses,
    )


def _walk(
    statements: Iterable[ast.stmt], scope: _Scope, symbols: list[Symbol], imports: list[Import]
) -> None:
    for statement in statements:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            qualname = f"{scope.qualname}.{statement.name}" if scope.qualname else statement.name
            is_class = isinstance(statement, ast.ClassDef)
            kind: SymbolKind = "class" if is_class else ("method" if scope.in_class else "function")
            symbols.append(
                Symbol(
                    kind=kind,
                    name=statement.name,
                    qualname=qualname,
                    line=statement.lineno,
                    summary=_summary(statement),
                    decorators=tuple(
                        short_source(ast.unparse(d)) for d in statement.decorator_list
                    ),
                    detail="async" if isinstance(statement, ast.AsyncFunctionDef) else "",
                )
            )
            inner = _Scope(qualname, is_class, scope.in_function or not is_class, scope.condition)
            _walk(statement.body, inner, symbols, imports)
        elif isinstance(statement, ast.Import):
            for alias in statement.names:
                imports.append(
                    Import(
                        module=alias.name,
                        alias=alias.asname,
                        line=statement.lineno,
                        local=scope.in_function,
                        condition=scope.condition,
                    )
                )
        elif isinstance(statement, ast.ImportFrom):
            imports.append(
                Import(
                    module=statement.module or "",
                    names=tuple(ImportedName(a.name, a.asname) for a in statement.names),
                    line=statement.lineno,
                    level=statement.level,
                    local=scope.in_function,
                    condition=scope.condition,
                )
            )
        else:
            for body, condition in _nested_bodies(statement):
                _walk(body, _under(scope, condition), symbols, imports)


def _under(scope: _Scope, condition: str) -> _Scope:
    """*scope* for statements that run only under *condition* too."""
    if not condition:
        return scope
    if scope.condition:
        condition = P_(
            "{condition}; {other_condition}", condition=scope.condition, other_condition=condition
        )
    return _Scope(scope.qualname, scope.in_class, scope.in_function, condition)


def _nested_bodies(statement: ast.stmt) -> Iterator[tuple[list[ast.stmt], str]]:
    """Statement lists inside a compound statement, with the condition they run under."""
    if isinstance(statement, ast.If):
        test = short_source(ast.unparse(statement.test))
        yield statement.body, P_("if {test}", test=test)
        yield statement.orelse, P_("else of if {test}", test=test)
    elif isinstance(statement, (ast.Try, ast.TryStar)):
        caught = _caught(statement.handlers)
        yield statement.body, P_("try (except {caught})", caught=caught) if caught else ""
        for handler in statement.handlers:
            what = (
                short_source(ast.unparse(handler.type))
                if handler.type is not None
                else P_("any exception")
            )
            yield handler.body, P_("except {caught}", caught=what)
        yield (
            statement.orelse,
            P_("else of try (except {caught})", caught=caught) if caught else "",
        )
        yield statement.finalbody, ""
    elif isinstance(statement, (ast.For, ast.AsyncFor, ast.While)):
        yield statement.body, P_("in a loop")
        yield statement.orelse, P_("in a loop's else")
    elif isinstance(statement, (ast.With, ast.AsyncWith)):
        yield statement.body, ""
    elif isinstance(statement, ast.Match):
        for case in statement.cases:
            yield case.body, P_("case {pattern}", pattern=short_source(ast.unparse(case.pattern)))


def _caught(handlers: list[ast.ExceptHandler]) -> str:
    """What a try's handlers catch, as written: "ValueError, KeyError"; a bare
    ``except`` (always the last) is "any exception"."""
    named = ", ".join(short_source(ast.unparse(h.type)) for h in handlers if h.type is not None)
    if all(h.type is not None for h in handlers):
        return named
    return P_("{named}, any exception", named=named) if named else P_("any exception")


def _summary(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> str:
    return docstring_summary(ast.get_docstring(node, clean=True))
