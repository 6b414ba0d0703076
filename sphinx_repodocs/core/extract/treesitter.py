"""C, C++, CUDA, JavaScript, TypeScript, Go, Rust, Java and shell via tree-sitter grammars.

The grammars are per-language wheels from the package index (the ``languages`` extra);
when one is missing, :func:`extract_treesitter` returns ``None`` and the caller falls
back to Pygments tokens. Only definitions and imports are read from the syntax tree, so
names in strings and comments never count.
"""

from __future__ import annotations

import bisect
import functools
import importlib
import re
from importlib import resources
from typing import Any

from .base import Extraction, ParseProblem, SymbolKind
from .c_macros import (
    CONDITIONAL_DIRECTIVE,
    Spans,
    blank_macros,
    disabled_ranges,
    first_branches,
    used_in_code,
)
from .doc_comments import with_doc_comments
from .syntax_tree import Found, Walker, add_symbol, node_line, node_text
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
def _query(lexer: str) -> Any | None:
    """The compiled query of *lexer*'s family, or None (no file, or no grammar)."""
    family = _FAMILY.get(lexer)
    language = grammar_language(lexer)
    if family not in QUERY_FAMILIES or language is None:
        return None
    text = resources.files("sphinx_repodocs").joinpath("queries", f"{family}.scm").read_text()
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
        for name_node in captures.get("name", ()):
            if disabled.holds(name_node.start_byte):
                continue  # ``#if 0``, as the walker skips it
            name, line = node_text(name_node, source), node_line(name_node)
            if (name, line) not in known:
                known.add((name, line))
                definition = next(
                    (nodes[0] for key, nodes in captures.items() if key.startswith("definition")),
                    None,
                )
                declared = definition is not None and (
                    definition.type.endswith("declaration") or kind == "macro"
                )
                detail = "" if declared else "function expression"
                add_symbol(found, kind, name, (), name_node, ".", detail)


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
    return f"tree-sitter ({module})"


def extract_treesitter(text: str, lexer: str) -> Extraction | None:
    parser = _parser(lexer)
    if parser is None:
        return None
    source = text.encode("utf-8", "surrogatepass")
    tree = parser.parse(source.translate(_TO_ASCII) if lexer in _ASCII_ONLY else source)
    walker = WALKERS[_FAMILY[lexer]]
    method = method_name(lexer)
    found = _walk(walker, tree, source)
    if _FAMILY[lexer] == "c" and (found.macros or tree.root_node.has_error):
        tree, found, notes = _read_around_the_preprocessor(parser, walker, tree, source, found)
        method += "".join(notes)
    _query_definitions(lexer, tree, source, found)
    problem = partial = None
    if tree.root_node.has_error:
        error = ParseProblem(
            "the parser recovered from syntax it does not understand",
            _first_errornode_line(tree.root_node),
        )
        # A partial parse still lists what it found; the page says so.
        problem, partial = (None, error) if found.symbols else (error, None)
    symbols = with_doc_comments(
        sorted(found.symbols, key=lambda s: (s.line, s.qualname)), text, lexer
    )
    return Extraction(
        method=method,
        symbols=tuple(symbols),
        imports=tuple(sorted(found.imports, key=lambda i: i.line)),
        problem=problem,
        partial=partial,
    )


#: Parses without suspected macros, at most.
_MACRO_ROUNDS = 4


def _read_around_the_preprocessor(
    parser: Any, walker: Walker, tree: Any, source: bytes, found: Found
) -> tuple[Any, Found, list[str]]:
    """C and C++ parsed again where the preprocessor broke the parse: without the
    macros the walker suspected, then as the first branch of each ``#if``. A parse is
    kept when it has no more errors (fewer, for the branches) and finds no fewer names
    (the suspects' own aside)."""
    notes: list[str] = []
    macros: frozenset[bytes] = frozenset()

    def names(found: Found) -> int:
        return sum(1 for s in found.symbols if s.name.encode("utf-8", "replace") not in macros)

    # A macro's shape can hide another's (the members of ``class EXPORT Cache {``):
    # each parse may suspect more, up to a few rounds.
    original, first_tree = source, tree
    errors = _error_count(tree.root_node)
    for _round in range(_MACRO_ROUNDS):
        accepted = macros
        macros = accepted | used_in_code(original, found.macros - accepted)
        if macros == accepted:
            break
        reading = _without_macros(parser, walker, first_tree, original, macros, errors)
        # (A parse with more errors is not walked, so it shows no further suspects.)
        if reading is not None and names(reading[1]) < names(found):
            # Without one macro the next may show (``GLAPI void GLAPIENTRY f(void);``
            # reads as a variable GLAPIENTRY until both are left out): with those too,
            # before the parse is judged.
            more = macros | used_in_code(original, reading[1].macros - macros)
            if more != macros:
                macros = more
                reading = _without_macros(parser, walker, first_tree, original, macros, errors)
        if reading is None or names(reading[1]) < names(found):
            macros = accepted
            break
        tree, found, source, errors = reading
    if macros:
        left_out = ", ".join(name.decode("ascii") for name in sorted(macros))
        notes.append(f", with the macros {left_out} left out (the grammar cannot expand them)")
    if errors and _errors_around_conditionals(tree.root_node, source):
        branches, changed = first_branches(source)
        third = _reparse(parser, tree, source, branches, changed) if changed else None
        if third is not None and _error_count(third.root_node, errors) < errors:
            again = _with_macros_of(found, _walk(walker, third, branches))
            if names(again) >= names(found):
                notes.append(
                    ", reading the first branch of each #if (the parse failed across them)"
                )
                tree, found = third, again
    return tree, found, notes


def _without_macros(
    parser: Any,
    walker: Walker,
    tree: Any,
    source: bytes,
    macros: frozenset[bytes],
    errors: int,
) -> tuple[Any, Found, bytes, int] | None:
    """*source* (whose tree is *tree*) parsed and walked with *macros* left out: the
    tree, names, source and error count; None if it has more than *errors* errors."""
    blanked, changed = blank_macros(source, macros)
    second = _reparse(parser, tree, source, blanked, changed)
    second_errors = _error_count(second.root_node, errors + 1)
    if second_errors > errors:
        return None
    return second, _walk(walker, second, blanked), blanked, second_errors


def _with_macros_of(before: Found, found: Found) -> Found:
    """*found* with the ``#define`` names found *before* that it lacks: those of the
    branches not read (a macro's definition is a line of its own, whatever the parse
    around it)."""
    known = {(symbol.name, symbol.line) for symbol in found.symbols if symbol.kind == "macro"}
    found.symbols.extend(
        symbol
        for symbol in before.symbols
        if symbol.kind == "macro" and (symbol.name, symbol.line) not in known
    )
    return found


def _walk(walker: Walker, tree: Any, source: bytes) -> Found:
    found = Found()
    # An explicit stack: grammars nest deeply on macro-heavy code.
    stack: list[tuple[Any, tuple[str, ...], str]] = [(tree.root_node, (), "")]
    while stack:
        node, scope, container = stack.pop()
        stack.extend(reversed(walker(node, scope, container, source, found)))
    return found


def _reparse(parser: Any, tree: Any, old: bytes, new: bytes, changed: list[tuple[int, int]]) -> Any:
    """*new* parsed from *tree* of *old*, told which ranges changed (same length, same
    newlines), so that tree-sitter reuses the rest: several times faster than anew."""
    edited = tree.copy()
    row, counted, line_start = 0, 0, 0
    for start, end in changed:
        # Rows and line starts carried along: searching back from each change costs a
        # long line's length each time.
        row += old.count(b"\n", counted, start)
        line_start = max(line_start, old.rfind(b"\n", counted, start) + 1)
        counted = start
        column = start - line_start
        end_row = row + old.count(b"\n", start, end)
        end_column = end - max(line_start, old.rfind(b"\n", start, end) + 1)
        edited.edit(
            start_byte=start,
            old_end_byte=end,
            new_end_byte=end,
            start_point=(row, column),
            old_end_point=(end_row, end_column),
            new_end_point=(end_row, end_column),
        )
    return parser.parse(new, edited)


def _errors_around_conditionals(root: Any, source: bytes) -> bool:
    """Whether a definition the parse failed on (a top-level node with an error, or an
    error node) holds an ``#if``/``#else``/``#endif`` line: only then can reading one
    branch of each help (the check costs less than a parse)."""
    positions = [match.start() for match in CONDITIONAL_DIRECTIVE.finditer(source)]
    if not positions:
        return False
    stack = [child for child in root.children if child.has_error or child.is_missing]
    while stack:
        node = stack.pop()
        at = bisect.bisect_left(positions, node.start_byte)
        if at < len(positions) and positions[at] < node.end_byte and node.type != "preproc_ifdef":
            return True
        stack.extend(c for c in node.children if c.has_error or c.is_missing)
    return False


def _error_count(root: Any, limit: int | None = None) -> int:
    """How many error and missing nodes the tree has (*limit*, once it has that many:
    a parse is compared with another, and counting all costs as much as walking)."""
    count = 0
    stack = [root]
    while stack and (limit is None or count < limit):
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
