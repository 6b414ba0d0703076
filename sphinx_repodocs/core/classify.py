"""What a file is: binary or text, its encoding, language and purpose.

Pure functions over bytes and paths; nothing here imports Sphinx.
"""

from __future__ import annotations

import codecs
import functools
import re
import tokenize
from dataclasses import dataclass
from io import BytesIO
from pathlib import PurePosixPath

from pygments.lexers import get_lexer_by_name

from .lexer_names import lexer_for_filename

#: How many leading bytes decide binary versus text (git looks at 8,000).
SNIFF_BYTES = 8000

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # Longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32 with BOM"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32 with BOM"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 with BOM"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 with BOM"),
)

#: Bytes that never occur in text in practice (C0 controls except tab, LF, VT, FF, CR, ESC).
_CONTROL_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x1B)) | {0x1C, 0x1D}


@dataclass(frozen=True, slots=True)
class Decoded:
    """The outcome of decoding a file's bytes."""

    text: str | None
    #: Python codec that decodes the file, or None for binary content.
    codec: str | None
    #: What a reader is told, e.g. "UTF-8" or "Windows-1252 (not valid UTF-8; a guess)".
    label: str


def decode(data: bytes, path: str = "") -> Decoded:
    """Decode *data* without ever producing mojibake silently.

    Order: a byte-order mark; a PEP 263 coding cookie for Python files; strict
    UTF-8; binary detection; a Windows-1252 guess that the label admits to.
    """
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec, label)
            except UnicodeDecodeError:
                return Decoded(
                    None, None, f"binary (starts with a {label} mark but does not decode)"
                )
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        return Decoded(None, None, "binary (NUL bytes)")
    if path.endswith((".py", ".pyi", ".pyw")):
        cookie = _python_coding_cookie(data)
        if cookie and cookie not in ("utf-8", "utf-8-sig"):
            try:
                return Decoded(
                    data.decode(cookie), cookie, f"{cookie} (declared by a coding cookie)"
                )
            except (UnicodeDecodeError, LookupError):
                pass
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "ASCII" if data.isascii() else "UTF-8")
    except UnicodeDecodeError:
        pass
    if sum(byte in _CONTROL_BYTES for byte in head) > len(head) // 20:
        return Decoded(None, None, "binary (control bytes)")
    try:
        text = data.decode("cp1252")
        return Decoded(text, "cp1252", "Windows-1252 (not valid UTF-8; a guess)")
    except UnicodeDecodeError:
        return Decoded(data.decode("latin-1"), "latin-1", "Latin-1 (not valid UTF-8; a guess)")


def _python_coding_cookie(data: bytes) -> str | None:
    lines = data.split(b"\n", 2)[:2]
    if not any(b"coding" in line for line in lines):
        return None
    try:
        encoding, _ = tokenize.detect_encoding(BytesIO(b"\n".join(lines) + b"\n").readline)
    except SyntaxError:
        return None
    return codecs.lookup(encoding).name


def normalise_newlines(text: str) -> tuple[str, str]:
    """Return *text* with \\n line ends and the name of the original convention."""
    crlf = text.count("\r\n")
    lone_cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    styles = [name for name, count in (("LF", lf), ("CRLF", crlf), ("CR", lone_cr)) if count]
    if not styles:
        style = "none"
    elif len(styles) == 1:
        style = styles[0]
    else:
        style = "mixed (" + ", ".join(styles) + ")"
    if crlf or lone_cr:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, style


def count_lines(text: str) -> int:
    """Lines as Python's tokenizer and Pygments count them (\\n only, not \\f)."""
    if not text:
        return 0
    return text.count("\n") + (0 if text.endswith("\n") else 1)


# --- language ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Language:
    """A language as shown to readers and as Pygments highlights it."""

    name: str
    lexer: str


#: What a file is when nothing names its language.
PLAIN_TEXT = Language("Text", "text")


_SHEBANG = re.compile(r"^#!\s*(?:/usr/bin/env\s+(?:-S\s+)?)?(?:\S*/)?([A-Za-z]+)")
_INTERPRETERS = {
    "python": "python",
    "bash": "bash",
    "sh": "bash",
    "zsh": "zsh",
    "perl": "perl",
    "ruby": "ruby",
    "node": "javascript",
    "tclsh": "tcl",
    "awk": "awk",
}


_MODELINE = re.compile(r"-\*-\s*(?:mode:\s*)?([A-Za-z+#]+)\s*;?[^*]*-\*-")
_MODES = {
    "c++": "cpp",
    "c": "c",
    "python": "python",
    "sh": "bash",
    "makefile": "make",
    "perl": "perl",
    "ruby": "ruby",
    "javascript": "javascript",
    "js": "javascript",
}


def language_for(filename: str, first_line: str = "") -> Language:
    """The language of a file, from its name, else a ``#!`` line, else an Emacs mode line
    (``// <vector> -*- C++ -*-`` heads C++ headers that have no extension)."""
    language = _language_for_name(filename)
    if language is not PLAIN_TEXT:
        return language
    if match := _SHEBANG.match(first_line):
        interpreter = match.group(1).rstrip("0123456789.")
        if alias := _INTERPRETERS.get(interpreter):
            return _language_for_alias(alias)
    if (match := _MODELINE.search(first_line)) and (alias := _MODES.get(match.group(1).lower())):
        return _language_for_alias(alias)
    return language


@functools.lru_cache(maxsize=64)
def _language_for_alias(alias: str) -> Language:
    lexer_class = get_lexer_by_name(alias).__class__
    return Language(lexer_class.name, alias)


def _language_for_name(filename: str) -> Language:
    found = lexer_for_filename(filename)
    return PLAIN_TEXT if found is None else Language(*found)


# --- purpose ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Purpose:
    """One purpose per file, with the evidence that decided it."""

    name: str
    reason: str


_VENDOR_DIRS = frozenset({"vendor", "vendored", "third_party", "thirdparty", "3rdparty", "_vendor"})
_TEST_DIRS = frozenset({"test", "tests", "testing", "__tests__", "spec", "specs"})
_DOCS_DIRS = frozenset({"doc", "docs", "documentation"})
_CI_FILES = frozenset(
    {
        ".gitlab-ci.yml",
        ".travis.yml",
        "azure-pipelines.yml",
        "jenkinsfile",
        "appveyor.yml",
        "bitbucket-pipelines.yml",
        ".cirrus.yml",
    }
)
_CI_DIRS = (".github/workflows/", ".circleci/", ".ci/", ".buildkite/")
_BUILD_FILES = frozenset(
    {
        "pyproject.toml",
        "setup.py",
        "setup.cfg",
        "makefile",
        "gnumakefile",
        "cmakelists.txt",
        "meson.build",
        "build",
        "build.bazel",
        "workspace",
        "build.gradle",
        "pom.xml",
        "cargo.toml",
        "package.json",
        "tox.ini",
        "noxfile.py",
        "dockerfile",
        "manifest.in",
        "configure",
        "configure.ac",
        "go.mod",
        "gemfile",
        "rakefile",
        "sconstruct",
        "requirements.txt",
        "environment.yml",
        "pipfile",
        "justfile",
    }
)
_BUILD_SUFFIXES = (".cmake", ".mk", ".bzl", ".gradle", ".mak")
_LOCK_FILES = frozenset(
    {
        "package-lock.json",
        "yarn.lock",
        "poetry.lock",
        "cargo.lock",
        "pipfile.lock",
        "uv.lock",
        "pnpm-lock.yaml",
        "go.sum",
        "composer.lock",
        "gemfile.lock",
    }
)
_GENERATED_NAME = re.compile(
    r"(_pb2(_grpc)?\.pyi?|\.pb\.(go|cc|h)|\.min\.(js|css)|\.designer\.cs)$"
)
_GENERATED_MARKER = re.compile(
    r"@generated|DO NOT EDIT|AUTO-GENERATED|AUTOGENERATED|automatically generated|"
    r"generated by (?!the\b)",
    re.IGNORECASE,
)
_CONFIG_FILES = frozenset(
    {
        ".gitignore",
        ".gitattributes",
        ".editorconfig",
        ".pre-commit-config.yaml",
        ".flake8",
        ".pylintrc",
        ".coveragerc",
        ".readthedocs.yaml",
        ".readthedocs.yml",
        ".gitmodules",
        ".mailmap",
        "conf.py",
        ".clang-format",
        ".clang-tidy",
        "mypy.ini",
        "pytest.ini",
        ".prettierrc",
        ".eslintrc",
        ".dockerignore",
        ".python-version",
        "tsconfig.json",
        "codecov.yml",
        ".bumpversion.cfg",
        "ruff.toml",
        ".ruff.toml",
    }
)
_CONFIG_SUFFIXES = (
    ".cfg",
    ".ini",
    ".conf",
    ".toml",
    ".yaml",
    ".yml",
    ".properties",
    ".env.example",
)
_DOC_NAMES = re.compile(
    r"^(readme|changelog|changes|history|news|authors|contributors|contributing|license|"
    r"licence|copying|notice|code_of_conduct|security|todo)(\.|$)",
    re.IGNORECASE,
)
_PROSE_LEXERS = frozenset(
    {
        "markdown",
        "md",
        "rst",
        "restructuredtext",
        "text",
        "tex",
        "latex",
        "asciidoc",
        "groff",
        "man",
    }
)
_DATA_LEXERS = frozenset(
    {"json", "json5", "jsonld", "xml", "csv", "tsv", "yaml", "toml", "ini", "sql"}
)
_DATA_SUFFIXES = (".csv", ".tsv", ".tab", ".dat", ".jsonl", ".ndjson")
_TEST_NAME = re.compile(
    r"^(conftest\.py|tests?\.py|test_.+\.py|.+_test\.(py|go|cc|cpp|c|rs)|.+\.(test|spec)\.(js|jsx|ts|tsx|mjs)|"
    r"test.+\.(c|cc|cpp)|.+Tests?\.(java|kt|cs))$"
)


def purpose_for(path: str, language: Language, *, is_text: bool, head: str = "") -> Purpose:
    """Decide one purpose for *path*; *head* is the file's first few lines when it is text."""
    parts = PurePosixPath(path).parts
    name = parts[-1]
    lower = name.lower()
    folders = [part.lower() for part in parts[:-1]]

    if vendor := next((f for f in folders if f in _VENDOR_DIRS), None):
        return Purpose("vendored", f"under a {vendor}/ folder")
    if _GENERATED_NAME.search(lower):
        return Purpose("generated", f"file name {name} follows a code generator's naming")
    if lower in _LOCK_FILES:
        return Purpose("generated", f"{name} is a lock file written by a package manager")
    if is_text and head:
        for number, line in enumerate(head.splitlines()[:5], start=1):
            if marker := _GENERATED_MARKER.search(line):
                return Purpose("generated", f"line {number} says “{marker.group(0)}”")
    if lower in _CI_FILES or any(path.lower().startswith(d) for d in _CI_DIRS):
        return Purpose("ci", "a continuous-integration definition by its name and place")
    if lower in _BUILD_FILES or (lower.startswith("requirements") and lower.endswith(".txt")):
        return Purpose("build", f"{name} is a build or packaging definition")
    if lower.endswith(_BUILD_SUFFIXES):
        return Purpose("build", f"extension of {name} marks build rules")
    if lower in _CONFIG_FILES:
        return Purpose("config", f"{name} is a tool configuration file")
    # history.py or security.c are code: a document's name counts for prose and plain text.
    if _DOC_NAMES.match(name) and (language.lexer in _PROSE_LEXERS or language is PLAIN_TEXT):
        return Purpose("docs", f"{name} is a conventional project document")
    if lower.endswith(_DATA_SUFFIXES):
        return Purpose("data", f"extension of {name} marks tabular data")
    is_prose = language.lexer in _PROSE_LEXERS and is_text
    if is_prose:
        if folder := next((f for f in folders if f in _DOCS_DIRS), None):
            return Purpose("docs", f"{language.name} text under a {folder}/ folder")
        return Purpose("docs", f"{language.name} text")
    if not is_text:
        return Purpose("data", "binary content")
    if _TEST_NAME.match(name):
        return Purpose("test", f"file name {name} follows a test naming convention")
    if language.lexer in _DATA_LEXERS:
        if lower.endswith(_CONFIG_SUFFIXES):
            return Purpose("config", f"{language.name} settings file")
        return Purpose("data", f"{language.name} data")
    if folder := next((f for f in folders if f in _TEST_DIRS), None):
        return Purpose("test", f"code under a {folder}/ folder")
    if folder := next((f for f in folders if f in _DOCS_DIRS), None):
        return Purpose("docs", f"file under a {folder}/ folder")
    if lower.endswith(_CONFIG_SUFFIXES):
        return Purpose("config", "settings file by its extension")
    if language is PLAIN_TEXT:
        return Purpose("data", "text in no recognised language")
    return Purpose("source", f"{language.name} code")
