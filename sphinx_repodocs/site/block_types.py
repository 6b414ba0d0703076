"""A small description of the big generated blocks, written out two ways.

Keyword tables, dependency tables and keyword index pages can hold tens of thousands of
cells. Built as docutils nodes and walked by Sphinx's HTML translator, they cost more
than everything else on a page together (highlighting included). So they are described
here as plain data; the Sphinx side turns that into HTML directly where the builder's
translator is Sphinx's own (``sphinx.block_html``), and into docutils nodes otherwise
(``sphinx.block_nodes``), from the same description.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar


@dataclass(frozen=True, slots=True)
class Code:
    """Inline code (a name, a module, a path)."""

    text: str


@dataclass(frozen=True, slots=True)
class LineLink:
    """A link to *line* of the page *target* ("" is the current page, line 0 the page),
    or to *anchor* there (a definition's symbol anchor) when it is given."""

    target: str
    line: int
    label: str | None = None
    code: bool = False
    anchor: str = ""


@dataclass(frozen=True, slots=True)
class Strong:
    """Text set in bold (the current page in a bar of links to its siblings)."""

    text: str


Inline = str | int | Code | Strong | LineLink


@dataclass(frozen=True, slots=True)
class Rubric:
    title: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    parts: tuple[Inline, ...]
    classes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Table:
    headers: tuple[str, ...]
    rows: Sequence[Sequence[Inline | None]]
    classes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Bullets:
    """A bullet list; each item is one paragraph."""

    items: Sequence[Sequence[Inline]]


Block = Rubric | Paragraph | Table | Bullets


def has_anchor(line: int, anchored_lines: int) -> bool:
    """Whether *line* of a file page has an anchor: the lines of the source shown do
    (all of them, or the first *anchored_lines* of a file cut at its size limit)."""
    return line <= anchored_lines


def line_cell(target: str, line: int, anchored_lines: int) -> Inline:
    """A line number, linked when the line has an anchor."""
    return LineLink(target, line) if has_anchor(line, anchored_lines) else line


#: What a template's values are: inlines here, docutils nodes in the Sphinx layer.
T = TypeVar("T")


def phrase(template: str, **values: Inline | tuple[Inline, ...]) -> tuple[Inline, ...]:
    """The parts of a paragraph from a translated *template*: its text, and in place of
    each ``{name}`` the value *name* (a link, a number, code or text; a tuple of them is
    spliced in), in the order the translation puts them."""
    return template_parts(template, **values)


def template_parts(template: str, **values: T | tuple[T, ...]) -> tuple[str | T, ...]:
    """*template*'s text, and in place of each ``{name}`` the value *name* (a tuple of
    values spliced in), in the order the template puts them."""
    parts: list[str | T] = []
    for text, name, _spec, _conversion in string.Formatter().parse(template):
        if text:
            parts.append(text)
        if name is not None:
            value = values[name]
            parts.extend(value if isinstance(value, tuple) else (value,))
    return tuple(parts)
