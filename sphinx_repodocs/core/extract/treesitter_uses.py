"""Identifiers of a tree-sitter parse that may name a definition elsewhere.

Each family with a ``queries/<family>-uses.scm`` captures its value and type
identifiers, the names declared inside functions (a parameter or local variable hides a
global of the same name in the whole function, nested ones included: a conservative
reading) and, for Go, ``package.Name``. What remains becomes a chain for
``core.references_grammar``: ``v NAME`` (a value, a call, a macro), ``t NAME`` (a type),
``p PACKAGE NAME``, or for a Java call without a receiver ``m CLASS NAME`` (the class
around it); Rust's ``v``/``t`` chains end with the inline module around the name. A name
defined on the same line is its definition, not a use.
"""

from __future__ import annotations

import bisect
import functools
import importlib
from array import array
from importlib import resources
from typing import Any

from .base import NameUses, Symbol

#: Pygments lexer -> the family whose uses query it takes.
USE_FAMILIES = {"c": "c", "cpp": "c", "cuda": "c", "go": "go", "java": "java", "rust": "rust"}

#: Java declarations whose name is part of their methods' qualified names.
_JAVA_CLASSES = frozenset(
    {"class_declaration", "interface_declaration", "enum_declaration", "record_declaration"}
)

_CHAIN_KIND = {"use": "v", "type": "t"}
#: Parents whose identifier is a definition's name, never a use (``~Cache()``).
_NOT_USES = frozenset({"destructor_name"})


@functools.cache
def _query(lexer: str, language: Any) -> Any:
    family = USE_FAMILIES[lexer]
    text = resources.files("sphinx_repodocs").joinpath("queries", f"{family}-uses.scm")
    return importlib.import_module("tree_sitter").Query(language, text.read_text())


def _outermost_scopes(locals_: list[Any], scope_types: frozenset[str]) -> dict[int, set[str]]:
    """Start byte of the outermost function around each local -> the names declared."""
    found: dict[int, set[str]] = {}
    for node in locals_:
        if node.parent is not None and node.parent.type == "function_declarator":
            continue  # the function's own name, or a prototype of another one
        outer = None
        parent = node.parent
        while parent is not None:
            if parent.type in scope_types:
                outer = parent
            parent = parent.parent
        if outer is not None:
            found.setdefault(outer.start_byte, set()).add(node.text.decode("utf-8", "replace"))
    return found


class Packer:
    """Uses packed as ``NameUses`` holds them; a name on its own definition's line is
    left out."""

    def __init__(self, source: bytes, defined: set[tuple[str, int]]):
        self.lines = source.split(b"\n")
        self.defined = defined
        self.chains: dict[str, int] = {}
        self.positions: array[int] = array("I")

    def add(self, node: Any, name: str, chain: str) -> None:
        row, column = node.start_point
        if (name, row + 1) in self.defined or row >= len(self.lines):
            return
        line = self.lines[row]
        if not line.isascii():
            try:
                column = len(line[:column].decode("utf-8"))
            except UnicodeDecodeError:
                return
        index = self.chains.setdefault(chain, len(self.chains))
        self.positions.extend((row + 1, column, len(name), index))


def grammar_uses(
    lexer: str, language: Any, tree: Any, source: bytes, symbols: list[Symbol]
) -> NameUses | None:
    """The uses in *tree* (of *source*, whose definitions are *symbols*)."""
    if lexer not in USE_FAMILIES:
        return None
    cursor = importlib.import_module("tree_sitter").QueryCursor(_query(lexer, language))
    captures = cursor.captures(tree.root_node)
    scopes = captures.get("scope", [])
    scope_types = frozenset(node.type for node in scopes)
    shadowed = _outermost_scopes(captures.get("local", []), scope_types)
    starts = sorted(shadowed)
    ends = {node.start_byte: node.end_byte for node in scopes}
    skipped = {node.start_byte for key in ("package", "key") for node in captures.get(key, ())}
    packer = Packer(source, {(symbol.name, symbol.line) for symbol in symbols})
    uses = [(node, kind) for kind in ("use", "type") for node in captures.get(kind, ())]
    uses.sort(key=lambda item: item[0].start_byte)
    for node, kind in uses:
        start = node.start_byte
        if start in skipped or (node.parent is not None and node.parent.type in _NOT_USES):
            continue
        name = node.text.decode("utf-8", "replace")
        at = bisect.bisect_right(starts, start) - 1
        if at >= 0 and start < ends[starts[at]] and name in shadowed[starts[at]]:
            continue
        if kind == "use" and lexer == "java":  # a method of the class, or an outer one
            owner = _java_class(node)
            if owner:
                packer.add(node, name, f"m {owner} {name}")
            continue
        if lexer == "rust":  # the module around it names what it sees
            packer.add(node, name, f"{_CHAIN_KIND[kind]} {name} {_rust_module(node)}".rstrip())
            continue
        packer.add(node, name, f"{_CHAIN_KIND[kind]} {name}")
    for member in sorted(captures.get("member", []), key=_start):
        parent = member.parent
        package = parent.child_by_field_name("operand") or parent.child_by_field_name("package")
        if package is not None:
            name = member.text.decode("utf-8", "replace")
            packer.add(member, name, f"p {package.text.decode('utf-8', 'replace')} {name}")
    return NameUses(chains="\n".join(packer.chains), positions=packer.positions.tobytes())


def _java_class(node: Any) -> str:
    """The qualified name of the class around *node* (``Outer.Inner``), or ""."""
    names: list[str] = []
    parent = node.parent
    while parent is not None:
        if parent.type in _JAVA_CLASSES and (name := parent.child_by_field_name("name")):
            names.append(name.text.decode("utf-8", "replace"))
        elif parent.type in ("object_creation_expression", "enum_constant"):
            return ""  # an anonymous class: its methods have no qualified name here
        parent = parent.parent
    return ".".join(reversed(names))


def _rust_module(node: Any) -> str:
    """The path of the inline modules around *node* (``tests``, ``a::b``), or ""."""
    names: list[str] = []
    parent = node.parent
    while parent is not None:
        if parent.type == "mod_item" and (name := parent.child_by_field_name("name")):
            names.append(name.text.decode("utf-8", "replace"))
        parent = parent.parent
    return "::".join(reversed(names))


def _start(node: Any) -> int:
    return int(node.start_byte)
