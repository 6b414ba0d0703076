"""A graph drawn in columns: boxes that link to pages, and curves between them.

The caller places the nodes in columns (a file's importers, the file, its imports; or a
folder's importers, its entries by layer, its imports) and orders each column; this
module sizes the boxes from their labels, centres the columns on each other and draws
every edge from the right side of its source to the left side of its target, or as an
arc on the right where both are in one column. Our own layout: the layering is the
caller's, so there is nothing a graph-layout library would add.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from . import svg

#: The most boxes a side of a picture shows before "+ N more" (a file's importers or
#: imports; a folder's entries, importers or imports).
SIDE_CAP = 12
#: The longest label a box shows, in columns; longer ones are cut with an ellipsis.
LABEL_COLUMNS = 30
_FONT = 12.0
_PAD_X = 8.0
_ROW_GAP = 6.0
_COLUMN_GAP = 84.0
_MARGIN = 8.0
_HEADER = 20.0
_ONE_LINE = 24.0
_TWO_LINES = 36.0
_VIA = 4.0  # the height of an edge's way through a column

#: An arrowhead at every edge's end, in the edges' colour.
ARROW = (
    '<marker id="arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" '
    'markerHeight="7" markerUnits="userSpaceOnUse" orient="auto">'
    '<path class="head" d="M0,0L8,4L0,8z"/></marker>'
)


@dataclass(frozen=True, slots=True)
class Node:
    """A box: ``key`` is unique in its graph; ``target`` is the docname it links to
    ("" for none: the page's own file, a "+ N more" box)."""

    key: str
    label: str
    detail: str = ""
    target: str = ""
    tooltip: str = ""
    #: "self" for the page's own file or folder, "more" for what the caps left out,
    #: "via" for where an edge crosses a column it does not stop in (not drawn).
    role: str = ""


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    #: How many imports it stands for (file pairs); the stroke grows with it.
    weight: int = 1
    tooltip: str = ""
    #: The "via" nodes it passes, one in each column between its ends, in order: an
    #: edge never crosses a box it does not join.
    via: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ColumnGraph:
    """Nodes in columns, left to right, each column top to bottom, with a header."""

    title: str
    description: str
    columns: tuple[tuple[Node, ...], ...]
    headers: tuple[str, ...]
    edges: tuple[Edge, ...]


@dataclass(frozen=True, slots=True)
class _Box:
    x: float
    y: float
    width: float
    height: float


def _box_width(column: Sequence[Node]) -> float:
    widest = max(
        svg.text_width(svg.fitted(text, LABEL_COLUMNS), _FONT, mono=True)
        for node in column
        for text in (node.label, node.detail)
    )
    return math.ceil(widest + 2 * _PAD_X)


def _column_height(column: Sequence[Node], node_height: float) -> float:
    heights = [_VIA if node.role == "via" else node_height for node in column]
    return sum(heights) + (len(column) - 1) * _ROW_GAP


def _place(graph: ColumnGraph) -> tuple[dict[str, _Box], float, float]:
    """Each node's box, and the picture's width and height."""
    node_height = _TWO_LINES if any(n.detail for c in graph.columns for n in c) else _ONE_LINE
    inner = max(_column_height(column, node_height) for column in graph.columns)
    top = _MARGIN + (_HEADER if any(graph.headers) else 0.0)
    boxes: dict[str, _Box] = {}
    x = _MARGIN
    for position, column in enumerate(graph.columns):
        header = graph.headers[position] if position < len(graph.headers) else ""
        width = max(_box_width(column), svg.text_width(header, 11.0))
        y = top + (inner - _column_height(column, node_height)) / 2
        for node in column:
            height = _VIA if node.role == "via" else node_height
            boxes[node.key] = _Box(x, y, width, height)
            y += height + _ROW_GAP
        x += width + _COLUMN_GAP
    return boxes, x - _COLUMN_GAP + _MARGIN, top + inner + _MARGIN


def _curve(x1: float, y1: float, x2: float, y2: float) -> str:
    """A horizontal S-curve from (x1, y1) to (x2, y2), without its starting point."""
    n, middle = svg.number, (x1 + x2) / 2
    return f"C{n(middle)},{n(y1)} {n(middle)},{n(y2)} {n(x2)},{n(y2)}"


def _edge_path(source: _Box, target: _Box, via: Sequence[_Box] = ()) -> str:
    n = svg.number
    if math.isclose(source.x, target.x):  # one column: an arc on its right
        x = source.x + source.width
        y1, y2 = source.y + source.height / 2, target.y + target.height / 2
        bulge = x + 14 + min(40.0, abs(y2 - y1) / 4)
        return f"M{n(x)},{n(y1)}C{n(bulge)},{n(y1)} {n(bulge)},{n(y2)} {n(x)},{n(y2)}"
    # Rightwards (the callers place every target right of its source or beside it).
    x, y = source.x + source.width, source.y + source.height / 2
    path = f"M{n(x)},{n(y)}"
    for box in via:  # through the gap kept for it in each column between
        middle = box.y + box.height / 2
        path += _curve(x, y, box.x, middle) + f"H{n(box.x + box.width)}"
        x, y = box.x + box.width, middle
    return path + _curve(x, y, target.x, target.y + target.height / 2)


def _stroke(weight: int) -> str:
    return svg.number(1.0 + min(3.0, math.log2(max(weight, 1))))


def _node(node: Node, box: _Box, uri: Callable[[str], str]) -> str:
    n = svg.number
    shape = {"self": "node self", "more": "more"}.get(node.role, "node")
    rect = (
        f'<rect class="{shape}" x="{n(box.x)}" y="{n(box.y)}" width="{n(box.width)}" '
        f'height="{n(box.height)}" rx="4"/>'
    )
    label_class = "mono link" if node.target else ("dim" if node.role == "more" else "mono")
    x = box.x + _PAD_X
    if node.detail:
        content = rect + svg.text(x, box.y + 15, svg.fitted(node.label, LABEL_COLUMNS), label_class)
        detail = svg.fitted(node.detail, LABEL_COLUMNS, keep_end=True)
        content += svg.text(x, box.y + 29, detail, "mono dim")
    else:
        content = rect + svg.text(
            x, box.y + box.height / 2 + 4, svg.fitted(node.label, LABEL_COLUMNS), label_class
        )
    if node.target:
        return svg.link(uri(node.target), content, node.tooltip or node.label)
    hint = f"<title>{svg.xml_text(node.tooltip)}</title>" if node.tooltip else ""
    return f"<g>{hint}{content}</g>\n"


def draw(graph: ColumnGraph, uri: Callable[[str], str]) -> svg.Picture:
    """The graph as an SVG picture; *uri* gives a docname's link from the picture."""
    boxes, width, height = _place(graph)
    body: list[str] = []
    for position, header in enumerate(graph.headers):
        column = graph.columns[position]
        if header and column:
            first = boxes[column[0].key]
            body.append(svg.text(first.x, _MARGIN + 12, header, "dim") + "\n")
    for edge in graph.edges:
        via = [boxes[key] for key in edge.via]
        path = _edge_path(boxes[edge.source], boxes[edge.target], via)
        hint = f"<title>{svg.xml_text(edge.tooltip)}</title>" if edge.tooltip else ""
        body.append(
            f'<path class="edge" d="{path}" stroke-width="{_stroke(edge.weight)}" '
            f'marker-end="url(#arrow)">{hint}</path>\n'
        )
    for column in graph.columns:
        body.extend(_node(node, boxes[node.key], uri) for node in column if node.role != "via")
    return svg.document(width, height, graph.title, graph.description, body, definitions=ARROW)
