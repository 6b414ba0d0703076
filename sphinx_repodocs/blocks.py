"""A small description of the big generated blocks, written out two ways.

Keyword tables, dependency tables and keyword index pages can hold tens of thousands of
cells. Built as docutils nodes and walked by Sphinx's HTML translator, they cost more
than everything else on a page together (highlighting included). So they are described
here as plain data, turned into HTML directly by HTML writers (``to_html``), and into
docutils nodes for every other builder (``to_nodes``), from the same description.

The HTML is the markup Sphinx's HTML5 translator writes for the same nodes (same
elements and classes), so themes style it alike. Every piece of text is escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from docutils import nodes

from . import render
from .linking import make_line_reference, make_page_reference


@dataclass(frozen=True, slots=True)
class Code:
    """Inline code (a name, a module, a path)."""

    text: str


@dataclass(frozen=True, slots=True)
class LineLink:
    """A link to *line* of the page *target* ("" is the current page, line 0 the page)."""

    target: str
    line: int
    label: str | None = None
    code: bool = False


Inline = str | int | Code | LineLink


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

#: Given a link's target docname and line, the URI an HTML page links to.
UriFor = Callable[[str, int], str]


def line_cell(target: str, line: int, anchored_lines: int | None) -> Inline:
    """A line number, linked unless the line has no anchor (the source was cut)."""
    if anchored_lines is not None and line > anchored_lines:
        return line
    return LineLink(target, line)


# -- docutils nodes ------------------------------------------------------------------


def to_nodes(blocks: Iterable[Block]) -> list[nodes.Node]:
    """The blocks as docutils nodes; line links are ``line_reference`` nodes."""
    result: list[nodes.Node] = []
    for block in blocks:
        if isinstance(block, Rubric):
            result.append(render.rubric(block.title))
        elif isinstance(block, Paragraph):
            parts = (_inline_node(part) for part in block.parts)
            result.append(render.paragraph(*parts, classes=block.classes))
        elif isinstance(block, Bullets):
            result.append(
                render.bullet_list([_inline_node(part) for part in item] for item in block.items)
            )
        else:
            rows = ([_cell_node(cell) for cell in row] for row in block.rows)
            result.append(render.table(block.headers, rows, classes=block.classes))
    return result


def _cell_node(cell: Inline | None) -> render.Cell:
    if cell is None or cell == "":
        return None
    return _inline_node(cell)


def _inline_node(part: Inline) -> nodes.Node | str:
    if isinstance(part, str):
        return part
    if isinstance(part, int):
        return render.text(part)
    if isinstance(part, Code):
        return render.literal(part.text)
    if part.line == 0:
        return make_page_reference(part.target, part.label or "", code=part.code)
    reference = make_line_reference(part.target, part.line, part.label)
    if part.code:
        return nodes.literal("", "", reference, classes=[f"{render.CSS_PREFIX}-path"])
    return reference


# -- HTML ------------------------------------------------------------------------------

#: How docutils' HTML writer splits inline code into words and runs of spaces.
_WORDS_AND_SPACES = re.compile(r"[^ \n]+| +|\n")


def to_html(blocks: Iterable[Block], uri_for: UriFor) -> str:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Rubric):
            out.append(f'<p class="rubric">{_escape(block.title)}</p>\n')
        elif isinstance(block, Paragraph):
            out.append(f"<p{_class_attribute(block.classes)}>")
            out.extend(_inline_html(part, uri_for) for part in block.parts)
            out.append("</p>\n")
        elif isinstance(block, Bullets):
            out.append('<ul class="simple">\n')
            for item in block.items:
                out.append("<li><p>")
                out.extend(_inline_html(part, uri_for) for part in item)
                out.append("</p></li>\n")
            out.append("</ul>\n")
        else:
            _table_html(block, uri_for, out)
    return "".join(out)


def _table_html(table: Table, uri_for: UriFor, out: list[str]) -> None:
    classes = (f"{render.CSS_PREFIX}-table", *table.classes, "docutils", "align-default")
    out.append(f"<table{_class_attribute(classes)}>\n<thead>\n")
    out.append('<tr class="row-odd">')
    out.append("\n".join(f'<th class="head"><p>{_escape(h)}</p></th>' for h in table.headers))
    out.append("\n</tr>\n</thead>\n<tbody>\n")
    for number, row in enumerate(table.rows):
        out.append('<tr class="row-even">' if number % 2 == 0 else '<tr class="row-odd">')
        out.append(
            "\n".join(
                "<td></td>"
                if cell is None or cell == ""
                else f"<td><p>{_inline_html(cell, uri_for)}</p></td>"
                for cell in row
            )
        )
        out.append("\n</tr>\n")
    out.append("</tbody>\n</table>\n")


def _inline_html(part: Inline, uri_for: UriFor) -> str:
    if isinstance(part, str):
        return _escape(part)
    if isinstance(part, int):
        return f"{part:,}"
    if isinstance(part, Code):
        return f'<code class="docutils literal notranslate">{_code_text(part.text)}</code>'
    label = part.label if part.label is not None else str(part.line)
    text = _code_text(label) if part.code else _escape(label)
    link = (
        f'<a class="{render.CSS_PREFIX}-line reference internal" '
        f'href="{_escape(uri_for(part.target, part.line))}">{text}</a>'
    )
    if part.code:
        return f'<code class="{render.CSS_PREFIX}-path docutils literal notranslate">{link}</code>'
    return link


def _code_text(text: str) -> str:
    """Inline code as Sphinx writes it: each word in a ``pre`` span (no line breaks)."""
    parts = []
    for token in _WORDS_AND_SPACES.findall(html.escape(render.shown(text))):
        if token.strip():
            parts.append(f'<span class="pre">{token}</span>')
        elif token in (" ", "\n"):
            parts.append(token)
        else:
            parts.append("&#160;" * (len(token) - 1) + " ")
    return "".join(parts)


def _escape(text: str) -> str:
    return html.escape(render.shown(text))


def _class_attribute(classes: Sequence[str]) -> str:
    return f' class="{_escape(" ".join(classes))}"' if classes else ""
