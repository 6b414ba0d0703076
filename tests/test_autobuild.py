"""sphinx-autobuild watches the source folder: a rebuild with nothing changed must write
nothing there, or every build would trigger the next one."""

from __future__ import annotations

from pathlib import Path

from .conftest import warnings_of


def snapshot(folder: Path) -> dict[str, int]:
    """Every file under the source folder but Sphinx's own output, with its mtime."""
    return {
        str(path.relative_to(folder)): path.stat().st_mtime_ns
        for path in folder.rglob("*")
        if path.is_file() and "_build" not in path.parts
    }


def test_a_rebuild_with_nothing_changed_writes_nothing_into_the_source_folder(repo_factory, build):
    srcdir = repo_factory()
    first = build(srcdir)
    assert warnings_of(first) == ""
    before = snapshot(srcdir)
    assert any(name.startswith("_repodocs/") for name in before)
    second = build(srcdir)
    assert warnings_of(second) == ""
    assert snapshot(srcdir) == before
    # Nor into the repository the site documents (the scan cache lives with the doctrees).
    repository = snapshot(srcdir.parent)
    build(srcdir)
    assert snapshot(srcdir.parent) == repository
