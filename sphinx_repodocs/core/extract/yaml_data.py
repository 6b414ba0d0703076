"""YAML: the top-level keys of each document, and the entries of a document that is a
sequence, by their identifying key. Read from the text: no YAML library, no tag
constructed; whether it parses is told by the tree-sitter grammar when installed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..phrases import P_
from .base import Extraction, ParseProblem, Symbol
from .data import MAX_KEYS, key_symbol

YAML_METHOD = P_("top-level keys and sequence entries read from the text (nothing constructed)")

_YAML_KEY = re.compile(
    r"""^("(?:[^"\\]|\\.)*"|'[^']*'|[^\s#\-?:&*!|>'"%@`{}\[\],][^#:]*?)\s*:(?:\s|$)"""
)


#: Keys that name a sequence's entry, in order of preference.
IDENTIFYING_KEYS = ("name", "id", "tag", "key")
_YAML_ENTRY = re.compile(r"^-(?:\s+(.*))?$")
_YAML_DOCUMENT = re.compile(r"^(?:---|\.\.\.)(?:\s|$)")


def extract_yaml(text: str, path: str = "") -> Extraction:
    """Top-level keys of each document; a document that is a sequence lists its
    entries by their identifying key (``name``, ``id``, ``tag``, ``key``, else the
    first key with a plain value) or, for a list of scalars, by their value."""
    symbols: list[Symbol] = []
    lines = text.split("\n")
    documents = _yaml_documents(lines)
    for number, (start, end) in enumerate(documents, start=1):
        where = f"document {number}" if len(documents) > 1 else ""
        symbols.extend(_yaml_document(lines, start, end, where))
        if len(symbols) >= MAX_KEYS:
            break
    problem = _yaml_problem(text)
    if problem is not None and not symbols:
        return Extraction(method=YAML_METHOD, problem=problem)
    return Extraction(method=YAML_METHOD, symbols=tuple(symbols[:MAX_KEYS]), partial=problem)


def _yaml_documents(lines: list[str]) -> list[tuple[int, int]]:
    """(first, end) line indexes of each document between ``---``/``...`` markers."""
    bounds, start = [], 0
    for index, line in enumerate(lines):
        if _YAML_DOCUMENT.match(line):
            if any(_content(text_line) for text_line in lines[start:index]):
                bounds.append((start, index))
            start = index + 1
    if any(_content(text_line) for text_line in lines[start:]):
        bounds.append((start, len(lines)))
    return bounds


def _content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith(("#", "%"))


def _yaml_document(lines: list[str], start: int, end: int, where: str) -> Iterator[Symbol]:
    first = next((lines[i] for i in range(start, end) if _content(lines[i])), "")
    if not _YAML_ENTRY.match(first):
        for index in range(start, end):
            if (match := _YAML_KEY.match(lines[index])) and (
                key := _unquoted(match.group(1).strip())
            ):
                yield key_symbol(key, index + 1, where)
        return
    entries = [i for i in range(start, end) if _YAML_ENTRY.match(lines[i])]
    for position, index in enumerate(entries):
        stop = entries[position + 1] if position + 1 < len(entries) else end
        named = _entry_name(lines, index, stop)
        if named is not None:
            key, value = named
            detail = ", ".join(filter(None, (where, f"entry {position + 1}", key)))
            yield Symbol(kind="key", name=value, qualname=value, line=index + 1, detail=detail)


def _entry_name(lines: list[str], index: int, stop: int) -> tuple[str, str] | None:
    """(key, value) naming the sequence entry at *index*; ("", value) for a scalar."""
    entry = _YAML_ENTRY.match(lines[index])
    head = (entry.group(1) if entry else None) or ""
    pairs: list[tuple[str, str]] = []
    candidates = [head] + [
        line[2:]
        for line in lines[index + 1 : stop]
        if line.startswith("  ") and line[2:3] not in (" ", "")
    ]
    for candidate in candidates:
        if match := _YAML_KEY.match(candidate):
            value = candidate[match.end() :].split(" #", 1)[0].strip()
            pairs.append((_unquoted(match.group(1).strip()), _unquoted(value)))
    if not pairs:
        scalar = head.split(" #", 1)[0].strip()
        plain = scalar and scalar[0] not in "[{|>&*!" and not scalar.startswith("- ")
        value = _unquoted(scalar) if plain else ""
        return ("", value) if value.strip() else None
    for wanted in IDENTIFYING_KEYS:
        for key, value in pairs:
            if key == wanted and _plain(value):
                return key, value
    return next(((key, value) for key, value in pairs if _plain(value)), None)


def _plain(value: str) -> bool:
    return bool(value.strip()) and value[0] not in "[{|>&*!"


def _unquoted(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _yaml_problem(text: str) -> ParseProblem | None:
    """Where the YAML does not parse, when the tree-sitter grammar is installed (the
    ``languages`` extra); without it nothing is said either way."""
    from .treesitter import first_error

    line = first_error(text, "yaml")
    return ParseProblem(P_("the YAML does not parse"), line) if line is not None else None
