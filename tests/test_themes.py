"""Popular HTML themes build our pages warning-free (``tox -e themes`` installs them)."""

from __future__ import annotations

import importlib.util
import os

import pytest

from sphinx_repodocs.site import urls

from .conftest import PREFIX, file_page_html, warnings_of

#: Theme name -> the module that provides it.
THEMES = {
    "alabaster": "alabaster",
    "furo": "furo",
    "pydata_sphinx_theme": "pydata_sphinx_theme",
    "sphinx_rtd_theme": "sphinx_rtd_theme",
    "sphinx_book_theme": "sphinx_book_theme",
}


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_theme_builds_our_pages_without_warnings(repo_factory, build, theme):
    if importlib.util.find_spec(THEMES[theme]) is None:
        if os.environ.get("REPODOCS_REQUIRE_THEMES"):
            pytest.fail(f"{theme} is required but not installed")
        pytest.skip(f"{theme} is not installed (tox -e themes installs it)")
    from .test_keyword_index import KEYWORD_REPO

    app = build(repo_factory(KEYWORD_REPO), confoverrides={"html_theme": theme})
    assert warnings_of(app) == ""
    page = file_page_html(app, "src/pkg/shapes.py")
    assert "_static/repodocs.css" in page
    assert '<a id="L-1" name="L-1"></a>' in page
    folder = (app.outdir / f"{urls.folder_docname(PREFIX, 'src/pkg')}.html").read_text()
    assert "shapes.py" in folder
