"""C headers that only C++ includes, read as C++: a ``.h`` without a construct only C++
has (``cpp_headers``) is C by its name, but when every file of the repository that
includes it is C++ (or CUDA), it is compiled as C++ and its names are C++ names.

A header is switched only when the C++ grammar reads it with no more trouble than the
C grammar did (a C header using ``new`` or ``class`` as a name stays C), and the
decision is made again on every build from the C reading, so a header that a C file
starts including goes back to C. Pure: reads the repository's files, runs nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from .extract import Extraction, extract
from .imports import ImportGraph, build_graph
from .model import RepoFile, RepoModel
from .read import read_text
from .test_evidence import with_test_evidence

#: The language reason of a header read as C++ for its includers.
INCLUDED_BY_CPP = "a .h file that only C++ files of the repository include"

_CPP_LEXERS = frozenset({"cpp", "cuda"})
_C, _CPP = ("C", "c"), ("C++", "cpp")


def with_header_languages(
    model: RepoModel, python_paths: Sequence[str] = (), include_dirs: Sequence[str] = ()
) -> ImportGraph:
    """Switch *model*'s headers (in place) to the language their includers give them;
    the import graph of the result."""
    graph = build_graph(model, python_paths, include_dirs)
    candidates = [path for path, file in model.files.items() if _decided_by_includers(file)]
    if not candidates:
        return graph
    lexers = {path: file.lexer for path, file in model.files.items()}
    for path in candidates:
        lexers[path] = "c"  # decided afresh from the C reading, whatever was cached
    cpp: set[str] = set()
    changed = True
    while changed:  # a header included only by headers that became C++, and so on
        changed = False
        for path in candidates:
            includers = {lexers[i.path] for i in graph.imported_by.get(path, ())}
            if path not in cpp and includers and includers <= _CPP_LEXERS:
                cpp.add(path)
                lexers[path] = "cpp"
                changed = True
    switched = False
    for path in candidates:
        switched |= _read_as(model, path, _CPP if path in cpp else _C)
    return build_graph(model, python_paths, include_dirs) if switched else graph


def _decided_by_includers(file: RepoFile) -> bool:
    """A text ``.h`` that is C by its name, or C++ by this module's earlier decision."""
    if file.kind != "text" or not file.path.endswith(".h"):
        return False
    return (file.lexer == "c" and not file.language_reason) or (
        file.language_reason == INCLUDED_BY_CPP
    )


def _read_as(model: RepoModel, path: str, language: tuple[str, str]) -> bool:
    """Whether *path* changed language: extracted again as *language* (C++ kept only
    when its parse has no more trouble than C's)."""
    file = model.files[path]
    name, lexer = language
    if file.lexer == lexer:
        return False
    text, _cut = read_text(model.root, file)
    reason = INCLUDED_BY_CPP if lexer == "cpp" else ""
    extraction = extract(text.removeprefix("\ufeff"), path, lexer)
    if lexer == "cpp":
        current = model.extractions.get(path)
        if _trouble(extraction) > _trouble(current):
            return False
        extraction = dataclasses.replace(
            extraction, method=f"{extraction.method}, as {name}: {reason}"
        )
    file = dataclasses.replace(file, language=name, lexer=lexer, language_reason=reason)
    model.files[path] = with_test_evidence(file, extraction)
    if extraction.method:
        model.extractions[path] = extraction
    else:
        model.extractions.pop(path, None)
    return True


def _trouble(extraction: Extraction | None) -> int:
    """0 for a clean parse, 1 for a partial one, 2 for one that found nothing."""
    if extraction is None:
        return 0
    return 2 if extraction.problem else 1 if extraction.partial else 0
