"""Translatable words of our pages (``sphinx.locale``), and the page template.

Our words form the ``sphinx_repodocs`` message catalog. A project translates them by
putting ``<language>/LC_MESSAGES/sphinx_repodocs.mo`` in one of its ``locale_dirs``
(the docs' translations how-to, docs/howto/translations.md). Repository text is never translated.
"""

from __future__ import annotations

import os
from pathlib import Path

from sphinx import locale
from sphinx.application import Sphinx
from sphinx.config import Config

from .. import compat
from ..site import messages

CATALOG = "sphinx_repodocs"
PACKAGE = Path(__file__).parent.parent
#: Ours, lowest priority: a project's own catalogs come first.
LOCALE_DIR = PACKAGE / "locale"
TEMPLATES_DIR = PACKAGE / "templates"
#: The template of every generated HTML page; a project's templates_path overrides it.
PAGE_TEMPLATE = "repodocs/page.html"

_ = locale.get_translation(CATALOG)


#: The form for a number, its ``{count}`` filled in: the site layer's, which
#: ``load_catalogs`` points at our catalog.
n_ = messages.n_


def load_catalogs(app: Sphinx, config: Config) -> None:
    """config-inited: our catalog from the project's locale_dirs, then ours; our templates
    after the project's, so that a project's ``repodocs/page.html`` wins."""
    project_dirs = [os.path.join(app.confdir, folder) for folder in config.locale_dirs]
    locale.init([*project_dirs, str(LOCALE_DIR)], config.language, CATALOG)
    # str(): always text, never Sphinx's lazy proxy (which another app's cleanup leaves).
    messages.use(
        lambda message: str(_(message)),
        lambda singular, plural, number: compat.translate_plural(CATALOG, singular, plural, number),
    )
    if str(TEMPLATES_DIR) not in config.templates_path:
        config.templates_path = [*config.templates_path, str(TEMPLATES_DIR)]
