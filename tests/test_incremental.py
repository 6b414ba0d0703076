"""Incremental builds: each change re-reads exactly the pages whose content changed,
removed pages leave no output, and the result equals a fresh build of the same tree."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sphinx_repodocs.site import plan, urls

from .conftest import PREFIX, copy_repo, file_page_html, output_files, warnings_of
from .html_tree import page_content


def file_page(path: str) -> str:
    return urls.file_docname(PREFIX, path)


def folder_page(path: str) -> str:
    return urls.folder_docname(PREFIX, path)


def keyword_page(key: str) -> str:
    return urls.keyword_docname(PREFIX, key)


def _touch(root: Path) -> None:
    later = time.time() + 5
    os.utime(root / "src/pkg/core.py", (later, later))


def _edit(root: Path) -> None:
    path = root / "src/pkg/core.py"
    path.write_text(path.read_text() + "\n\ndef another():\n    return None\n")


def _rename(root: Path) -> None:
    (root / "src/pkg/util.py").rename(root / "src/pkg/helpers.py")


def _delete(root: Path) -> None:
    (root / "tests/test_core.py").unlink()
    (root / "tests/test_more.py").write_text("def test_more():\n    pass\n")


def _add(root: Path) -> None:
    (root / "src/pkg/new.py").write_text("VALUE = 1\n")


def _edit_readme(root: Path) -> None:
    (root / "src/README.md").write_text("# Source\n\nChanged text.\n")


def _noop(root: Path) -> None:
    pass


def _add_import(root: Path) -> None:
    (root / "src/pkg/util.py").write_text("import os\nfrom pkg.core import answer\n")


def _rename_symbol(root: Path) -> None:
    path = root / "src/pkg/core.py"
    path.write_text(path.read_text().replace("def answer", "def another_answer"))


#: step name -> (change, pages it must re-read, pages whose output must disappear)
STEPS: dict[str, tuple[Callable[[Path], None], set[str], set[str]]] = {
    "no change": (_noop, set(), set()),
    "touch": (_touch, set(), set()),
    "edit": (
        _edit,
        {
            file_page("src/pkg/core.py"),
            folder_page("src/pkg"),
            keyword_page("A"),  # the new function's bucket
            keyword_page(""),  # counts per bucket
            folder_page(""),  # outside git: the digest of the documented files
        },
        set(),
    ),
    "rename": (
        _rename,
        {
            file_page("src/pkg/helpers.py"),
            # the file before it (its next page is helpers.py now) and the folder's table
            file_page("src/pkg/core.py"),
            folder_page("src/pkg"),
            folder_page(""),  # outside git: the digest of the documented files
        },
        {file_page("src/pkg/util.py")},
    ),
    "delete": (
        _delete,
        {
            file_page("tests/test_more.py"),
            folder_page("tests"),
            folder_page(""),  # one file fewer
            # (the test functions were never in the keyword index)
            file_page("src/pkg/core.py"),  # its test, by name, is gone from Related Files
        },
        {file_page("tests/test_core.py")},
    ),
    "add": (
        _add,
        {
            file_page("src/pkg/new.py"),
            # the files before and after it, whose next and previous page it is
            file_page("src/pkg/core.py"),
            file_page("src/pkg/util.py"),
            folder_page("src/pkg"),
            folder_page("src"),  # its table counts the files of src/pkg
            folder_page(""),  # counts by language and purpose
        },
        set(),
    ),
    "edit readme": (
        _edit_readme,
        {
            file_page("src/README.md"),
            folder_page("src"),
            folder_page(""),  # outside git: the digest of the documented files
        },
        set(),
    ),
    "add import": (
        _add_import,
        {
            file_page("src/pkg/util.py"),
            file_page("src/pkg/core.py"),  # Imported By, Related Files, References
            folder_page("src/pkg"),  # size, lines and import counts of util.py
            keyword_page("A"),  # answer's count of uses
            folder_page(""),  # outside git: the digest of the documented files
        },
        set(),
    ),
    "rename symbol": (
        _rename_symbol,
        {
            file_page("src/pkg/core.py"),
            folder_page("src/pkg"),  # size
            keyword_page("A"),  # answer becomes another_answer
            folder_page(""),  # outside git: the digest of the documented files
        },
        set(),
    ),
}

REPO = {
    "README.md": "# Demo\n",
    "src/README.md": "# Source\n",
    "src/pkg/__init__.py": "",
    "src/pkg/core.py": "def answer():\n    return 42\n",
    "src/pkg/util.py": "import os\n",
    "tests/test_core.py": "def test_answer():\n    pass\n",
    "tests/test_more.py": "def test_more():\n    assert True\n",
    "docs/conf.py": (
        'extensions = ["sphinx_repodocs"]\nrepodocs_root = ".."\nexclude_patterns = ["_build"]\n'
    ),
    "docs/index.rst": "Demo\n====\n\n.. toctree::\n\n   _repodocs/index\n",
}


@pytest.mark.parametrize("step", list(STEPS))
def test_incremental_step(step, repo_factory, build, tmp_path):
    change, expected_reads, gone = STEPS[step]
    srcdir = repo_factory(REPO)
    root = srcdir.parent
    first = build(srcdir)
    assert warnings_of(first) == ""

    change(root)
    reads: list[str] = []
    app = build(srcdir, record=reads)
    assert warnings_of(app) == ""
    assert set(reads) == expected_reads
    outdir = Path(app.outdir)
    for docname in gone:
        assert not (outdir / f"{docname}.html").exists()
        assert not (srcdir / f"{docname}{plan.STUB_SUFFIX}").exists()

    fresh_root = copy_repo(root, tmp_path / "fresh" / root.name)
    fresh = build(fresh_root / "docs", freshenv=True)
    incremental_output = output_files(outdir)
    fresh_output = output_files(Path(fresh.outdir))
    assert incremental_output.keys() == fresh_output.keys()
    for name, content in fresh_output.items():
        assert incremental_output[name] == content, name


USED_REPO = {
    **REPO,
    "src/pkg/cli.py": "from pkg.core import answer\n\n\ndef main():\n    return answer()\n",
    "src/pkg/other.py": "def unrelated():\n    return 0\n",
}


def _incremental_equals_fresh(app, root: Path, tmp_path: Path, build) -> None:
    fresh_root = copy_repo(root, tmp_path / "fresh" / root.name)
    fresh = build(fresh_root / "docs", freshenv=True)
    incremental, expected = output_files(Path(app.outdir)), output_files(Path(fresh.outdir))
    assert incremental.keys() == expected.keys()
    for name, content in expected.items():
        assert incremental[name] == content, name


def _listing_links(html: str) -> list[str]:
    """The targets of the links in the page's listing (go to definition)."""
    return page_content(html).find(class_="repodocs-source").hrefs()


def test_renaming_a_used_definition_rereads_it_and_its_users(repo_factory, build, tmp_path):
    """The defining page, the page that linked to it (its link goes) and the keyword
    page; then renaming the use re-reads the user and the defining page (References)."""
    srcdir = repo_factory(USED_REPO)
    root = srcdir.parent
    first = build(srcdir)
    assert "core.py.html#answer" in _listing_links(file_page_html(first, "src/pkg/cli.py"))
    _rename_symbol(root)
    reads: list[str] = []
    app = build(srcdir, record=reads)
    assert set(reads) == {
        file_page("src/pkg/core.py"),
        file_page("src/pkg/cli.py"),  # its links to answer are gone
        folder_page("src/pkg"),  # core.py's size
        keyword_page("A"),
        folder_page(""),  # outside git: the digest of the documented files
    }
    assert "core.py.html#answer" not in file_page_html(app, "src/pkg/cli.py")
    _incremental_equals_fresh(app, root, tmp_path / "one", build)

    cli_path = root / "src/pkg/cli.py"
    cli_path.write_text(cli_path.read_text().replace("answer", "another_answer"))
    reads.clear()
    app = build(srcdir, record=reads)
    assert set(reads) == {
        file_page("src/pkg/cli.py"),
        file_page("src/pkg/core.py"),  # its References list the new uses
        folder_page("src/pkg"),  # cli.py's size
        keyword_page("A"),  # another_answer's count of uses
        folder_page(""),  # outside git: the digest of the documented files
    }
    cli = file_page_html(app, "src/pkg/cli.py")
    assert "core.py.html#another_answer" in _listing_links(cli)
    _incremental_equals_fresh(app, root, tmp_path / "two", build)


def test_renamed_symbol_leaves_inventory_and_search(repo_factory, build):
    from sphinx.util.inventory import InventoryFile

    srcdir = repo_factory(REPO)
    build(srcdir)
    _rename_symbol(srcdir.parent)
    app = build(srcdir)
    outdir = Path(app.outdir)
    with (outdir / "objects.inv").open("rb") as stream:
        inventory = InventoryFile.load(stream, "", lambda base, uri: uri)
    data = inventory.data if hasattr(inventory, "data") else inventory
    functions = data["repo:function"]
    assert "src/pkg/core.py::another_answer" in functions
    assert "src/pkg/core.py::answer" not in functions
    search = (outdir / "searchindex.js").read_text(encoding="utf-8")
    # Search objects are [doc, type, priority, anchor, display name].
    object_names = set(re.findall(r'\[\d+,\d+,-?\d+,"[^"]*","([^"]+)"\]', search))
    assert "another_answer" in object_names
    assert "answer" not in object_names


def test_changing_a_setting_rereads_every_page(repo_factory, build):
    srcdir = repo_factory(REPO)
    build(srcdir)
    reads: list[str] = []
    build(srcdir, confoverrides={"repodocs_max_source_bytes": 10}, record=reads)
    assert file_page("src/pkg/core.py") in reads
    assert folder_page("") in reads
