"""The URL contract of generated pages: docnames, and the anchors of lines.

A repository path becomes a docname (and so a URL) by an injective encoding of each
segment; folder pages are ``<folder>/index``; the keyword index lives under
``~keywords/``; line *n* of a file page has the anchor ``L-n``, and a definition's line
also its qualified name (:func:`symbol_anchor`). Sites, inventories and
links from other projects depend on every rule here: none may change.
"""

from __future__ import annotations

import functools
import re

_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.")
#: Segment names Sphinx or its builders treat specially: their first character is escaped.
_RESERVED_SEGMENTS = frozenset({"index", "_sources"})


@functools.lru_cache(maxsize=65536)
def encode_segment(name: str) -> str:
    """Encode one path segment for a docname and a URL.

    Letters, digits, ``_``, ``-`` and inner dots stay; every other byte of the UTF-8
    name (invalid bytes included) becomes ``~XX``. The encoding is injective, so no two
    repository paths share a page, and the result is safe in file names and URLs.
    """
    raw = name.encode("utf-8", "surrogateescape")
    out = []
    for position, byte in enumerate(raw):
        char = chr(byte)
        if char in _SAFE and not (char == "." and position == 0):
            out.append(char)
        else:
            out.append(f"~{byte:02X}")
    encoded = "".join(out)
    # "index" and "index.<ext>" collide with folder pages (dirhtml writes folder/index.html).
    if encoded in _RESERVED_SEGMENTS or encoded.startswith("index."):
        encoded = f"~{ord(encoded[0]):02X}{encoded[1:]}"
    if encoded.endswith(".lproj"):  # Sphinx never reads below "*.lproj" folders
        encoded = encoded.removesuffix(".lproj") + "~2Elproj"
    return encoded


def _encode_path(path: str) -> str:
    return "/".join(encode_segment(segment) for segment in path.split("/"))


def file_docname(prefix: str, path: str) -> str:
    """The page of a repository file."""
    return f"{prefix}/{_encode_path(path)}"


def folder_docname(prefix: str, path: str) -> str:
    """The page of a repository folder; the root folder's page is the repository index."""
    return f"{prefix}/{_encode_path(path)}/index" if path else f"{prefix}/index"


#: Folder of the keyword index pages. encode_segment never makes "~k": no repository
#: folder can collide with it.
KEYWORDS_SEGMENT = "~keywords"


def keyword_docname(prefix: str, key: str) -> str:
    """A page of the keyword index: the jump page for "", else one bucket ("A", "T-e")."""
    return f"{prefix}/{KEYWORDS_SEGMENT}/{key or 'index'}"


#: Pygments' ``lineanchors`` prefix: line *n* of a file page has the HTML id ``L-n``.
LINE_ANCHOR_PREFIX = "L"


def line_anchor(line: int) -> str:
    """The HTML id of *line* on its file's page."""
    return f"{LINE_ANCHOR_PREFIX}-{line}"


#: A qualified name that can be an anchor as it is: identifier characters and the
#: separators of qualified names (``.``, ``::``, a destructor's ``~``).
_SYMBOL_ANCHOR = re.compile(r"[A-Za-z_$][\w$]*(?:(?:\.|::|::~)[A-Za-z_$][\w$]*)*")
#: Ids a file page has besides its lines: the sections' (docutils makes them from the
#: English titles) and those docutils numbers.
_PAGE_IDS = frozenset(
    {
        "source",
        "symbols",
        "dependencies",
        "imported-by",
        "facts",
        "related-files",
        "details",
        "how-to-run",
        "references",
        "overview",
        "patterns",
        "security",
        "performance",
    }
)
_NUMBERED_ID = re.compile(r"id[0-9]+")


def symbol_anchor(path: str, qualname: str) -> str | None:
    """The HTML id of the definition *qualname* on the page of *path*: the qualified
    name itself (``Context.invoke``, ``leveldb::DBImpl::Get``), unless it holds other
    characters or could be an id the page already has (then its line's anchor serves)."""
    if not _SYMBOL_ANCHOR.fullmatch(qualname) or qualname in _PAGE_IDS:
        return None
    if _NUMBERED_ID.fullmatch(qualname):
        return None
    title_id = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")
    return None if qualname == title_id else qualname
