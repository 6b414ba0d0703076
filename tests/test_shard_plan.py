"""The shard plan: how a tree is split, who writes each page, and the plan folder."""

from __future__ import annotations

import json
import random

import pytest

from sphinx_repodocs.cli import main
from sphinx_repodocs.core.scan import ScanSettings, scan
from sphinx_repodocs.core.shards import LANDING, ShardMap, read_plan, split_tree
from sphinx_repodocs.site.plan import Page, pages_of_shard

from .conftest import write_tree


def _units(split: list) -> list[list[str]]:
    return [[unit.name for unit in shard] for shard in split]


def test_a_folder_that_fits_stays_whole_and_a_heavy_one_is_split():
    files = [(f"big/{name}/f{i}.py", 100) for name in "abcd" for i in range(10)]
    files += [("big/setup.py", 100), ("small/x.py", 100), ("README.md", 100)]
    split = split_tree(files, 4)
    units = sorted(name for shard in _units(split) for name in shard)
    # big/ outweighs a shard: its folders and its own files are units; small/ is whole.
    assert units == ["*", "big/*", "big/a/", "big/b/", "big/c/", "big/d/", "small/"]
    loads = [sum(unit.files for unit in shard) for shard in split]
    assert sum(loads) == len(files) and max(loads) - min(loads) <= 3


def test_the_split_is_the_same_for_the_same_tree_in_any_order():
    files = [(f"pkg{i % 7}/sub{i % 3}/m{i}.c", 10 + i * 37 % 500) for i in range(300)]
    shuffled = files[:]
    random.Random(5).shuffle(shuffled)
    assert _units(split_tree(files, 3)) == _units(split_tree(shuffled, 3))


def test_bytes_count_as_much_as_files():
    files = [("data/blob.bin", 10_000_000)] + [(f"src/m{i}.py", 10) for i in range(99)]
    first, second = _units(split_tree(files, 2))
    assert {tuple(first), tuple(second)} == {("data/",), ("src/",)}


def test_more_shards_than_units_gives_fewer_shards():
    assert _units(split_tree([("a/x.py", 1), ("b/y.py", 1)], 5)) == [["a/"], ["b/"]]


def test_each_page_has_one_writer_and_the_rest_is_the_landings():
    shards = ShardMap({"one": ("lib/", "src/*"), "two": ("src/core/", "*")})
    assert shards.file_owner("lib/deep/x.py") == "one"
    assert shards.file_owner("src/main.c") == "one"
    assert shards.file_owner("src/core/a.c") == "two"
    assert shards.file_owner("README.md") == "two"
    assert shards.file_owner("new/file.txt") == LANDING  # added after the plan
    assert shards.folder_owner("lib/deep") == "one"
    assert shards.folder_owner("src") == LANDING  # a split folder
    pages = {
        "r": Page("folder", ""),
        "s": Page("folder", "src"),
        "l": Page("folder", "lib"),
        "f": Page("file", "src/core/a.c"),
        "k": Page("keywords", "A"),
    }
    assert set(pages_of_shard(pages, shards, "one")) == {"r", "l"}
    assert set(pages_of_shard(pages, shards, "two")) == {"r", "f"}
    assert set(pages_of_shard(pages, shards, LANDING)) == {"r", "s", "k"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not JSON"),
        ('{"shards": {}}', 'no "shards"'),
        ('{"shards": {"landing": []}}', "not be 'landing'"),
        ('{"shards": {"a": ["../up/"]}}', "is not a unit"),
        ('{"shards": {"a": ["src/**"]}}', "is not a unit"),
    ],
)
def test_a_bad_plan_says_what_is_wrong(text, message):
    with pytest.raises(ValueError, match=message):
        read_plan(text)


def test_plan_writes_the_projects_and_ci_files_and_a_second_run_nothing(tmp_path, capsys):
    yaml = pytest.importorskip("yaml")
    root = write_tree(
        tmp_path / "repo",
        {
            f"{folder}/m{i}.py": f"X = {i}\n"
            for folder in ("core", "plugins", "tools")
            for i in range(4)
        },
    )
    assert main(["plan", str(root), "--shards", "2"]) == 0
    plan_dir = root / "repodocs-shards"
    plan = json.loads((plan_dir / "plan.json").read_text())
    assert sorted(plan["shards"]) == ["shard-1", "shard-2"]
    conf = (plan_dir / "shard-1" / "conf.py").read_text()
    assert "repodocs_root = '../..'" in conf and "repodocs_shard = 'shard-1'" in conf
    workflow = yaml.safe_load((plan_dir / "github-workflow.yml").read_text())
    assert workflow["jobs"]["models"]["strategy"]["matrix"]["shard"] == [
        LANDING,
        "shard-1",
        "shard-2",
    ]
    assert workflow["jobs"]["sites"]["needs"] == "models"
    gitlab = yaml.safe_load((plan_dir / "gitlab-ci.yml").read_text())
    assert gitlab["repodocs-sites"]["needs"] == ["repodocs-models"]
    assert gitlab[".repodocs"]["parallel"]["matrix"] == [{"SHARD": [LANDING, "shard-1", "shard-2"]}]
    capsys.readouterr()

    before = {path: path.stat().st_mtime_ns for path in plan_dir.rglob("*")}
    assert main(["plan", str(root), "--shards", "2"]) == 0
    assert "unchanged: nothing written" in capsys.readouterr().out
    assert {path: path.stat().st_mtime_ns for path in plan_dir.rglob("*")} == before
    # The plan folder is never documented, by a build of the plan or of the repository.
    documented = {entry.path for entry in scan(ScanSettings(root=root)).files}
    assert documented == {f"{f}/m{i}.py" for f in ("core", "plugins", "tools") for i in range(4)}


def test_max_files_chooses_the_number_of_shards(tmp_path, capsys):
    root = write_tree(tmp_path / "repo", {f"d{i}/m.py": "X = 1\n" for i in range(9)})
    assert main(["plan", str(root), "--max-files", "3", "-o", str(tmp_path / "plan")]) == 0
    assert len(json.loads((tmp_path / "plan" / "plan.json").read_text())["shards"]) == 3


def test_a_smaller_plan_removes_the_projects_of_the_shards_it_no_longer_has(tmp_path, capsys):
    root = write_tree(tmp_path / "repo", {f"d{i}/m.py": "X = 1\n" for i in range(6)})
    plan_dir = tmp_path / "plan"
    assert main(["plan", str(root), "--shards", "3", "-o", str(plan_dir)]) == 0
    (plan_dir / "mine").mkdir()
    (plan_dir / "mine" / "conf.py").write_text("project = 'mine'\n")  # not the plan's
    assert main(["plan", str(root), "--shards", "2", "-o", str(plan_dir)]) == 0
    assert "shard-3/ (removed)" in capsys.readouterr().out
    assert sorted(path.parent.name for path in plan_dir.glob("*/conf.py")) == [
        LANDING,
        "mine",
        "shard-1",
        "shard-2",
    ]


def test_a_tree_with_nothing_to_document_gets_no_plan(tmp_path, capsys):
    root = write_tree(tmp_path / "repo", {".gitignore": "*\n", "a.log": "x\n"})
    (root / ".gitignore").unlink()
    (root / "a.log").unlink()
    (root / "secrets.pem").write_text("-----BEGIN RSA PRIVATE KEY-----\n")
    assert main(["plan", str(root), "--shards", "2", "-o", str(tmp_path / "plan")]) == 1
    assert "nothing to document" in capsys.readouterr().err
    assert not (tmp_path / "plan").exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["plan", "{missing}", "--shards", "2"], "is not a folder"),
        (["plan", "{root}", "--shards", "0"], "positive number"),
        (["build-plan", "{root}", "-o", "{out}"], "holds no plan.json"),
        (["build-plan", "{root}", "-o", "{out}", "--jobs", "0"], "positive number"),
        (["merge", "{root}", "-o", "{out}"], "not a Sphinx HTML site"),
    ],
)
def test_bad_arguments_get_one_line_and_status_2(tmp_path, capsys, arguments, message):
    root = write_tree(tmp_path / "repo", {"a.py": "X = 1\n"})
    values = {"root": str(root), "missing": str(tmp_path / "nothing"), "out": str(tmp_path / "o")}
    assert main([argument.format(**values) for argument in arguments]) == 2
    error = capsys.readouterr().err
    assert message in error and error.count("\n") == 1


@pytest.mark.slow  # two builds of a plan: 7 s
def test_an_edited_plan_moves_pages_between_builds_on_the_next_build(tmp_path, capsys):
    root = write_tree(tmp_path / "repo", {"a/one.py": "X = 1\n", "b/two.py": "Y = 2\n"})
    plan_dir = tmp_path / "plan"
    assert main(["plan", str(root), "--shards", "2", "-o", str(plan_dir)]) == 0
    site = tmp_path / "site"
    assert main(["build-plan", str(plan_dir), "-o", str(site)]) == 0
    plan = json.loads((plan_dir / "plan.json").read_text())
    first = plan_dir / "_build" / "site-shard-1"
    page_of = {unit: next(first.rglob("*.py.html"), None) for unit in plan["shards"]["shard-1"]}
    assert len(page_of) == 1 and None not in page_of.values()
    old_page = next(iter(page_of.values()))

    plan["shards"] = {"shard-1": plan["shards"]["shard-2"], "shard-2": plan["shards"]["shard-1"]}
    (plan_dir / "plan.json").write_text(json.dumps(plan))
    assert main(["build-plan", str(plan_dir), "-o", str(site)]) == 0
    # The same conf.py files, so Sphinx keeps its environment: the plan itself decides.
    assert not old_page.exists()
    assert [path.name for path in first.rglob("*.py.html")] != [old_page.name]
    assert len(list(site.rglob("*.py.html"))) == 2
