"""The repository model: what every page renders, and nothing Sphinx-specific.

The model is built once per build in the main process (``read.build_model``), saved
beside the doctrees for the next build to reuse (``model_cache``; never on the
environment, which every ``-j`` worker pickles back), and only read while pages are
read.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

from .extract.base import Extraction
from .pickling import pickled_by_values

FileKind = Literal["text", "binary", "symlink", "submodule", "unreadable"]


@pickled_by_values
@dataclass(frozen=True, slots=True)
class RepoFile:
    """One documented file and the facts its page shows."""

    path: str
    kind: FileKind
    size: int
    digest: str
    language: str
    lexer: str
    purpose: str
    purpose_reason: str
    #: Python codec that decodes the file (text only).
    codec: str | None = None
    #: Encoding as told to readers, e.g. "UTF-8" or "binary (NUL bytes)".
    encoding: str = ""
    lines: int | None = None
    newlines: str | None = None
    #: Symbolic links: the repo-relative target, or "" when it leads outside the repository.
    link_target: str | None = None
    #: Why the file could not be read, when it could not.
    error: str | None = None
    #: Why the language is not the one its name gives (a C++ ``.h``), or "".
    language_reason: str = ""
    #: The git attributes that decide purpose, language or encoding (name, value).
    attributes: tuple[tuple[str, str], ...] = ()
    #: Submodules: the commit the checkout records.
    submodule_commit: str | None = None

    @property
    def name(self) -> str:
        return self.path.rpartition("/")[2]

    @property
    def folder(self) -> str:
        return self.path.rpartition("/")[0]

    @property
    def extension(self) -> str:
        name = self.name
        dot = name.rfind(".")
        return name[dot:] if dot > 0 else ""


@pickled_by_values
@dataclass(frozen=True, slots=True)
class RepoFolder:
    """One documented folder: kept children by name, sorted, and its README if any."""

    path: str
    folders: tuple[str, ...]
    files: tuple[str, ...]
    readme: str | None = None
    error: str | None = None

    @property
    def name(self) -> str:
        return self.path.rpartition("/")[2]

    @property
    def parent(self) -> str | None:
        return None if not self.path else self.path.rpartition("/")[0]


@dataclass(slots=True)
class RepoModel:
    """Every documented file and folder of one repository."""

    root: str
    name: str
    files: dict[str, RepoFile] = field(default_factory=dict)
    folders: dict[str, RepoFolder] = field(default_factory=dict)
    #: What extraction found, for text files where an extractor ran.
    extractions: dict[str, Extraction] = field(default_factory=dict)
    #: Version of the code that built the model: a cache made by another is not reused.
    made_by: str = ""
    #: (size, mtime_ns) of each file when it was read: the next build's cache key.
    stat_keys: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: What the scan left out, by reason, as repo-relative paths (folders end in "/").
    skipped: dict[str, list[str]] = field(default_factory=dict)
    #: The path settings (Python paths, include folders) the headers' languages were
    #: decided with, and the headers kept C for their content (C++ reads them worse,
    #: or they say ``extern "C"``), by content hash
    #: (``header_languages``).
    header_settings: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    kept_c: dict[str, str] = field(default_factory=dict)


def model_fingerprint(model: RepoModel) -> str:
    """A digest of which files a model holds, at which content."""
    digest = hashlib.sha256()
    for path, file in sorted(model.files.items()):
        digest.update(f"{path}\0{file.digest}\0".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()
