"""Macros that break a C or C++ parse, found and blanked so that a second parse reads
the code around them. Pure.

A grammar cannot expand macros: ``class LEVELDB_EXPORT Cache {``, ``LEVELDB_EXPORT
leveldb_t* leveldb_open(...);`` and ``int Read() LOCKS_EXCLUDED(mu_) {`` each make
tree-sitter read the wrong names (the first without even an error). Where a
declaration has such a shape, the walker notes the macro's name (an all-caps
identifier) as a suspect; every use of it outside preprocessor lines,
with its parenthesised arguments, is replaced by spaces (newlines kept, so lines and
columns do not move), and the file is parsed again. Like ctags' ``-I`` list, found
in the tree rather than configured.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from .spans import Spans
from .syntax_tree import has_error_child

#: A macro's name: all caps (``LEVELDB_EXPORT``, ``_GLIBCXX20_CONSTEXPR``), or a
#: compiler's keyword-like extension (CUDA's ``__align__(8)``, ``__launch_bounds__``).
MACRO_NAME = re.compile(rb"^(?:_*[A-Z][A-Z0-9_]*[A-Z0-9]|__[a-z][a-z0-9_]*__)$")
_TYPES = frozenset({"class_specifier", "struct_specifier", "union_specifier"})


def macro_suspects(node: Any, source: bytes) -> list[bytes]:
    """All-caps names in the shapes a macro leaves in a declaration or definition."""
    names = []
    kind = node.child_by_field_name("type")
    declarator = node.child_by_field_name("declarator")
    broken = has_error_child(node)
    # ``class EXPORT Name { ... }``: a bodiless class as the type of a "function".
    if (
        node.type == "function_definition"
        and kind is not None
        and kind.type in _TYPES
        and kind.child_by_field_name("body") is None
        and (name := kind.child_by_field_name("name")) is not None
    ):
        names.append(_text(name, source))
    if broken:
        # ``EXPORT type f(...)``: the macro taken for the type, the type an error; in
        # ``HANDLE WINAPI f(...)`` the error is the macro (all caps) and the type is one.
        errors = [child for child in node.children if child.type == "ERROR"]
        between = _text(errors[0], source).strip() if errors else b""
        if MACRO_NAME.match(between):
            names.append(between)
        elif kind is not None and kind.type == "type_identifier":
            names.append(_text(kind, source))
    # ``f() ANNOTATION(x) {`` and ``T* const x_ GUARDED_BY(mu_);``: the macro taken
    # for the declarator (a function's), the real one an error beside it.
    chain = declarator
    while chain is not None:
        broken = broken or has_error_child(chain)
        if chain.type == "function_declarator":
            inner = chain.child_by_field_name("declarator")
            if broken and inner is not None:
                names.append(_text(inner, source))
            break
        chain = chain.child_by_field_name("declarator")
    return [name for name in names if MACRO_NAME.match(name)]


def macro_calls_in_error(node: Any, source: bytes) -> list[bytes]:
    """Macros an error holds: ``jv f(const char*, va_list) JV_PRINTF_LIKE(1);`` (a
    function declarator, then a call of an all-caps name), and all-caps names the
    error holds directly (``namespace std _GLIBCXX_VISIBILITY(default) {``,
    ``_GLIBCXX20_CONSTEXPR`` on a line of its own)."""
    children = node.named_children
    names = [
        _text(child, source)
        for child in children
        if child.type in ("identifier", "type_identifier")
        and MACRO_NAME.match(_text(child, source))
        and not on_a_directive(source, child.start_byte)
    ]
    for child in children:
        if child.type == "call_expression":
            function = child.child_by_field_name("function")
            if function is not None and MACRO_NAME.match(_text(function, source)):
                names.append(_text(function, source))
        elif child.type == "function_declarator":
            names.extend(_words_after_parameters(child, source))
    return names


#: After a declarator's parameters, where no type or name can stand: all caps, or a
#: name reserved to the implementation (glibc's ``__THROW __nonnull ((1)) __wur``).
_TRAILINGMACRO_NAME = re.compile(rb"^(?:_*[A-Z][A-Z0-9_]*[A-Z0-9]|__[A-Za-z][A-Za-z0-9_]*)$")


def _words_after_parameters(declarator: Any, source: bytes) -> list[bytes]:
    """``extern int f(int) __THROW __nonnull ((1));`` read as an error: the words
    (and calls' names) after the parameter list of the function declarator."""
    parameters = declarator.child_by_field_name("parameters")
    if parameters is None:
        return []
    words = []
    for node in declarator.named_children:
        if node.start_byte < parameters.end_byte:
            continue
        if node.type == "call_expression":
            node = node.child_by_field_name("function")
        if node is not None and node.type == "identifier":
            word = _text(node, source)
            if _TRAILINGMACRO_NAME.match(word):
                words.append(word)
    return words


def lone_macro_words(node: Any, source: bytes) -> list[bytes]:
    """Macro-like words (all caps, or ``__name__``) standing alone among a broken
    node's statements, as a statement-like macro does (``__BEGIN_DECLS`` on a line of
    its own)."""
    return [
        text
        for child in node.children
        if child.type in ("identifier", "type_identifier")
        and MACRO_NAME.match(text := _text(child, source))
        and not on_a_directive(source, child.start_byte)  # ``#ifdef __USE_GNU``
    ]


def on_a_directive(source: bytes, position: int) -> bool:
    """Whether *position* is on a preprocessor line (its continuations included)."""
    return _directive_spans(source).holds(position)


#: A preprocessor line, with its ``\\`` continuations.
_DIRECTIVE_LINE = re.compile(rb"^[ \t]*#(?:\\\n|[^\n])*", re.MULTILINE)


@functools.lru_cache(maxsize=4)
def _directive_spans(source: bytes) -> Spans:
    """The preprocessor lines, found once per source: asked once per identifier, a
    search back to the line's start costs a long line's length each time."""
    return Spans.of([match.span() for match in _DIRECTIVE_LINE.finditer(source)])


_DEFINED = re.compile(rb"[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)")


def defined_name(node: Any, source: bytes) -> str | None:
    """The name a ``#define`` node defines, read from its line: tree-sitter-c takes a
    word after a comment in the value for it (``#define A (B /* 2 */ | C)`` names C).
    Where the line does not give it plainly (``#define \\`` continued, a comment
    before the name), the grammar's name field."""
    match = _DEFINED.match(source, node.start_byte)
    if match:
        return match[1].decode("ascii")
    name = node.child_by_field_name("name")
    return _text(name, source).decode("utf-8", "replace") if name is not None else None


def _text(node: Any, source: bytes) -> bytes:
    return source[node.start_byte : node.end_byte]


#: A blanked source and the (start, end) byte ranges that changed, in order.
Blanked = tuple[bytes, list[tuple[int, int]]]


def blank_macros(source: bytes, names: frozenset[bytes]) -> Blanked:
    """*source* with each use of *names* (and its parenthesised arguments) as spaces,
    except on preprocessor lines; newlines stay where they are."""
    pattern = _names_pattern(names)
    out = bytearray(source)
    changed: list[tuple[int, int]] = []
    for match in pattern.finditer(source):
        if on_a_directive(source, match.start()):
            continue
        end = _after_arguments(source, match.end())
        _blank(out, match.start(), end)
        changed.append((match.start(), end))
    return bytes(out), changed


def used_in_code(source: bytes, names: set[bytes] | frozenset[bytes]) -> frozenset[bytes]:
    """Those of *names* used outside preprocessor lines: a suspect seen only in
    ``#ifdef __USE_GNU`` has nothing to leave out."""
    if not names:
        return frozenset()
    return frozenset(
        match[0]
        for match in _names_pattern(names).finditer(source)
        if not on_a_directive(source, match.start())
    )


def _names_pattern(names: set[bytes] | frozenset[bytes]) -> re.Pattern[bytes]:
    """Any of *names* as a whole word."""
    return re.compile(rb"\b(?:" + b"|".join(re.escape(n) for n in sorted(names)) + rb")\b")


def _after_arguments(source: bytes, position: int) -> int:
    """The end of ``(...)`` right after *position* (spaces allowed), else *position*."""
    index = position
    while index < len(source) and source[index] in b" \t":
        index += 1
    if index >= len(source) or source[index] != ord("("):
        return position
    depth = 0
    for at in range(index, min(len(source), index + 4096)):
        if source[at] == ord("("):
            depth += 1
        elif source[at] == ord(")"):
            depth -= 1
            if depth == 0:
                return at + 1
    return position


CONDITIONAL_DIRECTIVE = re.compile(
    rb"^[ \t]*#[ \t]*(if|ifdef|ifndef|elif|else|endif)\b([^\n]*)$", re.MULTILINE
)


def disabled_ranges(source: bytes) -> Spans:
    """The bytes of each ``#if 0`` branch (to its ``#else``, ``#elif`` or ``#endif``):
    code the compiler never sees."""
    ranges: list[tuple[int, int]] = []
    opened: list[int | None] = []  # per open block: where its #if 0 branch began
    for match in CONDITIONAL_DIRECTIVE.finditer(source):
        directive, rest = match[1], match[2].split(b"//")[0].strip()
        if directive in (b"if", b"ifdef", b"ifndef"):
            opened.append(match.start() if directive == b"if" and rest == b"0" else None)
        elif opened:
            start = opened[-1]
            if start is not None:
                ranges.append((start, match.start()))
            if directive == b"endif":
                opened.pop()
            else:
                opened[-1] = None
    return Spans.of(ranges)


def first_branches(source: bytes) -> Blanked:
    """*source* as one configuration of its ``#if`` blocks: each block's first branch
    (the ``#else`` of an ``#if 0``), the directives and the other branches as spaces.
    For a grammar that cannot read a conditional inside a statement or an initializer
    list, as ctags reads them."""
    directives = list(CONDITIONAL_DIRECTIVE.finditer(source))
    out = bytearray(source)
    changed: list[tuple[int, int]] = []
    # Per open block: [a branch was taken, this branch is taken].
    blocks: list[list[bool]] = []
    skipping_from: int | None = None
    for match in directives:
        directive, rest = match[1], match[2].strip()
        was_skipping = any(not block[1] for block in blocks)
        if directive in (b"if", b"ifdef", b"ifndef"):
            taking = not (directive == b"if" and rest.split(b"//")[0].strip() == b"0")
            blocks.append([taking, taking])
        elif blocks and directive in (b"elif", b"else"):
            blocks[-1] = [True, not blocks[-1][0]]
        elif blocks:
            blocks.pop()
        skipping = any(not block[1] for block in blocks)
        if was_skipping and skipping_from is not None and not skipping:
            _blank(out, skipping_from, match.start())
            changed.append((skipping_from, match.start()))
            skipping_from = None
        elif skipping and not was_skipping:
            skipping_from = match.end()
        end = _line_end(source, match.end())
        _blank(out, match.start(), end)
        changed.append((match.start(), end))
    if skipping_from is not None:
        _blank(out, skipping_from, len(source))
        changed.append((skipping_from, len(source)))
    return bytes(out), sorted(changed)


def _line_end(source: bytes, position: int) -> int:
    """The end of the directive at *position*, with its backslash continuations."""
    end = source.find(b"\n", position)
    while end > 0 and source[end - 1 : end] == b"\\":
        end = source.find(b"\n", end + 1)
    return len(source) if end < 0 else end


def _blank(out: bytearray, start: int, end: int) -> None:
    """Spaces for every byte from *start* to *end* but newlines."""
    out[start:end] = re.sub(rb"[^\n]", b" ", bytes(out[start:end]))
