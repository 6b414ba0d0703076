"""Shell functions where the bash grammar could not read the script: a zsh file's
``(( $+functions[_rg_types] )) || _rg_types() {`` or ``${(j:|:)names}`` breaks the
parse, and every function after it is lost. A line that starts a definition (``name()
{`` or ``function name {``) inside a region the parser gave up on is one, unless it is
in a heredoc or a comment."""

from __future__ import annotations

import importlib
import re
from typing import Any

from .spans import Spans
from .syntax_tree import Found, add_symbol

#: ``name() {``, ``name () (``, ``function name {``, ``function name() {`` at a line's
#: start (zsh and bash names may hold ``-``, ``.``, ``:``); not awk's or JavaScript's
#: ``function name(args) {`` inside a quoted program.
_DEFINITION = re.compile(
    rb"^[ \t]*(?:function[ \t]+([A-Za-z_][\w:.-]*)[ \t]*(?:\(\)[ \t]*)?(?=[{\s])"
    rb"|([A-Za-z_][\w:.-]*)[ \t]*\(\)[ \t]*(?=[{(\s]))",
    re.MULTILINE,
)
#: ``<<EOF``, ``<<-'EOF'``, ``<< "END"``, ``<<\EOF``: a heredoc and its delimiter (not a
#: here-string, ``<<<``).
_HEREDOC = re.compile(rb"(?<!<)<<(-?)[ \t]*\\?(['\"]?)([A-Za-z_][\w-]*)\2")


def functions_in_errors(tree: Any, source: bytes, found: Found, query: Any) -> None:
    """Add the functions defined on lines the parse recovered from; *query* is
    ``queries/sh-recovery.scm`` (its errors, and the text that is data in them)."""
    if not tree.root_node.has_error:
        return
    captures = importlib.import_module("tree_sitter").QueryCursor(query).captures(tree.root_node)
    errors = Spans.of([(n.start_byte, n.end_byte) for n in captures.get("error", ())])
    data = Spans.of(
        [(n.start_byte, n.end_byte) for n in captures.get("data", ())] + _heredocs(source)
    )
    known = {(symbol.name, symbol.line) for symbol in found.symbols}
    line, counted = 1, 0
    for match in _DEFINITION.finditer(source):
        group = 1 if match.group(1) else 2
        start = match.start(group)
        if not errors.holds(start) or data.holds(start):
            continue
        line += source.count(b"\n", counted, start)
        counted = start
        name = match.group(group).decode("utf-8", "replace")
        if (name, line) not in known:
            known.add((name, line))
            add_symbol(found, "function", name, (), _At(line), ".")


def _heredocs(source: bytes) -> list[tuple[int, int]]:
    """The bodies of heredocs, found in the text (an error's region hides them from
    the parser): from the line after ``<<EOF`` to the line that is ``EOF`` (leading
    tabs allowed after ``<<-``); several on one line follow each other."""
    ranges: list[tuple[int, int]] = []
    position = 0
    while (match := _HEREDOC.search(source, position)) is not None:
        line_end = source.find(b"\n", match.end())
        if line_end < 0:
            break
        # Every heredoc started on this line, in order: their bodies follow each other.
        starts = list(_HEREDOC.finditer(source, match.start(), line_end))
        body = line_end + 1
        for heredoc in starts:
            indent = rb"\t*" if heredoc[1] else b""
            end = re.compile(rb"^" + indent + re.escape(heredoc[3]) + rb"$", re.MULTILINE)
            close = end.search(source, body)
            stop = close.start() if close is not None else len(source)
            ranges.append((body, stop))
            body = close.end() + 1 if close is not None else len(source)
        position = max(body, line_end + 1)
    return ranges


class _At:
    """A stand-in node at a line, for ``add_symbol``."""

    def __init__(self, line: int) -> None:
        self.start_point = (line - 1, 0)
