"""Write-time blocks as docutils nodes: for every builder whose HTML is not written by
the fast path (``block_html``). Line and page links are ``line_reference`` nodes,
resolved in the same handler (Sphinx has resolved its own references by then)."""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes

from ..site.block_types import Block, Bullets, Code, Inline, Paragraph, Rubric, Strong
from .nodes import make_line_reference, make_page_reference
from .pages import common


def to_nodes(blocks: Iterable[Block]) -> list[nodes.Node]:
    """The blocks as docutils nodes; line links are ``line_reference`` nodes."""
    result: list[nodes.Node] = []
    for block in blocks:
        if isinstance(block, Rubric):
            result.append(common.rubric(block.title))
        elif isinstance(block, Paragraph):
            parts = (_inline_node(part) for part in block.parts)
            result.append(common.paragraph(*parts, classes=block.classes))
        elif isinstance(block, Bullets):
            result.append(
                common.bullet_list([_inline_node(part) for part in item] for item in block.items)
            )
        else:
            rows = ([_cell_node(cell) for cell in row] for row in block.rows)
            result.append(common.table(block.headers, rows, classes=block.classes))
    return result


def _cell_node(cell: Inline | None) -> common.Cell:
    if cell is None or cell == "":
        return None
    return _inline_node(cell)


def _inline_node(part: Inline) -> nodes.Node | str:
    if isinstance(part, str):
        return part
    if isinstance(part, int):
        return common.text(part)
    if isinstance(part, Code):
        return common.literal(part.text)
    if isinstance(part, Strong):
        return nodes.strong(part.text, part.text)
    if part.line == 0:
        return make_page_reference(part.target, part.label or "", code=part.code)
    reference = make_line_reference(part.target, part.line, part.label)
    if part.anchor:
        reference["anchor"] = part.anchor
    if part.code:
        return nodes.literal("", "", reference, classes=[f"{common.CSS_PREFIX}-path"])
    return reference
