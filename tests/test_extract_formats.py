"""Prose and data extractors, and that no extractor raises on any input."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_repodocs.core.extract import EXTRACTORS, extract
from sphinx_repodocs.core.extract.data import extract_json, extract_make, extract_toml, extract_yaml
from sphinx_repodocs.core.extract.prose import extract_markdown, extract_rst


def names_and_lines(extraction):
    return [(s.qualname, s.line) for s in extraction.symbols]


def test_toml_keys_are_confirmed_by_tomllib():
    text = (
        'name = "x"\n'
        "[project]\n"
        'version = "1"\n'
        'description = """\n'
        "fake = 1\n"  # inside a multi-line string: not a key
        '"""\n'
        "[tool.ruff.lint]\n"
        "select = [\n"
        '  "E",\n'
        "]\n"
    )
    assert names_and_lines(extract_toml(text)) == [
        ("name", 1),
        ("project", 2),
        ("project.version", 3),
        ("project.description", 4),
        ("tool.ruff.lint", 7),
        ("tool.ruff.lint.select", 8),
    ]


def test_invalid_toml_is_a_problem_with_its_line():
    result = extract_toml("a = 1\nb = = 2\n")
    assert result.problem is not None
    assert result.problem.line == 2


def test_json_top_level_keys_with_lines():
    text = '{\n  "a": {"nested": 1},\n  "b\\"q": [1, 2],\n  "c": "x, \\"d\\": 1"\n}\n'
    assert names_and_lines(extract_json(text)) == [("a", 2), ('b"q', 3), ("c", 4)]
    assert extract_json("[1, 2]").symbols == ()
    assert extract_json("{").problem is not None


def test_yaml_top_level_keys_without_a_parser():
    text = "name: ci\non:\n  push:\n    branches: [main]\njobs:\n  build: {}\n# comment: no\n"
    assert names_and_lines(extract_yaml(text)) == [("name", 1), ("on", 2), ("jobs", 5)]


def test_make_targets():
    text = ".PHONY: all\nall: build\n\nbuild test: deps\n\tcc -o x x.c\nVAR := 1\n"
    assert names_and_lines(extract_make(text)) == [("all", 2), ("build", 4), ("test", 4)]


def test_markdown_headings_ignore_code_blocks():
    text = "# Top\n\npara\n\n```\n# not a heading\n```\n\nSetext\n------\n"
    result = extract_markdown(text)
    assert names_and_lines(result) == [("Top", 1), ("Setext", 9)]
    assert result.summary == "para"


def test_rst_titles_without_running_directives(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    text = (
        "=====\nTitle\n=====\n\n"
        f".. include:: {secret}\n\n"
        ".. toctree::\n\n   Inside\n   ------\n\n"
        f".. literalinclude:: {secret}\n\n"
        "Section\n-------\n"
    )
    result = extract_rst(text)
    assert names_and_lines(result) == [("Title", 2), ("Section", 14)]
    assert "TOP SECRET" not in repr(result)


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=400), lexer=st.sampled_from([*EXTRACTORS, "c", "cpp", "go", "rust"]))
def test_no_extractor_raises_on_any_text(text, lexer):
    extract(text, "file", lexer)


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=400), lexer=st.sampled_from(list(EXTRACTORS)))
def test_no_extractor_raises_on_any_bytes(data, lexer):
    extract(data.decode("latin-1"), "file", lexer)


def test_extract_a_real_tree_without_errors():
    root = Path(__file__).resolve().parent.parent / "sphinx_repodocs"
    for path in root.rglob("*.py"):
        result = extract(path.read_text(encoding="utf-8"), str(path), "python")
        assert result.problem is None, path
        # A package's __init__.py may hold only its docstring; __main__.py only imports.
        assert result.symbols or result.imports or result.summary, path
