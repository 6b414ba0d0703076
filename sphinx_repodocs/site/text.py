"""Repository text as it may be written out."""

from __future__ import annotations

from .messages import translated


def shown(text: str) -> str:
    """*text* safe to write out: undecodable file-name bytes become U+FFFD; a core
    phrase is in the site's language."""
    return translated(text).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
