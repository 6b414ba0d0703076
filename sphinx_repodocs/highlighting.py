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
from typing import Any

import pygments
import sphinx
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.util import logging

from . import __version__
from .state import get_state

logger = logging.getLogger(__name__)

FOLDER = "repodocs-highlight"


class highlighted_source(nodes.literal_block):
    """A repository file's source. Every builder shows it as a literal block; HTML
    writers take its highlighted HTML from the cache when it is there."""


def _arguments(app: Sphinx, node: highlighted_source) -> tuple[str, dict[str, Any], Any]:
    """What Sphinx's HTML5 translator passes to the highlighter for *node*."""
    lang = node.get("language", "default")
    linenos: Any = node.get("linenos", False)
    if linenos and app.config.html_codeblock_linenos_style:
        linenos = app.config.html_codeblock_linenos_style
    highlight_args = dict(node.get("highlight_args", {}))
    highlight_args["force"] = node.get("force", False)
    return lang, highlight_args, linenos


def _key(app: Sphinx, node: highlighted_source) -> str:
    lang, highlight_args, linenos = _arguments(app, node)
    options = app.config.highlight_options.get(lang, {})
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
        if path.exists():
            continue
        lang, highlight_args, linenos = _arguments(app, node)
        html = builder.highlighter.highlight_block(
            node.rawsource,
            lang,
            opts=app.config.highlight_options.get(lang, {}),
            linenos=linenos,
            location=node,
            **highlight_args,
        )
        _store(path, html)


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


def visit_highlighted_source(translator: nodes.NodeVisitor, node: highlighted_source) -> None:
    """HTML writers: the cached HTML, wrapped as Sphinx's own ``visit_literal_block``
    wraps what it highlights; without a cache entry, Sphinx's own visitor."""
    key = node.get("cache_key")
    html = _load(_path(translator.builder.doctreedir, key)) if key else None
    if html is None:
        translator.visit_literal_block(node)
        return
    lang = node.get("language", "default")
    starttag = translator.starttag(node, "div", suffix="", CLASS=f"highlight-{lang} notranslate")
    translator.body.append(starttag + html + "</div>\n")
    raise nodes.SkipNode


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


def setup(app: Sphinx) -> None:
    app.add_node(highlighted_source, html=(visit_highlighted_source, None))
    app.connect("doctree-read", highlight_while_reading)
    app.connect("build-finished", prune_cache)
