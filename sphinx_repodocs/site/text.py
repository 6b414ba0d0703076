"""Repository text as it may be written out."""

from __future__ import annotations


def shown(text: str) -> str:
    """*text* safe to write out: undecodable file-name bytes become U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
