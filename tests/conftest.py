"""Shared fixtures: small repositories written by the tests, and Sphinx builds of them."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinx_repodocs.site import urls

pytest_plugins = ["sphinx.testing.fixtures"]

PREFIX = "_repodocs"

RST_CONF = """\
extensions = ["sphinx_repodocs"]
project = "demo"
repodocs_root = ".."
repodocs_title = "demo repository"
exclude_patterns = ["_build"]
"""

MYST_CONF = """\
extensions = ["myst_parser", "sphinx_repodocs"]
project = "demo"
repodocs_root = ".."
repodocs_title = "demo repository"
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
"""

RST_INDEX = """\
Demo
====

The :doc:`repository <_repodocs/index>` has a page per file.

.. toctree::

   _repodocs/index
"""

MYST_INDEX = """\
# Demo

The {doc}`repository <_repodocs/index>` has a page per file.

```{toctree}
_repodocs/index
```
"""

#: A small repository: sources, tests, docs, and entries the scan must leave out.
BASIC_REPO: dict[str, str | bytes] = {
    "README.md": "# Demo\n\nA demo repository.\n",
    "pyproject.toml": '[project]\nname = "demo"\n',
    ".gitignore": "*.log\nbuild/\n",
    "src/pkg/__init__.py": "",
    "src/pkg/core.py": 'def answer():\n    """The answer."""\n    return 42\n',
    "src/pkg/util.py": "import os\n\n\ndef cwd():\n    return os.getcwd()\n",
    "tests/test_core.py": (
        "from pkg.core import answer\n\n\ndef test_answer():\n    assert answer() == 42\n"
    ),
    "docs/conf.py": RST_CONF,
    "docs/index.rst": RST_INDEX,
    # Left out:
    "debug.log": "gitignored\n",
    "build/out.txt": "gitignored folder\n",
    ".env": "TOKEN=planted-secret-token\n",
    "deploy/id_rsa": "-----BEGIN OPENSSH PRIVATE KEY-----\n",
    ".git/HEAD": "ref: refs/heads/main\n",
    ".venv/pyvenv.cfg": "home = /usr/bin\n",
    ".venv/lib/site.py": "x = 1\n",
    "node_modules/left/index.js": "module.exports = 1;\n",
    "src/pkg/__pycache__/core.cpython-311.pyc": b"\x00\x01",
}

#: What BASIC_REPO must document (files) besides its folders.
BASIC_DOCUMENTED_FILES = {
    "README.md",
    "pyproject.toml",
    ".gitignore",
    "src/pkg/__init__.py",
    "src/pkg/core.py",
    "src/pkg/util.py",
    "tests/test_core.py",
    "docs/conf.py",
    "docs/index.rst",
}
BASIC_DOCUMENTED_FOLDERS = {"", "src", "src/pkg", "tests", "docs"}


def require_grammar(lexer: str) -> None:
    """Skip without the languages extra, unless the run says the extra is required."""
    from sphinx_repodocs.core.extract import treesitter

    if not treesitter.available(lexer):
        module = treesitter.GRAMMARS[lexer][0]
        if os.environ.get("REPODOCS_REQUIRE_LANGUAGES"):
            pytest.fail(f"the languages extra is required but {module} is missing")
        pytest.skip(f"the languages extra is not installed ({module})")


def write_tree(root: Path, files: Mapping[str, str | bytes]) -> Path:
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    return root


@pytest.fixture
def repo_factory(tmp_path: Path) -> Callable[..., Path]:
    """Write a repository (with its Sphinx project under docs/) and return the srcdir."""

    def make(files: Mapping[str, str | bytes] = BASIC_REPO, name: str = "repo") -> Path:
        root = write_tree(tmp_path / name, files)
        return root / "docs"

    return make


class Builds:
    """Runs real Sphinx builds of a project, one after another."""

    def __call__(
        self,
        srcdir: Path,
        buildername: str = "html",
        *,
        builddir: Path | None = None,
        parallel: int = 0,
        freshenv: bool = False,
        confoverrides: dict[str, object] | None = None,
        record: list[str] | None = None,
        verbosity: int = 0,
        handlers: Sequence[tuple[str, Callable[..., object], int]] = (),
    ) -> SphinxTestApp:
        app = SphinxTestApp(
            buildername,
            srcdir=srcdir,
            builddir=builddir,
            parallel=parallel,
            freshenv=freshenv,
            confoverrides=confoverrides,
            verbosity=verbosity,
        )
        try:
            if record is not None:
                app.connect(
                    "env-before-read-docs", lambda _app, _env, docnames: record.extend(docnames)
                )
            for event, handler, priority in handlers:  # (event, callback, priority)
                app.connect(event, handler, priority=priority)
            app.build()
        finally:
            # Undo docutils' global registrations before the next app is made.
            app.cleanup()
        return app


@pytest.fixture
def build() -> Builds:
    return Builds()


@pytest.fixture
def fixed_build_date(monkeypatch: pytest.MonkeyPatch) -> str:
    """Builds compared byte for byte tell the same build date outside git, even
    across midnight (``SOURCE_DATE_EPOCH``, 2026-01-01)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    return "2026-01-01"


def warnings_of(app: SphinxTestApp) -> str:
    return app.warning.getvalue()  # type: ignore[attr-defined, no-any-return]


def generated_docnames(app: SphinxTestApp) -> set[str]:
    """File and folder pages (keyword index pages are tested on their own)."""
    return {
        docname
        for docname in app.env.found_docs
        if docname.startswith(PREFIX + "/") and f"/{urls.KEYWORDS_SEGMENT}/" not in docname
    }


def expected_docnames(files: set[str], folders: set[str]) -> set[str]:
    return {urls.file_docname(PREFIX, path) for path in files} | {
        urls.folder_docname(PREFIX, path) for path in folders
    }


def html_of(app: SphinxTestApp, docname: str) -> str:
    return (Path(app.outdir) / f"{docname}.html").read_text(encoding="utf-8")


def file_page_html(app: SphinxTestApp, path: str) -> str:
    return html_of(app, urls.file_docname(PREFIX, path))


#: Every output file but Sphinx's build-info stamp (it holds a hash of the configuration
#: and is the same anyway): what determinism tests compare.
EVERY_OUTPUT = (".html", ".inv", ".js", ".css", ".txt", ".png", ".svg")


def output_files(outdir: Path, suffixes: tuple[str, ...] = (".html", ".inv")) -> dict[str, bytes]:
    """Relative path -> bytes of every output file with one of *suffixes*."""
    result = {}
    for dirpath, _dirs, filenames in os.walk(outdir):
        for filename in filenames:
            if filename.endswith(suffixes):
                path = Path(dirpath, filename)
                result[path.relative_to(outdir).as_posix()] = path.read_bytes()
    return result


def copy_repo(source_root: Path, target_root: Path) -> Path:
    """Copy a repository without its build output and generated pages."""
    shutil.copytree(
        source_root,
        target_root,
        symlinks=True,
        ignore=shutil.ignore_patterns("_build", PREFIX),
    )
    return target_root
