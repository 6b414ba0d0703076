"""Links and symbol anchors put into a listing's highlighted HTML.

Pygments writes one line of the listing per line of HTML, each opened by its line
anchor (``<a id="L-n" name="L-n"></a>``) and number; tokens are ``<span>``s whose
classes every theme's code style colours. A link wraps an identifier's text inside its
token's span, so those classes stay; an identifier that Pygments split over two
tokens is left unlinked. Definition lines get their symbol anchors as empty spans
after the line anchor. Columns count characters of the source, so entities count one.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable

from sphinx.builders import Builder

from ..site.anchors import listing_anchors, target_anchor, target_title
from ..site.urls import file_docname
from .build_state import RepodocsState
from .line_links import UriCache

#: (line, column, length, href, title)
Link = tuple[int, int, int, str, str]

_NUMBER_END = "</span></a>"
_PIECES = re.compile(r"<[^>]*>|&[^;]*;|[^<&]+")


def _linked_line(code: str, links: list[Link]) -> str:
    """*code* (one line's markup after its number) with *links* (sorted, this line's)."""
    out: list[str] = []
    column = 0
    pending = iter(links)
    link = next(pending, None)
    for match in _PIECES.finditer(code):
        piece = match.group()
        if piece[0] == "<":
            out.append(piece)
            continue
        width = 1 if piece[0] == "&" else len(piece)
        end = column + width
        while link is not None and link[1] < column:
            link = next(pending, None)  # started inside markup or a cut token: skipped
        if piece[0] == "&" or link is None or link[1] >= end:
            out.append(piece)
            column = end
            continue
        written = 0
        while link is not None and link[1] < end:
            start, stop = link[1] - column, link[1] - column + link[2]
            if start >= written and stop <= len(piece):
                out.append(piece[written:start])
                href, title = html.escape(link[3]), html.escape(link[4])
                out.append(f'<a class="repodocs-ref" href="{href}" title="{title}">')
                out.append(piece[start:stop])
                out.append("</a>")
                written = stop
            link = next(pending, None)
        out.append(piece[written:])
        column = end
    return "".join(out)


def add_links(highlighted: str, links: Iterable[Link], anchors: dict[int, list[str]]) -> str:
    """*highlighted* (Pygments' HTML with line anchors) with *links* and *anchors*."""
    by_line: dict[int, list[Link]] = {}
    for link in links:
        by_line.setdefault(link[0], []).append(link)
    if not by_line and not anchors:
        return highlighted
    lines = highlighted.split("\n")
    for number in sorted(by_line.keys() | anchors.keys()):
        index = number - 1  # Pygments writes line n as the n-th line of its HTML
        text = lines[index] if 0 <= index < len(lines) else ""
        start = text.find(f'<a id="L-{number}" name="L-{number}"></a>')
        if start < 0:
            continue  # not a line of this listing (one cut at its size limit)
        anchor_end = text.index("</a>", start) + 4
        head_end = text.find(_NUMBER_END, anchor_end)
        head_end = anchor_end if head_end < 0 else head_end + len(_NUMBER_END)
        head, code = text[:head_end], text[head_end:]
        if line_anchors := anchors.get(number):
            marks = "".join(f'<span id="{html.escape(a)}"></span>' for a in line_anchors)
            head = head[:anchor_end] + marks + head[anchor_end:]
        if line_links := by_line.get(number):
            code = _linked_line(code, sorted(line_links))
        lines[index] = head + code
    return "\n".join(lines)


def listing_links(
    builder: Builder, state: RepodocsState, docname: str, path: str
) -> tuple[list[Link], dict[int, list[str]]]:
    """The links of *path*'s listing on the page *docname*, and its symbol anchors."""
    if not path or state.model is None or path not in state.model.files:
        return [], {}
    uri = UriCache(builder, docname)
    links: list[Link] = []
    for line, column, length, target in state.references.links(path):
        target_page = file_docname(state.prefix, target.path)
        anchor = target_anchor(target)
        if target_page == docname and not anchor:
            continue  # the file itself, from its own page
        href = uri(target_page, 0, anchor)
        links.append((line, column, length, href, target_title(target)))
    return links, listing_anchors(path, state.model.extractions.get(path))


def links_digest(links: list[Link], anchors: dict[int, list[str]]) -> str:
    """What the cached listing depends on besides its text."""
    return hashlib.sha256(
        repr((links, sorted(anchors.items()))).encode("utf-8", "surrogateescape")
    ).hexdigest()
