"""Large generated blocks are built when a page is written, not when it is read.

A keyword table of a big file has tens of thousands of cells. Built at read time, every
Sphinx transform walks them, the pickled doctree carries them, and Sphinx keeps every
read doctree in memory until writing. So a page holds a small ``deferred`` placeholder
naming what to build (``site.deferred``). Where the builder's translator is Sphinx's own
HTML5 translator, the HTML writer writes the block's HTML where it meets the
placeholder (in the ``-j`` writing workers: the fast path); every other builder, and an
HTML builder whose translator a theme or extension replaced, gets the block's nodes at
``doctree-resolved``, so that its translator styles them.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder

from .. import compat
from ..site.block_types import Block
from ..site.deferred import deferred_blocks
from .block_html import to_html
from .block_nodes import to_nodes
from .build_state import get_state
from .line_links import UriCache, resolve_line_references
from .nodes import deferred


def _blocks(builder: Builder, node: deferred) -> list[Block]:
    state = get_state(builder.env)
    if state is None:
        return []
    return deferred_blocks(state.views(), node["what"], node.attributes)


def html_fast_path(builder: Builder) -> bool:
    """Whether *builder* writes our blocks as HTML directly: an HTML builder whose
    translator renders them as Sphinx's stock HTML5 translator does (checked once per
    build and process)."""
    if builder.format != "html":
        return False
    state = get_state(builder.env)
    memo = state.memo() if state is not None else {}
    if "html_fast_path" not in memo:
        memo["html_fast_path"] = compat.renders_like_stock_html5(builder.get_translator_class())
    return bool(memo["html_fast_path"])


def expand_deferred(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: build placeholders as nodes unless the HTML fast path will
    write them, then resolve line links."""
    builder = app.builder
    if not html_fast_path(builder):
        for node in list(doctree.findall(deferred)):
            built = to_nodes(_blocks(builder, node))
            if built:
                node.replace_self(built)
            else:
                node.parent.remove(node)
    resolve_line_references(builder, doctree, docname)


def deferred_html(translator: nodes.NodeVisitor, node: deferred) -> str:
    """The HTML of *node*'s blocks, on the page the translator is writing."""
    builder = translator.builder
    uri_for = UriCache(builder, compat.current_docname(builder))
    return to_html(_blocks(builder, node), uri_for)
