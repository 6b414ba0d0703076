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
from .syntax_tree import Found
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
    found = Found()
    walker = WALKERS[_FAMILY[lexer]]
    # An explicit stack: grammars nest deeply on macro-heavy code.
    stack: list[tuple[Any, tuple[str, ...], str]] = [(tree.root_node, (), "")]
    while stack:
        node, scope, container = stack.pop()
        children = walker(node, scope, container, source, found)
        stack.extend(reversed(children))
    problem = None
    if tree.root_node.has_error:
        error_line = _first_errornode_line(tree.root_node)
        problem_text = "the parser recovered from syntax it does not understand"
        # A partial parse still lists what it found; the note says so.
        problem = ParseProblem(problem_text, error_line) if not found.symbols else None
    symbols = sorted(found.symbols, key=lambda s: (s.line, s.qualname))
    return Extraction(
        method=method_name(lexer),
        symbols=tuple(symbols),
        imports=tuple(sorted(found.imports, key=lambda i: i.line)),
        problem=problem,
    )


def _first_errornode_line(root: Any) -> int | None:
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "ERROR" or node.is_missing:
            return int(node.start_point[0]) + 1
        stack.extend(reversed([c for c in node.children if c.has_error or c.is_missing]))
    return None
