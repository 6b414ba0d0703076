"""Read every file the scan kept, once: a :class:`~sphinx_repodocs.core.model.RepoModel`.

Each file is read, decoded, classified and extracted in one pass, in a pool of
processes under ``-j``. Pure: reads bytes, never executes or imports repository content.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import multiprocessing
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata
from typing import Any

from .. import __version__
from . import classify
from .cpp_headers import cpp_header
from .extract import Extraction, extract, reads_path
from .extract.markup import README_NAMES
from .extract.treesitter import GRAMMARS
from .model import FileKind, RepoFile, RepoFolder, RepoModel
from .phrases import P_
from .purpose import Purpose, purpose_for
from .scan import FoundFile, ScanResult
from .test_evidence import with_test_evidence

#: Bump when what is read from a file changes (extractors, facts, classification): a
#: cached model made by other code is then not reused, even within one release.
MODEL_FORMAT = 30


def _grammar_versions() -> str:
    """The installed tree-sitter and grammar distributions with their versions: a model
    read without a grammar (token names) is not reused once it is installed."""
    found = []
    for module in ("tree_sitter", *sorted({spec[0] for spec in GRAMMARS.values()})):
        try:
            found.append(f"{module}={metadata.version(module.replace('_', '-'))}")
        except metadata.PackageNotFoundError:
            continue
    return ",".join(found)


MADE_BY = f"{__version__}/{MODEL_FORMAT}/{_grammar_versions()}"

#: Lines of a text file that purpose detection looks at for generator markers.
HEAD_CHARS = 2000


@dataclass(frozen=True, slots=True)
class ReadFile:
    """One file read (not taken from the cache), as the progress display sees it."""

    entry: FoundFile
    file: RepoFile
    extraction: Extraction | None
    #: The content hash is unchanged: the previous build's extraction still holds.
    reused: bool

    @property
    def path(self) -> str:
        return self.entry.path


#: With ``jobs`` > 1, files are read in a pool of processes when at least this many
#: must be read (below it, starting the pool costs more than it saves).
PARALLEL_MIN_FILES = 200


def build_model(
    root: str,
    found: ScanResult,
    progress: Callable[[Iterable[ReadFile], int], Iterable[ReadFile]] | None = None,
    previous: RepoModel | None = None,
    jobs: int = 1,
) -> RepoModel:
    """Describe every file the scan kept and index folders; *progress* may wrap the
    files as they are read; with *jobs* > 1 they are read by that many processes.

    With the *previous* build's model, a file whose size and mtime are unchanged is not
    read at all, and one whose content hash is unchanged is not parsed again.
    """
    root = os.path.realpath(root)
    model = RepoModel(
        root=root, name=os.path.basename(root) or root, skipped=found.skipped, made_by=MADE_BY
    )
    # getattr: a model pickled by an older release may lack fields added since.
    if previous is not None and (
        getattr(previous, "root", None) != root or getattr(previous, "made_by", None) != MADE_BY
    ):
        previous = None
    described: dict[str, tuple[RepoFile, Extraction | None]] = {}
    tasks: list[tuple[str, FoundFile, str | None]] = []
    for entry in found.files:
        known = previous.files.get(entry.path) if previous is not None else None
        if (
            known is not None
            and previous is not None
            and entry.stat_key is not None
            and previous.stat_keys.get(entry.path) == entry.stat_key
        ):
            described[entry.path] = (known, previous.extractions.get(entry.path))
        else:
            tasks.append((root, entry, known.digest if known is not None else None))
    read: Iterable[ReadFile] = _read_all(tasks, jobs)
    if progress is not None:
        read = progress(read, len(tasks))
    for result in read:
        file, extraction = result.file, result.extraction
        if result.reused and previous is not None:
            extraction = previous.extractions.get(result.path)
            file = with_test_evidence(_as_read(file, previous.files[result.path]), extraction)
        described[result.path] = (file, extraction)
    for entry in found.files:  # in walk order, whatever order the pool finished in
        file, extraction = described[entry.path]
        model.files[entry.path] = file
        if extraction is not None and extraction.method:
            model.extractions[entry.path] = extraction
        if entry.stat_key is not None:
            model.stat_keys[entry.path] = entry.stat_key
    for path, folder in found.folders.items():
        model.folders[path] = RepoFolder(
            path=path,
            folders=tuple(folder.folders),
            files=tuple(folder.files),
            readme=_pick_readme(path, folder.files),
            error=folder.error,
        )
    return model


def _as_read(file: RepoFile, known: RepoFile) -> RepoFile:
    """*file* in the language its unchanged content was extracted in before (a header
    read as C++ for its includers: ``header_languages`` decides again)."""
    return dataclasses.replace(
        file, language=known.language, lexer=known.lexer, language_reason=known.language_reason
    )


def _read_all(tasks: list[tuple[str, FoundFile, str | None]], jobs: int) -> Iterator[ReadFile]:
    """Read and extract each file, in a pool of *jobs* forked processes when worth it."""
    if (
        jobs < 2
        or len(tasks) < PARALLEL_MIN_FILES
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        # Identical files (vendored copies, one header per platform) are parsed once.
        yield from map(functools.partial(_read_one, extracted={}), tasks)
        return
    # fork: the workers need nothing but this module, and Sphinx itself forks its -j
    # workers the same way, so the host platform supports it wherever -j works.
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        yield from pool.imap(_read_one, tasks, chunksize=16)


#: What an extraction depends on: content hash, lexer, and the path for extractors
#: that read it.
ExtractionKey = tuple[str, str, str]


def _read_one(
    task: tuple[str, FoundFile, str | None],
    extracted: dict[ExtractionKey, Extraction] | None = None,
) -> ReadFile:
    """One file described and extracted; *extracted* holds the extractions made so
    far, by what they depend on, when identical files are to be parsed once."""
    root, entry, known_digest = task
    file, text = describe_file(root, entry)
    if text is None:
        return ReadFile(entry, file, None, reused=False)
    if known_digest == file.digest:
        return ReadFile(entry, file, None, reused=True)
    key = (file.digest, file.lexer, entry.path if reads_path(file.lexer) else "")
    extraction = extracted.get(key) if extracted is not None else None
    if extraction is None:
        extraction = extract(text.removeprefix("\ufeff"), entry.path, file.lexer)
        if extracted is not None:
            extracted[key] = extraction
    if file.language_reason and extraction.method:
        method = P_(
            "{method}, as {language}: {reason}",
            method=extraction.method,
            language=file.language,
            reason=file.language_reason,
        )
        extraction = dataclasses.replace(extraction, method=method)
    return ReadFile(entry, with_test_evidence(file, extraction), extraction, reused=False)


def _pick_readme(folder: str, names: Iterable[str]) -> str | None:
    by_lower = {name.lower(): name for name in sorted(names, reverse=True)}
    for candidate in README_NAMES:
        if name := by_lower.get(candidate):
            return f"{folder}/{name}" if folder else name
    return None


_LINK = classify.Language(P_("Symbolic link"), "text")
_SUBMODULE = classify.Language(P_("Git submodule"), "text")
#: What a file holding a private key shows instead of its content.
#: A PEM or PGP private key block: its BEGIN line at a line start, then (after any
#: header lines) a line of base64. A source file that only names the marker (a key
#: parser's constant) is not one.
_PRIVATE_KEY = re.compile(
    rb"^-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----\r?\n"
    rb"(?:[A-Za-z0-9-]+: [^\r\n]*\r?\n|\r?\n)*"
    rb"[A-Za-z0-9+/=]{40,}\r?$",
    re.MULTILINE,
)


def _entry_only(entry: FoundFile) -> RepoFile | None:
    """The record of a submodule or symbolic link: what the scan found, nothing read."""
    path = entry.path
    if entry.submodule_commit is not None:
        submodule = Purpose(P_("submodule"), P_("a commit of another repository"))
        digest = "submodule:" + entry.submodule_commit
        return _record(
            path, "submodule", 0, digest, _SUBMODULE, submodule,
            submodule_commit=entry.submodule_commit,
        )  # fmt: skip
    if entry.link_target is not None:
        link = Purpose(P_("data"), P_("a symbolic link; its target is not read"))
        digest = "link:" + entry.link_target
        return _record(
            path, "symlink", 0, digest, _LINK, link, link_target=entry.link_target
        )  # fmt: skip
    return None


def describe_file(root: str, entry: FoundFile) -> tuple[RepoFile, str | None]:
    """Read one file once: what its page shows, and its text (``\\n`` line ends) if any."""
    path = entry.path
    name = path.rpartition("/")[2]
    if (entry_only := _entry_only(entry)) is not None:
        return entry_only, None
    absolute = os.path.join(root, *path.split("/"))
    try:
        with open(absolute, "rb") as handle:
            data = handle.read()
    except OSError as error:
        unreadable = Purpose(P_("data"), P_("the file could not be read"))
        file = _record(
            path,
            "unreadable",
            _size_or_zero(absolute),
            "unreadable",
            classify.language_for(name),
            unreadable,
            error=error.strerror or str(error),
        )
        return file, None
    attributes = dict(entry.attributes)
    if _PRIVATE_KEY.search(data):
        return _withheld(entry, len(data)), None
    digest = hashlib.sha256(data).hexdigest()
    decoded = classify.decode(data, name, attributes)
    if decoded.text is None:
        language = classify.language_for(name, attributes=attributes)
        purpose = purpose_for(path, language, is_text=False, attributes=attributes)
        binary = _record(
            path,
            "binary",
            len(data),
            digest,
            language,
            purpose,
            encoding=decoded.label,
            attributes=entry.attributes,
        )
        return binary, None
    text, newlines = classify.normalise_newlines(decoded.text)
    head = text[:HEAD_CHARS]
    language, language_reason = _text_language(name, text, head, attributes)
    purpose = purpose_for(path, language, is_text=True, head=head, attributes=attributes)
    file = _record(
        path,
        "text",
        len(data),
        digest,
        language,
        purpose,
        codec=decoded.codec,
        encoding=decoded.label,
        lines=classify.count_lines(text),
        newlines=newlines,
        language_reason=language_reason,
        attributes=entry.attributes,
    )
    return file, text


def _withheld(entry: FoundFile, size: int) -> RepoFile:
    """A file holding a private key, whatever its name: its page never shows it."""
    return _record(
        entry.path,
        "unreadable",
        size,
        "withheld",
        classify.PLAIN_TEXT,
        Purpose(P_("secret"), P_("it holds a private key block")),
        error=P_("its content is withheld: it holds a private key"),
        attributes=entry.attributes,
    )


def _text_language(
    name: str, text: str, head: str, attributes: dict[str, str]
) -> tuple[classify.Language, str]:
    """A text file's language, and why when it is not the one its name gives."""
    first_line = head.partition("\n")[0]
    language = classify.language_for(name, first_line, attributes=attributes)
    if "linguist-language" in attributes and language != classify.language_for(name, first_line):
        return language, P_(".gitattributes gives its linguist-language")
    return cpp_header(name, language, text) or (language, "")


def _record(
    path: str,
    kind: FileKind,
    size: int,
    digest: str,
    language: classify.Language,
    purpose: Purpose,
    **details: Any,
) -> RepoFile:
    return RepoFile(
        path=path,
        kind=kind,
        size=size,
        digest=digest,
        language=language.name,
        lexer=language.lexer,
        purpose=purpose.name,
        purpose_reason=purpose.reason,
        **details,
    )


def _size_or_zero(path: str) -> int:
    try:
        return os.lstat(path).st_size
    except OSError:
        return 0


def read_text(root: str, file: RepoFile, limit: int | None = None) -> tuple[str, bool]:
    """The file's text with ``\\n`` line ends, cut at a line end to about *limit* bytes.

    Returns the text and whether it was cut.
    """
    assert file.codec is not None, "only text files have text"
    absolute = os.path.join(root, *file.path.split("/"))
    with open(absolute, "rb") as handle:
        data = handle.read()
    text, _ = classify.normalise_newlines(data.decode(file.codec, errors="replace"))
    text = text.removeprefix("\ufeff")
    if limit is None or len(data) <= limit:
        return text, False
    # Cut the decoded text, never the bytes: a byte cut can split a UTF-8 or UTF-16 unit.
    head = text[:limit]
    return head[: head.rfind("\n") + 1] or head, True
