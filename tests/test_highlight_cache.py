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


def test_a_kept_cache_folder_makes_a_fresh_build_highlight_nothing(
    repo_factory, build, tmp_path, monkeypatch, fixed_build_date
):
    """What CI keeps between runs: with ``repodocs_cache_dir`` set, a build with new
    doctree and output folders parses no file and highlights no source again, and
    writes the same pages; the cache folder, inside the repository, is not documented."""
    from sphinx_repodocs import compat
    from sphinx_repodocs.core import read

    srcdir = repo_factory()
    overrides = {"repodocs_cache_dir": "../.repodocs-cache"}
    first = build(srcdir, builddir=tmp_path / "first", confoverrides=overrides)
    cache = srcdir.parent / ".repodocs-cache"
    assert (cache / FOLDER).is_dir() and (cache / "repodocs-model.pickle").is_file()
    assert not (Path(first.doctreedir) / FOLDER).exists()
    assert not any(".repodocs-cache" in docname for docname in first.env.found_docs)
    highlighted: list[str] = []
    parsed: list[str] = []
    real_highlight, real_extract = compat.highlight, read.extract

    def counting_highlight(builder, node):
        highlighted.append(node.get("path", ""))
        return real_highlight(builder, node)

    def counting_extract(text, path, lexer):
        parsed.append(path)
        return real_extract(text, path, lexer)

    monkeypatch.setattr(compat, "highlight", counting_highlight)
    monkeypatch.setattr(read, "extract", counting_extract)
    second = build(srcdir, builddir=tmp_path / "second", confoverrides=overrides)
    assert warnings_of(second) == ""
    assert highlighted == [] and parsed == []
    for path in ("src/pkg/core.py", "src/pkg/util.py"):
        assert file_page_html(second, path) == file_page_html(first, path)

    # Without the kept folder the same build highlights every listing again.
    third = build(srcdir, builddir=tmp_path / "third")
    assert warnings_of(third) == ""
    assert "src/pkg/core.py" in highlighted and "src/pkg/core.py" in parsed
