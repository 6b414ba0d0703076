"""How writers show our nodes (``app.add_node`` takes these; ``nodes`` has the classes).

``deferred``: HTML writers write the block's HTML where they meet it (the fast path);
other writers never see one, since ``write_time`` replaces them with nodes first.
``highlighted_source``: HTML writers copy the highlighting made while the page was read
(``highlight_cache``), or highlight it themselves when the cache has none or the
translator writes literal blocks its own way. ``line_reference`` needs no visitor: it
is resolved before any writer runs.
"""

from __future__ import annotations

from docutils import nodes

from .. import compat
from .highlight_cache import cached_highlighting
from .nodes import deferred, highlighted_source
from .write_time import deferred_html


def visit_deferred_html(translator: nodes.NodeVisitor, node: deferred) -> None:
    translator.body.append(deferred_html(translator, node))
    raise nodes.SkipNode


def skip(translator: nodes.NodeVisitor, node: nodes.Node) -> None:
    raise nodes.SkipNode


def visit_highlighted_source_html(translator: nodes.NodeVisitor, node: highlighted_source) -> None:
    html = cached_highlighting(translator, node)
    if html is None:
        translator.visit_literal_block(node)
        return
    translator.body.append(compat.wrap_highlighted(translator, node, html))
    raise nodes.SkipNode


#: The visitor of writers that never show a node (``write_time`` replaced them first).
SKIP = (skip, None)
