"""The repo domain: roles from rST and MyST pages, warnings, objects.inv, search, intersphinx."""

from __future__ import annotations

from pathlib import Path

from sphinx.util.inventory import InventoryFile

from sphinx_repodocs.site import urls

from .conftest import BASIC_REPO, MYST_INDEX, PREFIX, RST_INDEX, html_of, warnings_of
from .html_tree import main_body

SHAPES = "class Circle:\n    def area(self):\n        return 3.14\n\n\nclass Dup:\n    pass\n"

ROLES_RST = """\
Roles
=====

:repo:file:`src/pkg/core.py` :repo:folder:`src/pkg` :repo:class:`Circle`
:repo:meth:`Circle.area` :repo:func:`answer` :repo:line:`src/pkg/core.py:2`
:any:`Circle` :repo:class:`src/pkg/other.py::Dup` :repo:kw:`Circle`
"""

DOMAIN_REPO = {
    **BASIC_REPO,
    "src/pkg/shapes.py": SHAPES,
    "src/pkg/other.py": "class Dup:\n    pass\n",
    "docs/index.rst": RST_INDEX + "   roles\n",
    "docs/roles.rst": ROLES_RST,
}


def file_href(path: str, anchor: str = "") -> str:
    return f"{urls.file_docname(PREFIX, path)}.html{'#' + anchor if anchor else ''}"


def role_links(html: str) -> list[tuple[str, str]]:
    """(text, href) of each link in the paragraphs of the page's body."""
    paragraphs = main_body(html).find_all("p")
    return [(link.text(), link.attrs["href"]) for p in paragraphs for link in p.find_all("a")]


def test_roles_resolve_from_an_rst_page(repo_factory, build):
    app = build(repo_factory(DOMAIN_REPO))
    assert warnings_of(app) == ""
    # Names go to their symbol anchors, lines to their line anchors; in the roles' order.
    assert role_links(html_of(app, "roles")) == [
        ("src/pkg/core.py", file_href("src/pkg/core.py")),
        ("src/pkg", f"{urls.folder_docname(PREFIX, 'src/pkg')}.html"),
        ("Circle", file_href("src/pkg/shapes.py", "Circle")),
        ("Circle.area", file_href("src/pkg/shapes.py", "Circle.area")),
        ("answer", file_href("src/pkg/core.py", "answer")),
        ("src/pkg/core.py:2", file_href("src/pkg/core.py", "L-2")),  # the line role
        ("Circle", file_href("src/pkg/shapes.py", "Circle")),  # any
        ("src/pkg/other.py::Dup", file_href("src/pkg/other.py", "Dup")),  # explicit path::Dup
        ("Circle", file_href("src/pkg/shapes.py", "Circle")),  # kw
    ]


def test_roles_resolve_from_a_myst_page(repo_factory, build):
    from .conftest import MYST_CONF

    files = {
        **DOMAIN_REPO,
        "docs/conf.py": MYST_CONF,
        "docs/index.md": MYST_INDEX.replace("_repodocs/index\n", "_repodocs/index\nroles\n"),
        "docs/roles.md": "# Roles\n\n{repo:class}`Circle` and {repo:file}`src/pkg/core.py`\n",
    }
    del files["docs/index.rst"], files["docs/roles.rst"]
    app = build(repo_factory(files))
    assert warnings_of(app) == ""
    assert role_links(html_of(app, "roles")) == [
        ("Circle", file_href("src/pkg/shapes.py", "Circle")),
        ("src/pkg/core.py", file_href("src/pkg/core.py")),
    ]


def test_unknown_and_ambiguous_targets_warn_with_location(repo_factory, build):
    files = {
        **DOMAIN_REPO,
        "docs/roles.rst": "Roles\n=====\n\n:repo:class:`Nope`\n\n:repo:class:`Dup`\n",
    }
    app = build(repo_factory(files))
    warnings = warnings_of(app)
    assert "roles.rst:4: WARNING: repo:class: no class 'Nope' in the repository" in warnings
    assert (
        "roles.rst:6: WARNING: repo:class 'Dup' is ambiguous; linked to src/pkg/other.py:1."
        in warnings
    )
    assert "Candidates: src/pkg/other.py:1, src/pkg/shapes.py:6." in warnings
    assert "[repodocs.ambiguous]" in warnings
    # Deterministic: the first candidate by path and line.
    assert ("Dup", file_href("src/pkg/other.py", "Dup")) in role_links(html_of(app, "roles"))


def test_objects_inv_lists_files_folders_and_symbols(repo_factory, build):
    app = build(repo_factory(DOMAIN_REPO))
    inventory = InventoryFile.load(
        (Path(app.outdir) / "objects.inv").open("rb"), "", lambda base, uri: uri
    )
    data = inventory.data if hasattr(inventory, "data") else inventory
    files = data["repo:file"]
    assert "src/pkg/core.py" in files
    assert "src/pkg/" in data["repo:folder"]
    assert "src/pkg/shapes.py::Circle" in data["repo:class"]
    assert "Circle" in data["repo:class"]  # unique: also under its bare name
    assert "Dup" not in data["repo:class"]  # ambiguous: only with its path
    assert "src/pkg/shapes.py::Circle.area" in data["repo:method"]
    entry = data["repo:class"]["src/pkg/shapes.py::Circle"]
    uri = entry.uri if hasattr(entry, "uri") else entry[2]
    assert uri.endswith("shapes.py.html#Circle")


def test_search_index_has_symbol_objects(repo_factory, build):
    app = build(repo_factory(DOMAIN_REPO))
    index = (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")
    assert "Circle" in index
    assert '"repo:class"' in index or "repo:class" in index


def test_intersphinx_from_another_project(repo_factory, build, tmp_path):
    first = build(repo_factory(DOMAIN_REPO))
    inventory = Path(first.outdir) / "objects.inv"
    other = tmp_path / "other"
    other.mkdir()
    (other / "conf.py").write_text(
        'extensions = ["sphinx.ext.intersphinx", "sphinx_repodocs.domain"]\n'
        f"intersphinx_mapping = {{'repo': ('https://example.org/repo/', {str(inventory)!r})}}\n"
    )
    (other / "index.rst").write_text(
        "Other\n=====\n\n:external+repo:repo:class:`Circle` :external:repo:file:`src/pkg/core.py`\n"
    )
    app = build(other)
    assert warnings_of(app) == ""
    assert [href for _, href in role_links(html_of(app, "index"))] == [
        "https://example.org/repo/_repodocs/src/pkg/shapes.py.html#Circle",
        "https://example.org/repo/_repodocs/src/pkg/core.py.html",
    ]
