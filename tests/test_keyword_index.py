"""Keyword tables on file pages and the repository-wide keyword index, in built HTML."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urldefrag

from sphinx_repodocs.core import keyword_index
from sphinx_repodocs.core.extract.base import Extraction, Symbol
from sphinx_repodocs.site import urls

from .conftest import (
    BASIC_REPO,
    MYST_CONF,
    PREFIX,
    RST_INDEX,
    file_page_html,
    html_of,
    warnings_of,
    write_tree,
)
from .html_tree import main_body, page_content

KEYWORD_REPO = {
    **BASIC_REPO,
    "src/pkg/shapes.py": (
        '"""Shapes."""\n'
        "import math\n"
        "from dataclasses import dataclass\n"
        "\n"
        "\n"
        "@dataclass\n"
        "class Circle:\n"
        '    """A circle."""\n'
        "\n"
        "    radius: float\n"
        "\n"
        "    def area(self):\n"
        "        return math.pi * self.radius**2\n"
        "\n"
        "\n"
        'EXAMPLE = """class NotAClass:"""\n'
    ),
    "src/pkg/broken.py": "def ok():\n    pass\n\nprint 'python 2'\n",
    "manual/guide.md": "# Guide\n\n## Install\n\ntext\n",
    "config/settings.toml": '[server]\nport = 8080\nhost = "x"\n',
}


def test_file_page_tables_link_to_line_anchors_that_exist(repo_factory, build):
    app = build(repo_factory(KEYWORD_REPO))
    assert warnings_of(app) == ""
    page = page_content(file_page_html(app, "src/pkg/shapes.py"))
    symbols = page.titled("Symbols")
    # Imports are listed once, among the dependencies, with their lines.
    assert symbols.rubrics() == ["Classes (1)", "Methods (1)"]
    assert "Dependencies" in page.headings()
    assert "NotAClass" not in symbols.text()
    classes, methods = symbols.find_all("table")
    assert classes.rows() == [["Circle", "7", "@dataclass", "A circle."]]
    assert methods.rows() == [["Circle.area", "12"]]
    line_links = [href for href in symbols.hrefs() if re.fullmatch(r"#L-\d+", href)]
    assert line_links == ["#L-7", "#L-12"]  # class Circle's line, def area's line
    # Each name links to its definition's symbol anchor, which the listing carries.
    listed = page.section("source").ids()
    assert classes.link("#Circle").text() == "Circle" and "Circle" in listed
    assert methods.link("#Circle.area").text() == "Circle.area" and "Circle.area" in listed
    for href in line_links:
        assert href[1:] in listed, href


def test_syntax_error_page_says_why_its_keywords_are_empty(repo_factory, build):
    app = build(repo_factory(KEYWORD_REPO))
    page = page_content(file_page_html(app, "src/pkg/broken.py"))
    note = page.titled("Symbols").find("p", class_="repodocs-note").text()
    assert note.startswith("The file could not be parsed at line 4: SyntaxError:")
    assert note.endswith("No names are listed.")
    assert "L-4" in page.section("source").ids()  # the source is still shown


def test_prose_and_data_keys(repo_factory, build):
    app = build(repo_factory(KEYWORD_REPO))
    guide = page_content(file_page_html(app, "manual/guide.md")).titled("Symbols")
    assert guide.rubrics() == ["Headings (2)"] and "#L-3" in guide.hrefs()
    settings = page_content(file_page_html(app, "config/settings.toml")).titled("Symbols")
    assert settings.rubrics() == ["Keys (3)"]
    assert "server.port" in [row[0] for row in settings.rows()]


def test_repo_wide_keyword_index_links_to_definition_lines(repo_factory, build):
    app = build(repo_factory(KEYWORD_REPO))
    outdir = Path(app.outdir)
    jump = page_content(html_of(app, urls.keyword_docname(PREFIX, "")))
    assert jump.find("h1").own_text() == "Keyword index"
    index_c = page_content(html_of(app, urls.keyword_docname(PREFIX, "C")))
    table = index_c.find("table", class_="repodocs-keyword-index")
    # The name comes first, as the link to its definition; then its kind and place.
    assert table.headers()[:3] == ["Name", "Kind", "Defined at"]
    assert table.rows()[0][:3] == ["Circle", "class", "src/pkg/shapes.py:7"]
    first = table.find("tbody").find("tr").find("td")
    assert first.hrefs() == ["../src/pkg/shapes.py.html#Circle"]
    index_a = page_content(html_of(app, urls.keyword_docname(PREFIX, "A")))
    # Every line link on the index lands on an anchor that exists on the target page.
    source_page = outdir / f"{urls.keyword_docname(PREFIX, 'A')}.html"
    checked = 0
    for href in index_a.find("table").hrefs():
        path, fragment = urldefrag(href)
        assert fragment and path, href
        target = (source_page.parent / path).resolve()
        assert fragment in page_content(target.read_text(encoding="utf-8")).ids(), href
        checked += 1
    assert checked >= 2  # area, answer


def test_the_jump_bar_links_every_other_bucket_and_marks_its_own(repo_factory, build):
    app = build(repo_factory(KEYWORD_REPO))
    page_path = Path(app.outdir) / f"{urls.keyword_docname(PREFIX, 'C')}.html"
    bar = page_content(page_path.read_text(encoding="utf-8")).find("p", class_="repodocs-jump-bar")
    assert bar.find("strong").text() == "C"
    assert "C" not in [link.text() for link in bar.find_all("a")]
    labels = [link.text() for link in bar.find_all("a")]
    assert "A" in labels
    for href in bar.hrefs():  # each a page of the index that was written
        assert (page_path.parent / href).resolve().is_file(), href
    # The jump page's bar counts each bucket's entries.
    jump = page_content(html_of(app, urls.keyword_docname(PREFIX, "")))
    assert re.search(r"\bC \(\d+\)", jump.find("p", class_="repodocs-jump-bar").text())


def test_folder_page_counts_keywords_of_its_own_files(repo_factory, build):
    app = build(repo_factory(KEYWORD_REPO))
    section = page_content(html_of(app, urls.folder_docname(PREFIX, "src/pkg"))).titled("Keywords")
    # What is counted is said: names where they are written, import statements.
    rows = section.rows()
    assert ["class names", "1"] in rows
    assert "import statements" in [row[0] for row in rows]
    assert "a name in two places counts twice" in section.text()


def test_keywords_directive_in_rst_and_myst_pages(repo_factory, build):
    files = {
        **KEYWORD_REPO,
        "docs/conf.py": MYST_CONF.replace(
            '{".md": "markdown"}', '{".rst": "restructuredtext", ".md": "markdown"}'
        ),
        "docs/index.rst": RST_INDEX + "   api\n   notes\n",
        "docs/api.rst": (
            "API\n===\n\n.. repodocs-keywords:: src/pkg/shapes.py\n   :kinds: class, method\n"
        ),
        "docs/notes.md": (
            "# Notes\n\n```{repodocs-keywords} src/pkg/shapes.py\n:kinds: import\n```\n"
        ),
    }
    app = build(repo_factory(files))
    assert warnings_of(app) == ""
    api = html_of(app, "api")
    assert main_body(api).rubrics() == ["Classes (1)", "Methods (1)"] and "Imports" not in api
    target = urls.file_docname(PREFIX, "src/pkg/shapes.py")
    assert main_body(api).link(f"{target}.html#Circle").text() == "Circle"
    notes = html_of(app, "notes")
    assert main_body(notes).rubrics() == ["Imports (2)"] and "Classes" not in notes


def test_keywords_directive_warns_on_unknown_file(repo_factory, build):
    files = {
        **KEYWORD_REPO,
        "docs/index.rst": RST_INDEX + "\n.. repodocs-keywords:: no/such.py\n",
    }
    app = build(repo_factory(files))
    warnings = warnings_of(app)
    assert (
        "index.rst:10: WARNING: repodocs-keywords: 'no/such.py' is not a documented file"
        in warnings
    )
    assert "[repodocs.unknown-file]" in warnings


def _entries(names: list[str], path: str = "src/m.py") -> dict[str, Extraction]:
    symbols = tuple(Symbol("function", name, name, line) for line, name in enumerate(names, 1))
    return {path: Extraction(method="test", symbols=symbols)}


def test_big_buckets_split_by_longer_prefixes_until_each_page_fits(monkeypatch):
    monkeypatch.setattr(keyword_index, "BUCKET_LIMIT", 3)
    names = ["Te", "tab", "tea", "team", "tear", "teb", "Teb", "X"]
    buckets = keyword_index.bucket_entries(_entries(names))
    assert {key: [e.name for e in entries] for key, entries in buckets.items()} == {
        "T-a": ["tab"],
        "T-e~": ["Te"],
        "T-ea": ["tea", "team", "tear"],
        "T-eb": ["Teb", "teb"],
        "X": ["X"],
    }
    assert [keyword_index.bucket_label(key) for key in buckets] == [
        "Ta", "Te (exactly)", "Tea", "Teb", "X"
    ]  # fmt: skip
    for entries in buckets.values():
        assert len(entries) <= 3


def test_one_name_defined_more_often_than_a_page_holds_is_cut_into_pages(monkeypatch):
    monkeypatch.setattr(keyword_index, "BUCKET_LIMIT", 2)
    buckets = keyword_index.bucket_entries(_entries(["setUp"] * 5))
    assert {key: len(entries) for key, entries in buckets.items()} == {
        "S-etup~1": 2, "S-etup~2": 2, "S-etup~3": 1
    }  # fmt: skip
    assert keyword_index.bucket_label("S-etup~2") == "Setup (2)"


def test_test_functions_are_left_to_their_files_pages():
    extractions = _entries(["test_parse", "testing_helper", "parse"], path="tests/test_m.py")
    buckets = keyword_index.bucket_entries(extractions, test_files={"tests/test_m.py"})
    assert [e.name for entries in buckets.values() for e in entries] == ["parse"]
    # The same names in a source file are the code's vocabulary.
    buckets = keyword_index.bucket_entries(extractions)
    assert sum(len(entries) for entries in buckets.values()) == 3


def test_long_shared_prefixes_and_odd_initials(monkeypatch):
    monkeypatch.setattr(keyword_index, "BUCKET_LIMIT", 2)
    shared = "x" * 1200  # generated code: a prefix longer than any key may be
    buckets = keyword_index.bucket_entries(_entries([shared + str(n) for n in range(24)]))
    assert all(len(key) <= keyword_index.MAX_PREFIX + 4 for key in buckets)
    assert list(buckets)[:3] == [f"X-{'x' * 23}~1", f"X-{'x' * 23}~2", f"X-{'x' * 23}~3"]
    assert list(buckets)[-1] == f"X-{'x' * 23}~12"  # numbered pages in their numbers' order
    odd = keyword_index.bucket_entries(_entries(["ßig", "ﬁx"]))
    assert list(odd) == ["other"]
    assert keyword_index.bucket_label("other-x") == "other x"


def test_test_methods_of_test_bases_stay_out_of_the_index(tmp_path):
    from sphinx_repodocs.core.read import build_model
    from sphinx_repodocs.core.scan import ScanSettings, scan
    from sphinx_repodocs.site.views import ViewBuilder

    write_tree(
        tmp_path,
        {"tests/seq_tests.py": "class CommonTest:\n    def test_len(self):\n        pass\n"},
    )
    model = build_model(str(tmp_path), scan(ScanSettings(root=tmp_path)))
    assert model.files["tests/seq_tests.py"].purpose == "test support"
    names = [e.name for entries in ViewBuilder(model, "_r", None, 0).keyword_buckets.values()
             for e in entries]  # fmt: skip
    assert names == ["CommonTest"]
