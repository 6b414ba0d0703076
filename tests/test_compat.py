"""Guards of ``sphinx_repodocs.compat``: each fails when the undocumented behaviour of
Sphinx, docutils or Pygments that one of its functions relies on changes."""

from __future__ import annotations

from pathlib import Path

from docutils.parsers.rst import directives, roles
from docutils.parsers.rst.languages import en as english
from docutils.utils import new_document
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

from sphinx_repodocs import compat
from sphinx_repodocs.core.extract.prose import extract_rst
from sphinx_repodocs.sphinx.write_time import html_fast_path

from .conftest import BASIC_REPO, PREFIX, RST_CONF, file_page_html, warnings_of
from .html_tree import Element, page_content


def test_docutils_registries():
    """The rST extractor empties these private registries while it parses: if docutils
    renames them, this fails before a repository's directive could run."""
    for module, names in (
        (directives, ("_directives", "_directive_registry")),
        (roles, ("_roles", "_role_registry")),
    ):
        for name in names:
            assert isinstance(getattr(module, name), dict), name
    document = new_document("<test>")
    assert directives.directive("note", english, document)[0] is not None
    with compat.no_docutils_directives_or_roles():
        assert directives.directive("note", english, document)[0] is None
        assert extract_rst("Title\n=====\n\n.. note:: x\n").symbols[0].name == "Title"
    assert directives._directive_registry  # restored afterwards


def test_no_smart_quotes(repo_factory, build):
    srcdir = repo_factory({**BASIC_REPO, 'odd/it\'s "quoted" -- x.py': "x = 1\n"})
    app = build(srcdir, confoverrides={"smartquotes": True})
    page = file_page_html(app, 'odd/it\'s "quoted" -- x.py')
    assert page_content(page).find("h1").own_text() == 'odd/it\'s "quoted" -- x.py'
    assert "\N{RIGHT SINGLE QUOTATION MARK}" not in page and "\N{EN DASH}" not in page


def test_generated_pages_are_orphans(repo_factory, build):
    app = build(repo_factory())
    docname = f"{PREFIX}/src/pkg/core.py"
    assert app.env.metadata[docname].get("orphan") is True
    assert "orphan" not in app.env.metadata[f"{PREFIX}/index"]
    assert "not included in any toctree" not in warnings_of(app)


def test_status_iterator():
    shown = list(compat.status_iterator(["a", "b"], "reading ", "purple", 2, 0, str.upper))
    assert shown == ["a", "b"]


#: Page being written -> what compat.current_docname said (test_current_docname).
SEEN: dict[str, str] = {}


def record_current_docname(app: Sphinx, pagename: str, *_: object) -> None:
    SEEN[pagename] = compat.current_docname(app.builder)


def test_current_docname(repo_factory, build):
    srcdir = repo_factory()
    (srcdir / "conf.py").write_text(
        RST_CONF
        + "\nfrom tests.test_compat import record_current_docname\n"
        + "def setup(app):\n"
        + "    app.connect('html-page-context', record_current_docname)\n",
        encoding="utf-8",
    )
    SEEN.clear()
    build(srcdir)
    page = f"{PREFIX}/src/pkg/core.py"
    assert SEEN[page] == page and SEEN["index"] == "index"


def test_no_sources_copy(repo_factory, build):
    app = build(repo_factory())
    outdir = Path(app.outdir)
    assert not (outdir / "_sources" / PREFIX).exists()
    assert (outdir / "_sources" / "index.rst.txt").is_file()  # copying itself works


def test_html_output_path(repo_factory, build):
    app = build(repo_factory())
    docname = f"{PREFIX}/src/pkg/core.py"
    path = Path(compat.html_output_path(app.builder, docname))
    assert path == Path(app.outdir) / f"{docname}.html" and path.is_file()


class TableTranslator(HTML5Translator):
    """A theme's translator that writes tables its own way."""

    def visit_table(self, node):
        self.body.append('<div class="theme-table">')
        super().visit_table(node)

    def depart_table(self, node):
        super().depart_table(node)
        self.body.append("</div>")


def test_stock_translator_detected():
    assert compat.renders_like_stock_html5(HTML5Translator)
    assert compat.renders_like_stock_html5(type("Plain", (HTML5Translator,), {}))
    assert not compat.renders_like_stock_html5(TableTranslator)
    assert compat.has_stock_visitors(TableTranslator, ("literal_block",))
    assert not compat.renders_like_stock_html5(object)


def test_a_theme_translator_styles_our_tables(repo_factory, build):
    srcdir = repo_factory()
    stock = build(srcdir)
    assert html_fast_path(stock.builder)
    assert "theme-table" not in file_page_html(stock, "src/pkg/util.py")

    (srcdir / "conf.py").write_text(
        RST_CONF
        + "\nfrom tests.test_compat import TableTranslator\n"
        + "def setup(app):\n"
        + "    app.set_translator('html', TableTranslator, override=True)\n",
        encoding="utf-8",
    )
    themed = build(srcdir, freshenv=True)
    assert not html_fast_path(themed.builder)
    page = file_page_html(themed, "src/pkg/util.py")
    # The keyword tables and the dependency table are written by the theme's translator.
    wrapped = [  # the theme's div, right around each table
        first.classes
        for div in page_content(page).find_all("div", class_="theme-table")
        if div.children and isinstance(first := div.children[0], Element) and first.tag == "table"
    ]
    assert sum("repodocs-table" in classes for classes in wrapped) >= 2
    assert any("repodocs-keywords" in classes for classes in wrapped)
    assert any("repodocs-dependencies" in classes for classes in wrapped)
    assert "deferred" not in page and warnings_of(themed) == ""


def test_intersphinx_priorities(repo_factory, build):
    app = build(
        repo_factory(), confoverrides={"extensions": ["sphinx.ext.intersphinx", "sphinx_repodocs"]}
    )

    def priority(event: str, name: str) -> set[int]:
        return {
            listener.priority
            for listener in app.events.listeners[event]
            if getattr(listener.handler, "__module__", "").startswith("sphinx.ext.intersphinx")
            and listener.handler.__name__ == name
        }

    assert priority("builder-inited", "load_mappings") == {compat.INTERSPHINX_PRIORITY}
    assert priority("missing-reference", "missing_reference") == {compat.INTERSPHINX_PRIORITY}


def test_page_url_suffixes(repo_factory, build, tmp_path):
    srcdir = repo_factory()
    html = build(srcdir, builddir=tmp_path / "html")
    assert compat.page_url_suffixes(html.builder) == (".html", "index.html")
    dirhtml = build(srcdir, "dirhtml", builddir=tmp_path / "dirhtml")
    assert compat.page_url_suffixes(dirhtml.builder) == ("/", "")
    single = build(srcdir, "singlehtml", builddir=tmp_path / "single")
    assert compat.page_url_suffixes(single.builder) is None


def test_docutils_lookups():
    """docutils' parser looks directives and roles up through the module functions at
    each use: replaced, no registered directive or role (docutils', Sphinx's) is found."""
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser

    asked: list[str] = []

    def directive(name: str, *_args: object) -> tuple[None, list[object]]:
        asked.append(name)
        return None, []

    def role(name: str, *_args: object) -> tuple[None, list[object]]:
        asked.append(":" + name)
        return None, []

    saved = directives.directive, roles.role
    settings = get_default_settings(Parser)
    settings.report_level = 5
    document = new_document("<test>", settings)
    with compat.docutils_lookups(directive, role):
        Parser().parse(".. note:: x\n\nA :strong:`word`.\n", document)
    assert asked == ["note", ":strong"]
    assert not list(document.findall(lambda node: node.tagname in {"note", "strong"}))
    assert (directives.directive, roles.role) == saved


IMAGE_FOLDERS: dict[str, tuple[str, str]] = {}


def record_image_folder(app: Sphinx, pagename: str, *_args: object) -> None:
    IMAGE_FOLDERS[pagename] = compat.image_folder(app.builder)


def test_image_folder(repo_factory, build):
    srcdir = repo_factory()
    (srcdir / "conf.py").write_text(
        RST_CONF
        + "\nfrom tests.test_compat import record_image_folder\n"
        + "def setup(app):\n"
        + "    app.connect('html-page-context', record_image_folder)\n",
        encoding="utf-8",
    )
    IMAGE_FOLDERS.clear()
    build(srcdir)
    assert IMAGE_FOLDERS["index"] == ("_images", "_images")
    assert IMAGE_FOLDERS[f"{PREFIX}/src/pkg/index"] == ("_images", "../../../_images")


def test_read_doctrees_are_not_kept(repo_factory, build):
    """Under -j 1 Sphinx keeps read doctrees for the writer
    (``_write_doc_doctree_cache``); a generated page's is dropped once stored, a
    hand-written page's is kept, and every page is written all the same."""
    kept_after_reading: list[set[str]] = []

    def after_reading(app, env):
        kept_after_reading.append(set(env._write_doc_doctree_cache))

    app = build(repo_factory(), handlers=[("env-updated", after_reading, 900)])
    assert isinstance(app.env._write_doc_doctree_cache, dict)
    assert isinstance(app.env._pickled_doctree_cache, dict)
    # Loaded for writing, then dropped once resolved.
    assert not any(name.startswith(f"{PREFIX}/") for name in app.env._pickled_doctree_cache)
    (kept,) = kept_after_reading
    assert "index" in kept  # Sphinx's own behaviour, for the pages we leave alone
    assert not any(docname.startswith(f"{PREFIX}/") for docname in kept)
    listing = page_content(file_page_html(app, "src/pkg/util.py")).find(class_="repodocs-source")
    assert "getcwd" in listing.text() and "L-5" in listing.ids()
