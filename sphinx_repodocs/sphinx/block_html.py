"""Write-time blocks as HTML, written directly where the builder's translator is
Sphinx's own HTML5 translator (``compat.renders_like_stock_html5``).

The HTML is the markup that translator writes for the nodes ``block_nodes`` makes from
the same blocks (same elements and classes), so themes style it alike; a test compares
the two. Every piece of text is escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence

from ..site.block_types import Block, Bullets, Code, Inline, Paragraph, Rubric, Strong, Table
from ..site.text import shown
from .pages.common import CSS_PREFIX

#: Given a link's target docname, line and anchor ("" for the line's), the URI an HTML
#: page links to.
UriFor = Callable[[str, int, str], str]


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
    classes = (f"{CSS_PREFIX}-table", *table.classes, "docutils", "align-default")
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
    if isinstance(part, Strong):
        return f"<strong>{_escape(part.text)}</strong>"
    label = part.label if part.label is not None else str(part.line)
    text = _code_text(label) if part.code else _escape(label)
    link = (
        f'<a class="{CSS_PREFIX}-line reference internal" '
        f'href="{_escape(uri_for(part.target, part.line, part.anchor))}">{text}</a>'
    )
    if part.code:
        return f'<code class="{CSS_PREFIX}-path docutils literal notranslate">{link}</code>'
    return link


def _code_text(text: str) -> str:
    """Inline code as Sphinx writes it: each word in a ``pre`` span (no line breaks)."""
    parts = []
    for token in _WORDS_AND_SPACES.findall(html.escape(shown(text))):
        if token.strip():
            parts.append(f'<span class="pre">{token}</span>')
        elif token in (" ", "\n"):
            parts.append(token)
        else:
            parts.append("&#160;" * (len(token) - 1) + " ")
    return "".join(parts)


def _escape(text: str) -> str:
    return html.escape(shown(text))


def _class_attribute(classes: Sequence[str]) -> str:
    return f' class="{_escape(" ".join(classes))}"' if classes else ""
