"""Directives for hand-written pages (rST and MyST): they build nodes from the model."""

from __future__ import annotations

import os
from typing import ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import render
from .keyword_tables import ALL_KINDS
from .pages import file_docname
from .placeholders import make_deferred
from .state import get_state
from .views import Link

logger = logging.getLogger(__name__)


def _kinds(argument: str | None) -> tuple[str, ...]:
    chosen = tuple(part.strip() for part in (argument or "").split(",") if part.strip())
    unknown = [kind for kind in chosen if kind not in ALL_KINDS]
    if unknown:
        raise ValueError(f"unknown kinds {unknown}; choose from {', '.join(ALL_KINDS)}")
    return chosen or ALL_KINDS


class KeywordsDirective(SphinxDirective):
    """``.. repodocs-keywords:: path/in/repo.py`` with an optional ``:kinds:`` list."""

    required_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict[str, object]] = {"kinds": _kinds}

    def run(self) -> list[nodes.Node]:
        state = get_state(self.env)
        path = self.arguments[0].strip().strip("/")
        if state is None or path not in state.model.files:
            logger.warning(
                "repodocs-keywords: %r is not a documented file of the repository",
                path,
                location=self.get_location(),
                type="repodocs",
                subtype="unknown-file",
            )
            return []
        # Re-read this page when the file changes; its keywords come from the file.
        self.env.note_dependency(os.path.join(state.model.root, *path.split("/")))
        target = file_docname(state.prefix, path)
        container = nodes.container(classes=["repodocs-keywords-directive"])
        container += render.paragraph(
            "Keywords of ", render.doc_link(Link(path, target), self.env.docname, code=True), ":"
        )
        extraction = state.model.extractions.get(path)
        if extraction is None:
            container += render.paragraph("No extractor reads this kind of file.")
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
        return [container]


def setup(app: Sphinx) -> None:
    app.add_directive("repodocs-keywords", KeywordsDirective)
