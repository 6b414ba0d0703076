"""Shell functions where the bash grammar could not read the script: a zsh file's
``(( $+functions[_rg_types] )) || _rg_types() {`` or ``${(j:|:)names}`` breaks the
parse, and every function after it is lost. A line that starts a definition (``name()
{`` or ``function name {``) inside a region the parser gave up on is one, unless it is
in a heredoc or a comment."""

from __future__ import annotations

import re
from typing import Any

from .spans import Spans
from .syntax_tree import Found, add_symbol

#: ``name() {``, ``name () (``, ``function name {``, ``function name() {`` at a line's
#: start (zsh and bash names may hold ``-``, ``.``, ``:``).
_DEFINITION = re.compile(
    rb"^[ \t]*(?:function[ \t]+([A-Za-z_][\w:.-]*)[ \t]*(?:\(\))?|([A-Za-z_][\w:.-]*)[ \t]*\(\))"
    rb"[ \t]*[{(]",
    re.MULTILINE,
)
#: Nodes whose text is data even in an error (their delimiters are unambiguous).
_ALWAYS_DATA = frozenset({"heredoc_body", "comment"})


def functions_in_errors(tree: Any, source: bytes, found: Found) -> None:
    """Add the functions defined on lines the parse recovered from."""
    if not tree.root_node.has_error:
        return
    known = {(symbol.name, symbol.line) for symbol in found.symbols}
    heredocs = _heredocs(source)
    for match in _DEFINITION.finditer(source):
        group = 1 if match.group(1) else 2
        start = match.start(group)
        if heredocs.holds(start) or not _in_an_error(
            tree.root_node.descendant_for_byte_range(start, start)
        ):
            continue
        name = match.group(group).decode("utf-8", "replace")
        line = source.count(b"\n", 0, start) + 1
        if (name, line) not in known:
            known.add((name, line))
            add_symbol(found, "function", name, (), _At(line), ".")


#: ``<<EOF``, ``<<-'EOF'``, ``<< "END"``: a heredoc's start and its delimiter.
_HEREDOC = re.compile(rb"<<-?[ \t]*(['\"]?)([A-Za-z_]\w*)\1")


def _heredocs(source: bytes) -> Spans:
    """The bodies of heredocs, found in the text (an error's region hides them from
    the parser): from the line after ``<<EOF`` to the line that is ``EOF``."""
    ranges = []
    position = 0
    while (match := _HEREDOC.search(source, position)) is not None:
        body = source.find(b"\n", match.end())
        if body < 0:
            break
        end = re.compile(rb"^[ \t]*" + re.escape(match[2]) + rb"[ \t]*$", re.MULTILINE)
        close = end.search(source, body + 1)
        stop = close.start() if close is not None else len(source)
        ranges.append((body + 1, stop))
        position = stop
    return Spans.of(ranges)


def _in_an_error(node: Any) -> bool:
    """Whether *node* is under an error and under no heredoc or comment; a string is
    no bar: one the parser opened inside an error is its guess (zsh's ``${(j:|:)x}``
    reads as a quote that never closes), and outside errors nothing is added."""
    while node is not None:
        if node.type in _ALWAYS_DATA:
            return False
        if node.type == "ERROR":
            return True
        node = node.parent
    return False


class _At:
    """A stand-in node at a line, for ``add_symbol``."""

    def __init__(self, line: int) -> None:
        self.start_point = (line - 1, 0)
