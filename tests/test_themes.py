"""Popular HTML themes build our pages warning-free (``tox -e themes`` installs them)."""

from __future__ import annotations

import importlib.util
import os

import pytest

from sphinx_repodocs.site import urls

from .conftest import PREFIX, file_page_html, warnings_of
from .html_tree import head_links, parse_html

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
    styles = [link["href"] for link in head_links(page) if link.get("rel") == "stylesheet"]
    assert any("_static/repodocs.css" in href for href in styles)
    # Our content, wherever the theme puts it.
    content = parse_html(page).find("section", class_="repodocs-page")
    assert content.find(class_="repodocs-source").has("a", id="L-1")
    folder = (app.outdir / f"{urls.folder_docname(PREFIX, 'src/pkg')}.html").read_text()
    listing = parse_html(folder).find("section", class_="repodocs-page").titled("Files")
    assert listing.link("shapes.py.html").text() == "shapes.py"
