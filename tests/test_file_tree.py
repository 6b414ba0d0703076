"""The file tree: one data file per build, an empty container on every generated page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sphinx_repodocs.core.read import build_model
from sphinx_repodocs.core.scan import ScanSettings, scan
from sphinx_repodocs.site.file_tree import TREE_DATA, tree_data, tree_script

from .conftest import PREFIX, RST_CONF, RST_INDEX, file_page_html, html_of, warnings_of, write_tree
from .html_tree import page_content, parse_html


def _data(app) -> dict:
    text = (Path(app.outdir) / "_static" / TREE_DATA).read_text(encoding="ascii")
    assert text.startswith("window.repodocsTree = ") and text.endswith(";\n")
    return json.loads(text.removeprefix("window.repodocsTree = ").removesuffix(";\n"))


def test_the_tree_data_holds_every_folder_and_file_with_its_page_segment(tmp_path):
    root = write_tree(
        tmp_path / "r", {"a b.py": "x = 1\n", "src/index": "a file named index\n", "src/m.py": ""}
    )
    model = build_model(str(root), scan(ScanSettings(root=str(root))))
    data = tree_data(model, PREFIX)
    assert data == {
        "prefix": PREFIX,
        "root": [
            "",  # the repository itself; pages show repodocs_title for it
            "",
            [["src", "src", [], [["index", "~69ndex"], "m.py"]]],
            [["a b.py", "a~20b.py"]],
        ],
    }
    assert tree_script(model, PREFIX).isascii()


def test_pages_hold_an_empty_container_and_load_the_data_once(repo_factory, build):
    app = build(repo_factory())
    assert warnings_of(app) == ""
    page = file_page_html(app, "src/pkg/core.py")
    (tree,) = page_content(page).find_all("nav", class_="repodocs-tree")
    assert tree.children == []
    assert tree.attrs == {
        "class": "repodocs-tree",
        "aria-label": "Files of the repository",
        "data-root": "../../../",
        "data-tree": f"../../../_static/{TREE_DATA}",
        "data-file-suffix": ".html",
        "data-folder-suffix": "index.html",
        "data-kind": "file",
        "data-path": "src/pkg/core.py",
        "data-title": "demo repository",
    }
    # The script loads the data: the page itself does not link it.
    scripts = [script.attrs.get("src", "") for script in parse_html(page).find_all("script")]
    assert any(src.startswith("../../../_static/repodocs-tree-view.js?v=") for src in scripts)
    assert f"{TREE_DATA}?v=" not in page
    folder = page_content(html_of(app, f"{PREFIX}/src/index")).find("nav", class_="repodocs-tree")
    assert (folder.attrs["data-kind"], folder.attrs["data-path"]) == ("folder", "src")
    data = _data(app)
    assert [folder[0] for folder in data["root"][2]] == ["docs", "src", "tests"]


def test_the_data_is_rewritten_only_when_the_tree_changes(repo_factory, build):
    srcdir = repo_factory()
    app = build(srcdir)
    path = Path(app.outdir) / "_static" / TREE_DATA
    stamp = path.stat().st_mtime_ns
    build(srcdir)
    assert path.stat().st_mtime_ns == stamp
    (srcdir.parent / "src" / "pkg" / "new.py").write_text("y = 2\n")
    app = build(srcdir)
    assert "new.py" in _data(app)["root"][2][1][2][0][3]


@pytest.mark.slow
def test_a_page_does_not_grow_with_the_repository(tmp_path, build):
    """A small file's page in a 10-file and in a 2,000-file repository: under 1 KiB apart."""
    sizes = []
    for count in (10, 2000):
        files: dict[str, str | bytes] = {f"data/file{n:04d}.txt": f"{n}\n" for n in range(count)}
        files |= {"docs/conf.py": RST_CONF, "docs/index.rst": RST_INDEX, "small.py": "x = 1\n"}
        app = build(write_tree(tmp_path / f"r{count}", files) / "docs")
        sizes.append(len(file_page_html(app, "small.py").encode()))
    assert abs(sizes[1] - sizes[0]) < 1024, sizes
