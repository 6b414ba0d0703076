"""The source parser of stub files: it turns a stub into a page built from the model.

Generated pages never go through rST or MyST: the stub only names the page, and the
nodes come straight from the model, so no repository path or text is ever markup.
"""

from __future__ import annotations

from docutils import nodes
from docutils.transforms import Transform
from docutils.transforms.universal import SmartQuotes
from sphinx.parsers import Parser
from sphinx.util import logging

from .. import compat
from ..site.keyword_views import KeywordPageView
from ..site.plan import STUB_FILETYPE, Page
from ..site.views import FilePageView
from .build_state import get_state
from .i18n import _
from .nodes import make_file_tree
from .pages import common
from .pages.file import render_file_page
from .pages.folder import render_folder_page
from .pages.keyword_index import render_keyword_page

logger = logging.getLogger(__name__)


class StubParser(Parser):
    """Parser for ``*.repodocs`` stubs written by :mod:`sphinx_repodocs.site.stubs`."""

    supported = (STUB_FILETYPE,)

    def get_transforms(self) -> list[type[Transform]]:
        # Repository names and text are shown as they are: no "smart" quotes or dashes.
        return [t for t in super().get_transforms() if not issubclass(t, SmartQuotes)]

    def parse(self, inputstring: str, document: nodes.document) -> None:
        env = document.settings.env
        compat.disable_smart_quotes(document)
        docname = env.docname
        state = get_state(env)
        try:
            page = Page.from_stub(inputstring)
        except (ValueError, KeyError, TypeError):
            logger.warning(
                "sphinx-repodocs: %s is not a page stub written by sphinx-repodocs",
                docname,
                type="repodocs",
                subtype="stale",
                location=docname,
            )
            _stale_page(document, docname, _("This file is not a page stub of sphinx-repodocs."))
            return
        if state is None or state.pages.get(docname) != page:
            # Only a stale stub left by an interrupted build can get here.
            logger.warning(
                "sphinx-repodocs: %s names %r, which this build did not scan",
                docname,
                page.path,
                type="repodocs",
                subtype="stale",
                location=docname,
            )
            _stale_page(
                document, docname, _("This build did not scan {path}.").format(path=repr(page.path))
            )
            return
        if docname != state.index_docname:
            # Generated pages are reached from folder pages and breadcrumbs, not from the
            # global toctree: thousands of entries there make every page's sidebar quadratic.
            compat.mark_orphan(env, docname)
        view = state.views().view(page)
        if state.outline_only:
            document += common.section(document, view.title)
            return
        root = state.model.root
        if isinstance(view, FilePageView):
            page_section = render_file_page(document, view, root, docname)
        elif isinstance(view, KeywordPageView):
            page_section = render_keyword_page(document, view, docname)
        else:
            page_section = render_folder_page(document, view, root, docname)
        tree_path = page.path if page.kind != "keywords" else ""
        line_url, line_label = "", ""
        if isinstance(view, FilePageView) and view.source_line_url:
            line_url = view.source_line_url
            line_label = _("view line {line} on {host}").replace("{host}", view.source_host)
        page_section += make_file_tree(
            page.kind, tree_path, state.views().title, line_url, line_label
        )
        document += page_section


def _stale_page(document: nodes.document, docname: str, why: str) -> None:
    """A titled page for a stub this build cannot fill, so that toctrees still work."""
    page = common.section(document, docname)
    page += common.paragraph(why)
    document += page
