"""Pictures on HTML pages: each an SVG file beside its page, embedded with ``<object>``.

``<object>``, not ``<img>``: links inside an SVG shown as an image do not work. The
file is the page's own (``NAME~KIND.svg`` in the page's output folder), so its links
are the page's relative links, and it is written when its page is written (only when
its bytes changed). Builders other than HTML show the tables alone: their pictures and
the sections that hold nothing else are removed when the page is resolved.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.util import logging

from .. import compat
from ..site import pictures
from ..site.stubs import write_if_changed
from .build_state import RepodocsState, get_state
from .file_tree import html_site_state
from .nodes import picture

logger = logging.getLogger(__name__)

_WRITTEN = "pictures written"
#: A picture's file name: no other file under the pages' folder ends so.
_PICTURE_NAME = re.compile(r"~(" + "|".join(pictures.KINDS) + r")\.svg$")


def picture_path(builder: StandaloneHTMLBuilder, docname: str, kind: str) -> Path:
    """Where the picture *kind* of the page *docname* is written: beside the page."""
    return Path(_picture_file(compat.html_output_path(builder, docname), docname, kind))


def _picture_file(page_output: str, docname: str, kind: str) -> str:
    """The picture *kind* of the page written to *page_output*, as a normalised path."""
    folder = os.path.dirname(os.path.normpath(page_output))
    return os.path.join(folder, f"{posixpath.basename(docname)}~{kind}.svg")


def _picture_builder(app: Sphinx) -> StandaloneHTMLBuilder | None:
    """The builder, when it shows pictures: an HTML site of pages (not singlehtml)."""
    builder = app.builder
    if html_site_state(app, app.env) is None or compat.page_url_suffixes(builder) is None:
        return None
    return builder if isinstance(builder, StandaloneHTMLBuilder) else None


def _written(state: RepodocsState) -> set[tuple[str, str]]:
    found = state.memo().setdefault(_WRITTEN, set())
    assert isinstance(found, set)
    return found


def visit_picture_html(translator: nodes.NodeVisitor, node: picture) -> None:
    builder = translator.builder
    state = get_state(builder.env)
    docname = compat.current_docname(builder)
    if state is None or state.model is None or compat.page_url_suffixes(builder) is None:
        raise nodes.SkipNode
    kind = node["what"]
    drawn = pictures.draw(
        state.views(),
        kind,
        node["path"],
        lambda target: builder.get_relative_uri(docname, target),
    )
    if drawn is None:
        raise nodes.SkipNode
    path = picture_path(builder, docname, kind)
    write_if_changed(path, drawn.svg)
    _written(state).add((docname, kind))
    alt = html.escape(drawn.alt)
    classes = f"repodocs-picture repodocs-picture-{kind}"
    if kind in pictures.CHARTS:
        classes += " repodocs-chart"
    translator.body.append(
        f'<div class="{classes}"><object data="{html.escape(path.name)}" '
        f'type="image/svg+xml" width="{drawn.width}" height="{drawn.height}" '
        f'role="img" aria-label="{alt}"><p>{alt}</p></object></div>\n'
    )
    raise nodes.SkipNode


def pictures_only_in_html(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: builders that show no pictures lose them, and the sections
    that held nothing else."""
    if _picture_builder(app) is not None:
        return
    for node in list(doctree.findall(picture)):
        parent = node.parent
        parent.remove(node)
        if isinstance(parent, nodes.section) and all(
            isinstance(child, nodes.title) for child in parent.children
        ):
            parent.parent.remove(parent)


def remove_unwritten_pictures(
    app: Sphinx, pagename: str, templatename: str, context: object, doctree: object
) -> None:
    """html-page-context: a page written again without a picture it had loses its file."""
    state, builder = get_state(app.env), _picture_builder(app)
    if state is None or builder is None or pagename not in state.pages:
        return
    written = _written(state)
    for kind in pictures.KINDS:
        if (pagename, kind) not in written:
            path = picture_path(builder, pagename, kind)
            if path.exists():
                path.unlink()


def remove_stale_pictures(app: Sphinx, exception: BaseException | None) -> None:
    """build-finished: the pictures of pages that went away."""
    state, builder = get_state(app.env), _picture_builder(app)
    if exception is not None or state is None or builder is None:
        return
    found = [
        os.path.normpath(os.path.join(dirpath, filename))
        for dirpath, _dirnames, filenames in os.walk(Path(app.outdir) / state.prefix)
        for filename in filenames
        if _PICTURE_NAME.search(filename)
    ]
    if not found:
        return
    # Paths as strings, one output path per page: this runs on every build.
    keep: set[str] = set()
    for docname in state.pages:
        page_output = compat.html_output_path(builder, docname)
        keep.update(_picture_file(page_output, docname, kind) for kind in pictures.KINDS)
    stale = [path for path in found if path not in keep]
    for path in stale:
        os.unlink(path)
    if stale:
        logger.info("sphinx-repodocs: removed %d pictures of pages that went away", len(stale))
