"""What the repository-wide keyword index lists: not vendored or generated code unless
asked, and a C function once (its definition, its prototypes noted), in the built HTML,
the search index and the roles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sphinx.util.inventory import InventoryFile

from sphinx_repodocs.site import urls

from .conftest import (
    BASIC_REPO,
    PREFIX,
    RST_INDEX,
    file_page_html,
    html_of,
    require_grammar,
    warnings_of,
)
from .html_tree import Element, main_body, page_content

SCOPE_REPO = {
    **BASIC_REPO,
    "src/pkg/own.py": "def own_function():\n    return 1\n",
    "vendor/lib/copied.py": (
        "def vendored_function():\n    return 2\n\n\nclass VendoredClass:\n    pass\n"
    ),
    "src/parser.c": (
        "/* A Bison parser, made by GNU Bison 3.8.2.  */\n"
        "int generated_parse(void) {\n    return 0;\n}\n"
    ),
    "include/jv.h": "#ifndef JV_H\n#define JV_H\nint jv_get_kind(int x);\n#endif\n",
    "src/jv.c": '#include "jv.h"\n\nint jv_get_kind(int x) {\n    return x;\n}\n',
    # Two files with a static helper of the same name, each declared in its own file.
    "src/a.c": "static int helper(void);\n\nstatic int helper(void) {\n    return 1;\n}\n",
    "src/b.c": "static int helper(void);\n\nstatic int helper(void) {\n    return 2;\n}\n",
    # Declared only: nothing to pair it with.
    "include/extern_only.h": "int implemented_elsewhere(void);\n",
    "docs/index.rst": RST_INDEX + "\nThe kind is :repo:func:`jv_get_kind`.\n",
}


@pytest.fixture(autouse=True)
def _c_grammar() -> None:
    require_grammar("c")  # prototypes are found by the C grammar


def _rows(app, name: str) -> list[Element]:
    """The rows of the keyword index's tables (every bucket page) whose name is *name*."""
    outdir = (Path(app.outdir) / urls.keyword_docname(PREFIX, "")).parent
    return [
        row
        for page in sorted(outdir.glob("*.html"))
        for table in page_content(page.read_text(encoding="utf-8")).find_all(
            "table", class_="repodocs-keyword-index"
        )
        for row in table.find("tbody").find_all("tr")
        if row.find("td").text() == name
    ]


def _cells(row: Element) -> list[str]:
    return [cell.text().strip() for cell in row.find_all("td")]


def _not_listed(app) -> Element:
    """The keyword index's paragraph on the names it leaves out."""
    jump = page_content(html_of(app, urls.keyword_docname(PREFIX, "")))
    (note,) = [p for p in jump.find_all("p") if p.text().startswith("Not listed: ")]
    return note


def test_vendored_and_generated_names_are_counted_not_listed(repo_factory, build):
    app = build(repo_factory(SCOPE_REPO))
    assert warnings_of(app) == ""
    assert _rows(app, "own_function")
    assert not _rows(app, "vendored_function") and not _rows(app, "VendoredClass")
    assert not _rows(app, "generated_parse")
    note = _not_listed(app)
    assert note.text().startswith(
        "Not listed: 1 name in 1 generated file and 2 names in 1 vendored file"
    )
    assert [code.text() for code in note.find_all("code")] == [
        "repodocs_index_generated = True",
        "repodocs_index_vendored = True",
    ]
    jump = page_content(html_of(app, urls.keyword_docname(PREFIX, "")))
    table = jump.find("table", class_="repodocs-left-out")
    assert table.rows() == [
        ["src/parser.c", "generated", "1"],
        ["vendor/lib/copied.py", "vendored", "2"],
    ]
    assert table.hrefs() == ["../src/parser.c.html", "../vendor/lib/copied.py.html"]
    # Their own pages keep their full tables.
    symbols = page_content(file_page_html(app, "vendor/lib/copied.py")).titled("Symbols")
    names = {row[0] for table in symbols.find_all("table") for row in table.rows()}
    assert {"vendored_function", "VendoredClass"} <= names


def test_settings_put_them_back(repo_factory, build):
    app = build(
        repo_factory(SCOPE_REPO),
        confoverrides={"repodocs_index_vendored": True},
    )
    assert warnings_of(app) == ""
    assert _rows(app, "vendored_function") and not _rows(app, "generated_parse")
    assert _not_listed(app).text().startswith("Not listed: 1 name in 1 generated file (")
    both = build(
        repo_factory(SCOPE_REPO, name="both"),
        confoverrides={"repodocs_index_vendored": True, "repodocs_index_generated": True},
    )
    assert _rows(both, "generated_parse")
    assert "Not listed" not in html_of(both, urls.keyword_docname(PREFIX, ""))


def test_a_prototype_and_its_definition_are_one_entry(repo_factory, build):
    app = build(repo_factory(SCOPE_REPO))
    assert warnings_of(app) == ""  # the role finds one jv_get_kind, not two
    (row,) = _rows(app, "jv_get_kind")
    # The definition first (the name's link), its prototype noted and linked:
    # name, kind, defined at, uses, declared at.
    assert _cells(row) == ["jv_get_kind", "function", "src/jv.c:3", "", "include/jv.h:3"]
    assert row.hrefs() == ["../src/jv.c.html#jv_get_kind", "../include/jv.h.html#L-3"]
    # Same-named static helpers: each paired with the prototype in its own file.
    assert [_cells(row) for row in _rows(app, "helper")] == [
        ["helper", "function", "src/a.c:3", "", "src/a.c:1"],
        ["helper", "function", "src/b.c:3", "", "src/b.c:1"],
    ]
    # A prototype with no definition in the repository stays an entry of its own.
    (alone,) = _rows(app, "implemented_elsewhere")
    assert _cells(alone)[2] == "include/extern_only.h:1"
    role = main_body(html_of(app, "index")).link("_repodocs/src/jv.c.html#jv_get_kind")
    assert role.text() == "jv_get_kind"


def test_search_finds_a_c_function_once(repo_factory, build):
    app = build(repo_factory(SCOPE_REPO))
    text = (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    found = [
        (prefix, entry)
        for prefix, entries in index["objects"].items()
        for entry in entries
        if entry[4].endswith("jv_get_kind")
    ]
    assert len(found) == 1, found
    docname = index["docnames"][found[0][1][0]]
    assert docname == urls.file_docname(PREFIX, "src/jv.c")
    # The prototype is still in objects.inv, for intersphinx, under its path::name.
    inventory = InventoryFile.load(
        (Path(app.outdir) / "objects.inv").open("rb"), "", lambda base, uri: uri
    )
    data = inventory.data if hasattr(inventory, "data") else inventory
    assert "include/jv.h::jv_get_kind" in data["repo:function"]
    assert "jv_get_kind" in data["repo:function"]  # bare: the definition, now unique


def test_a_header_page_links_each_prototype_to_its_definition(repo_factory, build):
    app = build(repo_factory(SCOPE_REPO))
    header = page_content(file_page_html(app, "include/jv.h"))
    table = header.find("table", class_="repodocs-keywords")
    assert table.headers() == ["Name", "Line", "Notes", "Defined at"]
    assert table.rows() == [["jv_get_kind", "3", "declaration", "src/jv.c:3"]]
    assert table.find("tbody").find_all("td")[3].hrefs() == ["../src/jv.c.html#L-3"]
    # A prototype with nothing to pair with gets no such column.
    alone = page_content(file_page_html(app, "include/extern_only.h"))
    assert "Defined at" not in alone.find("table", class_="repodocs-keywords").headers()
