"""Dependencies, Imported By and Related Files on pages, and the repodocs-related directive."""

from __future__ import annotations

from sphinx_repodocs.site import urls

from .conftest import PREFIX, RST_INDEX, file_page_html, html_of, warnings_of
from .html_tree import main_body, page_content

REPO = {
    "src/pkg/__init__.py": "",
    "src/pkg/core.py": "import os\nimport yaml\n\n\ndef answer():\n    return 42\n",
    "src/pkg/util.py": "from pkg.core import answer\nfrom .nope import missing\n",
    "tests/test_core.py": (
        "from pkg.core import answer\n\n\ndef test_answer():\n    assert answer()\n"
    ),
    "docs/conf.py": (
        'extensions = ["sphinx_repodocs"]\nrepodocs_root = ".."\nexclude_patterns = ["_build"]\n'
    ),
    "docs/index.rst": RST_INDEX + "   related\n   uses\n",
    "docs/related.rst": "Related\n=======\n\n.. repodocs-related:: src/pkg/core.py\n",
    "docs/uses.rst": (
        "Uses\n====\n\n.. repodocs-related:: src/pkg/core.py\n   :references:\n\n"
        ".. repodocs-keywords:: src/pkg/util.py\n   :references:\n"
    ),
}


def page(path: str) -> str:
    return urls.file_docname(PREFIX, path)


def test_dependencies_are_grouped_and_linked(repo_factory, build):
    app = build(repo_factory(REPO))
    assert warnings_of(app) == ""
    core = page_content(file_page_html(app, "src/pkg/core.py")).titled("Dependencies")
    assert core.rubrics() == ["Standard library (1)", "Third-party (1)"]
    util = page_content(file_page_html(app, "src/pkg/util.py")).titled("Dependencies")
    assert util.rubrics() == ["In this repository (1)", "Unresolved (1)"]
    in_repository, unresolved = util.find_all("table")
    assert in_repository.rows() == [["pkg.core", "answer", "src/pkg/core.py", "1"]]
    assert in_repository.hrefs() == ["core.py.html", "#L-1"]
    assert unresolved.rows() == [[".nope", "missing", "2", "no such module next to this file"]]


def test_imported_by_links_to_the_importing_line(repo_factory, build):
    app = build(repo_factory(REPO))
    table = page_content(file_page_html(app, "src/pkg/core.py")).titled("Imported By").find("table")
    assert table.headers() == ["File", "Line"]
    assert table.hrefs() == [
        "util.py.html",
        "util.py.html#L-1",
        "../../tests/test_core.py.html",
        "../../tests/test_core.py.html#L-1",
    ]


def test_related_files_rank_tests_first_with_reasons(repo_factory, build):
    app = build(repo_factory(REPO))
    related = page_content(file_page_html(app, "src/pkg/core.py")).titled("Related Files")
    assert related.items() == [
        ("../../tests/test_core.py.html", "tests/test_core.py: a test named after core.py"),
        ("util.py.html", "src/pkg/util.py: imports it on line 1"),
    ]
    test_page = page_content(file_page_html(app, "tests/test_core.py"))
    assert test_page.titled("Related Files").items() == [
        ("../src/pkg/core.py.html", "src/pkg/core.py: the code test_core.py is named after")
    ]


def test_related_directive_on_a_hand_written_page(repo_factory, build):
    app = build(repo_factory(REPO))
    directive = main_body(html_of(app, "related")).find(class_="repodocs-related-directive")
    assert directive.items()[0] == (
        f"{page('tests/test_core.py')}.html",
        "tests/test_core.py: a test named after core.py",
    )


def test_hand_written_page_is_reread_when_its_file_changes(repo_factory, build):
    srcdir = repo_factory(REPO)
    build(srcdir)
    root = srcdir.parent
    (root / "tests/test_core.py").unlink()  # core.py loses its test
    reads: list[str] = []
    app = build(srcdir, record=reads)
    assert "related" in reads
    assert "a test named after" not in html_of(app, "related")
    (root / "src/pkg/__init__.py").write_text("VERSION = 1\n")  # unrelated to core.py
    reads.clear()
    build(srcdir, record=reads)
    assert "related" not in reads


def test_directives_show_references_on_a_hand_written_page(repo_factory, build):
    srcdir = repo_factory(REPO)
    app = build(srcdir)
    assert warnings_of(app) == ""
    body = main_body(html_of(app, "uses"))
    related = body.find(class_="repodocs-related-directive")
    used = related.find("table", class_="repodocs-used-by")
    where = [p for p in related.find_all("p") if p.text().startswith("Where the definitions of")]
    assert where and related.position(where[0]) < related.position(used)
    core = page("src/pkg/core.py")
    # The definition links to its line on the file's page, the uses to theirs.
    assert used.find("tbody").find("td").hrefs() == [f"{core}.html#answer"]
    assert f"{page('src/pkg/util.py')}.html#L-1" in used.hrefs()
    assert f"{page('tests/test_core.py')}.html#L-5" in used.hrefs()
    keywords = body.find(class_="repodocs-keywords-directive")  # util.py's
    assert "No line of the repository links to a definition of" in keywords.text()
    # A new use of answer re-reads the page.
    (srcdir.parent / "src/pkg/extra.py").write_text("from pkg.core import answer\n\nanswer()\n")
    reads: list[str] = []
    app = build(srcdir, record=reads)
    assert "uses" in reads
    used = main_body(html_of(app, "uses")).find("table", class_="repodocs-used-by")
    assert f"{page('src/pkg/extra.py')}.html#L-3" in used.hrefs()
