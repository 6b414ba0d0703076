"""singlehtml: declared unsupported for the generated pages with one warning, and no
fragment of the single page points nowhere."""

from __future__ import annotations

from pathlib import Path

from .conftest import BASIC_REPO, RST_CONF, warnings_of, write_tree
from .html_tree import parse_html

INDEX = """\
Demo
====

The :doc:`repository <_repodocs/index>` has a page per file; see :doc:`usage` and
:repo:file:`src/pkg/core.py`.

.. toctree::

   usage
   _repodocs/index
"""

USAGE = """\
Usage
=====

Start at :doc:`the index <index>`, or read :repo:folder:`src/pkg` from
:repo:line:`src/pkg/core.py:1`.
"""


def single_page(tmp_path: Path, build) -> tuple[str, str]:
    root = write_tree(
        tmp_path / "repo",
        {
            **BASIC_REPO,
            # The index renders the README: its links to files are links of ours too.
            "README.md": "# Demo\n\n[The core](src/pkg/core.py#L1), [util](src/pkg/util.py).\n",
            "docs/conf.py": RST_CONF,
            "docs/index.rst": INDEX,
            "docs/usage.rst": USAGE,
        },
    )
    app = build(root / "docs", "singlehtml")
    return (Path(app.outdir) / "index.html").read_text(encoding="utf-8"), warnings_of(app)


def test_one_warning_declares_the_generated_pages_left_out(tmp_path, build):
    _html, warnings = single_page(tmp_path, build)
    lines = [line for line in warnings.splitlines() if line.strip()]
    assert len(lines) == 1, warnings
    assert "singlehtml builder holds only the toctree's pages" in lines[0]
    assert "[repodocs.builder]" in lines[0]


def test_every_fragment_of_the_single_page_has_its_target(tmp_path, build):
    html, _warnings = single_page(tmp_path, build)
    page = parse_html(html)
    ids = page.ids()
    fragments = [href for href in page.hrefs() if href.startswith("#") and href != "#"]
    # The held pages are linked within the page: the check has links to check.
    assert "#document-usage" in fragments and "#document-_repodocs/index" in fragments
    assert [href for href in fragments if href.removeprefix("#") not in ids] == []
    # A page the single page does not hold is named, not linked.
    assert "src/pkg/core.py" in page.text()
    assert not [href for href in page.hrefs() if "_repodocs/" in href and "#" not in href]


def test_suppressed_the_warning_leaves_the_build_clean(tmp_path, build):
    root = write_tree(
        tmp_path / "repo",
        {
            **BASIC_REPO,
            "docs/conf.py": RST_CONF + 'suppress_warnings = ["repodocs.builder"]\n',
            "docs/index.rst": INDEX,
            "docs/usage.rst": USAGE,
        },
    )
    assert warnings_of(build(root / "docs", "singlehtml")) == ""
