"""The inventory and its cache between builds, without Sphinx."""

from __future__ import annotations

import os

from sphinx_repodocs.core import read as inventory
from sphinx_repodocs.core.scan import ScanSettings, scan

from .conftest import require_grammar, write_tree


def build(root, previous=None):
    return inventory.build_model(str(root), scan(ScanSettings(root=root)), previous=previous)


def counting_extract(monkeypatch):
    calls: list[str] = []
    real = inventory.extract

    def extract(text, path, lexer):
        calls.append(path)
        return real(text, path, lexer)

    monkeypatch.setattr(inventory, "extract", extract)
    return calls


def test_unchanged_files_are_neither_read_nor_parsed(tmp_path, monkeypatch):
    write_tree(tmp_path, {"a.py": "def a():\n    pass\n", "b.py": "B = 1\n"})
    first = build(tmp_path)
    calls = counting_extract(monkeypatch)
    opened: list[str] = []
    real_describe = inventory.describe_file
    monkeypatch.setattr(
        inventory,
        "describe_file",
        lambda root, entry: opened.append(entry.path) or real_describe(root, entry),
    )
    second = build(tmp_path, first)
    assert calls == [] and opened == []
    assert second.files == first.files
    assert second.extractions == first.extractions


def test_touched_file_is_read_but_not_parsed_again(tmp_path, monkeypatch):
    write_tree(tmp_path, {"a.py": "def a():\n    pass\n"})
    first = build(tmp_path)
    os.utime(tmp_path / "a.py", ns=(1, 10**18))
    calls = counting_extract(monkeypatch)
    second = build(tmp_path, first)
    assert calls == []
    assert second.files == first.files


def test_edited_file_is_parsed_again(tmp_path, monkeypatch):
    write_tree(tmp_path, {"a.py": "def a():\n    pass\n"})
    first = build(tmp_path)
    (tmp_path / "a.py").write_text("def a():\n    pass\n\n\ndef b():\n    pass\n")
    os.utime(tmp_path / "a.py", ns=(1, 10**18))
    calls = counting_extract(monkeypatch)
    second = build(tmp_path, first)
    assert calls == ["a.py"]
    assert [s.name for s in second.extractions["a.py"].symbols] == ["a", "b"]


def test_a_cache_from_another_version_is_not_used(tmp_path, monkeypatch):
    write_tree(tmp_path, {"a.py": "A = 1\n"})
    first = build(tmp_path)
    first.made_by = "0.0.0"
    calls = counting_extract(monkeypatch)
    build(tmp_path, first)
    assert calls == ["a.py"]


def test_model_cache_round_trips_and_survives_a_corrupt_file(tmp_path):
    from sphinx_repodocs.core import model_cache as cache

    write_tree(tmp_path / "repo", {"a.py": "def a():\n    pass\n"})
    model = build(tmp_path / "repo")
    cache.save_model(tmp_path / "doctrees", model)
    loaded = cache.load_model(tmp_path / "doctrees")
    assert loaded is not None
    assert loaded.files == model.files and loaded.extractions == model.extractions
    (tmp_path / "doctrees" / cache.FILE_NAME).write_bytes(b"not a pickle")
    assert cache.load_model(tmp_path / "doctrees") is None
    assert cache.load_model(tmp_path / "missing") is None


def test_the_environment_never_carries_the_model(tmp_path):
    import pickle

    from sphinx_repodocs.sphinx.build_state import RepodocsState

    write_tree(tmp_path, {"a.py": "A = 1\n"})
    state = RepodocsState(model=build(tmp_path), prefix="_r", title=None, max_source_bytes=1)
    state.signatures = {"_r/a.py": "x"}
    restored = pickle.loads(pickle.dumps(state))
    assert restored.model is None
    assert restored.signatures == {"_r/a.py": "x"}


PARALLEL_TREE = {
    "a.py": "import os\n\n\ndef a():\n    return os.sep\n",
    "checks/verify.py": "import pytest\n\n\ndef test_it():\n    assert pytest\n",
    "README.md": "# Title\n\nFirst paragraph.\n",
    "data.bin": b"\x00\x01\x02",
    **{f"pkg/m{i}.py": f"class C{i}:\n    pass\n" for i in range(20)},
}


def test_reading_in_processes_gives_the_serial_model(tmp_path, monkeypatch):
    write_tree(tmp_path, PARALLEL_TREE)
    serial = build(tmp_path)
    monkeypatch.setattr(inventory, "PARALLEL_MIN_FILES", 1)
    found = scan(ScanSettings(root=tmp_path))
    parallel = inventory.build_model(str(tmp_path), found, jobs=2)
    assert parallel == serial
    assert list(parallel.files) == list(serial.files)  # walk order, not finishing order
    assert parallel.files["checks/verify.py"].purpose == "test"

    # A touched file (new mtime, same content) keeps its extraction and its purpose.
    os.utime(tmp_path / "checks/verify.py", ns=(1, 1))
    again = inventory.build_model(
        str(tmp_path), scan(ScanSettings(root=tmp_path)), previous=parallel, jobs=2
    )
    assert again.files["checks/verify.py"] == parallel.files["checks/verify.py"]
    assert again.extractions == parallel.extractions


def test_identical_files_are_parsed_once_and_each_keeps_its_names(tmp_path, monkeypatch):
    require_grammar("c")
    header = "#define LIMIT 4\nint area(int w, int h);\n"
    readme = "# Title\n\nSee [the guide](guide.md).\n"
    write_tree(
        tmp_path,
        {
            "linux/config.h": header,
            "solaris/config.h": header,
            "README.md": readme,
            "docs/notes.md": readme,
        },
    )
    calls = counting_extract(monkeypatch)
    model = build(tmp_path)
    # One parse for both headers; the Markdown extractor reads the path (a README's
    # references), so each Markdown file is parsed.
    assert sorted(calls) == ["README.md", "docs/notes.md", "linux/config.h"]
    names = {
        path: [(s.name, s.kind, s.line) for s in model.extractions[path].symbols]
        for path in ("linux/config.h", "solaris/config.h")
    }
    assert names["linux/config.h"] == [("LIMIT", "macro", 1), ("area", "function", 2)]
    assert names["solaris/config.h"] == names["linux/config.h"]
    assert model.extractions["README.md"].references == ("guide.md",)
    assert model.extractions["docs/notes.md"].references == ()


def test_a_model_read_without_a_grammar_is_not_reused_once_it_is_installed(monkeypatch):
    """The grammars and their versions are part of what made the model: the command's
    cache, read with the core alone (token names), must not serve a build with them."""
    from importlib import metadata

    from sphinx_repodocs.core import read

    require_grammar("c")
    assert "tree_sitter_c=" in read._grammar_versions() and read._grammar_versions() in read.MADE_BY
    real_version = metadata.version

    def without_c(name: str) -> str:
        if name == "tree-sitter-c":
            raise metadata.PackageNotFoundError(name)
        return real_version(name)

    monkeypatch.setattr(read.metadata, "version", without_c)
    assert "tree_sitter_c=" not in read._grammar_versions()
