"""singlehtml: one page holds the project's toctree and nothing else.

The generated pages are orphans (a repository's thousands of pages are reached from
its index, not from a toctree), so singlehtml leaves them out; their line anchors
(``L-1`` on every file page) could not share one page anyway. The builder is declared
unsupported for them with one warning, and a link to a page the single page does not
hold is shown as its text, so that no fragment of the page points nowhere.

Two fragments Sphinx 9 itself leaves dangling are mended on the way: a link to the root
page (``#document-index``, which has no such anchor) goes to the top of the page, and
the table of contents' ``#document-PAGE#SECTION`` entries go to ``#SECTION`` (what
Sphinx's ``fix_refuris``, unused since 9.0, did).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: Where singlehtml sends a link to a page it holds (``#document-`` + its docname).
PAGE_FRAGMENT = "#document-"


def is_single_page(app: Sphinx) -> bool:
    return app.builder.name == "singlehtml"


def warn_single_page(app: Sphinx) -> None:
    """builder-inited: say once that the generated pages are not in the single page."""
    if is_single_page(app):
        logger.warning(
            "sphinx-repodocs: the singlehtml builder holds only the toctree's pages: the "
            "generated pages are left out and links to them are shown as text (use the "
            "html or dirhtml builder for the repository's pages)",
            type="repodocs",
            subtype="builder",
        )


def unlink_pages_left_out(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: in the assembled page, a link to a page it does not hold
    becomes its text."""
    if not is_single_page(app) or docname != app.config.root_doc:
        return
    held = {node["docname"] for node in doctree.findall(addnodes.start_of_file)}
    for reference in list(doctree.findall(nodes.reference)):
        target = str(reference.get("refuri", ""))
        if not target.startswith(PAGE_FRAGMENT):
            continue
        page, _hash, section = target.removeprefix(PAGE_FRAGMENT).partition("#")
        if page == app.config.root_doc:
            reference["refuri"] = "#" + section
        elif page not in held:
            # Its text, in an inline that keeps the link's classes (and any anchor).
            text = nodes.inline("", "", *reference.children, classes=reference["classes"])
            text["ids"] = reference["ids"]
            reference.replace_self(text)


#: A table of contents' link to a section of a held page.
_SECTION_OF_PAGE = re.compile(r'href="#document-[^"#]*#')
#: An entry of a table of contents with no entries below it, and its target.
_LEAF_ENTRY = re.compile(
    r'<li class="toctree-l\d+"><a class="reference internal" href="#([^"]*)">'
    r"[^<]*</a></li>\n?"
)
_ID = re.compile(r'\sid="([^"]*)"')


def mend_table_of_contents(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, object], doctree: object
) -> None:
    """html-page-context: the single page's table of contents links its sections, and
    names no section the page does not hold (pictures' sections are left out of it)."""
    toc, body = context.get("toc"), context.get("body")
    if not is_single_page(app) or not isinstance(toc, str) or not isinstance(body, str):
        return
    ids = set(_ID.findall(body))
    toc = _SECTION_OF_PAGE.sub('href="#', toc)
    context["toc"] = _LEAF_ENTRY.sub(
        lambda entry: entry[0] if entry[1] in ids or entry[1].startswith("document-") else "",
        toc,
    )
