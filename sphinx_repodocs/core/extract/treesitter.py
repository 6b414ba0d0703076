"""C, C++, CUDA, JavaScript, TypeScript, Go, Rust, Java and shell via tree-sitter grammars.

The grammars are per-language wheels from the package index (the ``languages`` extra);
when one is missing, :func:`extract_treesitter` returns ``None`` and the caller falls
back to Pygments tokens. Only definitions and imports are read from the syntax tree, so
names in strings and comments never count.
"""

from __future__ import annotations

import functools
import importlib
import re
from importlib import resources
from typing import Any

from ..phrases import P_
from .base import Extraction, Import, ParseProblem, Running, SymbolKind, TestCase
from .c_macros import defined_name, disabled_ranges
from .doc_comments import with_doc_comments
from .go_tests import go_tests
from .rust_tests import rust_tests
from .shell_recovery import functions_in_errors
from .spans import Spans
from .syntax_tree import Found, add_symbol, node_line, node_text, walk_tree
from .treesitter_preprocessor import Reading
from .treesitter_uses import grammar_uses
from .treesitter_uses_js import js_uses
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
    "bash": ("tree_sitter_bash", "language"),
    "yaml": ("tree_sitter_yaml", "language"),
}

_FAMILY = {
    "c": "c", "cpp": "c", "cuda": "c",
    "javascript": "js", "jsx": "js", "typescript": "js", "tsx": "js",
    "go": "go", "rust": "rust", "java": "java", "bash": "sh",
}  # fmt: skip


#: Families with a query file of definitions the walker cannot reach
#: (``sphinx_repodocs/queries/<family>.scm``).
QUERY_FAMILIES = frozenset({"c", "js"})


@functools.cache
def _query(lexer: str, purpose: str = "") -> Any | None:
    """The compiled query of *lexer*'s family (``<family>.scm``, or for a *purpose*
    ``<family>-<purpose>.scm``), or None (no file, or no grammar)."""
    family = _FAMILY.get(lexer)
    language = grammar_language(lexer)
    if (family not in QUERY_FAMILIES and not purpose) or language is None:
        return None
    name = f"{family}-{purpose}.scm" if purpose else f"{family}.scm"
    text = resources.files("sphinx_repodocs").joinpath("queries", name).read_text()
    return importlib.import_module("tree_sitter").Query(language, text)


#: A query's capture -> the kind of what it names.
_QUERY_KINDS: dict[str, SymbolKind] = {
    "definition.method": "method",
    "definition.class": "class",
    "definition.macro": "macro",
    "definition.function": "function",
}


_DEFINE = re.compile(rb"^[ \t]*#[ \t]*define\b", re.MULTILINE)


def _query_definitions(lexer: str, tree: Any, source: bytes, found: Found) -> None:
    """Add what the family's query finds and the walk did not (same name, same line)."""
    query = _query(lexer)
    if query is None:
        return
    if _FAMILY[lexer] == "c":
        # C's query finds macros: not worth a pass when the walk found every #define.
        walked = sum(1 for symbol in found.symbols if symbol.kind == "macro")
        if len(_DEFINE.findall(source)) <= walked:
            return
    tree_sitter = importlib.import_module("tree_sitter")
    known = {(symbol.name, symbol.line) for symbol in found.symbols}
    disabled = disabled_ranges(source) if _FAMILY[lexer] == "c" else Spans.of([])
    for _pattern, captures in tree_sitter.QueryCursor(query).matches(tree.root_node):
        kind = _QUERY_KINDS.get(
            next((key for key in captures if key.startswith("definition.")), ""), "function"
        )
        definition = next(
            (nodes[0] for key, nodes in captures.items() if key.startswith("definition")),
            None,
        )
        for name_node in captures.get("name", ()):
            if disabled.holds(name_node.start_byte):
                continue  # ``#if 0``, as the walker skips it
            name, line = node_text(name_node, source), node_line(name_node)
            if kind == "macro":  # from the line: the parser can name the wrong word
                name = (defined_name(definition, source) if definition else None) or ""
            if name and (name, line) not in known:
                known.add((name, line))
                declared = definition is not None and (
                    definition.type.endswith("declaration")
                    or definition.type == "method_definition"
                    or kind == "macro"
                )
                detail = "" if declared else "function expression"
                add_symbol(found, kind, name, (), name_node, ".", detail)


def _query_requires(lexer: str, tree: Any, source: bytes, found: Found) -> None:
    """``require("./x")`` and ``import("./x")`` anywhere, as imports."""
    query = _query(lexer, "requires")
    if query is None or (b"require" not in source and b"import(" not in source):
        return
    cursor = importlib.import_module("tree_sitter").QueryCursor(query)
    known = {(statement.module, statement.line) for statement in found.imports}
    for node in cursor.captures(tree.root_node).get("path", ()):
        module, line = node_text(node, source), node_line(node)
        if (module, line) not in known:
            known.add((module, line))
            found.imports.append(Import(module=module, line=line))


@functools.cache
def grammar_language(lexer: str) -> Any | None:
    """The installed grammar of *lexer* as a ``tree_sitter.Language``, or None."""
    spec = GRAMMARS.get(lexer)
    if spec is None:
        return None
    try:
        tree_sitter = importlib.import_module("tree_sitter")
        grammar = importlib.import_module(spec[0])
        return tree_sitter.Language(getattr(grammar, spec[1])())
    except (ImportError, AttributeError, ValueError, TypeError):
        return None


#: Grammars whose scanner hands a character to C's ``isdigit``, which reads beyond its
#: table for anything past ASCII: tree-sitter-bash 0.25.1 (``{`` then U+D0001 ends the
#: process with a segmentation fault). They are given each non-ASCII byte as ``x``: the
#: same offsets, lines and structure (those bytes are word characters to the grammar),
#: while names are still read from the file's own bytes. (Two heredoc delimiters that
#: differ only in non-ASCII letters of the same length would read as one.)
_ASCII_ONLY = frozenset({"bash"})
_TO_ASCII = bytes(range(128)) + b"x" * 128


@functools.cache
def _parser(lexer: str) -> Any | None:
    language = grammar_language(lexer)
    return importlib.import_module("tree_sitter").Parser(language) if language else None


def first_error(text: str, lexer: str) -> int | None:
    """The line of the first syntax error in *text*, or None (also without the
    grammar): for languages whose names come from elsewhere (YAML)."""
    parser = _parser(lexer)
    if parser is None:
        return None
    root = parser.parse(text.encode("utf-8", "surrogatepass")).root_node
    return _first_errornode_line(root) if root.has_error else None


def available(lexer: str) -> bool:
    """Whether the grammar for *lexer* is installed."""
    return _parser(lexer) is not None


def method_name(lexer: str) -> str:
    module = GRAMMARS[lexer][0].replace("_", "-")
    return P_("tree-sitter ({grammar})", grammar=module)


def extract_treesitter(text: str, lexer: str) -> Extraction | None:
    parser = _parser(lexer)
    if parser is None:
        return None
    source = text.encode("utf-8", "surrogatepass")
    tree = parser.parse(source.translate(_TO_ASCII) if lexer in _ASCII_ONLY else source)
    walker = WALKERS[_FAMILY[lexer]]
    method = method_name(lexer)
    found = walk_tree(walker, tree, source)
    if _FAMILY[lexer] == "c" and (found.macros or tree.root_node.has_error):
        reading = Reading(parser, walker, _query(lexer, "types"))
        tree, found, method = reading.around_the_preprocessor(tree, source, found, method)
    _query_definitions(lexer, tree, source, found)
    if _FAMILY[lexer] == "js":
        _query_requires(lexer, tree, source, found)
    elif _FAMILY[lexer] == "sh" and (recovery := _query(lexer, "recovery")) is not None:
        functions_in_errors(tree, source, found, recovery)
    problem = partial = None
    if tree.root_node.has_error:
        error = ParseProblem(
            P_("the parser recovered from syntax it does not understand"),
            _first_errornode_line(tree.root_node),
        )
        # A partial parse still lists what it found; the page says so.
        problem, partial = (None, error) if found.symbols else (error, None)
    symbols = with_doc_comments(
        sorted(found.symbols, key=lambda s: (s.line, s.qualname)), text, lexer
    )
    tests = _tests(lexer, tree.root_node, source)
    return Extraction(
        method=method,
        symbols=tuple(symbols),
        imports=tuple(sorted(found.imports, key=lambda i: i.line)),
        problem=problem,
        partial=partial,
        running=Running(tests[0].kind, tests, 0, False, ()) if tests else None,
        uses=(js_uses if _FAMILY[lexer] == "js" else grammar_uses)(
            lexer, grammar_language(lexer), tree, source, symbols
        ),
    )


def _tests(lexer: str, root: Any, source: bytes) -> tuple[TestCase, ...]:
    """Rust's and Go's test functions (Python's are read from its own syntax tree)."""
    if lexer == "rust":
        return rust_tests(root, source)
    if lexer == "go":
        return go_tests(root, source)
    return ()


def _first_errornode_line(root: Any) -> int | None:
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "ERROR" or node.is_missing:
            return int(node.start_point[0]) + 1
        stack.extend(reversed([c for c in node.children if c.has_error or c.is_missing]))
    return None
