"""Large generated blocks are built when a page is written, not when it is read.

A keyword table of a big file has tens of thousands of cells. Built at read time, every
Sphinx transform walks them, the pickled doctree carries them, and Sphinx keeps every
read doctree in memory until writing. So a page holds a small ``deferred`` placeholder
naming what to build; HTML writers write the block's HTML where they meet it (in the
``-j`` writing workers), and other builders get its nodes at ``doctree-resolved``. The
page's signature covers the same inputs, so it is re-read (and so re-written) exactly
when they change.
"""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder

from .blocks import Block, to_html, to_nodes
from .keyword_page import keyword_rows_table
from .keyword_tables import keyword_tables
from .linking import line_uri, resolve_line_references
from .placeholders import deferred
from .relation_tables import (
    cross_reference_blocks,
    dependency_tables,
    imported_by_table,
    related_blocks,
)
from .render import line_anchor
from .state import RepodocsState, get_state

Expander = Callable[[RepodocsState, deferred], list[Block]]


def _keyword_tables(state: RepodocsState, node: deferred) -> list[Block]:
    extraction = state.model.extractions.get(node["path"])
    if extraction is None:
        return []
    anchored = node["anchored"] if node["anchored"] >= 0 else None
    return keyword_tables(extraction, node["target"], anchored_lines=anchored, kinds=node["kinds"])


def _keyword_rows(state: RepodocsState, node: deferred) -> list[Block]:
    return [keyword_rows_table(state.views().keyword_view(node["key"]))]


def _dependencies(state: RepodocsState, node: deferred) -> list[Block]:
    return dependency_tables(state.views().file_view(node["path"]), node["anchored"])


def _imported_by(state: RepodocsState, node: deferred) -> list[Block]:
    return [imported_by_table(state.views().file_view(node["path"]))]


def _related(state: RepodocsState, node: deferred) -> list[Block]:
    return related_blocks(state.views().file_view(node["path"]))


def _cross_references(state: RepodocsState, node: deferred) -> list[Block]:
    return cross_reference_blocks(state.views().file_view(node["path"]))


EXPANDERS: dict[str, Expander] = {
    "keyword-tables": _keyword_tables,
    "keyword-rows": _keyword_rows,
    "dependencies": _dependencies,
    "imported-by": _imported_by,
    "related": _related,
    "cross-references": _cross_references,
}


def _blocks(builder: Builder, node: deferred) -> list[Block]:
    state = get_state(builder.env)
    return EXPANDERS[node["what"]](state, node) if state is not None else []


def expand(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: resolve line links; build placeholders here unless an HTML
    writer will (HTML writers run in the ``-j`` workers, doctree-resolved does not)."""
    builder = app.builder
    if builder.format != "html":
        for node in list(doctree.findall(deferred)):
            built = to_nodes(_blocks(builder, node))
            if built:
                node.replace_self(built)
            else:
                node.parent.remove(node)
    resolve_line_references(builder, doctree, docname)


def visit_deferred_html(translator: nodes.NodeVisitor, node: deferred) -> None:
    """HTML writers write the block's HTML where they meet it, in the writing process."""
    builder = translator.builder
    docname = getattr(builder, "current_docname", "") or builder.env.docname
    pages: dict[str, str] = {}

    def uri_for(target: str, line: int) -> str:
        target = target or docname
        if target == docname:
            return line_uri(builder, docname, target, line)
        if target not in pages:
            pages[target] = line_uri(builder, docname, target, 0)
        page = pages[target]
        return f"{page}#{line_anchor(line)}" if line and "#" not in page else page

    translator.body.append(to_html(_blocks(builder, node), uri_for))
    raise nodes.SkipNode


def _skip(translator: nodes.NodeVisitor, node: nodes.Node) -> None:
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    skip = (_skip, None)
    app.add_node(
        deferred, html=(visit_deferred_html, None), latex=skip, text=skip, man=skip, texinfo=skip
    )
    app.connect("doctree-resolved", expand)
