"""Dependencies, Imported By and Related Files on pages, and the repodocs-related directive."""

from __future__ import annotations

from sphinx_repodocs.site import urls

from .conftest import PREFIX, RST_INDEX, file_page_html, html_of, warnings_of

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
    core = file_page_html(app, "src/pkg/core.py")
    assert ">Dependencies<" in core
    assert "Standard library (1)" in core and "Third-party (1)" in core
    util = file_page_html(app, "src/pkg/util.py")
    assert "In this repository (1)" in util and "Unresolved (1)" in util
    assert 'href="core.py.html"' in util
    assert "no such module next to this file" in util


def test_imported_by_links_to_the_importing_line(repo_factory, build):
    app = build(repo_factory(REPO))
    core = file_page_html(app, "src/pkg/core.py")
    assert ">Imported By<" in core
    assert 'href="util.py.html#L-1"' in core
    assert 'href="../../tests/test_core.py.html#L-1"' in core


def test_related_files_rank_tests_first_with_reasons(repo_factory, build):
    app = build(repo_factory(REPO))
    core = file_page_html(app, "src/pkg/core.py")
    related = core.split(">Related Files<", 1)[1]
    first_test = related.index("tests/test_core.py")
    first_importer = related.index("src/pkg/util.py")
    assert first_test < first_importer
    assert "a test named after core.py" in related
    assert "imports it on line 1" in related
    test_page = file_page_html(app, "tests/test_core.py")
    assert "the code test_core.py is named after" in test_page


def test_related_directive_on_a_hand_written_page(repo_factory, build):
    app = build(repo_factory(REPO))
    html = html_of(app, "related")
    assert f'href="{page("tests/test_core.py")}.html"' in html
    assert "a test named after core.py" in html


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
    html = html_of(app, "uses")
    used = html.split("Where the definitions of")[1].split("</table>")[0]
    core = page("src/pkg/core.py")
    # The definition links to its line on the file's page, the uses to theirs.
    assert f'href="{core}.html#answer"' in used
    assert f'href="{page("src/pkg/util.py")}.html#L-1"' in used
    assert f'href="{page("tests/test_core.py")}.html#L-5"' in used
    assert "No line of the repository links to a definition of" in html  # util.py's
    # A new use of answer re-reads the page.
    (srcdir.parent / "src/pkg/extra.py").write_text("from pkg.core import answer\n\nanswer()\n")
    reads: list[str] = []
    app = build(srcdir, record=reads)
    assert "uses" in reads
    assert f'href="{page("src/pkg/extra.py")}.html#L-3"' in html_of(app, "uses")
