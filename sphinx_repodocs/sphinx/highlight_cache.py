"""Highlight each file once, while pages are read, and keep the HTML between builds.

Highlighting the source is most of the cost of writing a file page. Sphinx writes with
one worker at ``-j 2`` (the main process resolves doctrees meanwhile) but reads with
two, so the source is highlighted when its page is read (``doctree-read``), with the
HTML builder's own highlighter and the arguments its translator would use, and kept
in ``repodocs-highlight`` of the cache folder (``repodocs_cache_dir``, by default the
doctree folder) under a key made of the file's SHA-256, those arguments and the
listing's links: a CI that keeps the folder between runs highlights only what changed,
even on a fresh build. The HTML writer then copies it. A page written again without being
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
from sphinx.config import Config
from sphinx.util import logging

from .. import __version__, compat
from .build_state import get_state
from .nodes import highlighted_source
from .source_links import add_links, links_digest, listing_links

logger = logging.getLogger(__name__)

FOLDER = "repodocs-highlight"


def _key(config: Config, node: highlighted_source, links: str = "") -> str:
    lang, highlight_args, linenos, options = compat.highlight_arguments(config, node)
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
    tail = hashlib.sha256(f"{settings}\0{text_hash}\0{links}".encode()).hexdigest()[:24]
    return f"{node['digest']}-{tail}"


def _path(directory: str | os.PathLike[str], key: str) -> Path:
    return Path(directory) / FOLDER / key[:2] / key


def highlight_while_reading(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read: highlight the page's source now, unless the cache has it."""
    builder = app.builder
    state = get_state(app.env)
    if not isinstance(builder, StandaloneHTMLBuilder) or state is None:
        return
    for node in doctree.findall(highlighted_source):
        links, anchors = listing_links(builder, state, app.env.docname, node.get("path", ""))
        key = _key(app.config, node, links_digest(links, anchors))
        node["cache_key"] = key
        path = _path(state.cache_dir, key)
        if not path.exists():
            _store(path, add_links(compat.highlight(builder, node), links, anchors))


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
    """The highlighted HTML of *node* made while its page was read, made now (and
    kept) when the cache lost it, or None (a translator that writes literal blocks its
    own way, or a node not read by this build's HTML builder)."""
    key = node.get("cache_key")
    builder = translator.builder
    if not key or not compat.has_stock_visitors(type(translator), ("literal_block",)):
        return None
    state = get_state(builder.env)
    if state is None:
        return None
    path = _path(state.cache_dir, key)
    cached = _load(path)
    if cached is not None:
        return cached
    if not isinstance(builder, StandaloneHTMLBuilder) or state.model is None:
        return None
    docname = compat.current_docname(builder)
    links, anchors = listing_links(builder, state, docname, node.get("path", ""))
    if _key(builder.config, node, links_digest(links, anchors)) != key:
        return None  # what the listing links to changed since the page was read
    highlighted = add_links(compat.highlight(builder, node), links, anchors)
    _store(path, highlighted)
    return highlighted


def prune_cache(app: Sphinx, exception: BaseException | None) -> None:
    """build-finished: delete entries of file versions no longer in the repository."""
    state = get_state(app.env)
    if exception is not None or state is None or state.model is None:
        return
    folder = Path(state.cache_dir) / FOLDER
    if not folder.is_dir():
        return
    current = {file.digest for file in state.model.files.values()}
    removed = 0
    for entry in folder.glob("*/*"):
        if entry.name.partition("-")[0] not in current:
            entry.unlink(missing_ok=True)
            removed += 1
    if removed:
        logger.verbose("sphinx-repodocs: removed %d highlighted sources from the cache", removed)
