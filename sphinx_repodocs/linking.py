"""Links to a line of a file page, resolved per builder when pages are written.

A line link is a ``line_reference`` node naming the target page and line. At write time
it becomes a reference to ``page#L-n`` on HTML builders; where the target URI already
holds a fragment (singlehtml, where pages share one file) it falls back to the page's
own anchor, and on builders without line anchors (LaTeX, text, ...) it becomes its text.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder

from .render import line_anchor, shown


class line_reference(nodes.Inline, nodes.TextElement):
    """A link to ``line`` of the page ``target`` ("" is the current page; line 0 is the
    page itself). Blocks built at write time use it for page links too, since Sphinx has
    already resolved its own cross-references by then."""


def make_line_reference(target: str, line: int, text: str | None = None) -> line_reference:
    label = text if text is not None else str(line)
    node = line_reference(label, label)
    node["target"] = target
    node["line"] = line
    return node


def make_page_reference(target: str, label: str, *, code: bool = False) -> nodes.Node:
    node = make_line_reference(target, 0, shown(label))
    if code:
        return nodes.literal("", "", node, classes=["repodocs-path"])
    return node


def line_uri(builder: Builder, docname: str, target: str, line: int) -> str:
    """The URI, relative to *docname*'s page, of *line* of *target*'s page ("" for itself)."""
    target = target or docname
    anchor = line_anchor(line) if line else ""
    if target == docname:
        return f"#{anchor}"
    uri = builder.get_relative_uri(docname, target)
    if anchor and "#" not in uri:
        uri += f"#{anchor}"
    return uri


def resolve_line_references(builder: Builder, tree: nodes.Node, docname: str) -> None:
    """Turn the line references in *tree* into links for *builder*, from *docname*."""
    for node in list(tree.findall(line_reference)):
        text = nodes.Text(node.astext())
        if builder.format != "html":
            node.replace_self(text)
            continue
        uri = line_uri(builder, docname, node["target"], node["line"])
        reference = nodes.reference("", "", text, refuri=uri, internal=True)
        reference["classes"].append("repodocs-line")
        node.replace_self(reference)


def setup(app: Sphinx) -> None:
    # Resolved (and so replaced) by expansion.py before any writer sees it.
    app.add_node(line_reference)
