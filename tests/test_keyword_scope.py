"""What the repository-wide keyword index lists: not vendored or generated code unless
asked, and a C function once (its definition, its prototypes noted), in the built HTML,
the search index and the roles."""

from __future__ import annotations

import json
import re
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


def _index_text(app) -> str:
    """Every bucket page of the keyword index, concatenated."""
    outdir = (Path(app.outdir) / urls.keyword_docname(PREFIX, "")).parent
    return "".join(p.read_text(encoding="utf-8") for p in sorted(outdir.glob("*.html")))


def _rows(app, name: str) -> list[str]:
    """The keyword index's table rows whose name cell is *name*."""
    rows = re.findall(r"<tr[^>]*>.*?</tr>", _index_text(app), flags=re.S)
    return [row for row in rows if f">{name}<" in row]


def test_vendored_and_generated_names_are_counted_not_listed(repo_factory, build):
    app = build(repo_factory(SCOPE_REPO))
    assert warnings_of(app) == ""
    assert _rows(app, "own_function")
    assert not _rows(app, "vendored_function") and not _rows(app, "VendoredClass")
    assert not _rows(app, "generated_parse")
    jump = html_of(app, urls.keyword_docname(PREFIX, ""))
    assert "Not listed: 1 name in 1 generated file and 2 names in 1 vendored file" in jump
    assert (
        '<span class="pre">repodocs_index_generated</span> <span class="pre">=</span> '
        '<span class="pre">True</span></code> or <code' in jump
    )
    table = jump.split("repodocs-left-out")[1].split("</table>")[0]
    assert 'href="../vendor/lib/copied.py.html"' in table
    assert 'href="../src/parser.c.html"' in table
    # Their own pages keep their full tables.
    assert "vendored_function" in file_page_html(app, "vendor/lib/copied.py")


def test_settings_put_them_back(repo_factory, build):
    app = build(
        repo_factory(SCOPE_REPO),
        confoverrides={"repodocs_index_vendored": True},
    )
    assert warnings_of(app) == ""
    assert _rows(app, "vendored_function") and not _rows(app, "generated_parse")
    jump = html_of(app, urls.keyword_docname(PREFIX, ""))
    assert "Not listed: 1 name in 1 generated file (" in jump
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
    # The definition first (the name's link), its prototype noted and linked.
    assert 'href="../src/jv.c.html#L-3"' in row or 'href="../src/jv.c.html#' in row
    assert "src/jv.c:3" in row
    assert 'href="../include/jv.h.html#L-3"' in row and "include/jv.h:3" in row
    # Same-named static helpers: each paired with the prototype in its own file.
    helpers = _rows(app, "helper")
    assert len(helpers) == 2
    assert "src/a.c:3" in helpers[0] and "src/a.c:1" in helpers[0]
    assert "src/b.c:3" in helpers[1] and "src/b.c:1" in helpers[1]
    # A prototype with no definition in the repository stays an entry of its own.
    (alone,) = _rows(app, "implemented_elsewhere")
    assert "include/extern_only.h:1" in alone
    index = html_of(app, "index")
    assert 'href="_repodocs/src/jv.c.html#' in index


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
    header = file_page_html(app, "include/jv.h")
    table = header.split("repodocs-keywords")[1].split("</table>")[0]
    assert ">Defined at<" in table
    assert 'href="../src/jv.c.html#L-3"' in table and "src/jv.c:3" in table
    # A prototype with nothing to pair with gets no such column.
    alone = file_page_html(app, "include/extern_only.h")
    assert ">Defined at<" not in alone.split("repodocs-keywords")[1].split("</table>")[0]
