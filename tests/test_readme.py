"""READMEs rendered on folder pages: Markdown and reStructuredText, links that go where
they say or nowhere, images copied, nothing of the README's markup let through."""

from __future__ import annotations

import base64
import posixpath
from pathlib import Path
from urllib.parse import unquote, urldefrag

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_repodocs.core.model import RepoFile, RepoFolder, RepoModel
from sphinx_repodocs.site import urls
from sphinx_repodocs.site.readme import ReadmeTarget, resolve

from .conftest import BASIC_REPO, PREFIX, Builds, html_of, warnings_of, write_tree
from .html_tree import Element, parse_html

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)

MARKDOWN_README = """\
# Demo Project

A *small* project with **bold** text and `code`. See [usage](#usage), [renamed](#gone),
[the answer](src/pkg/core.py#L2), [the sources](src/), [gone](missing.md),
[evil](javascript:alert(1)), [outside](../../etc/passwd) and [web](https://example.com/x?a=1&b=2).
An empty link [](https://example.com/empty).

[![build badge](https://img.shields.io/badge/build-passing-green)](https://ci.example/)

![the logo](assets/logo.png) ![a diagram](assets/diagram.svg) ![remote](https://example.com/r.png)

<div align="center"><b>centred</b></div>

Press <kbd>Ctrl</kbd> to go.

## Usage

```python
def usage():
    return 1
```

```no-such-language
as is
```

| Name | Value |
|------|-------|
| a    | `1`   |

3. three
4. four

> quoted

---

## Usage

## Files
"""

RST_README = """\
Package
=======

.. contents::

See `the core <core.py>`_, `Python <https://python.org>`_, Usage_ and `old <#gone>`_.

.. note:: Be careful.

.. code-block:: python

   print("hi")

Usage
-----

Use it. [#f1]_

.. [#f1] A footnote.

.. image:: ../../assets/logo.png
   :alt: Logo

.. image:: https://img.shields.io/badge/ci-passing-green
   :alt: CI status
   :target: https://ci.example/

|badge|

.. |badge| image:: ../../assets/logo.png
   :target: https://example.com/

.. figure:: missing.png

   A caption without its image.

.. container:: sidebar wy-nav-side

   Boxed, without the theme's classes.

.. _before-a-section:

Another section
---------------

More text.
"""

README_REPO = {
    **BASIC_REPO,
    "README.md": MARKDOWN_README,
    "src/pkg/README.rst": RST_README,
    "assets/logo.png": PNG,
    "assets/diagram.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>\n',
}


def readme_of(html: str) -> Element:
    page = parse_html(html)
    return next(
        section for section in page.find_all("section") if "repodocs-readme" in section.classes
    )


def link_lands(app, docname: str, href: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether *href*, on *docname*'s page, names a page that exists and an anchor on it."""
    page, fragment = urldefrag(href)
    base = posixpath.dirname(docname + ".html")
    target = Path(app.outdir) / unquote(posixpath.normpath(posixpath.join(base, page)))
    if not page:
        target = Path(app.outdir) / f"{docname}.html"
    if not target.is_file():
        return False
    return (
        not fragment or parse_html(target.read_text(encoding="utf-8")).by_id(fragment) is not None
    )


@pytest.fixture(scope="module")
def readme_site(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    srcdir = write_tree(tmp_path_factory.mktemp("readme") / "repo", README_REPO) / "docs"
    return Builds()(srcdir)


def test_markdown_readme_is_rendered_with_links_that_land(readme_site):
    app = readme_site
    assert warnings_of(app) == ""
    docname = f"{PREFIX}/index"
    readme = readme_of(html_of(app, docname))
    assert "repodocs-rendered" in readme.classes
    assert [h.text().rstrip("¶") for h in readme.find_all("h3")] == ["Demo Project"]
    assert [h.text().rstrip("¶") for h in readme.find_all("h4")] == ["Usage", "Usage", "Files"]
    assert readme.find("em").text() == "small" and readme.find("strong").text() == "bold"
    links = {a.text(): a.attrs.get("href") for a in readme.find_all("a") if a.text()}
    # Relative links go to the pages of the repository's files and folders, lines included.
    assert links["the answer"] == "src/pkg/core.py.html#L-2"
    assert links["the sources"] == "src/index.html"
    assert links["web"] == "https://example.com/x?a=1&b=2"
    assert links["build badge"] == "https://ci.example/"
    assert links["usage"] == "#readme-usage"
    for label in ("the answer", "the sources", "usage"):
        assert link_lands(app, docname, links[label] or ""), label
    # What goes nowhere certain is text: a missing file, another scheme, outside the repo.
    text = readme.text()
    for label in ("gone", "[evil](javascript:alert(1))", "outside", "renamed"):
        assert label in text and label not in links, label
    assert not any("javascript" in (a.attrs.get("href") or "") for a in readme.find_all("a"))
    # The local raster image is copied and shown; the SVG and remote images are links.
    image = readme.find("img")
    assert image.attrs["alt"] == "the logo"
    copied = Path(app.outdir) / PREFIX / image.attrs["src"]
    assert copied.read_bytes() == PNG
    assert links["a diagram"] == "assets/diagram.svg.html"
    assert links["remote"] == "https://example.com/r.png"
    assert len(readme.find_all("img")) == 1
    # HTML is never passed on: the block is counted, inline tags dropped, text kept.
    assert not readme.find_all("div", class_="center") and not readme.find_all("kbd")
    assert "Press Ctrl to go." in " ".join(text.split())
    assert readme.find(class_="repodocs-note").text() == (
        "1 HTML block of the README is not shown here; its own page shows its source."
    )
    # Code is highlighted in the language it names, when Pygments knows it.
    assert readme.find_all(class_="highlight-python")
    assert readme.find_all(class_="highlight-text")
    assert [cell.text() for cell in readme.find("table").find_all("td")] == ["a", "1"]
    assert readme.find("ol").attrs.get("start") == "3"
    # Ids stay unique on the page, though the README repeats headings and names "Files".
    page = parse_html(html_of(app, docname))
    ids = [element.attrs["id"] for element in page.iter() if "id" in element.attrs]
    assert len(ids) == len(set(ids))
    assert page.by_id("files") is not None and page.by_id("readme-files") is not None


def test_rst_readme_is_rendered_with_safe_directives(readme_site):
    app = readme_site
    docname = urls.folder_docname(PREFIX, "src/pkg")
    readme = readme_of(html_of(app, docname))
    assert "repodocs-rendered" in readme.classes
    assert [h.text().rstrip("¶") for h in readme.find_all("h3")] == ["Package"]
    assert readme.find(class_="admonition").text().split() == ["Note", "Be", "careful."]
    assert readme.find_all(class_="highlight-python")
    links = {a.text(): a.attrs.get("href") for a in readme.find_all("a") if a.text()}
    assert links["the core"] == "core.py.html"
    assert links["Python"] == "https://python.org"
    assert "old" not in links and "and old." in " ".join(readme.text().split())
    footnote = next(a for a in readme.find_all("a") if "footnote-reference" in a.classes)
    for href in (links["Usage"], footnote.attrs["href"]):
        assert link_lands(app, docname, href or ""), href
    assert Path(app.outdir, posixpath.dirname(docname), readme.find("img").attrs["src"]).is_file()
    # Images with a target: a remote one is its link (by its text), a local one is shown.
    assert links["CI status"] == "https://ci.example/"
    badge = next(a for a in readme.find_all("a") if a.attrs.get("href") == "https://example.com/")
    assert badge.find("img").attrs["src"].endswith(".png")
    assert "contents" not in readme.text().lower()


def test_a_readme_brings_no_classes_and_leaves_nothing_empty(readme_site):
    """A figure whose image is not shown becomes its caption; ``container`` and
    ``:class:`` cannot borrow the theme's classes; targets leave no empty paragraph;
    a link without text shows its destination."""
    app = readme_site
    rst = readme_of(html_of(app, urls.folder_docname(PREFIX, "src/pkg")))
    assert rst.find_all("figure") == [] and rst.find_all("figcaption") == []
    assert "A caption without its image." in [p.text() for p in rst.find_all("p")]
    classes = {name for element in rst.iter() for name in element.classes}
    assert not {"sidebar", "wy-nav-side"} & classes
    assert all(p.text().strip() or p.children for p in rst.find_all("p"))
    heading = next(h for h in rst.find_all("h4") if h.text().startswith("Another section"))
    assert link_lands(app, urls.folder_docname(PREFIX, "src/pkg"), "#" + heading.attrs["id"])
    markdown = readme_of(html_of(app, urls.folder_docname(PREFIX, "")))
    empty = next(a for a in markdown.find_all("a") if a.attrs.get("href", "").endswith("/empty"))
    assert empty.text() == "https://example.com/empty"


#: READMEs that would make docutils warn (or Sphinx collide), and the reason shown.
UNRENDERED = {
    "raw": ('.. raw:: html\n\n   <b id="x">raw</b>\n', 'Unknown directive type "raw"'),
    "toctree": (".. toctree::\n\n   /index\n", 'Unknown directive type "toctree"'),
    "roles": (":py:func:`run` and :doc:`/index`\n", 'Unknown interpreted text role "py:func"'),
    "citation": ("A [Ref]_ citation.\n\n.. [Ref] A book.\n", "it has citations"),
    "dangling": ("A `dangling`_ link.\n", 'Unknown target name: "dangling"'),
}


def test_rst_readme_that_would_warn_is_shown_as_source(repo_factory, build):
    files = {f"{folder}/README.rst": text for folder, (text, _reason) in UNRENDERED.items()}
    app = build(repo_factory({**BASIC_REPO, **files}))
    assert warnings_of(app) == ""
    for folder, (_text, reason) in UNRENDERED.items():
        section = readme_of(html_of(app, urls.folder_docname(PREFIX, folder)))
        assert "repodocs-rendered" not in section.classes
        note = section.find(class_="repodocs-note").text()
        assert note.startswith("Shown as its source: it could not be rendered"), folder
        assert reason in note, folder
        assert section.find_all(class_="highlight-restructuredtext")
        assert not section.find_all("b") and not section.find_all("cite")


def test_readme_links_follow_the_files_they_name(repo_factory, build):
    srcdir = repo_factory({**BASIC_REPO, "README.md": "See [the notes](NOTES.md).\n"})
    first = build(srcdir)
    assert "the notes" not in {
        a.text() for a in readme_of(html_of(first, f"{PREFIX}/index")).find_all("a")
    }
    (srcdir.parent / "NOTES.md").write_text("# Notes\n")
    second = build(srcdir)
    assert warnings_of(second) == ""
    links = {
        a.text(): a.attrs.get("href")
        for a in readme_of(html_of(second, f"{PREFIX}/index")).find_all("a")
    }
    assert links["the notes"] == "NOTES.md.html"


def test_other_builders_show_an_image_as_its_text(repo_factory, build):
    app = build(repo_factory(README_REPO), "text")
    assert warnings_of(app) == ""
    text = (Path(app.outdir) / PREFIX / "index.txt").read_text(encoding="utf-8")
    assert "the logo" in text and "Demo Project" in text


def _model() -> RepoModel:
    model = RepoModel(root="/r", name="r")
    for path, kind in (("docs/guide.md", "text"), ("img/a b.png", "binary"), ("x.svg", "text")):
        model.files[path] = RepoFile(
            path,
            kind,
            10,
            "0" * 64,
            "",
            "",
            "",
            "",
            lines=40 if kind == "text" else None,  # type: ignore[arg-type]
        )
    model.folders["docs"] = RepoFolder("docs", (), ("guide.md",))
    return model


@pytest.mark.parametrize(
    ("destination", "expected"),
    [
        ("https://example.com/a", ReadmeTarget("external", "https://example.com/a")),
        ("MAILTO:me@example.com", ReadmeTarget("external", "MAILTO:me@example.com")),
        ("javascript:alert(1)", None),
        ("data:text/html,x", None),
        ("vbscript:x", None),
        ("file:///etc/passwd", None),
        ("//evil.example/x", None),
        ("java\tscript:x", None),
        ("#Usage", ReadmeTarget("anchor", "Usage")),
        ("guide.md#L12", ReadmeTarget("page", f"{PREFIX}/docs/guide.md", 12, "docs/guide.md")),
        ("guide.md#L99", ReadmeTarget("page", f"{PREFIX}/docs/guide.md", 0, "docs/guide.md")),
        (
            "./guide.md?plain=1#intro",
            ReadmeTarget("page", f"{PREFIX}/docs/guide.md", 0, "docs/guide.md"),
        ),
        ("/docs/", ReadmeTarget("page", f"{PREFIX}/docs/index", 0, "docs")),
        (
            "../img/a%20b.png",
            ReadmeTarget(
                "page",
                f"{PREFIX}/img/a b.png",
                0,
                "img/a b.png",
                "repodocs-00000000000000000000.png",
            ),
        ),
        ("../x.svg", ReadmeTarget("page", f"{PREFIX}/x.svg", 0, "x.svg")),
        ("../../outside.md", None),
        ("missing.md", None),
    ],
)
def test_destinations_resolve_only_when_certain(destination, expected):
    found = resolve(destination, "docs/README.md", _model(), PREFIX, 1_000_000)
    if expected is not None and expected.kind == "page":
        expected = ReadmeTarget(
            "page",
            urls.file_docname(PREFIX, expected.path)
            if expected.path in _model().files
            else urls.folder_docname(PREFIX, expected.path),
            expected.line,
            expected.path,
            expected.image,
        )
    assert found == expected


def test_a_readme_overview_is_its_first_paragraph_as_plain_text():
    from sphinx_repodocs.core.extract.prose import extract_markdown, extract_rst

    markdown = "# T\n\nA *small* tool: `run` it, [read](x.md) ![logo](a.png) <b>this</b>.\n"
    assert extract_markdown(markdown, "README.md").summary == (
        "A small tool: run it, read logo this."
    )
    # An unknown directive's error report is not the README's first paragraph.
    rst = "T\n=\n\n.. contents::\n\nA package. See `core <core.py>`_.\n"
    assert extract_rst(rst, "README.rst").summary == "A package. See core."


def test_readme_headings_are_not_sections_of_the_page(repo_factory, build):
    """A README's repeated headings ("Install" under two parents) and headings named as
    the page's own sections do not collide under autosectionlabel."""
    from .conftest import RST_CONF

    readme = "# Usage\n\n## Install\n\n# Other\n\n## Install\n\n## Files\n"
    conf = RST_CONF + (
        '\nextensions.append("sphinx.ext.autosectionlabel")\n'
        "autosectionlabel_prefix_document = True\n"
    )
    app = build(repo_factory({**BASIC_REPO, "README.md": readme, "docs/conf.py": conf}))
    assert warnings_of(app) == ""
    headings = readme_of(html_of(app, f"{PREFIX}/index")).find_all(class_="repodocs-readme-heading")
    assert [(h.tag, h.text(), h.attrs["id"]) for h in headings] == [
        ("h3", "Usage", "readme-usage"),
        ("h4", "Install", "readme-install"),
        ("h3", "Other", "readme-other"),
        ("h4", "Install", "readme-install-1"),
        ("h4", "Files", "readme-files"),
    ]
