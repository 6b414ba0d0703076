"""What the tree-sitter walkers share: the names found so far and small node helpers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .base import Import, Symbol, SymbolKind


@dataclass
class Found:
    symbols: list[Symbol] = field(default_factory=list)
    imports: list[Import] = field(default_factory=list)
    #: Names of macros that broke the parse (C family: ``c_macros``).
    macros: set[bytes] = field(default_factory=set)


def node_text(node: Any, source: bytes) -> str:
    return source[node.start_byte : node.end_byte].decode("utf-8", "replace")


def node_line(node: Any) -> int:
    return int(node.start_point[0]) + 1


def add_symbol(
    found: Found,
    kind: SymbolKind,
    name: str,
    scope: tuple[str, ...],
    node: Any,
    separator: str,
    detail: str = "",
) -> None:
    if not name.strip():
        return  # a name the grammar recovered as missing is no name
    qualname = separator.join((*scope, name))
    found.symbols.append(
        Symbol(
            kind=kind,
            name=name,
            qualname=qualname,
            line=node_line(node),
            detail=detail,
        )
    )


Child = tuple[Any, tuple[str, ...], str]
Walker = Callable[[Any, tuple[str, ...], str, bytes, Found], list[Child]]


def recurse(node: Any, scope: tuple[str, ...], container: str) -> list[Child]:
    return [(child, scope, container) for child in node.named_children]


def descendants(node: Any, node_type: str) -> list[Any]:
    result = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == node_type:
            result.append(current)
        stack.extend(reversed(current.named_children))
    return result


def has_error_child(node: Any) -> bool:
    """Whether one of *node*'s own children is an error (not a deeper one)."""
    return any(child.type == "ERROR" for child in node.children)


def walk_tree(walker: Walker, tree: Any, source: bytes) -> Found:
    """Everything *walker* finds in *tree* of *source*."""
    found = Found()
    # An explicit stack: grammars nest deeply on macro-heavy code.
    stack: list[tuple[Any, tuple[str, ...], str]] = [(tree.root_node, (), "")]
    while stack:
        node, scope, container = stack.pop()
        stack.extend(reversed(walker(node, scope, container, source, found)))
    return found
