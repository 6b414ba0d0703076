"""The fallback for languages without a parser of ours: Pygments' tokens.

Pygments (a Sphinx dependency) marks names in definitions as ``Name.Class`` and
``Name.Function``; the list is as good as the lexer, and the page says so.
"""

from __future__ import annotations

from pygments.lexers import get_lexer_by_name
from pygments.token import Comment, Name
from pygments.util import ClassNotFound

from ..fast_lexing import faster
from ..phrases import P_
from .base import Extraction, Import, Symbol, SymbolKind

METHOD = P_("Pygments tokens (approximate: no parser for this language)")

_KINDS: dict[object, SymbolKind] = {
    Name.Class: "class",
    Name.Function: "function",
    Name.Namespace: "namespace",
}

#: Lexing is linear but slow; more text than this is not listed.
MAX_CHARS = 2_000_000


def extract_tokens(text: str, lexer_alias: str) -> Extraction:
    if not text or len(text) > MAX_CHARS:
        return Extraction(method=METHOD)
    try:
        lexer = get_lexer_by_name(lexer_alias, stripnl=False, ensurenl=False)
    except ClassNotFound:
        return Extraction(method=METHOD)
    symbols: list[Symbol] = []
    imports: list[Import] = []
    line = 1
    seen: set[tuple[str, int]] = set()
    for token_type, value in faster(lexer).get_tokens(text):
        kind = _KINDS.get(token_type)
        name = value.strip()
        if kind is not None and name and (name, line) not in seen:
            seen.add((name, line))
            symbols.append(Symbol(kind=kind, name=name, qualname=name, line=line))
        elif token_type is Comment.PreprocFile and name:
            # Kept as written, delimiters included: "local.h" versus <system.h>.
            imports.append(Import(module=name, line=line))
        line += value.count("\n")
    return Extraction(method=METHOD, symbols=tuple(symbols), imports=tuple(imports))
