"""What an SVG picture of ours may hold: drawing, text and relative links, nothing that
runs, loads or points outside the site."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
#: Every element a picture of ours is drawn with.
ALLOWED_ELEMENTS = frozenset(
    SVG + name
    for name in (
        [
            "svg",
            "title",
            "desc",
            "style",
            "defs",
            "marker",
            "clipPath",
            "g",
            "a",
            "rect",
            "path",
            "circle",
            "text",
        ]
    )
)
#: The name of a picture beside its page: ``NAME~KIND.svg``, no folder.
PICTURE_FILE = re.compile(r"[A-Za-z0-9_.~-]+~(imports|map|languages|purposes|treemap)\.svg")
_URL = re.compile(r"url\(([^)]*)\)")


def _relative(href: str) -> bool:
    """A link within the site: no scheme, no leading slash or backslash."""
    return not re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:|[/\\]", href.strip())


def svg_problems(path: Path) -> list[str]:
    """Everything in the SVG file *path* that a picture of ours must not hold."""
    data = path.read_bytes()
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        return ["a DOCTYPE or entity"]
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return [f"not XML: {error}"]
    problems = []
    if root.tag != SVG + "svg":
        problems.append(f"root is {root.tag}")
    for element in root.iter():
        if element.tag not in ALLOWED_ELEMENTS:
            problems.append(f"<{element.tag}>")
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                problems.append(f"<{element.tag} {name}>")
            if name in ("href", XLINK_HREF) and not _relative(value):
                problems.append(f"href={value}")
            if name == "target" and value != "_parent":
                problems.append(f"target={value}")
            for found in _URL.findall(value):
                if not found.startswith("#"):
                    problems.append(f"url({found})")
        if element.tag == SVG + "style":
            style = element.text or ""
            if "@import" in style or any(not u.startswith("#") for u in _URL.findall(style)):
                problems.append("a style that loads something")
    return problems


def picture_links(path: Path) -> list[str]:
    """Every link of the picture, in order."""
    root = ElementTree.fromstring(path.read_bytes())
    return [element.attrib["href"] for element in root.iter(SVG + "a")]
