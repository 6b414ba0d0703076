"""SVG documents written by hand: escaped text, links, sizes of text, theme colours.

Every picture is a standalone SVG file the page embeds with ``<object>`` (links inside
an ``<img>`` do not work). Nothing in one runs script, loads a resource or names a URL
outside the site: its links are relative to its own folder, which is its page's folder.
Repository text (file and folder names) is escaped XML text; characters XML cannot hold
become U+FFFD.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from .messages import translated
from .text import shown

#: Characters XML 1.0 cannot hold (C0 controls but tab and newlines, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})

#: Pictures read on light and dark themes: text and lines take light or dark colours
#: through ``prefers-color-scheme``, on a background of their own, since a picture
#: cannot see the page's colours (a light theme in a dark system shows dark pictures).
THEME_STYLE = """\
.bg{fill:#ffffff}
text{font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;\
font-size:12px;fill:#1f2328}
.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace}
.dim{fill:#59636e;font-size:11px}
.node{fill:#f6f8fa;stroke:#d0d7de}
.self{fill:#ddf4ff;stroke:#54aeff;stroke-width:1.5}
.more{fill:none;stroke:#d0d7de;stroke-dasharray:3 3}
a .node{stroke:#8c959f}
a:hover .node,a:focus .node{stroke:#0969da;stroke-width:2}
a text.link{fill:#0969da}
.edge{fill:none;stroke:#8c959f;stroke-opacity:.75}
.head{fill:#8c959f}
.gap{stroke:#ffffff}
.swatch{stroke:#8c959f;stroke-width:.5}
@media (prefers-color-scheme:dark){\
.bg{fill:#0d1117}text{fill:#e6edf3}.dim{fill:#9198a1}.node{fill:#151b23;stroke:#3d444d}\
.self{fill:#0c2d6b;stroke:#1f6feb}.more{stroke:#3d444d}a .node{stroke:#656c76}\
a:hover .node,a:focus .node{stroke:#4493f8}a text.link{fill:#4493f8}\
.edge{stroke:#9198a1}.head{fill:#9198a1}.gap{stroke:#0d1117}}
"""


def xml_text(value: str) -> str:
    """*value* as SVG text or an attribute value: escaped, every character XML holds."""
    return _NOT_XML.sub("\ufffd", shown(value)).translate(_ESCAPES)


def number(value: float) -> str:
    """A coordinate: at most one decimal, no trailing zero (the same text every build)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def char_width(char: str) -> int:
    """How many columns *char* takes: 2 for wide East Asian characters, 0 for marks."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def text_width(text: str, size: float = 12.0, *, mono: bool = False) -> float:
    """The width *text* takes at *size* pixels, estimated from its columns: 0.6 em a
    column in a monospace font, 0.62 em (a wide average) otherwise."""
    return sum(char_width(char) for char in text) * size * (0.6 if mono else 0.62)


def fitted(text: str, columns: int, *, keep_end: bool = False) -> str:
    """*text* cut to at most *columns* columns, with an ellipsis where it was cut (at
    the start when *keep_end*: the end of a long path says more); a core phrase in the
    site's language first."""
    text = translated(text)
    if sum(char_width(char) for char in text) <= columns:
        return text
    kept: list[str] = []
    used = 1  # the ellipsis
    for char in reversed(text) if keep_end else text:
        used += char_width(char)
        if used > columns:
            break
        kept.append(char)
    if keep_end:
        return "\u2026" + "".join(reversed(kept))
    return "".join(kept) + "\u2026"


@dataclass(frozen=True, slots=True)
class Picture:
    """A written SVG document and what the page says about it."""

    svg: str
    width: int
    height: int
    #: The text alternative: what the picture shows, in one sentence.
    alt: str


def document(
    width: float,
    height: float,
    title: str,
    description: str,
    body: Iterable[str],
    *,
    style: str = THEME_STYLE,
    definitions: str = "",
) -> Picture:
    """A standalone SVG document of *body*'s elements, with its title and description."""
    w, h = round(width), round(height)
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}">\n',
        f"<title>{xml_text(title)}</title>\n",
        f"<desc>{xml_text(description)}</desc>\n",
        f"<style>\n{style}</style>\n",
    ]
    if definitions:
        parts.append(f"<defs>{definitions}</defs>\n")
    parts.append(f'<rect class="bg" width="{w}" height="{h}" rx="6"/>\n')
    parts.extend(body)
    parts.append("</svg>\n")
    return Picture("".join(parts), w, h, description)


def link(href: str, content: str, tooltip: str = "") -> str:
    """*content* as a link to *href* (relative to the picture, which is beside its
    page), opened in the page that embeds the picture."""
    hint = f"<title>{xml_text(tooltip)}</title>" if tooltip else ""
    return f'<a href="{xml_text(href)}" target="_parent">{hint}{content}</a>\n'


def text(x: float, y: float, value: str, classes: str = "", anchor: str = "") -> str:
    """A line of text at (*x*, *y*), its baseline."""
    attributes = f' class="{classes}"' if classes else ""
    if anchor:
        attributes += f' text-anchor="{anchor}"'
    return f'<text x="{number(x)}" y="{number(y)}"{attributes}>{xml_text(value)}</text>'
