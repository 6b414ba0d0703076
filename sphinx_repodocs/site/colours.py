"""The colour of each language and purpose in the repository index's pictures.

Languages take the colours GitHub's Linguist gives them (``languages.yml``, MIT), the
ones readers know from a repository's language bar; a language Linguist has no colour
for, or we name differently, gets one made from its name (the same every build), in the
middle of the lightness range so that it reads on light and dark themes.
"""

from __future__ import annotations

import colorsys
import hashlib

#: Linguist's colours (its ``languages.yml`` at b45dbe9, 2026-08-20), by the language
#: names our pages use (Pygments' lexer names: Linguist's Shell is our Bash).
LANGUAGE_COLOURS: dict[str, str] = {
    "Assembly": "#6E4C13",
    "Bash": "#89e051",
    "Batchfile": "#C1F12E",
    "C": "#555555",
    "C#": "#7355dd",
    "C++": "#f34b7d",
    "CMake": "#DA3434",
    "CSS": "#663399",
    "CUDA": "#3A4E3A",
    "Clojure": "#db5855",
    "CoffeeScript": "#244776",
    "Dart": "#00B4AB",
    "Docker": "#384d54",
    "Elixir": "#6e4a7e",
    "Erlang": "#B83998",
    "Fortran": "#4d41b1",
    "Go": "#00ADD8",
    "Groovy": "#4298b8",
    "HTML": "#e34c26",
    "Haskell": "#5e5086",
    "INI": "#d1dbe0",
    "JSON": "#292929",
    "Java": "#b07219",
    "JavaScript": "#f1e05a",
    "Julia": "#a270ba",
    "Kotlin": "#A97BFF",
    "Lua": "#000080",
    "Makefile": "#427819",
    "Markdown": "#083fa1",
    "Objective-C": "#438eff",
    "OCaml": "#ef7a08",
    "PHP": "#4F5D95",
    # Not Linguist's (its Text has no colour): a light grey, apart from "Other".
    "Plain text": "#c6cbd1",
    "Perl": "#0298c3",
    "PowerShell": "#012456",
    "Python": "#3572A5",
    "R": "#198CE7",
    "Ruby": "#701516",
    "Rust": "#dea584",
    "SCSS": "#c6538c",
    "SQL": "#e38c00",
    "Scala": "#c22d40",
    "Swift": "#F05138",
    "TOML": "#9c4221",
    "TeX": "#3D6117",
    "TypeScript": "#3178c6",
    "TSX": "#3178c6",
    "Vue": "#41b883",
    "XML": "#0060ac",
    "YAML": "#cb171e",
    "reStructuredText": "#141414",
}

#: The purposes our pages name, in colours that tell them apart.
PURPOSE_COLOURS: dict[str, str] = {
    "source": "#3572A5",
    "test": "#2da44e",
    "test data": "#8fbc8f",
    "test support": "#4ac26b",
    "docs": "#8250df",
    "config": "#bf8700",
    "build": "#cf222e",
    "data": "#6e7781",
    "generated": "#a8b1bb",
    "vendored": "#d4a72c",
    "signature or key": "#57606a",
}


def made_colour(name: str) -> str:
    """A colour from *name*'s digest: any hue, middling saturation and lightness."""
    digest = hashlib.sha256(name.encode("utf-8", "surrogateescape")).digest()
    red, green, blue = colorsys.hls_to_rgb(digest[0] / 256, 0.5, 0.45)
    return f"#{round(red * 255):02x}{round(green * 255):02x}{round(blue * 255):02x}"


def language_colour(language: str) -> str:
    return LANGUAGE_COLOURS.get(language) or made_colour(language)


def purpose_colour(purpose: str) -> str:
    return PURPOSE_COLOURS.get(purpose) or made_colour(purpose)


def text_on(colour: str) -> str:
    """Black or white, whichever reads better on *colour* (a ``#rrggbb``): by its
    relative luminance, as WCAG defines it."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#000000" if luminance > 0.179 else "#ffffff"
