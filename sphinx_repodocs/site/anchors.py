"""Where a link to a definition goes: its page and anchor, and what its title says."""

from __future__ import annotations

from ..core.extract.base import Extraction
from ..core.references import Target
from ..core.symbols import primary_definitions
from .urls import line_anchor, symbol_anchor


def target_anchor(target: Target) -> str:
    """The anchor of *target* on its page: its qualified name where that is an anchor,
    else its line's; "" for a file."""
    if not target.qualname:
        return ""
    anchor = symbol_anchor(target.path, target.qualname) if target.primary else None
    return anchor or line_anchor(target.line)


def target_title(target: Target) -> str:
    """``class Context · src/click/core.py:208``; a file's path."""
    if not target.qualname:
        return target.path
    return f"{target.kind} {target.qualname} · {target.path}:{target.line}"


def listing_anchors(path: str, extraction: Extraction | None) -> dict[int, list[str]]:
    """Line -> the symbol anchors the listing of *path* carries there: each qualified
    name once, at the definition links go to (``primary_definitions``)."""
    found: dict[int, list[str]] = {}
    symbols = extraction.symbols if extraction is not None else ()
    for symbol in primary_definitions(symbols).values():
        anchor = symbol_anchor(path, symbol.qualname)
        if anchor is not None:
            found.setdefault(symbol.line, []).append(anchor)
    return found
