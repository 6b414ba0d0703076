"""Pictures: a file's import neighbourhood, a folder's dependency map, the index's
language and purpose bars and folder treemap. Each is an SVG file beside its page, safe,
linked to the right pages, capped, the same bytes every build, gone with its page, and
left out (tables kept) by builders other than HTML."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

from sphinx_repodocs.site import urls

from .conftest import EVERY_OUTPUT, PREFIX, RST_CONF, RST_INDEX, output_files, warnings_of
from .html_tree import page_content
from .svg_inspection import SVG, picture_links, svg_problems

#: ``hub`` imports 15 modules; ``lonely`` imports none and nothing imports it.
REPO: dict[str, str | bytes] = {
    "src/pkg/__init__.py": "",
    "src/pkg/core.py": "import os\n\n\ndef answer():\n    return 42\n",
    "src/pkg/util.py": "from pkg.core import answer\n",
    "src/pkg/hub.py": "".join(f"from pkg.leaves import leaf{n:02d}\n" for n in range(15)),
    "src/pkg/leaves/__init__.py": "",
    **{f"src/pkg/leaves/leaf{n:02d}.py": "X = 1\n" for n in range(15)},
    "src/pkg/lonely.py": "import os\n",
    "tests/test_core.py": "from pkg.core import answer\nfrom pkg.util import answer as a\n",
    "tools/build.sh": "echo build\n",
    "NOTES.txt": "one\ntwo\n",
    "docs/conf.py": RST_CONF,
    "docs/index.rst": RST_INDEX,
}


def _outdir(app) -> Path:  # type: ignore[no-untyped-def]
    return Path(app.outdir)


def _page(app, docname: str) -> Path:  # type: ignore[no-untyped-def]
    return _outdir(app) / f"{docname}.html"


def _objects(html: str) -> list[str]:
    """The pictures our content shows, in order."""
    return [
        element.attrs["data"]
        for element in page_content(html).find_all("object", type="image/svg+xml")
    ]


def _svg(picture: Path) -> ElementTree.Element:
    return ElementTree.fromstring(picture.read_bytes())


def _texts(picture: Path) -> list[str]:
    """The picture's visible texts, in order."""
    return [element.text or "" for element in _svg(picture).iter(SVG + "text")]


def _titled(picture: Path, prefix: str) -> list[ElementTree.Element]:
    """The picture's elements whose tooltip (``<title>`` child) starts with *prefix*."""
    return [
        element
        for element in _svg(picture).iter()
        if (title := element.find(SVG + "title")) is not None
        and (title.text or "").startswith(prefix)
    ]


def _linked_pages(app, picture: Path) -> set[str]:  # type: ignore[no-untyped-def]
    """The outputs the picture's links lead to, relative to the output folder."""
    outdir = _outdir(app)
    found = set()
    for href in picture_links(picture):
        assert href, picture.name  # an empty link opens the picture itself
        target = (picture.parent / href.split("#", 1)[0]).resolve()
        if target.is_dir():
            target = target / "index.html"
        assert target.is_file(), (picture.name, href)
        found.add(str(target.relative_to(outdir.resolve())))
    return found


def _relative_outputs(app, paths: set[str]) -> set[str]:  # type: ignore[no-untyped-def]
    outdir = _outdir(app).resolve()
    return {
        str(_page(app, urls.file_docname(PREFIX, path)).resolve().relative_to(outdir))
        for path in paths
    }


def test_a_file_page_shows_its_importers_and_imports(repo_factory, build):
    app = build(repo_factory(REPO))
    assert warnings_of(app) == ""
    page = _page(app, urls.file_docname(PREFIX, "src/pkg/core.py"))
    html = page.read_text(encoding="utf-8")
    assert _objects(html) == ["core.py~imports.svg"]
    # The picture opens the Imported By section (core.py imports no repository file)
    # and the table is still there.
    importers = page_content(html).titled("Imported By")
    (shown,) = importers.find_all("object")
    line = importers.find("table").link("../../tests/test_core.py.html#L-1")
    assert importers.position(shown) < importers.position(line)
    picture = page.parent / "core.py~imports.svg"
    assert svg_problems(picture) == []
    assert _linked_pages(app, picture) == _relative_outputs(
        app, {"src/pkg/util.py", "tests/test_core.py"}
    )
    assert shown.attrs["role"] == "img"
    assert shown.attrs["aria-label"].startswith(
        "src/pkg/core.py: imported by 2 files, imports 0 files"
    )


def test_sides_are_capped_with_a_count_of_the_rest(repo_factory, build):
    app = build(repo_factory(REPO))
    page = _page(app, urls.file_docname(PREFIX, "src/pkg/hub.py"))
    picture = page.parent / "hub.py~imports.svg"
    shown = {f"src/pkg/leaves/leaf{n:02d}.py" for n in range(12)}
    assert _linked_pages(app, picture) == _relative_outputs(app, shown)
    texts = _texts(picture)
    assert "+ 3 more" in texts and "Imports (15)" in texts
    # The table lists all fifteen.
    table = page_content(page.read_text(encoding="utf-8")).titled("Dependencies").find("table")
    files = [href for href in table.hrefs() if not href.startswith("#")]
    assert files == [f"leaves/leaf{n:02d}.py.html" for n in range(15)]


def test_a_file_with_no_repository_relations_has_no_picture(repo_factory, build):
    app = build(repo_factory(REPO))
    page = _page(app, urls.file_docname(PREFIX, "src/pkg/lonely.py"))
    assert _objects(page.read_text(encoding="utf-8")) == []
    assert not (page.parent / "lonely.py~imports.svg").exists()


def test_folder_maps_aggregate_imports_and_link_to_pages(repo_factory, build):
    app = build(repo_factory(REPO))
    folder = _page(app, urls.folder_docname(PREFIX, "src/pkg"))
    html = folder.read_text(encoding="utf-8")
    assert _objects(html) == ["index~map.svg"]
    content = page_content(html)
    map_section, folders = content.titled("Dependency Map"), content.titled("Folders")
    assert content.position(map_section) < content.position(folders)
    picture = folder.parent / "index~map.svg"
    assert svg_problems(picture) == []
    svg = picture.read_text(encoding="utf-8")
    # Entries: hub.py -> leaves/ (15 imports), util.py -> core.py; from outside: tests/.
    assert "hub.py \u2192 src/pkg/leaves: 15 imports" in svg
    assert "util.py \u2192 src/pkg/core.py: 1 import" in svg
    assert "tests \u2192 src/pkg/core.py: 1 import" in svg
    outdir = _outdir(app).resolve()
    folder_page = str(_page(app, urls.folder_docname(PREFIX, "src/pkg/leaves")).resolve())
    tests_page = str(_page(app, urls.folder_docname(PREFIX, "tests")).resolve())
    expected = _relative_outputs(app, {"src/pkg/hub.py", "src/pkg/util.py", "src/pkg/core.py"})
    expected |= {str(Path(p).relative_to(outdir)) for p in (folder_page, tests_page)}
    assert _linked_pages(app, picture) == expected
    # A folder with no imports in or out has no map.
    tools = _page(app, urls.folder_docname(PREFIX, "tools")).read_text(encoding="utf-8")
    assert _objects(tools) == [] and "Dependency Map" not in page_content(tools).headings()


def test_the_index_charts_languages_purposes_and_folders(repo_factory, build):
    app = build(repo_factory(REPO))
    index = _page(app, urls.folder_docname(PREFIX, ""))
    html = index.read_text(encoding="utf-8")
    assert _objects(html) == [
        "index~languages.svg",
        "index~purposes.svg",
        "index~treemap.svg",
        "index~map.svg",
    ]
    # Each chart sits above its table, which stays.
    languages = page_content(html).titled("Languages")
    chart = languages.find("object", data="index~languages.svg")
    assert languages.position(chart) < languages.position(languages.find("table"))
    for name in ("languages", "purposes", "treemap"):
        assert svg_problems(index.parent / f"index~{name}.svg") == []
    bar = index.parent / "index~languages.svg"
    (python,) = _titled(bar, "Python: ")
    assert python.tag == SVG + "rect" and python.attrib["fill"] == "#3572A5"  # Linguist's colour
    treemap = index.parent / "index~treemap.svg"
    outdir = _outdir(app).resolve()
    linked = _linked_pages(app, treemap)
    for folder in ("src", "src/pkg", "tests", "tools"):
        page = _page(app, urls.folder_docname(PREFIX, folder)).resolve()
        assert str(page.relative_to(outdir)) in linked, folder
    # The root's own files are a box of their own, not linked: the index is their page.
    (root_files,) = _titled(treemap, "files at the root: 2 lines")
    assert root_files.tag == SVG + "g"
    assert _texts(bar)[0].startswith("Lines of text by language")


def test_pictures_are_the_same_bytes_every_build_and_at_j2(
    repo_factory, build, tmp_path, fixed_build_date
):
    srcdir = repo_factory(REPO)
    first = build(srcdir, builddir=tmp_path / "first", freshenv=True)
    parallel = build(srcdir, builddir=tmp_path / "parallel", parallel=2, freshenv=True)
    reference = {
        name: data
        for name, data in output_files(_outdir(first), EVERY_OUTPUT).items()
        if name.endswith(".svg")
    }
    assert len(reference) >= 10
    compared = output_files(_outdir(parallel), (".svg",))
    assert compared == reference


def test_dirhtml_pictures_link_to_its_pages(repo_factory, build):
    app = build(repo_factory(REPO), "dirhtml")
    assert warnings_of(app) == ""
    folder = _outdir(app) / PREFIX / urls.encode_segment("src") / "pkg" / "core.py"
    html = (folder / "index.html").read_text(encoding="utf-8")
    assert _objects(html) == ["core.py~imports.svg"]
    linked = _linked_pages(app, folder / "core.py~imports.svg")
    assert linked == {
        f"{PREFIX}/src/pkg/util.py/index.html",
        f"{PREFIX}/tests/test_core.py/index.html",
    }


def test_text_builders_keep_the_tables_and_show_no_picture(repo_factory, build):
    app = build(repo_factory(REPO), "text")
    assert warnings_of(app) == ""
    outdir = _outdir(app)
    assert not list(outdir.rglob("*.svg"))
    index = (outdir / PREFIX / "index.txt").read_text(encoding="utf-8")
    assert "Languages" in index and "Python" in index
    assert "Folders by Lines" not in index
    folder = (outdir / PREFIX / "src" / "pkg" / "index.txt").read_text(encoding="utf-8")
    assert "Dependency Map" not in folder and "Folders" in folder
    core = (outdir / PREFIX / "src" / "pkg" / "core.py.txt").read_text(encoding="utf-8")
    assert "Imported By" in core and "tests/test_core.py" in core


def test_pictures_go_with_their_relations_and_their_pages(repo_factory, build):
    srcdir = repo_factory(REPO)
    root = srcdir.parent
    app = build(srcdir)
    pkg = _outdir(app) / PREFIX / "src" / "pkg"
    assert (pkg / "util.py~imports.svg").is_file() and (pkg / "core.py~imports.svg").is_file()
    # util.py stops importing core.py; the test stops importing util.py: util.py has no
    # relations left and loses its picture. hub.py goes: its picture goes with its page.
    (root / "src/pkg/util.py").write_text("import os\n")
    (root / "tests/test_core.py").write_text("from pkg.core import answer\n")
    (root / "src/pkg/hub.py").unlink()
    app = build(srcdir)
    assert warnings_of(app) == ""
    assert not (pkg / "util.py~imports.svg").exists()
    assert not (pkg / "hub.py~imports.svg").exists() and not (pkg / "hub.py.html").exists()
    assert (pkg / "core.py~imports.svg").is_file()
    assert _linked_pages(app, pkg / "core.py~imports.svg") == _relative_outputs(
        app, {"tests/test_core.py"}
    )


def test_an_edge_past_a_layer_goes_round_its_boxes():
    """a imports b and c, b imports c: a -> c passes b's layer in a gap of its own."""
    from sphinx_repodocs.site import svg_graph
    from sphinx_repodocs.site.folder_map import folder_map

    pairs = [("p/a.py", "p/b.py"), ("p/a.py", "p/c.py"), ("p/b.py", "p/c.py")]
    graph = folder_map("p", pairs, PREFIX, {"p": object()})
    assert graph is not None
    labels = [[node.label for node in column if node.role != "via"] for column in graph.columns]
    assert labels == [["a.py"], ["b.py"], ["c.py"]]
    (skipping,) = [edge for edge in graph.edges if edge.via]
    assert (skipping.source, skipping.target) == ("entry:p/a.py", "entry:p/c.py")
    assert [key in {n.key for n in graph.columns[1]} for key in skipping.via] == [True]
    boxes, _width, _height = svg_graph._place(graph)
    way, middle = boxes[skipping.via[0]], boxes["entry:p/b.py"]
    assert way.y + way.height <= middle.y or middle.y + middle.height <= way.y
    assert svg_graph.draw(graph, lambda docname: docname).svg.count("<a ") == 3


def test_the_picture_of_a_page_that_went_away_is_deleted(repo_factory, build):
    srcdir = repo_factory(REPO)
    app = build(srcdir)
    gone = _page(app, urls.file_docname(PREFIX, "src/pkg/hub.py")).parent / "hub.py~imports.svg"
    kept = _page(app, urls.file_docname(PREFIX, "src/pkg/core.py")).parent / "core.py~imports.svg"
    assert gone.exists() and kept.exists()
    (srcdir.parent / "src/pkg/hub.py").unlink()
    build(srcdir)
    assert not gone.exists()
    assert kept.exists()
