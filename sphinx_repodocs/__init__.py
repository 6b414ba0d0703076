"""sphinx-repodocs: a page for every file and folder of a repository."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

__version__ = "0.1.0"

#: Bump when the layout of what we keep on the environment changes: Sphinx then starts
#: from a fresh environment instead of unpickling ours.
ENV_VERSION = 3


def setup(app: Sphinx) -> dict[str, Any]:
    from . import (
        config,
        directives,
        events,
        expansion,
        highlighting,
        linking,
        pages,
        shards,
        translations,
        uses,
    )
    from .parser import StubParser

    config.register(app)
    app.setup_extension("sphinx_repodocs.domain")
    linking.setup(app)
    expansion.setup(app)
    directives.setup(app)
    uses.setup(app)
    shards.setup(app)
    highlighting.setup(app)
    translations.setup(app)

    # Generated pages: stubs with our own suffix, parsed straight into nodes.
    app.add_source_suffix(pages.STUB_SUFFIX, pages.STUB_FILETYPE)
    app.add_source_parser(StubParser)
    app.add_css_file("repodocs.css")

    # The pipeline, in the order a build runs it.
    app.connect("config-inited", events.validate_config)
    app.connect("builder-inited", events.prepare_pages)
    app.connect("env-get-outdated", events.outdated_pages)
    app.connect("env-before-read-docs", events.check_pages_found)
    app.connect("missing-reference", events.unlink_excluded_pages)
    app.connect("html-page-context", events.page_context)
    app.connect("build-finished", events.remove_stale_output)

    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
