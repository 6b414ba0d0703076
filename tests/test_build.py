"""Whole builds of small repositories: which pages exist and what they show."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.errors import ConfigError

from sphinx_repodocs.site import urls

from .conftest import (
    BASIC_DOCUMENTED_FILES,
    BASIC_DOCUMENTED_FOLDERS,
    BASIC_REPO,
    EVERY_OUTPUT,
    MYST_CONF,
    MYST_INDEX,
    PREFIX,
    expected_docnames,
    file_page_html,
    generated_docnames,
    html_of,
    output_files,
    warnings_of,
)
from .html_tree import head_links, main_body, page_content


def test_every_kept_file_and_folder_has_exactly_one_page(repo_factory, build):
    srcdir = repo_factory()
    app = build(srcdir)
    assert warnings_of(app) == ""
    assert generated_docnames(app) == expected_docnames(
        BASIC_DOCUMENTED_FILES, BASIC_DOCUMENTED_FOLDERS
    )
    for docname in generated_docnames(app):
        assert (Path(app.outdir) / f"{docname}.html").is_file()


def test_left_out_entries_leave_no_trace_in_the_output(repo_factory, build):
    app = build(repo_factory())
    outdir = Path(app.outdir)
    everything = b"".join(output_files(outdir, (".html", ".js", ".txt", ".inv")).values())
    assert b"planted-secret-token" not in everything
    for left_out in ("debug.log", "out.txt", "id_rsa", "pyvenv", "core.cpython-311", "HEAD"):
        assert left_out.encode() not in everything, left_out


def test_what_was_left_out_is_summed_up_and_listed_with_verbose(repo_factory, build, tmp_path):
    srcdir = repo_factory()
    quiet = build(srcdir, builddir=tmp_path / "quiet").status.getvalue()
    summary = next(line for line in quiet.splitlines() if "left out:" in line)
    assert "2 secret" in summary and "2 gitignored" in summary
    assert "left out (secret)" not in quiet
    verbose = build(srcdir, builddir=tmp_path / "verbose", verbosity=1).status.getvalue()
    assert "sphinx-repodocs: left out (secret): .env" in verbose
    assert "sphinx-repodocs: left out (secret): deploy/id_rsa" in verbose
    assert "sphinx-repodocs: left out (gitignored): build/" in verbose


def test_generated_pages_have_no_stub_source_copy(repo_factory, build):
    app = build(repo_factory())
    outdir = Path(app.outdir)
    assert not (outdir / "_sources" / PREFIX).exists()
    assert (outdir / "_sources" / "index.rst.txt").is_file()  # hand-written pages keep theirs
    assert "_sources" not in file_page_html(app, "src/pkg/core.py")


def test_host_exclude_patterns_hiding_pages_is_reported(repo_factory, build):
    app = build(repo_factory(), confoverrides={"exclude_patterns": ["_build", "_repodocs/src/**"]})
    warnings = warnings_of(app)
    assert "generated pages are excluded by the project's settings" in warnings
    assert "[repodocs.excluded]" in warnings


def test_three_consecutive_builds_keep_the_same_pages(repo_factory, build):
    srcdir = repo_factory()
    page_sets = [generated_docnames(build(srcdir)) for _ in range(3)]
    assert page_sets[0] == page_sets[1] == page_sets[2]
    # The generated folder documents nothing about itself.
    assert not any("repodocs" in docname.removeprefix(PREFIX) for docname in page_sets[2])


def test_a_fresh_environment_keeps_the_same_pages(repo_factory, build):
    srcdir = repo_factory()
    first = generated_docnames(build(srcdir))
    assert generated_docnames(build(srcdir, freshenv=True)) == first


def test_file_page_sections(repo_factory, build):
    app = build(repo_factory())
    html = file_page_html(app, "src/pkg/core.py")
    page = page_content(html)
    headings = page.headings()
    for heading in ("Source", "Symbols", "Related Files", "Details"):
        assert heading in headings, heading
    # No section repeats the title, the breadcrumbs or the folder's listing.
    for gone in ("Metadata", "Purpose", "Cross-References", "Next to it by name"):
        assert gone not in html, gone
    assert not any(element.own_text().removesuffix(":") == "Path" for element in page.iter())
    summary = page.find("p", class_="repodocs-summary")
    assert summary.text() == "Python · 3 lines · 50 bytes · source: Python code."
    assert [strong.text() for strong in summary.find_all("strong")] == ["source"]
    # The source comes first, after a jump bar to the page's parts.
    jump_bar = page.find("p", class_="repodocs-jump-bar")
    source = page.section("source")
    symbols = page.section("symbols")
    assert page.position(jump_bar) < page.position(source) < page.position(symbols)
    assert jump_bar.link("#source").text() == "Source"
    assert jump_bar.link("#symbols").text() == "Symbols (1)"
    # An anchor on every line, linked line numbers, highlighted as Python.
    listing = source.find(class_="repodocs-source")
    assert {"L-1", "L-2", "L-3"} <= listing.ids() and "#L-3" in listing.hrefs()
    assert "highlight-python" in listing.classes
    # Its folder, last in the breadcrumbs.
    crumbs = page.find(class_="repodocs-breadcrumbs")
    assert crumbs.hrefs()[-1] == "index.html" and crumbs.link("index.html").text() == "pkg"
    # The theme's previous and next pages are the files before and after it.
    links = head_links(html)
    assert {"rel": "prev", "title": "__init__.py", "href": "__init__.py.html"} in links
    assert {"rel": "next", "title": "util.py", "href": "util.py.html"} in links
    assert page.section("details").fields()["Size"] == "50 bytes"  # the exact size


def test_test_file_purpose_says_why(repo_factory, build):
    app = build(repo_factory())
    page = page_content(file_page_html(app, "tests/test_core.py"))
    summary = page.find("p", class_="repodocs-summary")
    assert "test: file name test_core.py follows a test naming convention." in summary.text()
    assert [strong.text() for strong in summary.find_all("strong")] == ["test"]
    # Its two commands are short enough to come before the source.
    assert page.position(page.section("how-to-run")) < page.position(page.section("source"))


def test_search_indexes_page_titles_not_source_or_boilerplate(repo_factory, build):
    app = build(repo_factory())
    index = (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")
    assert '"src/pkg/util.py"' in index  # the page title
    assert "getcwd" not in index  # only in util.py's source
    # Section titles every page has would match every page.
    assert '"Details"' not in index
    assert '"Source"' not in index
    # A file is found once, by its page's title; its repo:file object is for intersphinx.
    assert "repo:file" not in index and "repo:folder" not in index


def test_folder_page_lists_children_and_renders_its_readme(repo_factory, build):
    app = build(repo_factory())
    html = html_of(app, f"{PREFIX}/index")
    page = page_content(html)
    assert page.find("h1").own_text() == "demo repository"
    listed = {
        a.text(): a.attrs["href"]
        for section in (page.section("folders"), page.section("files"))
        for a in section.find_all("a")
    }
    for name, href in (
        ("src/", "src/index.html"),
        ("tests/", "tests/index.html"),
        ("docs/", "docs/index.html"),
        ("README.md", "README.md.html"),
        ("pyproject.toml", "pyproject.toml.html"),
    ):
        assert listed.get(name) == href, name
    # The README is rendered (tests/test_readme.py has the details), not shown as source.
    readme = page.section("readme-md")
    assert readme.tag == "section" and {"repodocs-readme", "repodocs-rendered"} <= readme.classes
    assert "highlight-markdown" not in html
    left_out = page.section("left-out")
    assert left_out.headings() == ["Left Out"]
    assert {"gitignored", "secret"} <= {row[0] for row in left_out.rows()}


def test_myst_host_project(repo_factory, build):
    files = dict(BASIC_REPO)
    files.pop("docs/index.rst")
    files["docs/conf.py"] = MYST_CONF
    files["docs/index.md"] = MYST_INDEX
    app = build(repo_factory(files))
    assert warnings_of(app) == ""
    documented = (BASIC_DOCUMENTED_FILES - {"docs/index.rst"}) | {"docs/index.md"}
    assert generated_docnames(app) == expected_docnames(documented, BASIC_DOCUMENTED_FOLDERS)
    assert "_repodocs/index.html" in main_body(html_of(app, "index")).hrefs()


def test_parallel_build_equals_serial_build(repo_factory, build, tmp_path, fixed_build_date):
    srcdir = repo_factory()
    serial = build(srcdir, builddir=tmp_path / "serial", freshenv=True)
    parallel = build(srcdir, builddir=tmp_path / "parallel", parallel=2, freshenv=True)
    assert warnings_of(serial) == warnings_of(parallel) == ""
    serial_out = output_files(Path(serial.outdir), EVERY_OUTPUT)
    parallel_out = output_files(Path(parallel.outdir), EVERY_OUTPUT)
    assert "searchindex.js" in serial_out and "objects.inv" in serial_out
    assert serial_out.keys() == parallel_out.keys()
    for name, content in serial_out.items():
        assert parallel_out[name] == content, name


ODD_FILES: dict[str, str | bytes] = {
    "odd/image.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "odd/latin1.txt": "café crème\n".encode("latin-1"),
    "odd/utf16.txt": "\ufeffhello → world\n".encode("utf-16-le"),
    "odd/utf8bom.py": "\ufeffprint('→')\n".encode(),
    "odd/crlf.py": b"x = 1\r\ny = 2\r\n",
    "odd/empty.py": "",
    "odd/big.txt": "a line of text for the big file\n" * 170_000,
    "odd/with space.py": "x = 1\n",
    "odd/ünïcode.py": "x = 'ü'\n",
    "odd/hash#name.py": "x = 1\n",
    "odd/per%cent.py": "x = 1\n",
    "odd/back`tick`.py": "x = 1\n",
    "odd/star*.py": "x = 1\n",
    "odd/index": "a file called index\n",
    "odd/index.rst": "Not a page of the site\n=======================\n",
    'odd/it\'s "quoted" -- x.py': "x = 1\n",
    "odd/conf.py": "raise SystemExit('a documented conf.py must never run')\n",
}


def test_odd_inputs_each_get_a_page_without_warnings(repo_factory, build):
    app = build(repo_factory({**BASIC_REPO, **ODD_FILES}))
    assert warnings_of(app) == ""
    docs = generated_docnames(app)
    for path in ODD_FILES:
        assert urls.file_docname(PREFIX, path) in docs, path
        assert (Path(app.outdir) / (urls.file_docname(PREFIX, path) + ".html")).is_file()
    assert urls.folder_docname(PREFIX, "odd") in docs  # and the file "index" has its own page

    assert "Not shown: the content is binary (NUL bytes)." in file_page_html(app, "odd/image.png")
    latin1 = file_page_html(app, "odd/latin1.txt")
    assert "café crème" in latin1 and "Windows-1252 (not valid UTF-8; a guess)" in latin1
    utf16 = file_page_html(app, "odd/utf16.txt")
    assert "hello → world" in utf16 and "UTF-16 with BOM" in utf16
    assert "\ufeff" not in file_page_html(app, "odd/utf8bom.py")
    crlf = file_page_html(app, "odd/crlf.py")
    assert "CRLF" in crlf and "\r" not in crlf
    assert "The file is empty." in file_page_html(app, "odd/empty.py")
    big = file_page_html(app, "odd/big.txt")
    assert "more than the 1,000,000 set by repodocs_max_source_bytes" in big
    assert "of 170,000 lines are shown" in big
    quoted = file_page_html(app, 'odd/it\'s "quoted" -- x.py')
    assert "<h1>odd/it's &quot;quoted&quot; -- x.py<" in quoted  # no smart quotes
    assert "a documented conf.py must never run" in file_page_html(app, "odd/conf.py")
    assert "Not a page of the site" in file_page_html(app, "odd/index.rst")


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ('repodocs_root = "missing"', "repodocs_root 'missing' does not exist"),
        ('repodocs_root = "conf.py"', "repodocs_root 'conf.py' is not a folder"),
        ("repodocs_root = None", "repodocs_root is not set"),
        ('repodocs_exclude = "*.log"', "repodocs_exclude must be a list of strings"),
        ("repodocs_include = [1]", "repodocs_include must hold only strings"),
        ('repodocs_dir = "a/b"', "repodocs_dir must be a single folder name"),
        ("repodocs_max_source_bytes = 0", "repodocs_max_source_bytes must be a positive integer"),
        ('repodocs_gitignore = "yes"', "repodocs_gitignore must be True or False"),
    ],
)
def test_wrong_settings_stop_with_one_line_naming_the_option(repo_factory, build, setting, message):
    srcdir = repo_factory()
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text() + setting + "\n")
    with pytest.raises(ConfigError) as raised:
        build(srcdir)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    "builders",
    [("html", "dirhtml", "singlehtml", "text", "latex", "epub", "json", "man", "texinfo")],
)
def test_builders_one_after_another_stay_warning_free(repo_factory, build, builders):
    """Each builder writes into docs/_build/<name>; none documents another's output."""
    from .test_keyword_index import KEYWORD_REPO

    srcdir = repo_factory({**KEYWORD_REPO, "site/index.html": "<p>a file named index.html</p>\n"})
    for name in builders:
        # EPUB 3 requires both in the host's conf.py; they are not ours to set.
        metadata = {"copyright": "2026, demo", "version": "1.0"} if name == "epub" else {}
        app = build(srcdir, name, confoverrides=metadata)
        # singlehtml says once that it leaves the generated pages out (test_singlehtml).
        warnings = [line for line in warnings_of(app).splitlines() if line.strip()]
        assert len(warnings) == (name == "singlehtml"), name
        assert all("[repodocs.builder]" in warning for warning in warnings), name
        assert not any("_build" in d for d in generated_docnames(app)), name
    assert urls.file_docname(PREFIX, "site/index.html") in generated_docnames(app)


def test_linkcheck_finds_no_broken_link_in_our_pages(repo_factory, build):
    """Our pages link only to pages and lines of the site: linkcheck has nothing to fetch."""
    from .test_keyword_index import KEYWORD_REPO

    app = build(repo_factory(KEYWORD_REPO), "linkcheck")
    assert warnings_of(app) == ""
    report = (Path(app.outdir) / "output.txt").read_text(encoding="utf-8")
    assert "broken" not in report
    assert "[redirected" not in report


def test_output_of_other_sphinx_builds_is_never_documented(repo_factory, build):
    files = {
        **BASIC_REPO,
        "old-site/.buildinfo": "# Sphinx build info version 1\n",
        "old-site/page.html": "<html></html>\n",
        "old-doctrees/environment.pickle": b"\x80\x04",
    }
    app = build(repo_factory(files))
    assert not any("old-" in d for d in generated_docnames(app))
    assert "2 Sphinx output" in app.status.getvalue()  # left out, and said so


def test_generated_pages_do_not_link_the_general_index(repo_factory, build):
    """Sphinx's genindex holds none of the names our pages list (the keyword index
    does): the theme's links to it are left off generated pages, kept on the host's."""
    from .html_tree import parse_html

    app = build(repo_factory())

    def links_to_genindex(docname: str) -> list[str]:
        page = parse_html(html_of(app, docname))
        return [
            element.attrs["href"]
            for element in page.iter()
            if "genindex" in element.attrs.get("href", "")
        ]

    assert links_to_genindex("index")  # the theme does link it from the host's pages
    assert links_to_genindex(f"{PREFIX}/index") == []
    assert links_to_genindex(f"{PREFIX}/src/pkg/core.py") == []
    # The search page, and only it, loads the script that quotes our pages' text.
    scripts = [
        script.attrs.get("src", "")
        for script in parse_html(html_of(app, "search")).find_all("script")
    ]
    assert any(src.startswith("_static/repodocs-search.js") for src in scripts)
    assert "repodocs-search.js" not in html_of(app, "index")


def test_written_documents_are_collected_as_memory_grows(repo_factory, build, monkeypatch):
    """The garbage of written doctrees is collected while writing, not at the end."""
    from sphinx_repodocs.sphinx import garbage

    collections: list[int] = []
    monkeypatch.setattr(garbage.gc, "collect", lambda *args: collections.append(1) or 0)
    monkeypatch.setattr(garbage, "COLLECT_AFTER_GROWTH", 0)  # any growth: every page
    app = build(repo_factory())
    written = len(app.env.found_docs)
    assert written >= 6
    assert len(collections) >= written - 1
    collections.clear()
    monkeypatch.setattr(garbage, "COLLECT_AFTER_GROWTH", 2**60)  # never
    build(repo_factory())
    assert collections == [1]  # only the one that frees the earlier build, at its start


def test_what_a_build_leaves_is_frozen_until_the_next_build_frees_it(repo_factory, build):
    """At exit nothing the build left is collected (it is frozen at build-finished);
    a next build in the same process frees it before it starts its own work."""
    import gc
    import weakref

    class Garbage:
        pass

    left: list[weakref.ref[Garbage]] = []

    def leave_cyclic_garbage(app, exception):
        item = Garbage()
        item.cycle = item  # type: ignore[attr-defined]
        left.append(weakref.ref(item))

    srcdir = repo_factory()
    build(srcdir, handlers=[("build-finished", leave_cyclic_garbage, 100)])
    gc.collect()
    assert left and left[0]() is not None  # frozen: not collected
    seen_at_start: list[bool] = []

    def check_at_start(app, env, docnames):
        # builder-inited (prepare_pages) has run: the earlier build's garbage is gone.
        seen_at_start.append(left[0]() is None)

    build(srcdir, handlers=[("env-before-read-docs", check_at_start, 500)])
    assert seen_at_start == [True]


def test_written_pages_leave_no_document_behind(repo_factory, build):
    """Rendering a page's title wraps the environment's title node in a document of
    its own; a generated page's title is detached again, so the write phase does not
    keep a document per page alive."""
    app = build(repo_factory())
    generated = [name for name in app.env.found_docs if name.startswith(f"{PREFIX}/")]
    assert len(generated) >= 6
    # The repository index is in the host's toctree: its title is rendered again for
    # the host pages' navigation links after its own page is written (one document).
    for docname in set(generated) - {f"{PREFIX}/index"}:
        for titles in (app.env.titles, app.env.longtitles):
            assert titles[docname].parent is None, docname
            assert titles[docname].document is None, docname
    assert (
        page_content(file_page_html(app, "src/pkg/util.py")).find("h1").own_text()
        == "src/pkg/util.py"
    )
