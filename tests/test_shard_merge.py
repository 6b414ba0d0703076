"""A plan's shards built on this machine and merged: the same site as one build.

The plan is built as CI builds it (``build-plan`` runs both stages and the merge), and a
single build of the same repository with the same settings is the reference: every
page, the search index and ``objects.inv`` must be the same bytes.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sphinx_repodocs.cli import main
from sphinx_repodocs.site import urls
from sphinx_repodocs.sphinx.site_merge import MERGED_MARKER

from .conftest import PREFIX, require_grammar, write_tree
from .html_tree import main_body

REPO = {
    "README.md": "# Demo\n\nA repository in shards.\n",
    "pkg/__init__.py": "",
    "pkg/core/__init__.py": "",
    "pkg/core/engine.py": (
        'class Engine:\n    """Runs."""\n\n    def start(self):\n        return 1\n'
    ),
    "pkg/plugins/__init__.py": "",
    "pkg/plugins/audio.py": (
        "from pkg.core.engine import Engine\n\n\nclass Audio(Engine):\n    def play(self):\n"
        "        return self.start()\n"
    ),
    "native/lib.h": "int lib_answer(void);\n",
    "native/lib.c": '#include "lib.h"\n\nint lib_answer(void) { return 42; }\n',
    "native/app/main.c": '#include "../lib.h"\n\nint main(void) { return lib_answer(); }\n',
    "tools/gen.sh": "#!/bin/sh\necho generated\n",
}
#: The plan's settings.py: settings of one's own, for every build.
OWN_SETTINGS = 'repodocs_exclude = ["tools/**"]\n'
#: Units chosen so that an import, a C include and a call cross shards, and pkg/ is split.
UNITS = {
    "shard-1": ["pkg/core/", "native/app/"],
    "shard-2": ["pkg/plugins/", "pkg/*", "*", "native/*"],
}
#: A hand-written page of the landing project, naming what other builds write.
GUIDE = """\
:orphan:

Guide
=====

:repo:class:`Engine` :repo:file:`pkg/plugins/audio.py` :repo:line:`native/lib.c:3`
:repo:folder:`pkg/core`
"""
#: Not for readers, or the merge's own marker: left out of the comparison.
NOT_COMPARED = {".buildinfo", MERGED_MARKER}


def _files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.name not in NOT_COMPARED and ".doctrees" not in path.parts
    }


def _single_build(plan_dir: Path, root: Path, work: Path) -> Path:
    """The reference: the landing's conf.py without the shard settings, as one build."""
    conf = [
        line
        for line in (plan_dir / "landing" / "conf.py").read_text().splitlines()
        if not line.startswith(("repodocs_shard", "repodocs_model_parts", "repodocs_cache_dir"))
    ]
    source = work / "single"
    source.mkdir(parents=True)
    text = "\n".join(conf).replace("repodocs_root = '../..'", f"repodocs_root = {str(root)!r}")
    (source / "conf.py").write_text(text + "\n" + OWN_SETTINGS)
    shutil.copy(plan_dir / "landing" / "guide.rst", source / "guide.rst")
    out = work / "single-site"
    command = [sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-n", "-b", "html"]
    subprocess.run(
        [*command, "-d", str(work / "single-doctrees"), str(source), str(out)], check=True
    )
    return out


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    work = tmp_path_factory.mktemp("shards")
    root = write_tree(work / "repo", REPO)
    assert main(["plan", str(root), "--shards", "2"]) == 0
    plan_dir = root / "repodocs-shards"
    (plan_dir / "plan.json").write_text(json.dumps({"repodocs_plan": 1, "shards": UNITS}))
    (plan_dir / "landing" / "guide.rst").write_text(GUIDE)
    (plan_dir / "settings.py").write_text(OWN_SETTINGS)
    merged = work / "merged"
    assert main(["build-plan", str(plan_dir), "--jobs", "2", "-W", "-o", str(merged)]) == 0
    return {"plan": plan_dir, "merged": merged, "single": _single_build(plan_dir, root, work)}


def test_the_merged_site_is_the_single_build_byte_for_byte(sites):
    merged, single = _files(sites["merged"]), _files(sites["single"])
    assert sorted(merged) == sorted(single)
    differing = [path for path in merged if merged[path] != single[path]]
    assert differing == []
    assert {"searchindex.js", "objects.inv"} <= set(merged)
    # The plan's settings.py applies to every build (as the single build's conf.py).
    assert urls.folder_docname(PREFIX, "pkg") + ".html" in merged
    assert urls.file_docname(PREFIX, "tools/gen.sh") + ".html" not in merged


def test_each_shard_wrote_only_its_own_pages(sites):
    build = sites["plan"] / "_build"
    engine = urls.file_docname(PREFIX, "pkg/core/engine.py") + ".html"
    audio = urls.file_docname(PREFIX, "pkg/plugins/audio.py") + ".html"
    keywords = urls.keyword_docname(PREFIX, "") + ".html"
    assert (build / "site-shard-1" / engine).is_file()
    assert not (build / "site-shard-1" / audio).exists()
    assert (build / "site-shard-2" / audio).is_file()
    assert not (build / "site-shard-2" / engine).exists()
    assert (build / "site-landing" / keywords).is_file()
    assert not (build / "site-shard-1" / keywords).exists()


def test_links_cross_shards_to_the_definitions(sites):
    audio = urls.file_docname(PREFIX, "pkg/plugins/audio.py")
    page = (sites["merged"] / f"{audio}.html").read_text(encoding="utf-8")
    hrefs = main_body(page).hrefs()
    assert any(href.endswith("core/engine.py.html#Engine") for href in hrefs)  # the import
    index = (sites["merged"] / "searchindex.js").read_text(encoding="utf-8")
    data = json.loads(index[len("Search.setIndex(") : -1])
    assert {audio, urls.file_docname(PREFIX, "pkg/core/engine.py")} <= set(data["docnames"])


def test_c_links_cross_shards_to_the_definitions(sites):
    require_grammar("c")
    main_c = urls.file_docname(PREFIX, "native/app/main.c")
    hrefs = main_body((sites["merged"] / f"{main_c}.html").read_text(encoding="utf-8")).hrefs()
    assert "../lib.h.html" in hrefs  # the include
    assert "../lib.c.html#lib_answer" in hrefs  # the call, to its definition


def test_roles_of_a_hand_written_page_resolve_to_other_builds_pages(sites):
    hrefs = main_body((sites["merged"] / "guide.html").read_text(encoding="utf-8")).hrefs()
    assert [href for href in hrefs if not href.startswith("#")] == [
        urls.file_docname(PREFIX, "pkg/core/engine.py") + ".html#Engine",
        urls.file_docname(PREFIX, "pkg/plugins/audio.py") + ".html",
        urls.file_docname(PREFIX, "native/lib.c") + ".html#L-3",
        urls.folder_docname(PREFIX, "pkg/core") + ".html",
    ]


def test_merging_again_writes_nothing(sites, capsys):
    build = sites["plan"] / "_build"
    capsys.readouterr()
    site_dirs = [str(path) for path in sorted(build.glob("site-*"))]
    assert main(["merge", *site_dirs, "-o", str(sites["merged"])]) == 0
    assert "0 files written" in capsys.readouterr().out


def test_sites_that_differ_are_not_merged(sites, tmp_path, capsys):
    build = sites["plan"] / "_build"
    changed = tmp_path / "changed"
    shutil.copytree(build / "site-shard-1", changed)
    (changed / "search.html").write_text("changed")
    assert (
        main(["merge", str(build / "site-shard-2"), str(changed), "-o", str(tmp_path / "o")]) == 2
    )
    assert "search.html" in capsys.readouterr().err
    # Nor written over a folder that is not a merged site.
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "keep.txt").write_text("mine")
    assert main(["merge", str(build / "site-shard-2"), "-o", str(tmp_path / "busy")]) == 2
    assert "not empty" in capsys.readouterr().err
    assert (tmp_path / "busy" / "keep.txt").read_text() == "mine"
