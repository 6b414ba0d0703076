"""Pages of the repository-wide keyword index."""

from __future__ import annotations

from docutils import nodes

from . import render
from .blocks import Code, LineLink, Table
from .placeholders import make_deferred
from .views import KeywordPageView


def render_keyword_page(
    document: nodes.document, view: KeywordPageView, docname: str
) -> nodes.section:
    page = render.section(document, view.title, classes=["repodocs-keyword-page"])
    page += render.breadcrumbs([view.index], docname, view.title)
    page += _jump_bar(view, docname)
    if not view.key:
        total = sum(count or 0 for _, count in view.buckets)
        page += render.paragraph(
            f"{total:,} definitions of classes, functions, methods and other code names, "
            "by first letter. Headings and data keys are listed on their files' pages."
        )
        return page
    page += make_deferred("keyword-rows", key=view.key)
    return page


def keyword_rows_table(view: KeywordPageView) -> Table:
    """The entries of one page of the index (built when the page is written)."""
    return Table(
        ("Name", "Kind", "Qualified name", "File", "Line"),
        [
            (
                Code(row.name),
                row.kind,
                Code(row.qualname) if row.qualname != row.name else "",
                LineLink(row.file.docname, 0, row.file.label, code=True),
                LineLink(row.file.docname, row.line),
            )
            for row in view.rows
        ],
        ("repodocs-keyword-index",),
    )


def _jump_bar(view: KeywordPageView, docname: str) -> nodes.paragraph:
    bar = nodes.paragraph(classes=["repodocs-jump-bar", "no-search"])
    for position, (link, count) in enumerate(view.buckets):
        if position:
            bar += nodes.Text(" · ")
        if link.docname == docname:
            bar += nodes.strong(link.label, link.label)
        else:
            bar += render.doc_link(link, docname)
        if count is not None:
            bar += nodes.Text(f" ({count:,})")
    return bar
