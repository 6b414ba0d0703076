"""Which files Pygments' names get wrong for C and C++: a ``.h`` with C++ in it, C++
inline files (``.inl``, ``.tcc``) it does not know, and ``.inc``/``.def`` files of C
code (X-macro tables, included fragments) that it names POV-Ray or Singularity. Pure."""

from __future__ import annotations

import re

from .classify import PLAIN_TEXT, Language
from .phrases import P_

CPP = Language("C++", "cpp")
C = Language("C", "c")
#: Included fragments of C code, named otherwise by Pygments (POV-Ray, Singularity).
_FRAGMENT_SUFFIXES = (".inc", ".def")
#: C preprocessor lines POV-Ray and Singularity files do not have (POV-Ray's
#: conditionals end with ``#end``, and it declares with ``#declare``).
_C_PREPROCESSOR = re.compile(r"^[ \t]*#[ \t]*(define|endif|ifndef|undef)\b", re.MULTILINE)
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
    suffix = name.rpartition(".")[2]
    if language is PLAIN_TEXT and name.endswith(_CPP_SUFFIXES):
        return CPP, P_("the .{suffix} suffix of C++ inline code", suffix=suffix)
    if name.endswith(_FRAGMENT_SUFFIXES) and language.lexer not in ("c", "cpp"):
        if (directive := _C_PREPROCESSOR.search(text)) is None:
            return None
        line = text.count("\n", 0, directive.start()) + 1
        evidence = P_("#{directive} at line {line}", directive=directive.group(1), line=line)
        if construct := _CPP_CONSTRUCT.search(text):
            constructs = _first_group(construct)
            return CPP, P_(
                "a .{suffix} file with C++ constructs ({constructs})",
                suffix=suffix,
                constructs=constructs,
            )
        return C, P_("a .{suffix} file of C code ({evidence})", suffix=suffix, evidence=evidence)
    if language.lexer != "c" or not name.endswith(".h"):
        return None
    match = _CPP_CONSTRUCT.search(text)
    if match is None:
        return None
    line = text.count("\n", 0, match.start()) + 1
    return CPP, P_(
        "a .h file with C++ constructs ({construct} at line {line})",
        construct=_first_group(match),
        line=line,
    )


def _first_group(match: re.Match[str]) -> str:
    return next(group for group in match.groups() if group)
