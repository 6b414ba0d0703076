"""The ``repo`` domain alone, as an extension: for projects that link into a
sphinx-repodocs site through intersphinx and document no repository of their own
(``extensions = ["sphinx.ext.intersphinx", "sphinx_repodocs.domain"]``).
``sphinx_repodocs`` loads it too."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .sphinx.domain import RepoDomain, warn_missing_reference

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_domain(RepoDomain)
    app.connect("warn-missing-reference", warn_missing_reference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


__all__ = ["RepoDomain", "setup"]
