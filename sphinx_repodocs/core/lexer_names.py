"""Pygments' lexer for a file name, asked once per set of its patterns the name matches.

Which lexer Pygments picks for a name depends only on which of the lexers' file name
patterns it matches; asking matches every pattern of every lexer, which was most of
the time spent reading a tree of small files. Pure.
"""

from __future__ import annotations

import fnmatch
import functools
import os

from pygments.lexers import find_lexer_class_for_filename, get_all_lexers
from pygments.util import ClassNotFound

#: (the ``*.ext`` suffixes a name ends with, the other patterns it matches).
_Key = tuple[tuple[str, ...], tuple[str, ...]]
_ASKED: dict[_Key, tuple[str, str] | None] = {}


def lexer_for_filename(filename: str) -> tuple[str, str] | None:
    """(name, first alias) of Pygments' lexer for *filename*, or None."""
    name = os.path.basename(filename)
    suffixes, others = _filename_patterns()
    key = (
        tuple(name[at:] for at in range(len(name)) if name[at] == "." and name[at:] in suffixes),
        tuple(pattern for pattern in others if fnmatch.fnmatchcase(name, pattern)),
    )
    if key not in _ASKED:
        _ASKED[key] = _ask_pygments(name)
    return _ASKED[key]


@functools.cache
def _filename_patterns() -> tuple[frozenset[str], tuple[str, ...]]:
    """Pygments' file name patterns: the suffixes of the plain ``*.ext`` ones, and the
    others (``Makefile.*``, ``*.[1-9]``, ``CMakeLists.txt``)."""
    suffixes: set[str] = set()
    others: set[str] = set()
    for _name, _aliases, patterns, _types in get_all_lexers(plugins=True):
        for pattern in patterns:
            if pattern.startswith("*.") and not any(c in pattern[2:] for c in "*?["):
                suffixes.add(pattern[1:])
            else:
                others.add(pattern)
    return frozenset(suffixes), tuple(sorted(others))


def _ask_pygments(name: str) -> tuple[str, str] | None:
    try:
        lexer_class = find_lexer_class_for_filename(name)
    except ClassNotFound:
        return None
    if lexer_class is None or not lexer_class.aliases:
        return None
    return lexer_class.name, lexer_class.aliases[0]
