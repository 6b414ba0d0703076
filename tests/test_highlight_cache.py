"""Sources are highlighted once, while reading, and the HTML writer reuses that."""

from __future__ import annotations

import hashlib
import zlib
from pathlib import Path

from sphinx_repodocs.site import urls
from sphinx_repodocs.sphinx.highlight_cache import FOLDER

from .conftest import PREFIX, file_page_html, warnings_of
from .html_tree import page_content


def _entries(app) -> dict[str, Path]:
    return {path.name: path for path in (Path(app.doctreedir) / FOLDER).glob("*/*")}


def test_the_writer_takes_the_highlighting_read_time_made(repo_factory, build):
    srcdir = repo_factory()
    first = build(srcdir)
    listing = page_content(file_page_html(first, "src/pkg/core.py")).find(class_="repodocs-source")
    assert "def" in [span.text() for span in listing.find_all("span", class_="k")]
    assert "L-1" in listing.ids()

    # Mark the cached entry of core.py, drop its output: the page is written again
    # without being read again, so its source must come from the cache.
    digest = hashlib.sha256((srcdir.parent / "src/pkg/core.py").read_bytes()).hexdigest()
    (entry,) = [path for name, path in _entries(first).items() if name.startswith(digest)]
    entry.write_bytes(zlib.compress(b"<pre>cached-marker</pre>"))
    (Path(first.outdir) / f"{urls.file_docname(PREFIX, 'src/pkg/core.py')}.html").unlink()
    reads: list[str] = []
    second = build(srcdir, record=reads)
    assert reads == []
    assert "cached-marker" in file_page_html(second, "src/pkg/core.py")


def test_cache_and_no_cache_write_the_same_page(repo_factory, build, tmp_path):
    srcdir = repo_factory()
    with_cache = build(srcdir, builddir=tmp_path / "one")
    expected = file_page_html(with_cache, "src/pkg/util.py")
    for entry in _entries(with_cache).values():
        entry.unlink()
    (Path(with_cache.outdir) / f"{urls.file_docname(PREFIX, 'src/pkg/util.py')}.html").unlink()
    without_cache = build(srcdir, builddir=tmp_path / "one")
    assert warnings_of(without_cache) == ""
    assert file_page_html(without_cache, "src/pkg/util.py") == expected


def test_entries_of_gone_files_are_deleted(repo_factory, build):
    srcdir = repo_factory()
    app = build(srcdir)
    before = len(_entries(app))
    (srcdir.parent / "src/pkg/util.py").unlink()
    app = build(srcdir)
    assert len(_entries(app)) == before - 1
