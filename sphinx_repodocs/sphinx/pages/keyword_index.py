"""Pages of the repository-wide keyword index: the jump page and one page per bucket
(its entries are a write-time block, ``site.defined_names.keyword_rows_table``)."""

from __future__ import annotations

from docutils import nodes

from ...site.views import KeywordPageView
from ..nodes import make_deferred
from . import common


def render_keyword_page(
    document: nodes.document, view: KeywordPageView, docname: str
) -> nodes.section:
    page = common.section(document, view.title, classes=["repodocs-page", "repodocs-keyword-page"])
    page += common.breadcrumbs([view.index], docname, view.title)
    page += _jump_bar(view, docname)
    if not view.key:
        total = sum(count or 0 for _, count in view.buckets)
        page += common.paragraph(
            f"{common.count(total, 'definition')} of classes, functions, methods and other "
            "code names, by first letter. Headings, data keys and test functions are "
            "listed on their files' pages."
        )
        return page
    page += make_deferred("keyword-rows", key=view.key)
    return page


def _jump_bar(view: KeywordPageView, docname: str) -> nodes.paragraph:
    bar = nodes.paragraph(classes=["repodocs-jump-bar", "no-search"])
    for position, (link, count) in enumerate(view.buckets):
        if position:
            bar += nodes.Text(" · ")
        if link.docname == docname:
            bar += nodes.strong(link.label, link.label)
        else:
            bar += common.doc_link(link, docname)
        if count is not None:
            bar += nodes.Text(f" ({count:,})")
    return bar
