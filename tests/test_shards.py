"""Shards: two Sphinx projects, each documenting part of one repository, linking to
each other through intersphinx (the inventories made first by ``repodocs-inventory``)."""

from __future__ import annotations

from pathlib import Path

from sphinx.util.inventory import InventoryFile

from sphinx_repodocs.site import urls

from .conftest import PREFIX, html_of, warnings_of, write_tree
from .html_tree import main_body, page_content

SHARD_CONF = """\
extensions = ["sphinx.ext.intersphinx", "sphinx_repodocs"]
project = {name!r}
repodocs_root = "../.."
repodocs_include = [{subtree!r}]
intersphinx_mapping = {{{other!r}: ({url!r}, {inventory!r})}}
"""

SHARD_INDEX = """\
{name}
{underline}

.. toctree::

   _repodocs/index

{links}
"""

REPO = {
    "core/engine.py": "class Engine:\n    def start(self):\n        return 1\n",
    "plugins/audio.py": (
        "from core.engine import Engine\n\n\nclass Audio(Engine):\n    def play(self):\n"
        "        return self.start()\n"
    ),
}

LINKS = {
    "core": ":repo:class:`Audio` :repo:file:`plugins/audio.py` :repo:line:`plugins/audio.py:5`",
    "plugins": ":repo:class:`Engine` :repo:meth:`Engine.start` :repo:folder:`core`",
}


def _write_shards(root: Path, inventories: dict[str, Path]) -> dict[str, Path]:
    write_tree(root, REPO)
    srcdirs = {}
    for name, other in (("core", "plugins"), ("plugins", "core")):
        srcdir = root / "shards" / name
        srcdir.mkdir(parents=True, exist_ok=True)
        (srcdir / "conf.py").write_text(
            SHARD_CONF.format(
                name=name,
                subtree=f"{name}/**",
                other=other,
                url=f"https://example.org/{other}/",
                inventory=str(inventories[other]),
            )
        )
        (srcdir / "index.rst").write_text(
            SHARD_INDEX.format(name=name, underline="=" * len(name), links=LINKS[name])
        )
        srcdirs[name] = srcdir
    return srcdirs


def test_inventory_builder_writes_the_html_inventory_and_no_page(tmp_path, build):
    srcdirs = _write_shards(tmp_path / "repo", {"core": Path("-"), "plugins": Path("-")})
    app = build(srcdirs["core"], "repodocs-inventory", builddir=tmp_path / "build")
    assert warnings_of(app) == ""
    inventory = InventoryFile.load((Path(app.outdir) / "objects.inv").open("rb"), "", "/".join)
    data = getattr(inventory, "data", inventory)  # a plain dict before Sphinx 9
    assert "core/engine.py" in data["repo:file"]
    engine = data["repo:class"]["core/engine.py::Engine"]
    uri = engine.uri if hasattr(engine, "uri") else engine[2]
    assert uri.endswith(f"{urls.file_docname(PREFIX, 'core/engine.py')}.html#Engine")
    assert not list(Path(app.outdir).glob("**/*.html"))

    # The HTML builder sharing its doctrees re-reads the title-only pages in full.
    html = build(srcdirs["core"], builddir=tmp_path / "build")
    assert (
        "Symbols"
        in page_content(html_of(html, urls.file_docname(PREFIX, "core/engine.py"))).headings()
    )


def test_two_shards_link_to_each_other(tmp_path, build):
    root = tmp_path / "repo"
    placeholder = {"core": Path("-"), "plugins": Path("-")}
    srcdirs = _write_shards(root, placeholder)
    inventories = {}
    for name, srcdir in srcdirs.items():  # stage 1: every shard's inventory, in seconds
        app = build(srcdir, "repodocs-inventory", builddir=tmp_path / f"inv-{name}")
        inventories[name] = Path(app.outdir) / "objects.inv"
    srcdirs = _write_shards(root, inventories)

    core = build(srcdirs["core"], builddir=tmp_path / "site-core")  # stage 2, in parallel
    plugins = build(srcdirs["plugins"], builddir=tmp_path / "site-plugins")

    assert warnings_of(core) == "" and warnings_of(plugins) == ""
    audio = urls.file_docname(PREFIX, "plugins/audio.py")
    engine = urls.file_docname(PREFIX, "core/engine.py")
    core_index = main_body(html_of(core, "index")).hrefs()
    assert f"https://example.org/plugins/{audio}.html#Audio" in core_index
    assert f"https://example.org/plugins/{audio}.html" in core_index  # the file
    assert f"https://example.org/plugins/{audio}.html#L-5" in core_index  # a line
    plugins_index = main_body(html_of(plugins, "index")).hrefs()
    assert f"https://example.org/core/{engine}.html#Engine" in plugins_index
    assert f"https://example.org/core/{engine}.html#Engine.start" in plugins_index
    folder = urls.folder_docname(PREFIX, "core")
    assert f"https://example.org/core/{folder}.html" in plugins_index
    # Each shard documents only its own subtree.
    assert not (Path(core.outdir) / f"{audio}.html").exists()
    assert (Path(core.outdir) / f"{engine}.html").exists()
