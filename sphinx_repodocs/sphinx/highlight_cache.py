"""Highlight each file once, while pages are read, and keep the HTML between builds.

Highlighting the source is most of the cost of writing a file page. Sphinx writes with
one worker at ``-j 2`` (the main process resolves doctrees meanwhile) but reads with
two, so the source is highlighted when its page is read (``doctree-read``), with the
HTML builder's own highlighter and the arguments its translator would use, and kept
in ``<doctreedir>/repodocs-highlight`` under a key made of the file's SHA-256 and
those arguments. The HTML writer then copies it. A page written again without being
re-read (new navigation, say) is not highlighted again either. Entries of files that
are no longer in the repository are deleted at the end of a build.
"""

from __future__ import annotations

import hashlib
import os
import zlib
from pathlib import Path

import pygments
import sphinx
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.util import logging

from .. import __version__, compat
from .build_state import get_state
from .nodes import highlighted_source

logger = logging.getLogger(__name__)

FOLDER = "repodocs-highlight"


def _key(app: Sphinx, node: highlighted_source) -> str:
    lang, highlight_args, linenos, options = compat.highlight_arguments(app.config, node)
    settings = repr(
        (
            lang,
            sorted(highlight_args.items()),
            sorted(options.items()),
            linenos,
            pygments.__version__,
            sphinx.__version__,
            __version__,
        )
    )
    text_hash = hashlib.sha256(node.rawsource.encode("utf-8", "surrogateescape")).hexdigest()
    tail = hashlib.sha256(f"{settings}\0{text_hash}".encode()).hexdigest()[:24]
    return f"{node['digest']}-{tail}"


def _path(directory: str | os.PathLike[str], key: str) -> Path:
    return Path(directory) / FOLDER / key[:2] / key


def highlight_while_reading(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read: highlight the page's source now, unless the cache has it."""
    builder = app.builder
    if not isinstance(builder, StandaloneHTMLBuilder) or get_state(app.env) is None:
        return
    for node in doctree.findall(highlighted_source):
        key = _key(app, node)
        node["cache_key"] = key
        path = _path(app.doctreedir, key)
        if not path.exists():
            _store(path, compat.highlight(builder, node))


def _store(path: Path, html: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(zlib.compress(html.encode("utf-8", "surrogateescape"), 1))
    os.replace(temporary, path)


def _load(path: Path) -> str | None:
    try:
        return zlib.decompress(path.read_bytes()).decode("utf-8", "surrogateescape")
    except (OSError, zlib.error):
        return None


def cached_highlighting(translator: nodes.NodeVisitor, node: highlighted_source) -> str | None:
    """The highlighted HTML of *node* made while its page was read, or None (no cache
    entry, or a translator that writes literal blocks its own way)."""
    key = node.get("cache_key")
    if not key or not compat.has_stock_visitors(type(translator), ("literal_block",)):
        return None
    return _load(_path(translator.builder.doctreedir, key))


def prune_cache(app: Sphinx, exception: BaseException | None) -> None:
    """build-finished: delete entries of file versions no longer in the repository."""
    state = get_state(app.env)
    folder = Path(app.doctreedir) / FOLDER
    if exception is not None or state is None or state.model is None or not folder.is_dir():
        return
    current = {file.digest for file in state.model.files.values()}
    removed = 0
    for entry in folder.glob("*/*"):
        if entry.name.partition("-")[0] not in current:
            entry.unlink(missing_ok=True)
            removed += 1
    if removed:
        logger.verbose("sphinx-repodocs: removed %d highlighted sources from the cache", removed)
