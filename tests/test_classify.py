# ruff: noqa: RUF001  (Cyrillic and CJK samples)
"""Decoding, languages and purposes, without Sphinx."""

from __future__ import annotations

import codecs

import pytest

from sphinx_repodocs.core import classify
from sphinx_repodocs.core.purpose import purpose_for


@pytest.mark.parametrize(
    ("data", "text", "label"),
    [
        (b"plain\n", "plain\n", "ASCII"),
        ("→ arrow\n".encode(), "→ arrow\n", "UTF-8"),
        (codecs.BOM_UTF8 + "é".encode(), "é", "UTF-8 with BOM"),
        ("\ufeffé→".encode("utf-16-le"), "é→", "UTF-16 with BOM"),
        ("\ufeffé→".encode("utf-16-be"), "é→", "UTF-16 with BOM"),
        ("\ufeffé".encode("utf-32-le"), "é", "UTF-32 with BOM"),
        ("café".encode("cp1252"), "café", "Windows-1252 (not valid UTF-8; a guess)"),
    ],
)
def test_decode_never_produces_mojibake(data, text, label):
    decoded = classify.decode(data)
    assert decoded.text == text
    assert decoded.label == label


def test_utf8_arrow_is_never_read_as_cp1252():
    assert classify.decode("a → b".encode()).text == "a → b"  # not "a â†' b"


def test_python_coding_cookie_is_honoured():
    data = "# -*- coding: latin-1 -*-\nx = 'é'\n".encode("latin-1")
    decoded = classify.decode(data, "legacy.py")
    assert decoded.text is not None and "é" in decoded.text
    assert decoded.label == "iso8859-1 (declared by a coding cookie)"


@pytest.mark.parametrize(
    "data", [b"\x00\x01\x02binary", b"PK\x03\x04" + bytes(range(32)) * 10, bytes(range(256))]
)
def test_binary_content_has_no_text(data):
    decoded = classify.decode(data)
    assert decoded.text is None
    assert decoded.label.startswith("binary")


@pytest.mark.parametrize(
    ("text", "normalised", "style"),
    [
        ("a\nb\n", "a\nb\n", "LF"),
        ("a\r\nb\r\n", "a\nb\n", "CRLF"),
        ("a\rb\r", "a\nb\n", "CR"),
        ("a\r\nb\n", "a\nb\n", "mixed (LF, CRLF)"),
        ("no newline", "no newline", "none"),
    ],
)
def test_newlines(text, normalised, style):
    assert classify.normalise_newlines(text) == (normalised, style)


@pytest.mark.parametrize(
    ("text", "lines"),
    [("", 0), ("x", 1), ("x\n", 1), ("x\ny", 2), ("x\n\n", 2), ("a\x0cb\n", 1)],
)
def test_line_count_matches_editors_and_ast(text, lines):
    assert classify.count_lines(text) == lines


@pytest.mark.parametrize(
    ("name", "first_line", "language"),
    [
        ("x.py", "", "Python"),
        ("x.c", "", "C"),
        ("README.md", "", "Markdown"),
        ("CMakeLists.txt", "", "CMake"),
        ("notes.txt", "", "Plain text"),
        ("run", "#!/usr/bin/env python3", "Python"),
        ("build", "#!/bin/sh", "Bash"),
        ("LICENSE", "", "Plain text"),
        ("vector", "// <vector> -*- C++ -*-", "C++"),
        ("script", "# -*- mode: python; coding: utf-8 -*-", "Python"),
        ("notes", "-*- not a mode -*-", "Plain text"),
        ("go.mod", "module example.com/x", "Go module file"),  # not Modula-2's *.mod
        ("build.mod", "", "Modula-2"),
    ],
)
def test_language(name, first_line, language):
    assert classify.language_for(name, first_line).name == language


@pytest.mark.parametrize(
    ("path", "head", "purpose"),
    [
        ("tests/test_x.py", "", "test"),
        ("pkg/x_test.go", "", "test"),
        ("web/app.spec.ts", "", "test"),
        ("tests/conftest.py", "", "test"),
        ("tests/helpers.py", "", "test"),
        ("tests/README.md", "", "docs"),
        ("tests/data/sample.json", "", "test data"),
        ("tests/jq.test", "", "test data"),  # jq's data-driven suite: not "docs"
        ("tests/fixtures/page.md", "", "test data"),
        ("tests/data/table.csv", "", "test data"),
        ("notes.txt", "", "docs"),
        ("src/parse.y", "", "source"),
        ("src/lexer.l", "", "source"),
        ("grammar/Expr.g4", "", "source"),
        ("src/pkg/py.typed", "", "build"),
        ("src/jv_parse.c", "/* A Bison parser, made by GNU Bison 3.8.2.  */", "generated"),
        ("sig/jq-1.6.tar.gz.asc", "-----BEGIN PGP SIGNATURE-----\n", "signature or key"),
        ("keys/release.key", "-----BEGIN PGP PUBLIC KEY BLOCK-----\n", "signature or key"),
        ("external/zlib/inflate.c", "", "vendored"),
        ("src/extern/inflate.c", "", "vendored"),
        ("tests/roots/diagram/external/other.py", "", "test"),  # a fixture's folder name
        ("docs/guide.rst", "", "docs"),
        ("README", "", "docs"),
        ("LICENSE", "", "docs"),
        ("CHANGELOG.md", "", "docs"),
        ("HISTORY.rst", "", "docs"),
        ("src/pkg/history.py", "", "source"),  # a document's name, but code
        ("src/security.c", "", "source"),
        ("pyproject.toml", "", "build"),
        ("Makefile", "", "build"),
        ("cmake/Find.cmake", "", "build"),
        ("requirements-dev.txt", "", "build"),
        (".github/workflows/ci.yml", "", "ci"),
        (".gitlab-ci.yml", "", "ci"),
        ("setup.cfg", "", "build"),
        ("config/app.yaml", "", "config"),
        (".editorconfig", "", "config"),
        ("api_pb2.py", "", "generated"),
        ("src/parser.c", "/* DO NOT EDIT: made by bison */", "generated"),
        ("poetry.lock", "", "generated"),
        ("third_party/zlib/inflate.c", "", "vendored"),
        ("src/pkg/core.py", "", "source"),
        ("data/table.csv", "", "data"),
    ],
)
def test_purpose_has_one_answer_and_a_reason(path, head, purpose):
    name = path.rpartition("/")[2]
    result = purpose_for(path, classify.language_for(name), is_text=True, head=head)
    assert result.name == purpose
    assert result.reason


@pytest.mark.parametrize(
    ("path", "attributes", "purpose", "reason"),
    [
        ("src/parser.c", {"linguist-generated": "set"}, "generated", "linguist-generated"),
        ("deps/lib.c", {"linguist-vendored": "true"}, "vendored", "linguist-vendored"),
        ("src/guide.c", {"linguist-documentation": "set"}, "docs", "linguist-documentation"),
        # Explicitly not vendored: the folder name no longer decides.
        ("vendor/ours.go", {"linguist-vendored": "unset"}, "source", "Go code"),
        ("gen/out.c", {"linguist-generated": "false"}, "source", "C code"),
    ],
)
def test_git_attributes_decide_first(path, attributes, purpose, reason):
    name = path.rpartition("/")[2]
    head = "/* DO NOT EDIT */" if path.startswith("gen/") else ""
    result = purpose_for(
        path, classify.language_for(name), is_text=True, head=head, attributes=attributes
    )
    assert (result.name, reason in result.reason) == (purpose, True)


def test_key_reasons_name_the_block():
    head = "-----BEGIN PGP PUBLIC KEY BLOCK-----\nmQIN\n"
    key = purpose_for("sig/release.key", classify.PLAIN_TEXT, is_text=True, head=head)
    assert key.reason == "it holds a PGP PUBLIC KEY block"


def test_binary_signature_and_plain_binary():
    sig = purpose_for("dist/x.tar.gz.sig", classify.PLAIN_TEXT, is_text=False)
    assert sig.name == "signature or key"
    assert purpose_for("img/logo.png", classify.PLAIN_TEXT, is_text=False).name == "data"
    assert purpose_for("tests/x.bin", classify.PLAIN_TEXT, is_text=False).name == ("test data")


def test_generated_marker_reason_names_the_line():
    head = "// Copyright\n// Code generated by protoc-gen-go. DO NOT EDIT.\n"
    result = purpose_for("api.go", classify.language_for("api.go"), is_text=True, head=head)
    assert result.reason == "line 2 says “generated by ”"


@pytest.mark.parametrize(
    "name",
    [
        "a.h",
        "a.H",
        "x.hpp",
        "CMakeLists.txt",
        "build.cmake",
        "Makefile",
        "Makefile.am",
        "GNUmakefile",
        ".bashrc",
        "bash_aliases",
        "archive.tar.gz",
        "ls.1",
        "page.php5",
        "Dockerfile",
        "meson.build",
        "setup.cfg",
        "README",
        "noext",
        ".hidden",
        "a.b.c.py",
        "x.",
    ],
)
def test_the_lexer_for_a_name_is_the_one_pygments_picks(name):
    """The lookup asks Pygments once per set of patterns a name matches; each answer
    is still Pygments' own."""
    from pygments.lexers import find_lexer_class_for_filename
    from pygments.util import ClassNotFound

    from sphinx_repodocs.core.lexer_names import lexer_for_filename

    try:
        expected = find_lexer_class_for_filename(name)
    except ClassNotFound:
        expected = None
    found = lexer_for_filename(f"some/folder/{name}")
    if expected is None or not expected.aliases:
        assert found is None
    else:
        assert found == (expected.name, expected.aliases[0])


RUSSIAN = "Привет, мир! Это пример текста на русском языке, который мы пишем в файл.\n"
RUSSIAN_MORE = "Вторая строка с ещё несколькими словами: съешь же ещё этих мягких булок.\n"
CZECH = "Příliš žluťoučký kůň úpěl ďábelské ódy. Tohle je ukázka českého textu.\n"
CHINESE = "这是一个中文的例子。我们用它来测试编码检测是否正确。\n第二行：编码检测需要足够的文本。\n"
JAPANESE = "これは日本語の例です。文字コードの判定が正しいかどうかを確認します。\n"
KOREAN = "이것은 한국어 예시입니다. 인코딩 감지가 올바른지 확인합니다.\n"
CODE = "int main(void) {\n    /* Grüße from the café: naïve résumé */\n    return 0;\n}\n" + (
    "int f(int x) { return x + 1; }\n" * 20
)


@pytest.mark.parametrize(
    ("text", "codec", "label"),
    [
        (RUSSIAN, "cp1251", "Windows-1251 (not valid UTF-8; a guess by charset-normalizer"),
        (RUSSIAN + RUSSIAN_MORE, "koi8_r", "KOI8-R (not valid UTF-8; a guess"),
        (CZECH, "cp1250", "Windows-1250 (not valid UTF-8; a guess"),
        (CZECH, "iso8859_2", "ISO-8859-2 (not valid UTF-8; a guess"),
        (CHINESE, "gb18030", "GB18030 (not valid UTF-8; a guess"),
        (JAPANESE, "shift_jis", "Shift JIS (cp932) (not valid UTF-8; a guess"),
        (KOREAN, "euc_kr", "EUC-KR (cp949) (not valid UTF-8; a guess"),
        # One non-ASCII comment line in code: Windows-1252, the floor, not a Latin
        # code page that reads "naïve" as "naďve".
        (CODE, "cp1252", "Windows-1252 (not valid UTF-8; a guess)"),
        (CODE, "latin-1", "Windows-1252 (not valid UTF-8; a guess)"),
    ],
)
def test_text_that_is_not_utf8_is_decoded_by_a_measured_guess(text, codec, label):
    decoded = classify.decode(text.encode(codec), "notes.txt")
    assert decoded.text == text
    assert decoded.label.startswith(label)


def test_an_implausible_guess_falls_back_to_the_floor():
    # One KOI8-R line: charset-normalizer says Shift JIS (half-width katakana); we
    # do not claim Japanese, and the label says the floor is a guess.
    decoded = classify.decode(RUSSIAN.encode("koi8_r"), "notes.txt")
    assert decoded.label == "Windows-1252 (not valid UTF-8; a guess)"
