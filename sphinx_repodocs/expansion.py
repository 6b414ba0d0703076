"""Large generated blocks are built when a page is written, not when it is read.

A keyword table of a big file has tens of thousands of nodes. Built at read time, every
Sphinx transform walks them, the pickled doctree carries them, and Sphinx keeps every
read doctree in memory until writing. So a page holds a small ``deferred`` placeholder
naming what to build, and ``doctree-resolved`` replaces it with the real nodes from the
model. The page's signature covers the same inputs, so it is re-read (and so re-written)
exactly when they change.
"""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder

from .keyword_page import keyword_rows_table
from .keyword_tables import keyword_tables
from .linking import resolve_line_references
from .placeholders import deferred
from .relation_tables import dependency_tables, imported_by_table
from .state import RepodocsState, get_state

Expander = Callable[[RepodocsState, deferred], list[nodes.Node]]


def _keyword_tables(state: RepodocsState, node: deferred) -> list[nodes.Node]:
    extraction = state.model.extractions.get(node["path"])
    if extraction is None:
        return []
    anchored = node["anchored"] if node["anchored"] >= 0 else None
    return keyword_tables(extraction, node["target"], anchored_lines=anchored, kinds=node["kinds"])


def _keyword_rows(state: RepodocsState, node: deferred) -> list[nodes.Node]:
    view = state.views().keyword_view(node["key"])
    return [keyword_rows_table(view)]


def _dependencies(state: RepodocsState, node: deferred) -> list[nodes.Node]:
    return dependency_tables(state.views().file_view(node["path"]), node["anchored"])


def _imported_by(state: RepodocsState, node: deferred) -> list[nodes.Node]:
    return [imported_by_table(state.views().file_view(node["path"]))]


EXPANDERS: dict[str, Expander] = {
    "keyword-tables": _keyword_tables,
    "keyword-rows": _keyword_rows,
    "dependencies": _dependencies,
    "imported-by": _imported_by,
}


def _build(builder: Builder, node: deferred, docname: str) -> list[nodes.Node]:
    """The nodes a placeholder stands for, attached in its place, links resolved."""
    state = get_state(builder.env)
    built = EXPANDERS[node["what"]](state, node) if state is not None else []
    if built:
        node.replace_self(built)
    else:
        node.parent.remove(node)
    for child in built:
        resolve_line_references(builder, child, docname)
    return built


def expand(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: resolve line links; build placeholders here unless an HTML
    writer will (HTML writers run in the ``-j`` workers, doctree-resolved does not)."""
    builder = app.builder
    if builder.format != "html":
        for node in list(doctree.findall(deferred)):
            _build(builder, node, docname)
    resolve_line_references(builder, doctree, docname)


def visit_deferred_html(translator: nodes.NodeVisitor, node: deferred) -> None:
    """HTML writers build the block where they meet it, in the writing process."""
    builder = translator.builder
    docname = getattr(builder, "current_docname", "") or builder.env.docname
    for child in _build(builder, node, docname):
        child.walkabout(translator)
    raise nodes.SkipNode


def _skip(translator: nodes.NodeVisitor, node: nodes.Node) -> None:
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    skip = (_skip, None)
    app.add_node(
        deferred, html=(visit_deferred_html, None), latex=skip, text=skip, man=skip, texinfo=skip
    )
    app.connect("doctree-resolved", expand)
