"""The documentation site of sphinx-repodocs, which is also its demo: the extension
documents the repository that holds it (``repodocs_root = ".."``)."""

import sys
from pathlib import Path

# Local extensions: the command reference, generated from the command's parser.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "sphinx-repodocs"
author = "sphinx-repodocs developers"
copyright = "sphinx-repodocs developers"
extensions = ["myst_parser", "sphinx_repodocs", "commandref"]

# The repository to document, relative to this file.
repodocs_root = ".."
repodocs_title = "sphinx-repodocs repository"

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build"]
html_theme = "alabaster"
# MyST: ``{confval}`` and the other directives in fenced blocks; ``:::`` fences too.
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

#: Alabaster's settings; another theme (``-D html_theme=furo``) keeps its own.
ALABASTER_OPTIONS = {
    "description": "A page for every file and folder of a repository",
    "fixed_sidebar": True,
    # Wide enough for the command's --help text (85 columns) and most listings.
    "page_width": "1100px",
}
# Generated pages: the repository's file tree (added below the sidebar's last part by
# the extension's script) right under the search box, not below the whole site's
# navigation.
ALABASTER_SIDEBARS = {"_repodocs/**": ["about.html", "searchfield.html"]}


def _alabaster_settings(app, config):
    """config-inited: alabaster's options only when alabaster is the theme (overrides
    such as ``-D html_theme=...`` are applied by then)."""
    if config.html_theme == "alabaster":
        config.html_theme_options = {**ALABASTER_OPTIONS, **config.html_theme_options}
        config.html_sidebars = {**ALABASTER_SIDEBARS, **config.html_sidebars}


def setup(app):
    app.connect("config-inited", _alabaster_settings)
