"""Which files Pygments' names get wrong as C: a ``.h`` with C++ in it, and C++
inline files (``.inl``, ``.tcc``) it does not know. Pure."""

from __future__ import annotations

import re

from .classify import PLAIN_TEXT, Language

_CPP = Language("C++", "cpp")
#: C++ conventions Pygments does not know: inline and template implementation files.
_CPP_SUFFIXES = (".inl", ".tcc")
#: What only C++ has, at the start of a line (comments' lines start with ``*`` or
#: ``//``): a namespace, a class with a body or a base, a template, access labels.
_CPP_CONSTRUCT = re.compile(
    r"^[ \t]*(?:(namespace)\s+[A-Za-z_][\w:]*\s*\{|(namespace)\s*\{"
    r"|(template)\s*<|(class)\s+[A-Za-z_]\w*\s*(?:final\s*)?[:{]"
    r"|(extern\s+\"C\+\+\")|(using\s+namespace)\s|(public|private|protected)\s*:)",
    re.MULTILINE,
)


def cpp_header(name: str, language: Language, text: str) -> tuple[Language, str] | None:
    """C++ and the reason, for a C header (``.h``, as Pygments names it) whose text has
    C++ constructs, or a file named as C++ inline code; None otherwise."""
    if language is PLAIN_TEXT and name.endswith(_CPP_SUFFIXES):
        return _CPP, f"the .{name.rpartition('.')[2]} suffix of C++ inline code"
    if language.lexer != "c" or not name.endswith(".h"):
        return None
    match = _CPP_CONSTRUCT.search(text)
    if match is None:
        return None
    construct = next(group for group in match.groups() if group)
    line = text.count("\n", 0, match.start()) + 1
    return _CPP, f"a .h file with C++ constructs ({construct} at line {line})"
