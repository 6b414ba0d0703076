"""C headers that only C++ includes, read as C++: a ``.h`` without a construct only C++
has (``cpp_headers``) is C by its name, but when every file of the repository that
includes it is C++ (or CUDA), it is compiled as C++ and its names are C++ names.

Precision first, a header stays C when:
- any file that is not C++ includes a header of its name that did not resolve to a
  file of the repository (an Objective-C file, a C file whose include folder was not
  found): it may be this one;
- it says it is written for C (``extern "C"``);
- the C++ grammar reads it with more trouble than the C grammar did (a K&R
  definition); remembered by content hash, so it is not parsed again until it changes.
The decision is made again, from the C reading, whenever a file or a path setting
changed (a header that a C file starts including goes back to C). Pure: reads the
repository's files, runs nothing.
"""

from __future__ import annotations

import dataclasses
import posixpath
from collections.abc import Sequence

from . import classify
from .cpp_headers import CPP, C
from .extract import Extraction, extract
from .imports import ImportGraph, build_graph
from .model import RepoFile, RepoModel
from .phrases import P_
from .purpose import purpose_for
from .read import HEAD_CHARS, read_text
from .test_evidence import with_test_evidence

#: The language reason of a header read as C++ for its includers.
INCLUDED_BY_CPP = P_("a .h file that only C++ files of the repository include")

_CPP_LEXERS = frozenset({"cpp", "cuda"})


def with_header_languages(
    model: RepoModel,
    python_paths: Sequence[str] = (),
    include_dirs: Sequence[str] = (),
    previous: RepoModel | None = None,
) -> ImportGraph:
    """Switch *model*'s headers (in place) to the language their includers give them;
    the import graph of the result. *previous* (the last build's model) tells which
    headers kept C for their content, unchanged since."""
    model.header_settings = (tuple(python_paths), tuple(include_dirs))
    graph = build_graph(model, python_paths, include_dirs)
    candidates = [path for path, file in model.files.items() if _decided_by_includers(file)]
    if not candidates:
        return graph
    known = previous.kept_c if previous is not None else {}
    kept_c = {
        path: digest
        for path, digest in known.items()
        if path in model.files and model.files[path].digest == digest
    }
    cpp = _decide(model, graph, candidates, kept_c)
    model.kept_c = kept_c
    switched = False
    for path in candidates:
        switched |= _read_as(model, path, *cpp.get(path, (C, None)))
    return build_graph(model, python_paths, include_dirs) if switched else graph


def _decide(
    model: RepoModel, graph: ImportGraph, candidates: list[str], kept_c: dict[str, str]
) -> dict[str, tuple[classify.Language, Extraction | None]]:
    """The candidates to read as C++, with their C++ extraction when one was made;
    records in *kept_c* those kept C for their content."""
    doubtful = _includes_not_resolved(model, graph)
    lexers = {path: file.lexer for path, file in model.files.items()}
    for path in candidates:
        lexers[path] = "c"  # decided afresh from the C reading, whatever was cached
    cpp: dict[str, tuple[classify.Language, Extraction | None]] = {}
    changed = True
    while changed:  # a header included only by headers that became C++, and so on
        changed = False
        for path in candidates:
            includers = {lexers[i.path] for i in graph.imported_by.get(path, ())}
            if (
                path in cpp
                or path in kept_c
                or not includers
                or not includers <= _CPP_LEXERS
                or posixpath.basename(path) in doubtful
            ):
                continue
            as_cpp, reading = _cpp_reading(model, path)
            if not as_cpp:
                kept_c[path] = model.files[path].digest
                continue
            cpp[path] = (CPP, reading)
            lexers[path] = "cpp"
            changed = True
    return cpp


def _cpp_reading(model: RepoModel, path: str) -> tuple[bool, Extraction | None]:
    """Whether a header qualified by its includers is read as C++, and its C++
    extraction (None to keep the one it has: C++ already, by an earlier build's
    decision on the same content)."""
    file = model.files[path]
    if file.lexer == "cpp":
        return True, None
    text = _text(model, file)
    if text is None or 'extern "C"' in text:
        return False, None
    extraction = extract(text, path, "cpp")
    return _trouble(extraction) <= _trouble(model.extractions.get(path)), extraction


def _includes_not_resolved(model: RepoModel, graph: ImportGraph) -> set[str]:
    """File names that files other than C++ include without the include resolving to
    a file of the repository: a header of that name might be what they include."""
    names: set[str] = set()
    for path, extraction in model.extractions.items():
        if model.files[path].lexer in _CPP_LEXERS:
            continue
        resolved = {d.line for d in graph.dependencies.get(path, ()) if d.status == "repo"}
        for statement in extraction.imports:
            written = statement.module
            if written[:1] in ('"', "<") and statement.line not in resolved:
                names.add(posixpath.basename(written.strip('"<> ')))
    return names


def _decided_by_includers(file: RepoFile) -> bool:
    """A text ``.h`` that is C by its name, or C++ by this module's earlier decision."""
    if file.kind != "text" or not file.path.endswith(".h"):
        return False
    return (file.lexer == "c" and not file.language_reason) or (
        file.language_reason == INCLUDED_BY_CPP
    )


def _read_as(
    model: RepoModel, path: str, language: classify.Language, extraction: Extraction | None
) -> bool:
    """Whether *path* changed language: now *language*, with *extraction* (made here
    when None and the language changed)."""
    file = model.files[path]
    if file.lexer == language.lexer:
        return False
    text = _text(model, file)
    if text is None:
        return False
    reason = INCLUDED_BY_CPP if language is CPP else ""
    if extraction is None:
        extraction = extract(text, path, language.lexer)
    if reason and extraction.method:
        method = P_(
            "{method}, as {language}: {reason}",
            method=extraction.method,
            language=language.name,
            reason=reason,
        )
        extraction = dataclasses.replace(extraction, method=method)
    purpose = purpose_for(
        path, language, is_text=True, head=text[:HEAD_CHARS], attributes=dict(file.attributes)
    )
    file = dataclasses.replace(
        file,
        language=language.name,
        lexer=language.lexer,
        language_reason=reason,
        purpose=purpose.name,
        purpose_reason=purpose.reason,
    )
    model.files[path] = with_test_evidence(file, extraction)
    if extraction.method:
        model.extractions[path] = extraction
    else:
        model.extractions.pop(path, None)
    return True


def _text(model: RepoModel, file: RepoFile) -> str | None:
    """The header's text, or None if it cannot be read now (gone since the scan)."""
    try:
        return read_text(model.root, file)[0]
    except OSError:
        return None


def _trouble(extraction: Extraction | None) -> int:
    """0 for a clean parse, 1 for a partial one, 2 for one that found nothing."""
    if extraction is None:
        return 0
    return 2 if extraction.problem else 1 if extraction.partial else 0
