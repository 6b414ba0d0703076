"""sphinx-repodocs: a page for every file and folder of a repository.

``setup`` is the table of contents of the extension: every registration, in the order
a build uses it. The modules it names define handlers and never register them.
Importing this package loads no Sphinx (``core`` and ``site`` are usable without it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0"

#: Bump when the layout of what we keep on the environment changes: Sphinx then starts
#: from a fresh environment instead of unpickling ours.
ENV_VERSION = 7


def setup(app: Sphinx) -> dict[str, Any]:
    from . import compat
    from .site.plan import STUB_FILETYPE, STUB_SUFFIX
    from .sphinx import (
        config,
        directive_uses,
        directives,
        events,
        file_tree,
        garbage,
        highlight_cache,
        i18n,
        nodes,
        pictures,
        read_doctrees,
        readme_images,
        shards,
        single_page,
        visitors,
        write_time,
    )
    from .sphinx.parser import StubParser

    # Configuration: a repodocs_* option changes what pages show (rebuild "env"), but
    # for those that change no page (where the caches live).
    for name, (default, types, description) in config.OPTIONS.items():
        if name in config.SHOWN_NOWHERE:
            app.add_config_value(name, default, "", types, description)
        else:
            app.add_config_value(name, default, "env", types, description)

    # What the extension adds to Sphinx: the repo domain (also an extension of its own),
    # generated pages (stubs with their own suffix, parsed straight into nodes), nodes,
    # directives, a builder, and a stylesheet.
    app.setup_extension("sphinx_repodocs.domain")
    app.add_source_suffix(STUB_SUFFIX, STUB_FILETYPE)
    app.add_source_parser(StubParser)
    app.add_node(nodes.line_reference)  # resolved at doctree-resolved, before any writer
    app.add_node(
        nodes.deferred,
        html=(visitors.visit_deferred_html, None),
        latex=visitors.SKIP,
        text=visitors.SKIP,
        man=visitors.SKIP,
        texinfo=visitors.SKIP,
    )
    app.add_node(nodes.highlighted_source, html=(visitors.visit_highlighted_source_html, None))
    app.add_node(
        nodes.file_tree,
        html=(visitors.visit_file_tree_html, None),
        latex=visitors.SKIP,
        text=visitors.SKIP,
        man=visitors.SKIP,
        texinfo=visitors.SKIP,
    )
    app.add_node(
        nodes.readme_image,  # text on other builders (readme_images_as_text)
        html=(readme_images.visit_readme_image_html, None),
    )
    app.add_node(
        nodes.picture,  # removed for other builders (pictures_only_in_html)
        html=(pictures.visit_picture_html, None),
        latex=visitors.SKIP,
        text=visitors.SKIP,
        man=visitors.SKIP,
        texinfo=visitors.SKIP,
    )
    app.add_directive("repodocs-keywords", directives.KeywordsDirective)
    app.add_directive("repodocs-related", directives.RelatedDirective)
    app.add_builder(shards.InventoryBuilder)
    app.add_css_file("repodocs.css")
    # The file tree's script; it loads the tree's data (one file per build) itself.
    app.add_js_file("repodocs-tree-view.js", loading_method="defer")

    # The pipeline, in the order a build runs it.
    app.connect("config-inited", events.validate_config)
    app.connect("config-inited", i18n.load_catalogs)
    # The inventory builder loads no other shard's inventory: intersphinx's mapping is
    # emptied around intersphinx's own builder-inited handler.
    skipped = shards.OtherInventoriesSkipped()
    app.connect("builder-inited", skipped.empty, priority=compat.INTERSPHINX_PRIORITY - 50)
    app.connect("builder-inited", events.prepare_pages)
    app.connect("builder-inited", single_page.warn_single_page)
    app.connect("builder-inited", skipped.restore, priority=compat.INTERSPHINX_PRIORITY + 50)
    app.connect("env-get-outdated", events.outdated_pages)
    app.connect("env-before-read-docs", events.check_pages_found)
    app.connect("env-purge-doc", directive_uses.purge)
    app.connect("source-read", read_doctrees.forget_generated_doctrees)
    app.connect("doctree-read", highlight_cache.highlight_while_reading)
    app.connect("env-merge-info", directive_uses.merge)
    app.connect("env-updated", read_doctrees.forget_generated_doctrees)
    app.connect("env-updated", file_tree.write_tree_data)
    app.connect("env-updated", readme_images.copy_readme_images)
    app.connect("missing-reference", events.unlink_excluded_pages)
    app.connect("missing-reference", shards.link_to_sibling_page)
    # After intersphinx's own handler: files and symbols go to it first.
    app.connect(
        "missing-reference",
        shards.resolve_in_other_shard,
        priority=compat.INTERSPHINX_PRIORITY + 100,
    )
    app.connect("doctree-resolved", write_time.expand_deferred)
    app.connect("doctree-resolved", read_doctrees.forget_generated_doctrees)
    app.connect("doctree-resolved", garbage.collect_written)
    app.connect("doctree-resolved", readme_images.readme_images_as_text)
    app.connect("doctree-resolved", pictures.pictures_only_in_html)
    # After the deferred blocks are expanded: their links too.
    app.connect("doctree-resolved", single_page.unlink_pages_left_out, priority=600)
    app.connect("html-page-context", events.page_context)
    app.connect("html-page-context", read_doctrees.detach_titles)
    app.connect("html-page-context", _page_scripts)
    app.connect("html-page-context", pictures.remove_unwritten_pictures)
    app.connect("html-page-context", single_page.mend_table_of_contents)
    app.connect("build-finished", events.remove_stale_output)
    app.connect("build-finished", pictures.remove_stale_pictures)
    app.connect("build-finished", highlight_cache.prune_cache)
    app.connect("build-finished", garbage.freeze_what_is_left, priority=900)

    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


def _page_scripts(
    app: Sphinx, pagename: str, templatename: str, context: object, doctree: object
) -> None:
    """html-page-context: the scripts only some pages load. The search page quotes our
    pages' text, not their navigation; a file page whose code-host link can name lines
    points it at the line in the address."""
    from .sphinx import events

    if templatename == "search.html":
        app.add_js_file("repodocs-search.js", loading_method="defer")
    elif events.follows_host_lines(app.env, pagename):
        app.add_js_file("repodocs-host-line.js", loading_method="defer")
