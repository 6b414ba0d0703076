"""How writers show our nodes (``app.add_node`` takes these; ``nodes`` has the classes).

``deferred``: HTML writers write the block's HTML where they meet it (the fast path);
other writers never see one, since ``write_time`` replaces them with nodes first.
``highlighted_source``: HTML writers copy the highlighting made while the page was read
(``highlight_cache``), or highlight it themselves when the cache has none or the
translator writes literal blocks its own way. ``file_tree``: HTML writers write the
tree's empty container (singlehtml none: our pages are not in its single page).
``line_reference`` needs no visitor: it is resolved before any writer runs.
"""

from __future__ import annotations

import html

from docutils import nodes

from .. import compat
from ..site.file_tree import TREE_DATA
from ..site.text import shown
from .highlight_cache import cached_highlighting
from .i18n import _
from .nodes import deferred, file_tree, highlighted_source
from .write_time import deferred_html


def visit_deferred_html(translator: nodes.NodeVisitor, node: deferred) -> None:
    translator.body.append(deferred_html(translator, node))
    raise nodes.SkipNode


def skip(translator: nodes.NodeVisitor, node: nodes.Node) -> None:
    raise nodes.SkipNode


def visit_highlighted_source_html(translator: nodes.NodeVisitor, node: highlighted_source) -> None:
    highlighted = cached_highlighting(translator, node)
    if highlighted is None:
        translator.visit_literal_block(node)
        return
    translator.body.append(compat.wrap_highlighted(translator, node, highlighted))
    raise nodes.SkipNode


def visit_file_tree_html(translator: nodes.NodeVisitor, node: file_tree) -> None:
    """The tree's container: which page this is, and how the builder names pages."""
    builder = translator.builder
    suffixes = compat.page_url_suffixes(builder)
    if suffixes is None:
        raise nodes.SkipNode
    file_suffix, folder_suffix = suffixes
    root = "../" * builder.get_target_uri(compat.current_docname(builder)).count("/")
    attributes = {
        "data-root": root,
        # Loaded by the script, not linked by the page: the page's bytes do not depend
        # on the tree, so a new file re-writes only the pages that show it.
        "data-tree": f"{root}_static/{TREE_DATA}",
        "data-file-suffix": file_suffix,
        "data-folder-suffix": folder_suffix,
        "data-kind": node["kind"],
        "data-path": shown(node["path"]),
        "data-title": shown(node["title"]),
    }
    if node.get("line_url"):
        attributes["data-line-url"] = node["line_url"]
        attributes["data-line-label"] = shown(node.get("line_label", ""))
    written = " ".join(f'{name}="{html.escape(value)}"' for name, value in attributes.items())
    label = html.escape(_("Files of the repository"))
    translator.body.append(f'<nav class="repodocs-tree" aria-label="{label}" {written}></nav>\n')
    raise nodes.SkipNode


#: The visitor of writers that never show a node (``write_time`` replaced them first).
SKIP = (skip, None)
