"""The big generated blocks: the HTML we write equals what Sphinx's translator writes."""

from __future__ import annotations

import re

from docutils import nodes

from sphinx_repodocs.site import urls
from sphinx_repodocs.site.block_types import (
    Bullets,
    Code,
    LineLink,
    Paragraph,
    Rubric,
    Strong,
    Table,
)
from sphinx_repodocs.sphinx.block_html import to_html
from sphinx_repodocs.sphinx.block_nodes import to_nodes
from sphinx_repodocs.sphinx.line_links import UriCache, resolve_line_references

from .conftest import PREFIX, html_of
from .html_tree import page_content, parse_html

SAMPLE = [
    Rubric("Classes (2) <b>"),
    Table(
        ("Name", "Line", "Summary"),
        [
            (Code("Parser"), LineLink("", 3), 'Reads <tags> & "quotes"'),
            (Code("two  words\there"), 12, None),
            (Code("x"), LineLink(urls.file_docname(PREFIX, "src/pkg/util.py"), 4), ""),
            (LineLink("", 5, "Parser.parse", code=True, anchor="Parser.parse"), 5, ""),
        ],
        ("repodocs-keywords",),
    ),
    Table(
        ("File", "Line"),
        [
            (
                LineLink(urls.file_docname(PREFIX, "src/pkg/util.py"), 0, "src/pkg/util.py", True),
                LineLink(urls.folder_docname(PREFIX, "src"), 1, "1"),
            )
        ],
        ("repodocs-imported-by",),
    ),
    Paragraph(
        ("Found by ", Code("ast"), ", then ", 1234, ", ", Strong("<b>"), "."), ("repodocs-method",)
    ),
    Bullets(
        [
            ("Folder: ", LineLink(urls.folder_docname(PREFIX, "src"), 0, "src/", code=True)),
            ("Keyword index: ", LineLink(urls.keyword_docname(PREFIX, ""), 0, "Keyword index")),
        ]
    ),
]


def _normalised(markup: str) -> str:
    return re.sub(r"\s+", " ", markup).strip()


def test_html_blocks_equal_the_translator_output_for_their_nodes(repo_factory, build):
    app = build(repo_factory())
    builder = app.builder
    docname = urls.file_docname(PREFIX, "src/pkg/core.py")
    builder.current_docname = docname

    by_translator = []
    for node in to_nodes(SAMPLE):
        holder = nodes.section()  # resolving replaces nodes in place: give them a parent
        holder += node
        resolve_line_references(builder, holder, docname)
        by_translator.append(builder.render_partial(holder[0])["fragment"])

    uri = UriCache(builder, docname)
    written = to_html(SAMPLE, uri)
    assert _normalised(written) == _normalised("".join(by_translator))
    assert "&lt;tags&gt; &amp; &quot;quotes&quot;" in written
    hrefs = parse_html(written).hrefs()
    assert "#L-3" in hrefs and "util.py.html#L-4" in hrefs
    assert "#Parser.parse" in hrefs  # a symbol anchor wins over the line's


def test_written_pages_carry_the_blocks_once(repo_factory, build):
    app = build(repo_factory())
    page = html_of(app, urls.file_docname(PREFIX, "src/pkg/util.py"))
    content = page_content(page)
    (table,) = content.find_all("table", class_="repodocs-dependencies")
    assert table.classes == {"repodocs-table", "repodocs-dependencies", "docutils", "align-default"}
    # "import os" on line 1: once, among the dependencies; not again among the names.
    line_links = content.find_all("a", class_="repodocs-line", href="#L-1")
    assert [link.text() for link in line_links] == ["1"] and table.has("a", href="#L-1")
    assert "repodocs-imports" not in page
    assert "deferred" not in page
