"""Prose and data extractors, and that no extractor raises on any input."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_repodocs.core.extract import EXTRACTORS, extract
from sphinx_repodocs.core.extract.data import extract_json, extract_make, extract_toml
from sphinx_repodocs.core.extract.prose import extract_markdown, extract_rst
from sphinx_repodocs.core.extract.yaml_data import extract_yaml

from .conftest import require_grammar


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


def test_make_targets_and_variables():
    text = (
        ".PHONY: all\nall: build\n\nbuild test: deps\n\tcc -o x x.c\nVAR := 1\n"
        "export CC ?= gcc\nCFLAGS = -O2 \\\n  -g\nCFLAGS += -Wall\nx.o: CFLAGS = -O0\n"
    )
    assert [(s.kind, s.name, s.line) for s in extract_make(text).symbols] == [
        ("target", "all", 2),
        ("target", "build", 4),
        ("target", "test", 4),
        ("variable", "VAR", 6),
        ("variable", "CC", 7),
        ("variable", "CFLAGS", 8),
        ("target", "x.o", 11),
    ]


CMAKE = """\
cmake_minimum_required(VERSION 3.16)
project(demo LANGUAGES C CXX)
# add_library(commented_out x.c)
option(DEMO_TESTS "Build the tests" ON)
set(SOURCES a.c b.c)
set(${VAR} x)
include(GNUInstallDirs)
include(cmake/Helpers.cmake)
find_package(Threads REQUIRED)
add_subdirectory(src)
#[[ a bracket comment
add_executable(hidden main.c)
]]
add_library(core STATIC ${SOURCES} "quoted (paren).c")
add_library(demo::core ALIAS core)
add_executable(demo-cli main.c)
add_custom_target(docs COMMAND doxygen)
function(demo_add_test name)
  set(local_var 1)
  add_executable(${name} ${name}.c)
endfunction()
macro(demo_option name)
endmacro()
if(DEMO_TESTS)
  set(inside_if 1)
endif()
message([==[ a bracket ]] argument ]==])
"""


def test_cmake_targets_functions_variables_and_imports():
    result = extract(CMAKE, "CMakeLists.txt", "cmake")
    assert [(s.kind, s.name, s.line, s.detail) for s in result.symbols] == [
        ("variable", "DEMO_TESTS", 4, "option"),
        ("variable", "SOURCES", 5, "set"),
        ("target", "core", 14, "library"),
        ("target", "demo::core", 15, "library, alias"),
        ("target", "demo-cli", 16, "executable"),
        ("target", "docs", 17, "custom target"),
        ("function", "demo_add_test", 18, "CMake function"),
        ("macro", "demo_option", 22, "CMake macro"),
    ]
    assert [(i.kind, i.module, i.line) for i in result.imports] == [
        ("include", "GNUInstallDirs", 7),
        ("include", "cmake/Helpers.cmake", 8),
        ("find_package", "Threads", 9),
        ("add_subdirectory", "src", 10),
    ]
    broken = extract("add_library(core a.c)\nset(X\n", "CMakeLists.txt", "cmake")
    assert [s.name for s in broken.symbols] == ["core"]
    assert broken.partial is not None and broken.partial.line == 2
    assert extract("add_library(\n", "x.cmake", "cmake").problem is not None


SHELL = """\
#!/bin/bash
source ./lib/common.sh
. "$DIR/other.sh"
. ../util.sh
function setup {
  echo "function fake {"
}
teardown() { :; }
function both_styles() {
  inner() { :; }
}
# function commented_out {
"""


def test_shell_functions_in_both_syntaxes_and_sourced_scripts():
    require_grammar("bash")
    result = extract(SHELL, "run.sh", "bash")
    assert [(s.name, s.line) for s in result.symbols] == [
        ("setup", 5),
        ("teardown", 8),
        ("both_styles", 9),
        ("inner", 10),
    ]
    assert [(i.module, i.line) for i in result.imports] == [
        ("./lib/common.sh", 2),
        ('"$DIR/other.sh"', 3),
        ("../util.sh", 4),
    ]


SEQUENCE_YAML = """\
# A list of mappings
- tag: v1.0
  date: 2020-01-01
- name: "second"
  id: 2
- id: three
- just a scalar
- [flow, list]
- url: https://example.org/x
  nested:
    name: not-this
---
top: 1
other:
  inner: 2
"""


def test_yaml_sequences_list_their_entries_and_each_document_its_keys():
    result = extract_yaml(SEQUENCE_YAML)
    assert [(s.name, s.line, s.detail) for s in result.symbols] == [
        ("v1.0", 2, "document 1, entry 1, tag"),
        ("second", 4, "document 1, entry 2, name"),
        ("three", 6, "document 1, entry 3, id"),
        ("just a scalar", 7, "document 1, entry 4"),
        ("https://example.org/x", 9, "document 1, entry 6, url"),
        ("top", 13, "document 2"),
        ("other", 14, "document 2"),
    ]


def test_yaml_that_does_not_parse_says_so():
    require_grammar("yaml")
    result = extract_yaml("a: [1, 2\nb: 3\n")
    assert result.partial is not None and result.partial.message == "the YAML does not parse"
    assert extract_yaml("a: 1\n").partial is None


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
