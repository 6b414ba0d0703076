"""The leading comment block of a source file: its overview when it has no docstring.

Shebang, encoding and editor mode lines are skipped, and so are paragraphs that do not
describe the file (``overview_text``): licences say who may use it, banners and lint
directives say nothing about it.
"""

from __future__ import annotations

import re

from .overview_text import before_notice, describes, is_decoration, is_directive

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
_SKIPPED_LINE = re.compile(r"^(#!|-\*-|.*\bvim?:|.*coding[:=])")
#: An Emacs mode line inside a line: ``# Make coreutils.  -*-Makefile-*-``.
_MODE_LINE = re.compile(r"-\*-.*?-\*-")
#: Longest overview kept, in characters.
_MAX = 600
#: Lines of the head read for its comments.
_HEAD_LINES = 200


def leading_comment(text: str, lexer: str) -> str:
    """The first paragraph of the file's leading comments that describes the file, as
    one line of text (``overview_text.describes``: not a licence, a banner, a lint or
    editor directive or a note to maintainers)."""
    for paragraph in _paragraphs(_comment_blocks(text, lexer)):
        joined = " ".join(" ".join(before_notice(paragraph)).split())
        if describes(joined):
            return joined if len(joined) <= _MAX else joined[: _MAX - 1] + "…"
    return ""


def _paragraphs(blocks: list[list[str]]) -> list[list[str]]:
    """Paragraphs of the comment blocks: runs of lines between blank, decoration and
    directive lines."""
    found: list[list[str]] = []
    for block in blocks:
        paragraph: list[str] = []
        for line in [*block, ""]:
            if line and not is_decoration(line) and not is_directive(line):
                paragraph.append(line)
            elif paragraph:
                found.append(paragraph)
                paragraph = []
    return found


def block_opening(line: str) -> str:
    """A block comment's first line without its opening: ``/*``, ``/**`` (Javadoc,
    JSDoc, Doxygen) or ``/*!`` (Rust's and Doxygen's inner doc comments)."""
    for opening in ("/**", "/*!", "/*"):
        if line.startswith(opening):
            return line[len(opening) :]
    return line


def _comment_blocks(text: str, lexer: str) -> list[list[str]]:
    """The comment blocks before the first line of code, each as its lines' text. The
    first block always counts; a later one only when a blank line or another comment
    follows it (a comment right above a line of code is about that line)."""
    prefixes = _LINE_PREFIXES.get(lexer, ())
    source = text.lstrip("\ufeff").splitlines()[:_HEAD_LINES]
    index = 0
    while index < len(source) and _skipped(source[index]):
        index += 1
    blocks: list[list[str]] = []
    while index < len(source):
        first = source[index].strip()
        if lexer in _BLOCK_LEXERS and first.startswith("/*"):
            block, index = _block_comment(source, index)
        elif any(first.startswith(p) for p in prefixes):
            block, index = _line_comments(source, index, prefixes)
        else:
            break
        attached = index < len(source) and bool(source[index].strip())
        if blocks and attached and not _starts_comment(source[index], lexer, prefixes):
            break
        blocks.append(block)
        while index < len(source) and not source[index].strip():
            index += 1
    return blocks


def _skipped(line: str) -> bool:
    """A blank line, a ``#!`` line, or a line that is only a mode or coding line."""
    return not _MODE_LINE.sub("", line).strip() or bool(_SKIPPED_LINE.match(line))


def _starts_comment(line: str, lexer: str, prefixes: tuple[str, ...]) -> bool:
    stripped = line.strip()
    return (lexer in _BLOCK_LEXERS and stripped.startswith("/*")) or any(
        stripped.startswith(p) for p in prefixes
    )


def _block_comment(source: list[str], index: int) -> tuple[list[str], int]:
    """A ``/* ... */`` block's lines from *index*, and the index after it."""
    block: list[str] = []
    for at in range(index, len(source)):
        stripped = source[at].strip()
        end = stripped.find("*/")
        body = stripped[:end] if end >= 0 else stripped
        block.append(block_opening(body).lstrip("*").strip())
        if end >= 0:
            return block, at + 1
    return block, len(source)


def _line_comments(
    source: list[str], index: int, prefixes: tuple[str, ...]
) -> tuple[list[str], int]:
    """A run of line comments' text from *index*, and the index after it."""
    comment: list[str] = []
    at = index
    while at < len(source):
        stripped = source[at].strip()
        prefix = next((p for p in prefixes if stripped.startswith(p)), None)
        if prefix is None:
            break
        body = _MODE_LINE.sub("", stripped[len(prefix) :]).strip()
        if not _SKIPPED_LINE.match(body):
            comment.append(body.lstrip("!/#").strip())
        at += 1
    return comment, at
