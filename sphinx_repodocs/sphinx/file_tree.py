"""The file tree's data, written once per HTML build (``site.file_tree``)."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment import BuildEnvironment

from ..site.file_tree import TREE_DATA, tree_script
from ..site.stubs import write_if_changed
from .build_state import RepodocsState, get_state
from .shards import InventoryBuilder


def html_site_state(app: Sphinx, env: BuildEnvironment) -> RepodocsState | None:
    """The state, when this build writes an HTML site with our pages (not the shards'
    inventory builder) and has a model: where files beside the pages are written."""
    state = get_state(env)
    builder = app.builder
    if state is None or state.model is None:
        return None
    if not isinstance(builder, StandaloneHTMLBuilder) or builder.name == InventoryBuilder.name:
        return None
    return state


def write_tree_data(app: Sphinx, env: BuildEnvironment) -> None:
    """env-updated: ``_static/repodocs-tree.js``, before any page is written, and only
    when it changes (a rebuild with nothing changed writes nothing)."""
    state = html_site_state(app, env)
    if state is None or state.model is None:
        return
    write_if_changed(
        Path(app.outdir) / "_static" / TREE_DATA, tree_script(state.model, state.prefix)
    )
