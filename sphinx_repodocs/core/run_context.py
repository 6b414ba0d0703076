"""What a printed command depends on beyond the file itself: for Python, whether the
repository is configured for pytest, whether a test file imports from the repository
root under its dotted name, whether a ``conftest.py`` keeps it from collection; for
Rust, Go, JavaScript and C, the target, package, runner or CTest tests
(``cargo_tests``, ``go_tests``, ``js_tests``, ``ctest``). Pure: reads the model and a
few small settings files, each once.
"""

from __future__ import annotations

import ast
import functools
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from .cargo import Package
from .cargo_tests import CargoTarget, repository_packages, test_target
from .ctest import CTestCase, ctest_cases
from .declarations import C_FAMILY_LEXERS
from .extract.base import Extraction
from .go_tests import GoPackage, go_package
from .imports import ImportGraph
from .imports_js import read_manifest
from .js_tests import JsTestTarget, js_test_target
from .model import RepoFile, RepoModel
from .read import read_text

#: Files whose presence configures pytest wherever it runs from the root (pytest 9
#: reads ``pytest.toml`` and ``.pytest.toml``).
_PYTEST_FILES = ("pytest.ini", "pytest.toml", ".pytest.toml", "conftest.py")
#: (file, the section that configures pytest in it).
_PYTEST_SECTIONS = (
    ("pyproject.toml", re.compile(r"^\[tool\.pytest\.ini_options\]", re.MULTILINE)),
    ("setup.cfg", re.compile(r"^\[tool:pytest\]", re.MULTILINE)),
    ("tox.ini", re.compile(r"^\[pytest\]", re.MULTILINE)),
)


@dataclass(frozen=True, slots=True)
class RunContext:
    """The repository facts a file's commands need."""

    #: The repository configures pytest: pytest forms come first.
    pytest_configured: bool = False
    #: ``python -m unittest a.b.test_x`` imports this file: it is at the root, or every
    #: folder on the way is a regular package (has ``__init__.py``).
    importable: bool = True
    #: ``python path/to/file.py`` finds what the file imports: it is at the root, or it
    #: imports no package or module that only the root (not its own folder) holds.
    runs_by_path: bool = True
    #: A package the file imports that lives under ``src/``: importable only once the
    #: project is installed ("" when none).
    installed_package: str = ""
    #: Rust: the Cargo target that builds the file's tests (None: not certain).
    cargo: CargoTarget | None = None
    #: JavaScript and TypeScript: the runner that runs the file (None: not certain).
    js: JsTestTarget | None = None
    #: pytest collects the file: no ``conftest.py`` lists it in ``collect_ignore``.
    collected: bool = True
    #: Go: the module and package of a test file (None: not in a module).
    go: GoPackage | None = None
    #: C and C++: the CTest tests that run the program the file is built into.
    ctest: tuple[CTestCase, ...] = ()


#: The context of a file that gets no test commands.
NO_CONTEXT = RunContext()

#: Largest settings file read for its pytest section.
SETTINGS_LIMIT = 1 << 20

#: Reads a small settings file's text, or None.
ReadSettings = Callable[[RepoFile], "str | None"]


def pytest_configured(files: Mapping[str, RepoFile], read: ReadSettings) -> bool:
    """Whether the repository root (or any folder, for ``conftest.py``) configures pytest."""
    if any(name in files for name in _PYTEST_FILES):
        return True
    if any(path.endswith("/conftest.py") for path in files):
        return True
    for name, section in _PYTEST_SECTIONS:
        if name in files and (text := read(files[name])) is not None and section.search(text):
            return True
    return False


def importable(path: str, files: Mapping[str, RepoFile]) -> bool:
    """Whether *path*'s dotted name imports this file when run from the root."""
    # The root is first on sys.path with ``python -m``, so a regular package there wins;
    # a namespace package (no __init__.py) loses to any module of its name anywhere on
    # sys.path: the standard library's ``test`` hides a repository's ``test/`` folder.
    folders = path.split("/")[:-1]
    return all(
        "/".join(folders[: depth + 1]) + "/__init__.py" in files for depth in range(len(folders))
    )


#: Lexers whose test files may have a JavaScript runner.
JS_LEXERS = frozenset({"javascript", "typescript", "jsx", "tsx"})


class RepositoryRunFacts:
    """What commands depend on across the repository, each found once, when asked."""

    def __init__(self, model: RepoModel):
        self.model = model

    @functools.cached_property
    def pytest_configured(self) -> bool:
        return pytest_configured(self.model.files, settings_reader(self.model.root))

    @functools.cached_property
    def collect_ignored(self) -> tuple[str, ...]:
        """Paths (files, folders) conftest.py files keep pytest from collecting."""
        return collect_ignored(self.model.files, settings_reader(self.model.root))

    @functools.cached_property
    def cargo_packages(self) -> tuple[dict[str, Package], frozenset[str]]:
        return repository_packages(self.model)

    @functools.cached_property
    def ctest_cases(self) -> dict[str, tuple[CTestCase, ...]]:
        return ctest_cases(self.model.root, self.model.files)

    @functools.cache  # noqa: B019 (one instance per view builder, as long-lived)
    def manifest(self, folder: str) -> dict[str, Any] | None:
        """A folder's ``package.json``, read once."""
        return read_manifest(self.model.root, self.model.files, folder)


def file_run_context(
    file: RepoFile, model: RepoModel, graph: ImportGraph, facts: RepositoryRunFacts
) -> RunContext:
    """The context of any file's commands (Python, Rust, Go, JavaScript, TypeScript,
    C and C++ through CTest)."""
    extraction = model.extractions.get(file.path)
    if file.lexer in C_FAMILY_LEXERS and (cases := facts.ctest_cases.get(file.path)):
        return RunContext(ctest=cases)
    if extraction is None:
        return NO_CONTEXT
    if file.lexer == "rust" and extraction.running is not None:
        target = test_target(file.path, facts.cargo_packages, graph)
        return RunContext(cargo=target) if target else NO_CONTEXT
    if file.lexer == "go" and extraction.running is not None:
        package = go_package(file.path, model.files)
        return RunContext(go=package) if package else NO_CONTEXT
    if file.lexer in JS_LEXERS:
        read = settings_reader(model.root)
        found = js_test_target(file, extraction, model.files, facts.manifest, lambda: read(file))
        return RunContext(js=found) if found else NO_CONTEXT
    context = run_context(file, model.files, facts.pytest_configured, extraction)
    if context is not NO_CONTEXT and _under(file.path, facts.collect_ignored):
        return replace(context, collected=False)
    return context


def _under(path: str, ignored: tuple[str, ...]) -> bool:
    return any(path == entry or path.startswith(entry + "/") for entry in ignored)


def collect_ignored(files: Mapping[str, RepoFile], read: ReadSettings) -> tuple[str, ...]:
    """The paths that ``collect_ignore = [...]`` lists of literal strings in each
    ``conftest.py`` name, from the repository root."""
    found: list[str] = []
    for path, file in files.items():
        if path.rpartition("/")[2] != "conftest.py" or (text := read(file)) is None:
            continue
        try:
            tree = ast.parse(text)
        except (SyntaxError, ValueError, RecursionError):
            continue
        folder = posixpath.dirname(path)
        for statement in tree.body:
            if not isinstance(statement, ast.Assign) or not isinstance(
                statement.value, (ast.List, ast.Tuple)
            ):
                continue
            if any(isinstance(t, ast.Name) and t.id == "collect_ignore" for t in statement.targets):
                found.extend(
                    posixpath.normpath(posixpath.join(folder, item.value))
                    for item in statement.value.elts
                    if isinstance(item, ast.Constant) and isinstance(item.value, str)
                )
    return tuple(sorted(found))


def run_context(
    file: RepoFile,
    files: Mapping[str, RepoFile],
    configured: bool,
    extraction: Extraction | None,
) -> RunContext:
    """The context of *file*'s commands; the default for files that get none, so a
    settings change never touches their pages."""
    running = extraction.running if extraction is not None else None
    if file.lexer != "python" or running is None:
        return NO_CONTEXT
    return RunContext(
        pytest_configured=configured and file.purpose == "test",
        importable=importable(file.path, files),
        runs_by_path=runs_by_path(file.path, extraction, files),
        installed_package=src_package(extraction, files),
    )


def src_package(extraction: Extraction | None, files: Mapping[str, RepoFile]) -> str:
    """The first package the file imports that is under ``src/`` and not at the root, in
    a project that pip can install (a ``pyproject.toml`` or ``setup.py`` at the root)."""
    if extraction is None or not ("pyproject.toml" in files or "setup.py" in files):
        return ""
    for statement in extraction.imports:
        top = statement.module.partition(".")[0]
        if statement.level or not top:
            continue
        if f"src/{top}/__init__.py" in files and f"{top}/__init__.py" not in files:
            return top
    return ""


def runs_by_path(path: str, extraction: Extraction | None, files: Mapping[str, RepoFile]) -> bool:
    """Run by path, Python puts the file's own folder first on ``sys.path``, not the
    root: an import of a root package (``import serial`` from ``test/``) then fails."""
    folder = path.rpartition("/")[0]
    if not folder or extraction is None:
        return True
    for statement in extraction.imports:
        if statement.level:
            continue
        top = statement.module.partition(".")[0]
        at_root = f"{top}/__init__.py" in files or f"{top}.py" in files
        beside = f"{folder}/{top}/__init__.py" in files or f"{folder}/{top}.py" in files
        if at_root and not beside:
            return False
    return True


def settings_reader(root: str) -> ReadSettings:
    """Reads a settings file of the repository at *root* (text, at most SETTINGS_LIMIT)."""

    def read(file: RepoFile) -> str | None:
        if file.kind != "text" or file.size > SETTINGS_LIMIT:
            return None
        try:
            return read_text(root, file)[0]
        except OSError:
            return None

    return read
