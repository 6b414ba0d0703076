"""The doc comment above a definition, as its summary: Doxygen's ``///`` and ``/** */``
(C, C++, CUDA), Rust's ``///``, Javadoc, JSDoc and TSDoc ``/** */``, and Go's plain
``//`` lines (Go's convention: the comment right above a declaration documents it).

Only a comment right above the definition counts, after its attributes, annotations,
decorators and template line; a blank line, or any other line, between them means
the comment is not the definition's. Plain ``//`` and ``/* */`` comments are not doc
comments outside Go. ``//!`` and ``/*!`` document the enclosing item (Rust), so never
the definition below them. The summary is the comment's first sentence.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from .base import Symbol
from .comments import block_opening
from .docstring_text import first_sentence, plain_text

#: Lines between a doc comment and the name it documents.
_PREFIX_LINE = re.compile(
    r"^\s*(?:#\[.*\]|@[A-Za-z_][\w.]*(?:\(.*\))?|template\s*<.*>|export\s*|"
    r"(?:static|inline|extern|virtual|constexpr|public|private|protected|pub(?:\(\w+\))?|"
    r"async|unsafe|const|__global__|__device__|__host__)(?:\s+\w[\w:<>,*& ]*)?)\s*$"
)
_TAG_LINE = re.compile(r"^[@\\](?!brief\b)\w+")
_BRIEF = re.compile(r"^[@\\]brief\s+")
#: Attribute, annotation and template lines allowed between a comment and its name.
_MAX_PREFIX_LINES = 4
#: Longest summary kept, in characters.
_MAX = 300
_GO = frozenset({"go"})
_BLOCK_DOCS = frozenset({"c", "cpp", "cuda", "java", "javascript", "jsx", "typescript", "tsx"})
_TRIPLE_SLASH = frozenset({"c", "cpp", "cuda", "rust"})


def with_doc_comments(symbols: Sequence[Symbol], text: str, lexer: str) -> list[Symbol]:
    """*symbols* with the summary of the doc comment above each, where there is one."""
    if lexer not in _GO | _BLOCK_DOCS | _TRIPLE_SLASH:
        return list(symbols)
    lines = text.split("\n")
    result = []
    for symbol in symbols:
        summary = "" if symbol.summary else _summary(lines, symbol.line - 1, lexer)
        result.append(dataclasses.replace(symbol, summary=summary) if summary else symbol)
    return result


def _summary(lines: list[str], index: int, lexer: str) -> str:
    """The first sentence of the doc comment above line *index* (0-based)."""
    above = index - 1
    for _skipped in range(_MAX_PREFIX_LINES + 1):
        if above < 0:
            return ""
        line = lines[above].lstrip()
        if line[:1] in ("/", "*"):  # a comment's last line: the common case is fast
            body = _comment_above(lines, above, lexer)
            return _first_sentence(body) if body else ""
        if not line or (line[:1] == "#" and not line.startswith("#[")):
            return ""  # a blank line or a preprocessor line: no comment of this name's
        if not _PREFIX_LINE.match(line):
            return ""
        above -= 1
    return ""


def _comment_above(lines: list[str], last: int, lexer: str) -> list[str]:
    stripped = lines[last].strip()
    if stripped.endswith("*/") and lexer in _BLOCK_DOCS | _GO:
        first = last
        while first >= 0 and "/*" not in lines[first]:
            first -= 1
        if first < 0:
            return []
        opening = lines[first].strip()
        if lexer not in _GO and not (opening.startswith("/**") and not opening.startswith("/**/")):
            return []
        block = [line.strip() for line in lines[first : last + 1]]
        block[0] = block_opening(block[0])
        block[-1] = block[-1].removesuffix("*/")
        return [line.lstrip("*").strip() for line in block]
    prefix = "//" if lexer in _GO else "///" if lexer in _TRIPLE_SLASH else None
    if prefix is None:
        return []
    comment: list[str] = []
    at = last
    while at >= 0:
        line = lines[at].strip()
        if not line.startswith(prefix) or line.startswith(("////", "//!")):
            break
        comment.append(line[len(prefix) :].strip())
        at -= 1
    return comment[::-1]


def _first_sentence(body: list[str]) -> str:
    """The first paragraph up to its first sentence's end, tags (``@param``) left out,
    ``@brief`` unwrapped."""
    paragraph: list[str] = []
    for line in body:
        if _TAG_LINE.match(line):
            break
        line = _BRIEF.sub("", line)
        if not line:
            if paragraph:
                break
            continue
        paragraph.append(line)
    return first_sentence(plain_text(" ".join(paragraph)))
