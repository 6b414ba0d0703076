"""Our page template can be overridden from a project's templates_path, and our words
translated from its locale_dirs."""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from sphinx_repodocs.site import urls

from .conftest import BASIC_REPO, PREFIX, file_page_html, html_of, warnings_of
from .html_tree import main_body, page_content

BANNER = (
    '{% extends "page.html" %}\n'
    '{% block body %}<p class="banner">{{ repodocs.kind }}|{{ repodocs.path }}|'
    "{{ repodocs.purpose }}</p>{{ super() }}{% endblock %}\n"
)


def test_a_project_template_lays_out_generated_pages_only(repo_factory, build):
    files = {
        **BASIC_REPO,
        "docs/_templates/repodocs/page.html": BANNER,
        "src/<b>bold</b>.py": "x = 1\n",
    }
    app = build(repo_factory(files), confoverrides={"templates_path": ["_templates"]})
    assert warnings_of(app) == ""

    def banner(html: str) -> str:
        (found,) = main_body(html).find_all("p", class_="banner")
        return found.text()

    assert banner(file_page_html(app, "src/pkg/core.py")) == "file|src/pkg/core.py|source"
    assert banner(html_of(app, urls.folder_docname(PREFIX, "src"))) == "folder|src|"
    assert "banner" not in html_of(app, "index")  # the project's own pages are its own
    # A file name reaches the template escaped: text, not markup.
    odd = file_page_html(app, "src/<b>bold</b>.py")
    assert banner(odd) == "file|src/<b>bold</b>.py|source"
    assert '<p class="banner">file|src/&lt;b&gt;bold&lt;/b&gt;.py|source</p>' in odd


def test_our_words_are_translated_from_the_projects_catalog(repo_factory, build):
    srcdir = repo_factory()
    catalog = Catalog(locale="de", domain="sphinx_repodocs")
    catalog.add("Details", "Einzelheiten")
    catalog.add("Source", "Quelltext")
    catalog.add("Code Patterns", "Codemuster")
    catalog.add("Line endings", "Zeilenenden")
    folder = Path(srcdir, "locale", "de", "LC_MESSAGES")
    folder.mkdir(parents=True)
    with open(folder / "sphinx_repodocs.mo", "wb") as handle:
        write_mo(handle, catalog)
    app = build(srcdir, confoverrides={"language": "de", "locale_dirs": ["locale"]})
    assert warnings_of(app) == ""
    page = page_content(file_page_html(app, "src/pkg/core.py"))
    headings = page.headings()
    assert "Einzelheiten" in headings and "Quelltext" in headings
    assert "Details" not in headings and "Source" not in headings
    assert "Zeilenenden" in page.titled("Einzelheiten").fields()
