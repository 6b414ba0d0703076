"""Directives for hand-written pages (rST and MyST): they build nodes from the model."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..site.defined_names import ALL_KINDS
from ..site.page_link import Link
from ..site.urls import file_docname
from .build_state import RepodocsState, get_state
from .directive_uses import record_use
from .i18n import _
from .nodes import make_deferred
from .pages import common

logger = logging.getLogger(__name__)


def _kinds(argument: str | None) -> tuple[str, ...]:
    chosen = tuple(part.strip() for part in (argument or "").split(",") if part.strip())
    unknown = [kind for kind in chosen if kind not in ALL_KINDS]
    if unknown:
        raise ValueError(f"unknown kinds {unknown}; choose from {', '.join(ALL_KINDS)}")
    return chosen or ALL_KINDS


class _FileDirective(SphinxDirective):
    """A directive whose argument is a documented file of the repository."""

    required_arguments = 1
    final_argument_whitespace = True

    def documented_file(self) -> tuple[RepodocsState, str] | None:
        state = get_state(self.env)
        path = self.arguments[0].strip().strip("/")
        if state is None or path not in state.model.files:
            logger.warning(
                "%s: %r is not a documented file of the repository",
                self.name,
                path,
                location=self.get_location(),
                type="repodocs",
                subtype="unknown-file",
            )
            return None
        # Re-read this page when what the file's page shows changes (see directive_uses.py).
        record_use(self.env, self.env.docname, path)
        return state, path

    def references(self, state: RepodocsState, path: str) -> list[nodes.Node]:
        """With ``:references:``, the lines of the repository that use the file's
        definitions (its page's References part)."""
        if "references" not in self.options:
            return []
        link = common.doc_link(
            Link(path, file_docname(state.prefix, path)), self.env.docname, code=True
        )
        if not state.views().file_view(path).used_by:
            return [
                common.sentence(
                    _("No line of the repository links to a definition of {file}."), file=link
                )
            ]
        return [
            common.sentence(_("Where the definitions of {file} are used:"), file=link),
            make_deferred("used-by", path=path, page=self.env.docname),
        ]


class KeywordsDirective(_FileDirective):
    """``.. repodocs-keywords:: path/in/repo.py`` with an optional ``:kinds:`` list and
    ``:references:`` (where its definitions are used)."""

    option_spec: ClassVar[dict[str, object]] = {"kinds": _kinds, "references": directives.flag}

    def run(self) -> list[nodes.Node]:
        found = self.documented_file()
        if found is None:
            return []
        state, path = found
        target = file_docname(state.prefix, path)
        container = nodes.container(classes=["repodocs-keywords-directive"])
        container += common.sentence(
            _("Keywords of {file}:"),
            file=common.doc_link(Link(path, target), self.env.docname, code=True),
        )
        extraction = state.model.extractions.get(path)
        if extraction is None:
            container += common.paragraph(_("No extractor reads this kind of file."))
            return [container]
        file = state.model.files[path]
        # A file over the source limit shows only its head; its lines are not linked.
        anchored = (file.lines or 0) if file.size <= state.max_source_bytes else 0
        container += make_deferred(
            "keyword-tables",
            path=path,
            target=target,
            anchored=anchored,
            kinds=list(self.options.get("kinds", ALL_KINDS)),
        )
        container.extend(self.references(state, path))
        return [container]


class RelatedDirective(_FileDirective):
    """``.. repodocs-related:: path/in/repo.py``: the file's ranked related files; with
    ``:references:``, also where its definitions are used."""

    option_spec: ClassVar[dict[str, object]] = {"references": directives.flag}

    def run(self) -> list[nodes.Node]:
        found = self.documented_file()
        if found is None:
            return []
        state, path = found
        view = state.views().file_view(path)
        docname = self.env.docname
        container = nodes.container(classes=["repodocs-related-directive"])
        container += common.sentence(
            _("Files related to {file}:"),
            file=common.doc_link(Link(path, file_docname(state.prefix, path)), docname, code=True),
        )
        if not view.related:
            container += common.paragraph(
                _("No tests, imports or importers link it to other files.")
            )
        else:
            container += common.bullet_list(
                (common.doc_link(link, docname, code=True), f": {reason}")
                for link, reason in view.related
            )
        container.extend(self.references(state, path))
        return [container]
