"""The file tree's data, written once per HTML build (``site.file_tree``)."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.environment import BuildEnvironment

from ..site.file_tree import TREE_DATA, tree_script
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
    path = Path(app.outdir) / "_static" / TREE_DATA
    text = tree_script(state.model, state.prefix)
    try:
        if path.read_text(encoding="ascii") == text:
            return
    except (OSError, UnicodeDecodeError):
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="ascii")
