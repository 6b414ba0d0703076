"""Extractors: one per language family, chosen by the file's Pygments lexer. Pure."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from .base import NOTHING, Extraction
from .cmake import extract_cmake
from .comments import leading_comment
from .data import extract_json, extract_make, extract_toml
from .prose import extract_markdown, extract_rst
from .python import extract_python
from .tokens import extract_tokens
from .treesitter import GRAMMARS, extract_treesitter
from .yaml_data import extract_yaml

Extractor = Callable[[str, str], Extraction]

#: Pygments lexer alias -> extractor.
EXTRACTORS: dict[str, Extractor] = {
    "python": extract_python,
    "markdown": extract_markdown,
    "restructuredtext": extract_rst,
    "toml": extract_toml,
    "json": extract_json,
    "yaml": extract_yaml,
    "make": extract_make,
    "cmake": extract_cmake,
}

#: Lexers of text with no names worth listing.
_NO_NAMES = frozenset({"text", "output", "ini", "diff", "csv"})


def extract(text: str, path: str, lexer: str) -> Extraction:
    """Symbols and imports of one file; never raises on any text."""
    if lexer in _NO_NAMES:
        return NOTHING
    if extractor := EXTRACTORS.get(lexer):
        found = extractor(text, path)
    elif lexer in GRAMMARS and (parsed := extract_treesitter(text, lexer)) is not None:
        found = parsed
    else:
        found = extract_tokens(text, lexer)
    if found.method and not found.summary and (summary := leading_comment(text, lexer)):
        found = dataclasses.replace(found, summary=summary)
    return found


def reads_path(lexer: str) -> bool:
    """Whether what :func:`extract` finds for *lexer* may depend on the file's path as
    well as its text (a README's references, a parse error's file name)."""
    return lexer in EXTRACTORS


__all__ = ["EXTRACTORS", "Extraction", "extract", "reads_path"]
