"""The file tree's data, written once per HTML build (``site.file_tree``)."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment import BuildEnvironment

from ..site.file_tree import TREE_DATA, tree_script
from ..site.stubs import write_if_changed
from .build_state import get_state
from .shards import InventoryBuilder


def write_tree_data(app: Sphinx, env: BuildEnvironment) -> None:
    """env-updated: ``_static/repodocs-tree.js``, before any page is written, and only
    when it changes (a rebuild with nothing changed writes nothing)."""
    state = get_state(env)
    builder = app.builder
    if state is None or state.model is None:
        return
    if not isinstance(builder, StandaloneHTMLBuilder) or builder.name == InventoryBuilder.name:
        return
    write_if_changed(
        Path(app.outdir) / "_static" / TREE_DATA, tree_script(state.model, state.prefix)
    )
