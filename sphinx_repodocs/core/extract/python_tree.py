"""What the Python fact rules share: one walk over the tree, and names resolved
through the file's imports. Pure."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping


class TreeNodes:
    """The nodes the rules look at, by type, from one walk over the tree (each rule
    walking the tree itself took the standard library from seconds to a minute)."""

    def __init__(self, tree: ast.Module, *, walk: bool = True) -> None:
        """*walk* False: the caller's own walk fills the lists (``python_names``);
        imports then come in source order (the later of two bindings of one name is
        the one ``ImportedNames`` keeps)."""
        self.tree = tree
        self.calls: list[ast.Call] = []
        self.classes: list[ast.ClassDef] = []
        self.functions: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
        self.imports: list[ast.Import | ast.ImportFrom] = []
        self.assignments: list[ast.Assign | ast.AnnAssign] = []
        self.attributes: list[ast.Attribute] = []
        if not walk:
            return
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                self.calls.append(node)
            elif isinstance(node, ast.Attribute):
                self.attributes.append(node)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.functions.append(node)
            elif isinstance(node, ast.ClassDef):
                self.classes.append(node)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                self.imports.append(node)
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                self.assignments.append(node)


class ImportedNames:
    """What a name in this file stands for, from its imports (module level or not)."""

    def __init__(self, imports: Iterable[ast.Import | ast.ImportFrom]) -> None:
        self.aliases: dict[str, str] = {}
        for node in imports:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        self.aliases[alias.asname] = alias.name
                    else:
                        first = alias.name.partition(".")[0]
                        self.aliases[first] = first
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                for alias in node.names:
                    self.aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"

    def dotted(self, node: ast.expr) -> str:
        """``sp.run`` -> ``subprocess.run``; "" for anything but a (dotted) name."""
        return dotted_name(node, self.aliases)


def dotted_name(node: ast.expr, aliases: Mapping[str, str] | None = None) -> str:
    """``a.b.c`` as written, its first name through *aliases*; "" for anything but a
    (dotted) name."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return ""
    parts.append(aliases.get(node.id, node.id) if aliases else node.id)
    return ".".join(reversed(parts))


def keyword_argument(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def main_block(tree: ast.Module) -> ast.If | None:
    """The module's ``if __name__ == "__main__"`` block."""
    for statement in tree.body:
        if isinstance(statement, ast.If) and _is_main_test(statement.test):
            return statement
    return None


def _is_main_test(test: ast.expr) -> bool:
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return False
    if not isinstance(test.ops[0], ast.Eq):
        return False
    sides = [test.left, test.comparators[0]]
    has_name = any(isinstance(s, ast.Name) and s.id == "__name__" for s in sides)
    has_main = any(isinstance(s, ast.Constant) and s.value == "__main__" for s in sides)
    return has_name and has_main


#: Longest expression quoted on a page, in characters.
MAX_EXPRESSION = 80


def short_source(text: str) -> str:
    """*text* (an expression's source) on one line, cut with "…" past MAX_EXPRESSION."""
    text = " ".join(text.split())
    return text if len(text) <= MAX_EXPRESSION else text[: MAX_EXPRESSION - 1] + "…"
