"""Demo: sphinx-repodocs documenting its own repository."""

project = "sphinx-repodocs"
author = "sphinx-repodocs developers"
extensions = ["myst_parser", "sphinx_repodocs"]

# The repository to document, relative to this file.
repodocs_root = ".."
repodocs_title = "sphinx-repodocs repository"

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build"]
html_theme = "alabaster"
