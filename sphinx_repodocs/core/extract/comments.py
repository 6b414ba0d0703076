"""The leading comment block of a source file: its overview when it has no docstring.

Shebang, encoding and editor mode lines are skipped, and so are licence paragraphs
(copyright notices, SPDX identifiers): they say who may use the file, not what it is.
"""

from __future__ import annotations

import re

#: Languages with C's comments: ``//`` lines and ``/* ... */`` blocks.
_C_FAMILY = [
    "c",
    "cpp",
    "cuda",
    "objective-c",
    "java",
    "javascript",
    "typescript",
    "go",
    "rust",
    "csharp",
    "kotlin",
    "swift",
    "scala",
    "php",
    "dart",
    "groovy",
    "protobuf",
    "zig",
]
_HASH_LANGUAGES = [
    "bash",
    "sh",
    "zsh",
    "shell",
    "perl",
    "ruby",
    "r",
    "cmake",
    "make",
    "powershell",
    "tcl",
    "nim",
    "julia",
    "elixir",
    "crystal",
    "dockerfile",
    "docker",
    "nginx",
    "toml",
    "yaml",
]

#: Comment line prefixes by Pygments lexer alias (block comments handled separately).
_LINE_PREFIXES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(_C_FAMILY, ("///", "//!", "//")),
    **dict.fromkeys(_HASH_LANGUAGES, ("#",)),
    **dict.fromkeys(("sql", "lua", "haskell", "ada", "elm"), ("--",)),
    **dict.fromkeys(("lisp", "scheme", "clojure", "common-lisp", "nasm", "gas"), (";",)),
    **dict.fromkeys(("vim",), ('"',)),
    **dict.fromkeys(("fortran", "fortranfixed"), ("!",)),
    **dict.fromkeys(("tex", "latex", "matlab", "erlang"), ("%",)),
}
#: Languages whose leading comment may be a ``/* ... */`` block.
_BLOCK_LEXERS = frozenset({*_C_FAMILY, "css", "scss", "less"})
_SKIPPED_LINE = re.compile(r"^(#!|-\*-|.*-\*-.*-\*-|.*\bvim?:|.*coding[:=])")
_LICENCE = re.compile(
    r"^(copyright|\(c\)|©|spdx-license-identifier|licensed under|all rights reserved)", re.I
)
#: Longest overview kept, in characters.
_MAX = 600


def leading_comment(text: str, lexer: str) -> str:
    """The first paragraph of the file's leading comment, as one line of text."""
    lines = _comment_lines(text, lexer)
    paragraph: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            paragraph.append(line.strip())
            continue
        if (
            paragraph
            and not _LICENCE.match(paragraph[0])
            and any(c.isalpha() for c in " ".join(paragraph))
        ):
            joined = " ".join(" ".join(paragraph).split())
            return joined if len(joined) <= _MAX else joined[: _MAX - 1] + "…"
        paragraph = []
    return ""


def block_opening(line: str) -> str:
    """A block comment's first line without its opening: ``/*``, ``/**`` (Javadoc,
    JSDoc, Doxygen) or ``/*!`` (Rust's and Doxygen's inner doc comments)."""
    for opening in ("/**", "/*!", "/*"):
        if line.startswith(opening):
            return line[len(opening) :]
    return line


def _comment_lines(text: str, lexer: str) -> list[str]:
    prefixes = _LINE_PREFIXES.get(lexer, ())
    source = text.lstrip("\ufeff").splitlines()[:200]
    index = 0
    while index < len(source) and (not source[index].strip() or _SKIPPED_LINE.match(source[index])):
        index += 1
    if index >= len(source):
        return []
    first = source[index].strip()
    if lexer in _BLOCK_LEXERS and first.startswith("/*"):
        block: list[str] = []
        for line in source[index:]:
            stripped = line.strip()
            end = stripped.find("*/")
            body = stripped[:end] if end >= 0 else stripped
            body = block_opening(body).lstrip("*").strip()
            block.append(body)
            if end >= 0:
                break
        return block
    comment: list[str] = []
    for line in source[index:]:
        stripped = line.strip()
        prefix = next((p for p in prefixes if stripped.startswith(p)), None)
        if prefix is None:
            break
        if _SKIPPED_LINE.match(stripped[len(prefix) :].strip()):
            continue
        comment.append(stripped[len(prefix) :].lstrip("!/#").strip())
    return comment
