"""C, C++, CUDA, JavaScript, TypeScript, Go, Rust and Java via tree-sitter grammars.

The grammars are per-language wheels from the package index (the ``languages`` extra);
when one is missing, :func:`extract_treesitter` returns ``None`` and the caller falls
back to Pygments tokens. Only definitions and imports are read from the syntax tree, so
names in strings and comments never count.
"""

from __future__ import annotations

import functools
import importlib
from typing import Any

from .base import Extraction, ParseProblem
from .c_macros import blank_macros, first_branches
from .syntax_tree import Found, Walker
from .treesitter_walkers import WALKERS

#: Pygments lexer alias -> (grammar module, function returning the language pointer).
GRAMMARS: dict[str, tuple[str, str]] = {
    "c": ("tree_sitter_c", "language"),
    "cpp": ("tree_sitter_cpp", "language"),
    "cuda": ("tree_sitter_cuda", "language"),
    "javascript": ("tree_sitter_javascript", "language"),
    "jsx": ("tree_sitter_javascript", "language"),
    "typescript": ("tree_sitter_typescript", "language_typescript"),
    "tsx": ("tree_sitter_typescript", "language_tsx"),
    "go": ("tree_sitter_go", "language"),
    "rust": ("tree_sitter_rust", "language"),
    "java": ("tree_sitter_java", "language"),
}

_FAMILY = {
    "c": "c", "cpp": "c", "cuda": "c",
    "javascript": "js", "jsx": "js", "typescript": "js", "tsx": "js",
    "go": "go", "rust": "rust", "java": "java",
}  # fmt: skip


@functools.cache
def _parser(lexer: str) -> Any | None:
    spec = GRAMMARS.get(lexer)
    if spec is None:
        return None
    try:
        tree_sitter = importlib.import_module("tree_sitter")
        grammar = importlib.import_module(spec[0])
        return tree_sitter.Parser(tree_sitter.Language(getattr(grammar, spec[1])()))
    except (ImportError, AttributeError, ValueError, TypeError):
        return None


def available(lexer: str) -> bool:
    """Whether the grammar for *lexer* is installed."""
    return _parser(lexer) is not None


def method_name(lexer: str) -> str:
    module = GRAMMARS[lexer][0].replace("_", "-")
    return f"tree-sitter ({module})"


def extract_treesitter(text: str, lexer: str) -> Extraction | None:
    parser = _parser(lexer)
    if parser is None:
        return None
    source = text.encode("utf-8", "surrogatepass")
    tree = parser.parse(source)
    walker = WALKERS[_FAMILY[lexer]]
    method = method_name(lexer)
    found = _walk(walker, tree, source)
    if _FAMILY[lexer] == "c" and (found.macros or tree.root_node.has_error):
        tree, found, notes = _read_around_the_preprocessor(parser, walker, tree, source, found)
        method += "".join(notes)
    problem = partial = None
    if tree.root_node.has_error:
        error = ParseProblem(
            "the parser recovered from syntax it does not understand",
            _first_errornode_line(tree.root_node),
        )
        # A partial parse still lists what it found; the page says so.
        problem, partial = (None, error) if found.symbols else (error, None)
    symbols = sorted(found.symbols, key=lambda s: (s.line, s.qualname))
    return Extraction(
        method=method,
        symbols=tuple(symbols),
        imports=tuple(sorted(found.imports, key=lambda i: i.line)),
        problem=problem,
        partial=partial,
    )


#: Parses without suspected macros, at most.
_MACRO_ROUNDS = 3


def _read_around_the_preprocessor(
    parser: Any, walker: Walker, tree: Any, source: bytes, found: Found
) -> tuple[Any, Found, list[str]]:
    """C and C++ parsed again where the preprocessor broke the parse: without the
    macros the walker suspected, then as the first branch of each ``#if``. A parse is
    kept when it has no more errors and finds no fewer names (the suspects' own aside)."""
    notes: list[str] = []
    macros: frozenset[bytes] = frozenset()

    def names(found: Found) -> int:
        return sum(1 for s in found.symbols if s.name.encode("utf-8", "replace") not in macros)

    # A macro's shape can hide another's (the members of ``class EXPORT Cache {``):
    # each parse may suspect more, up to a few rounds.
    original = source
    for _round in range(_MACRO_ROUNDS):
        accepted = macros
        macros = accepted | found.macros
        if macros == accepted:
            break
        blanked = blank_macros(original, macros)
        second = parser.parse(blanked)
        again = _walk(walker, second, blanked)
        if _error_count(second.root_node) > _error_count(tree.root_node) or names(again) < names(
            found
        ):
            macros = accepted
            break
        tree, found, source = second, again, blanked
    if macros:
        left_out = ", ".join(name.decode("ascii") for name in sorted(macros))
        notes.append(f", with the macros {left_out} left out (the grammar cannot expand them)")
    if tree.root_node.has_error:
        branches = first_branches(source)
        third = parser.parse(branches)
        again = _walk(walker, third, branches)
        if _error_count(third.root_node) < _error_count(tree.root_node) and names(again) >= names(
            found
        ):
            notes.append(", reading the first branch of each #if (the parse failed across them)")
            tree, found = third, again
    return tree, found, notes


def _walk(walker: Walker, tree: Any, source: bytes) -> Found:
    found = Found()
    # An explicit stack: grammars nest deeply on macro-heavy code.
    stack: list[tuple[Any, tuple[str, ...], str]] = [(tree.root_node, (), "")]
    while stack:
        node, scope, container = stack.pop()
        stack.extend(reversed(walker(node, scope, container, source, found)))
    return found


def _error_count(root: Any) -> int:
    """How many error and missing nodes the tree has."""
    count = 0
    stack = [root]
    while stack:
        node = stack.pop()
        count += node.type == "ERROR" or node.is_missing
        stack.extend(c for c in node.children if c.has_error or c.is_missing)
    return count


def _first_errornode_line(root: Any) -> int | None:
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "ERROR" or node.is_missing:
            return int(node.start_point[0]) + 1
        stack.extend(reversed([c for c in node.children if c.has_error or c.is_missing]))
    return None
