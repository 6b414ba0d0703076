"""Where a rendered README's links and images go on the site. Pure.

A destination is kept only when it is certain: a web or mail address (``http``,
``https``, ``mailto``), an anchor of the README's own headings, or a relative path to a
file or folder of the repository that has a page (``/path`` from the repository's
root, as code hosts read it; ``#L12`` a line of it). Anything else (other schemes,
paths outside the repository or to files left out) is shown as its text, never linked.
Relative raster images are copied into the site under a name made from their content;
SVG images are not (an SVG opened on its own runs its scripts), they link to their page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote

from ..core.extract.markup import MARKDOWN_LEXER, RST_LEXER
from ..core.model import RepoFile, RepoModel
from .urls import file_docname, folder_docname

#: Folder of the output that copied README images go to.
IMAGE_FOLDER = "_images"

#: Image files shown in place (by extension; browsers never run script from them).
RASTER_IMAGES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp"})

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_WEB_SCHEMES = frozenset({"http", "https", "mailto"})
_LINE = re.compile(r"^L(\d+)(?:-L?\d+)?$")
#: Never in a destination as written (markdown-it and docutils percent-encode spaces).
_UNSAFE = re.compile(r"[\x00-\x20\x7f]")
#: Never in a path, once decoded.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

TargetKind = Literal["external", "page", "anchor"]


@dataclass(frozen=True, slots=True)
class ReadmeTarget:
    """Where one destination goes: a URL, a page (and line), or a heading's anchor."""

    kind: TargetKind
    #: external: the URL; page: the docname; anchor: the fragment as written.
    value: str
    line: int = 0
    #: page: the repository path of the file or folder.
    path: str = ""
    #: A raster image of the repository: its name in :data:`IMAGE_FOLDER`.
    image: str = ""


def readme_format(file: RepoFile) -> str:
    """ "markdown", "rst", or "" for READMEs shown as their source."""
    return {MARKDOWN_LEXER: "markdown", RST_LEXER: "rst"}.get(file.lexer, "")


def resolve(
    destination: str, readme_path: str, model: RepoModel, prefix: str, max_source_bytes: int
) -> ReadmeTarget | None:
    """Where *destination*, written in the README at *readme_path*, goes; None: nowhere."""
    destination = destination.strip()
    if not destination or _UNSAFE.search(destination):
        return None
    if scheme := _SCHEME.match(destination):
        if scheme.group(1).lower() in _WEB_SCHEMES:
            return ReadmeTarget("external", destination)
        return None
    if destination.startswith("#"):
        return ReadmeTarget("anchor", unquote(destination[1:])) if len(destination) > 1 else None
    if destination.startswith("//"):
        return None
    written, _, fragment = destination.partition("#")
    written = unquote(written.partition("?")[0])
    base = "" if written.startswith("/") else posixpath.dirname(readme_path)
    path = posixpath.normpath(posixpath.join(base, written.lstrip("/")))
    path = "" if path == "." else path
    if path == ".." or path.startswith("../") or _CONTROL.search(path):
        return None
    if (file := model.files.get(path)) is not None:
        return ReadmeTarget(
            "page",
            file_docname(prefix, path),
            line=_line(fragment, file, max_source_bytes),
            path=path,
            image=image_name(file),
        )
    if path.rstrip("/") in model.folders:
        folder = path.rstrip("/")
        return ReadmeTarget("page", folder_docname(prefix, folder), path=folder)
    return None


def _line(fragment: str, file: RepoFile, max_source_bytes: int) -> int:
    """The line a ``#L12`` fragment names, when the file's page anchors it."""
    match = _LINE.match(fragment)
    if match is None or file.kind != "text" or file.size > max_source_bytes:
        return 0
    line = int(match.group(1))
    return line if 1 <= line <= (file.lines or 0) else 0


def image_name(file: RepoFile) -> str:
    """The copied image's name, made from its content; "" when it is not shown in place."""
    extension = file.extension.lower()
    if file.kind != "binary" or extension not in RASTER_IMAGES:
        return ""
    return f"repodocs-{file.digest[:20]}{extension}"


def readme_targets(
    model: RepoModel, readme_path: str, prefix: str, max_source_bytes: int
) -> tuple[tuple[str, ReadmeTarget], ...]:
    """Every destination of the README that goes somewhere, with where."""
    extraction = model.extractions.get(readme_path)
    if extraction is None:
        return ()
    found = []
    for destination in extraction.references:
        target = resolve(destination, readme_path, model, prefix, max_source_bytes)
        if target is not None:
            found.append((destination, target))
    return tuple(found)


def readme_images(model: RepoModel, prefix: str) -> Iterator[tuple[str, str]]:
    """(image name, repository path) of every image a rendered README shows."""
    for folder in model.folders.values():
        if folder.readme is None or not readme_format(model.files[folder.readme]):
            continue
        for _destination, target in readme_targets(model, folder.readme, prefix, 0):
            if target.image:
                yield target.image, target.path
