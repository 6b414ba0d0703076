"""Fuzzing the pure core: no bytes, text, file name or tree makes it raise.

Each test runs ``REPODOCS_FUZZ_EXAMPLES`` cases (default 40, so that the everyday suite
stays quick); ``tox -e slow`` runs thousands of each (README.rst, "Development").
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from sphinx_repodocs.core import classify
from sphinx_repodocs.core.extract import extract
from sphinx_repodocs.core.extract.treesitter import GRAMMARS
from sphinx_repodocs.core.imports import build_graph
from sphinx_repodocs.core.read import build_model, describe_file, read_text
from sphinx_repodocs.core.scan import FoundFile, ScanSettings, scan
from sphinx_repodocs.site import urls
from sphinx_repodocs.site.plan import plan_pages
from sphinx_repodocs.site.views import ViewBuilder, all_signatures

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("REPODOCS_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

#: Suffixes that pick each extractor and lexer we have.
SUFFIXES = (
    ".py",
    ".pyi",
    ".md",
    ".rst",
    ".txt",
    ".toml",
    ".json",
    ".yaml",
    ".yml",
    ".ini",
    ".cfg",
    ".c",
    ".h",
    ".cpp",
    ".cu",
    ".js",
    ".ts",
    ".go",
    ".rs",
    ".java",
    ".sh",
    ".html",
    ".xml",
    ".sql",
    "",
    ".lock",
    ".csv",
    ".css",
    ".mk",
)
SPECIAL_NAMES = (
    "Makefile",
    "Dockerfile",
    "README",
    "conf.py",
    "setup.py",
    "__init__.py",
    "__main__.py",
    "test_x.py",
    "x_test.go",
    ".gitignore",
    "CMakeLists.txt",
)

#: A path segment: any characters a file system takes (no "/" or NUL), at most 255 bytes.
segment = st.text(
    alphabet=st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)),
    min_size=1,
    max_size=40,
).filter(lambda name: name not in {".", ".."} and len(os.fsencode(name)) <= 200)
file_name = st.one_of(
    st.builds(lambda stem, suffix: stem + suffix, segment, st.sampled_from(SUFFIXES)),
    st.sampled_from(SPECIAL_NAMES),
)
contents = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=2000).map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.text(max_size=500).map(lambda text: text.encode("utf-16")),
    st.text(alphabet="()[]{}:=\n\t #\"'\\abcdefimportclass.,-*", max_size=1500).map(str.encode),
)


@contextmanager
def scratch() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="repodocs-fuzz-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@FUZZ
@given(name=file_name, data=contents)
def test_reading_any_file_never_raises(name, data):
    with scratch() as root:
        (root / name).write_bytes(data)
        file, text = describe_file(str(root), FoundFile(name))
        assert file.path == name
        if text is not None:
            extraction = extract(text, name, file.lexer)
            for symbol in extraction.symbols:
                assert 1 <= symbol.line <= max(1, text.count("\n") + 1), symbol
            shown, _cut = read_text(str(root), file, limit=500)
            assert "\r" not in shown


@FUZZ
@given(
    text=st.text(max_size=3000),
    lexer=st.sampled_from(
        sorted(
            {
                *GRAMMARS,
                "python",
                "markdown",
                "rst",
                "toml",
                "json",
                "yaml",
                "make",
                "cmake",
                "ini",
                "bash",
                "html",
                "text",
            }
        )
    ),
)
def test_extracting_any_text_never_raises(text, lexer):
    extraction = extract(text, "file", lexer)
    for symbol in extraction.symbols:
        assert symbol.name, symbol


@FUZZ
@given(
    tree=st.dictionaries(
        st.lists(segment, min_size=1, max_size=4).map("/".join),
        contents,
        min_size=1,
        max_size=12,
    )
)
def test_scanning_and_modelling_any_tree_never_raises(tree):
    with scratch() as root:
        written = set()
        for relative, data in tree.items():
            path = root / relative
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            except (FileExistsError, NotADirectoryError, IsADirectoryError):
                continue  # "a" as a file and "a/b": the tree cannot hold both
            written.add(relative)
        found = scan(ScanSettings(root=str(root)))
        model = build_model(str(root), found)
        kept = {entry.path for entry in found.files}
        assert set(model.files) == kept
        skipped = {path for paths in found.skipped.values() for path in paths}
        for relative in written:
            parts = relative.split("/")
            prefixes = {"/".join(parts[:n]) + "/" for n in range(1, len(parts))}
            assert relative in kept or relative in skipped or prefixes & skipped, relative
        views = ViewBuilder(model, "_r", None, 10_000, build_graph(model, (), ()))
        planned = plan_pages(model, "_r", views.keyword_buckets)
        signatures = all_signatures(views, planned)
        assert signatures.keys() == planned.keys()


@FUZZ
@given(names=st.lists(segment, min_size=2, max_size=20, unique=True))
def test_page_names_are_distinct_and_safe(names):
    encoded = [urls.encode_segment(name) for name in names]
    assert len(set(encoded)) == len(encoded)
    for name in encoded:
        assert set(name) <= set(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.~"
        )
        assert not name.startswith(".") and name not in {"index", "_sources"}


@FUZZ
@given(data=st.binary(max_size=3000), name=file_name)
def test_decoding_any_bytes_never_raises(data, name):
    decoded = classify.decode(data, name)
    if decoded.text is not None:
        text, _newlines = classify.normalise_newlines(decoded.text)
        assert "\r" not in text


def _valid_python() -> st.SearchStrategy[str]:
    """Syntactically valid Python from hypothesmith (the ``fuzz`` extra), when installed."""
    try:
        import hypothesmith
    except ImportError:
        return st.nothing()
    return hypothesmith.from_grammar()


@pytest.mark.filterwarnings("ignore::SyntaxWarning")  # hypothesmith compiles what it makes
@pytest.mark.skipif(
    importlib.util.find_spec("hypothesmith") is None
    and not os.environ.get("REPODOCS_REQUIRE_FUZZ"),
    reason="hypothesmith (the fuzz extra) is not installed",
)
# hypothesmith targets bigger syntax trees; hill-climbing on them costs more than the
# thousands of generated programs find.
@settings(FUZZ, phases=[phase for phase in Phase if phase is not Phase.target])
@given(source=_valid_python())
def test_extracting_any_valid_python_never_raises(source):
    extraction = extract(source, "module.py", "python")
    assert extraction.problem is None or "nested too deeply" in extraction.problem.message
