"""C and C++ read again where the preprocessor broke the parse: without the macros the
walker suspected (``c_macros`` finds and blanks them), then as the first branch of each
``#if``. Each new parse is incremental, from the first tree."""

from __future__ import annotations

import bisect
import importlib
from dataclasses import dataclass
from typing import Any

from ..phrases import P_
from .c_macros import CONDITIONAL_DIRECTIVE, blank_macros, first_branches, used_in_code
from .syntax_tree import Found, Walker, walk_tree


@dataclass(frozen=True)
class Reading:
    """How one file's grammar is read again: its parser, walker, and the query of the
    words it reads as types (``queries/c-types.scm``)."""

    parser: Any
    walker: Walker
    types_query: Any | None

    def around_the_preprocessor(
        self, tree: Any, source: bytes, found: Found, method: str
    ) -> tuple[Any, Found, str]:
        """The tree, names and *method* (with how it read the file) of the best reading.
        A parse is kept when it has no more errors (fewer, for the branches) and finds
        no fewer names (the suspects' own aside)."""
        return _around(self, tree, source, found, method)

    def without_macros(
        self, tree: Any, source: bytes, macros: frozenset[bytes], errors: int
    ) -> tuple[Any, Found, bytes, int] | None:
        """*source* (whose tree is *tree*) parsed and walked with *macros* left out: the
        tree, names, source and error count; None if it has more than *errors* errors."""
        blanked, changed = blank_macros(source, macros)
        second = _reparse(self.parser, tree, source, blanked, changed)
        second_errors = _error_count(second.root_node, errors + 1)
        if second_errors > errors:
            return None
        return second, walk_tree(self.walker, second, blanked), blanked, second_errors

    def types(self, tree: Any, source: bytes) -> frozenset[bytes]:
        """The words *tree* reads, without error, as a parameter's or a field's type."""
        if self.types_query is None:
            return frozenset()
        cursor = importlib.import_module("tree_sitter").QueryCursor(self.types_query)
        return frozenset(
            source[node.start_byte : node.end_byte]
            for node in cursor.captures(tree.root_node).get("type", ())
            if node.parent is not None and not node.parent.has_error
        )


#: Parses without suspected macros, at most.
_MACRO_ROUNDS = 4


@dataclass
class _State:
    """The best reading so far: its tree, names, source (macros blanked), error count,
    and the macros left out for it."""

    tree: Any
    found: Found
    source: bytes
    errors: int
    macros: frozenset[bytes] = frozenset()

    def names(self, found: Found) -> int:
        """*found*'s names, less the macros left out (the suspects' own aside)."""
        return sum(1 for s in found.symbols if s.name.encode("utf-8", "replace") not in self.macros)


def _around(
    reading_of: Reading, tree: Any, source: bytes, found: Found, method: str
) -> tuple[Any, Found, str]:
    state = _State(tree, found, source, _error_count(tree.root_node))
    _without_suspects(reading_of, state)
    if state.macros:
        left_out = ", ".join(name.decode("ascii") for name in sorted(state.macros))
        method = P_(
            "{method}, with the macros {macros} left out (the grammar cannot expand them)",
            method=method,
            macros=left_out,
        )
    if state.errors and _errors_around_conditionals(state.tree.root_node, state.source):
        branches, changed = first_branches(state.source)
        third = (
            _reparse(reading_of.parser, state.tree, state.source, branches, changed)
            if changed
            else None
        )
        if third is not None and _error_count(third.root_node, state.errors) < state.errors:
            again = _with_macros_of(state.found, walk_tree(reading_of.walker, third, branches))
            if state.names(again) >= state.names(state.found):
                method = P_(
                    "{method}, reading the first branch of each #if (the parse failed across them)",
                    method=method,
                )
                state.tree, state.found = third, again
    return state.tree, state.found, method


def _without_suspects(reading_of: Reading, state: _State) -> None:
    """Rounds of parses without the suspected macros, each kept when it is no worse;
    a macro's shape can hide another's (the members of ``class EXPORT Cache {``), so
    each parse may suspect more."""
    original, first_tree = state.source, state.tree
    types: frozenset[bytes] | None = None
    for _round in range(_MACRO_ROUNDS):
        accepted = state.macros
        state.macros = accepted | used_in_code(original, state.found.macros - accepted)
        if state.macros == accepted:
            break
        reading = reading_of.without_macros(first_tree, original, state.macros, state.errors)
        # (A parse with more errors is not walked, so it shows no further suspects.)
        if reading is not None and state.names(reading[1]) < state.names(state.found):
            # Without one macro the next may show (``GLAPI void GLAPIENTRY f(void);``
            # reads as a variable GLAPIENTRY until both are left out): with those too,
            # before the parse is judged.
            more = state.macros | used_in_code(original, reading[1].macros - state.macros)
            if more != state.macros:
                state.macros = more
                reading = reading_of.without_macros(
                    first_tree, original, state.macros, state.errors
                )
        if reading is None or state.names(reading[1]) < state.names(state.found):
            # Worse: perhaps for types taken for macros (OpenSSL's ``SSL_CTX *ctx`` in
            # a line a macro broke); once more without those the parse reads as types.
            types = reading_of.types(first_tree, original) if types is None else types
            fewer = accepted | (state.macros - types)
            reading = None
            if fewer not in (accepted, state.macros):
                state.macros = fewer
                reading = reading_of.without_macros(first_tree, original, fewer, state.errors)
        if reading is None or state.names(reading[1]) < state.names(state.found):
            state.macros = accepted
            break
        state.tree, state.found, state.source, state.errors = reading


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
