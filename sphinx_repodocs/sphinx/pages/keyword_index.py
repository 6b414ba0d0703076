"""Pages of the repository-wide keyword index: the jump page and one page per bucket
(its entries are a write-time block, ``site.defined_names.keyword_rows_table``)."""

from __future__ import annotations

from docutils import nodes

from ...site.keyword_views import KeywordPageView
from ..i18n import _, n_
from ..nodes import make_deferred
from . import common


def render_keyword_page(
    document: nodes.document, view: KeywordPageView, docname: str
) -> nodes.section:
    page = common.section(document, view.title, classes=["repodocs-page", "repodocs-keyword-page"])
    page += common.breadcrumbs([view.index], docname, view.title)
    page += make_deferred("keyword-jump-bar", key=view.key, page=docname)
    if not view.key:
        total = sum(count or 0 for _, count in view.buckets)
        page += common.paragraph(
            n_(
                "{count} definition of classes, functions, methods and other code names, "
                "by first letter. Headings, data keys and test functions are listed on "
                "their files' pages.",
                "{count} definitions of classes, functions, methods and other code names, "
                "by first letter. Headings, data keys and test functions are listed on "
                "their files' pages.",
                total,
            )
        )
        if view.left_out:
            page += _left_out(view, docname)
        return page
    page += make_deferred("keyword-rows", key=view.key)
    return page


#: Most left-out files listed on the jump page; the rest are counted.
LEFT_OUT_ROWS = 200

_OPTIONS = {"generated": "repodocs_index_generated", "vendored": "repodocs_index_vendored"}


def _left_out(view: KeywordPageView, docname: str) -> list[nodes.Node]:
    """What the index does not list, how much and why, and the files that list it."""
    by_purpose: dict[str, list[int]] = {}
    for file in view.left_out:
        by_purpose.setdefault(file.purpose, []).append(file.names)
    parts = [
        _("{names} in {files}").format(
            names=n_("{count} name", "{count} names", sum(names)),
            files=_files_of(purpose, len(names)),
        )
        for purpose, names in sorted(by_purpose.items())
    ]
    options: list[nodes.Node] = []
    for option in (_OPTIONS[p] for p in sorted(by_purpose) if p in _OPTIONS):
        if options:
            options.append(nodes.Text(_(" or ")))
        options.append(common.literal(f"{option} = True"))
    result: list[nodes.Node] = [
        common.paragraph(
            *common.inline(
                _(
                    "Not listed: {what} (code made by a tool, or copied from another "
                    "project). Their own pages list them; set {options} in conf.py to list "
                    "them here too."
                ),
                what=_(" and ").join(parts),
                options=nodes.inline("", "", *options),
            )
        ),
        common.table(
            (_("File"), _("Purpose"), _("Names")),
            (
                (common.doc_link(file.link, docname), file.purpose, file.names)
                for file in view.left_out[:LEFT_OUT_ROWS]
            ),
            classes=["repodocs-left-out"],
        ),
    ]
    if len(view.left_out) > LEFT_OUT_ROWS:
        more = len(view.left_out) - LEFT_OUT_ROWS
        result.append(
            common.paragraph(n_("And {count} more file.", "And {count} more files.", more))
        )
    return result


def _files_of(purpose: str, number: int) -> str:
    """ "1 generated file", "2 vendored files"."""
    if purpose == "generated":
        return n_("{count} generated file", "{count} generated files", number)
    if purpose == "vendored":
        return n_("{count} vendored file", "{count} vendored files", number)
    return n_("{count} {purpose} file", "{count} {purpose} files", number).replace(
        "{purpose}", purpose
    )
