"""Docnames, stub files and pruning, without Sphinx."""

from __future__ import annotations

import re

import pytest

from sphinx_repodocs.core.scan import GENERATED_MARKER
from sphinx_repodocs.site import plan, stubs, urls

SAFE_DOCNAME = re.compile(r"^[A-Za-z0-9_.~/-]+$")

NAMES = [
    "plain.py",
    "with space.py",
    "ünïcode.py",
    "ünïcode.py".replace("ü", "u\u0308"),
    "hash#.py",
    "per%cent",
    "q?.txt",
    "back`tick",
    "star*",
    "<angle>",
    "pi|pe",
    "-lead",
    "trail.",
    ".hidden",
    "index",
    "Index",
    "_sources",
    "x.lproj",
    "a~b",
    "~7E",
    "\udcff",
]


@pytest.mark.parametrize("name", NAMES)
def test_segments_are_url_and_filesystem_safe(name):
    encoded = urls.encode_segment(name)
    assert SAFE_DOCNAME.match(encoded)
    assert not encoded.startswith(".")
    assert encoded not in {"index", "_sources"}
    assert not encoded.startswith("index.")
    assert not encoded.endswith(".lproj")


def test_encoding_is_injective():
    encoded = [urls.encode_segment(name) for name in NAMES]
    assert len(set(encoded)) == len(NAMES)


def test_a_file_named_index_never_collides_with_its_folder_page():
    assert urls.file_docname("_r", "a/index") != urls.folder_docname("_r", "a")
    assert urls.folder_docname("_r", "") == "_r/index"
    assert urls.folder_docname("_r", "a/b") == "_r/a/b/index"
    assert urls.file_docname("_r", "a/b.py") == "_r/a/b.py"


def test_stub_text_round_trips_any_path():
    for name in NAMES:
        page = plan.Page("file", f"dir/{name}")
        assert plan.Page.from_stub(page.stub_text()) == page
        assert page.stub_text().isascii()


def test_sync_writes_only_changes_and_prunes(tmp_path):
    planned = {
        "_r/index": plan.Page("folder", ""),
        "_r/a/b.py": plan.Page("file", "a/b.py"),
        "_r/c.py": plan.Page("file", "c.py"),
    }
    first = stubs.sync_stubs(tmp_path, "_r", planned)
    assert first == stubs.SyncReport(written=3, removed=0)
    assert (tmp_path / "_r" / GENERATED_MARKER).is_file()
    assert (tmp_path / "_r/.gitignore").read_text().splitlines()[-1] == "*"
    stub = tmp_path / "_r/a/b.py.repodocs"
    mtime = stub.stat().st_mtime_ns

    assert stubs.sync_stubs(tmp_path, "_r", planned) == stubs.SyncReport(0, 0)
    assert stub.stat().st_mtime_ns == mtime

    del planned["_r/a/b.py"]
    assert stubs.sync_stubs(tmp_path, "_r", planned) == stubs.SyncReport(0, 1)
    assert not (tmp_path / "_r/a").exists()  # emptied folders go too


def test_remove_stale_outputs_keeps_what_is_asked(tmp_path):
    for name in ("_r/a.html", "_r/sub/b.html", "_r/sub/keep.html", "_r/style.css"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    removed = stubs.remove_stale_outputs(tmp_path, "_r", ".html", {tmp_path / "_r/sub/keep.html"})
    assert removed == 2
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.*")) == [
        "_r/style.css",
        "_r/sub/keep.html",
    ]
