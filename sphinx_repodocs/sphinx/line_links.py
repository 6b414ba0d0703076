"""Links to a line of a file page, resolved per builder when pages are written.

A line link is a ``line_reference`` node naming the target page and line. At write time
it becomes a reference to ``page#L-n`` on HTML builders; where the target URI already
holds a fragment (singlehtml, where pages share one file) it falls back to the page's
own anchor, and on builders without line anchors (LaTeX, text, ...) it becomes its text.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.builders import Builder

from ..site.urls import line_anchor
from .nodes import line_reference


def line_uri(builder: Builder, docname: str, target: str, line: int) -> str:
    """The URI, relative to *docname*'s page, of *line* of *target*'s page ("" for itself)."""
    return anchored_uri(builder, docname, target, line_anchor(line) if line else "")


def anchored_uri(builder: Builder, docname: str, target: str, anchor: str) -> str:
    """The URI, relative to *docname*'s page, of *anchor* ("" for none) on *target*'s page."""
    target = target or docname
    if target == docname:
        return f"#{anchor}"
    uri = builder.get_relative_uri(docname, target)
    if anchor and "#" not in uri:
        uri += f"#{anchor}"
    return uri


class UriCache:
    """:func:`line_uri` for one page being written, each target page's URI made once
    (a keyword index page links to thousands of lines of a few hundred files)."""

    def __init__(self, builder: Builder, docname: str) -> None:
        self.builder = builder
        self.docname = docname
        self.pages: dict[str, str] = {}

    def __call__(self, target: str, line: int, anchor: str = "") -> str:
        """The URI of *line* of *target*, or of *anchor* there when one is given."""
        anchor = anchor or (line_anchor(line) if line else "")
        target = target or self.docname
        if target == self.docname:
            return anchored_uri(self.builder, self.docname, target, anchor)
        page = self.pages.get(target)
        if page is None:
            page = self.pages[target] = anchored_uri(self.builder, self.docname, target, "")
        return f"{page}#{anchor}" if anchor and "#" not in page else page


def resolve_line_references(builder: Builder, tree: nodes.Node, docname: str) -> None:
    """Turn the line references in *tree* into links for *builder*, from *docname*."""
    for node in list(tree.findall(line_reference)):
        text = nodes.Text(node.astext())
        if builder.format != "html":
            node.replace_self(text)
            continue
        anchor = node.get("anchor") or (line_anchor(node["line"]) if node["line"] else "")
        uri = anchored_uri(builder, docname, node["target"], anchor)
        reference = nodes.reference("", "", text, refuri=uri, internal=True)
        reference["classes"].append("repodocs-line")
        node.replace_self(reference)
