"""What a printed command depends on beyond the file itself: whether the repository is
configured for pytest, and whether a test file imports from the repository root under
its dotted name. Pure: reads the model only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .model import RepoFile
from .read import read_text

#: Files whose presence configures pytest wherever it runs from the root.
_PYTEST_FILES = ("pytest.ini", "conftest.py")
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


def run_context(file: RepoFile, files: Mapping[str, RepoFile], configured: bool) -> RunContext:
    """The context of *file*'s commands; the default for files that get no test commands,
    so a settings change never touches their pages."""
    if file.lexer != "python" or file.purpose != "test":
        return NO_CONTEXT
    return RunContext(pytest_configured=configured, importable=importable(file.path, files))


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
