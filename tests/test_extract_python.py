"""Python extraction: the traps the regex-based system fell into, with exact lines."""

from __future__ import annotations

from sphinx_repodocs.core.extract.base import Import, ImportedName
from sphinx_repodocs.core.extract.python import extract_python

TRAPS = '''\
"""Module summary line.

More detail that is not the first paragraph.
"""
from __future__ import annotations

import os, sys as system
from collections import OrderedDict, defaultdict as dd
from . import sibling
from ..pkg.mod import thing
from dataclasses import dataclass

EXPECTED = """
class GraphModule(torch.nn.Module):
    def forward(self, x):
        import torch
"""
# class InComment: subclass from Base
square = lambda x: x * x
name = f"class {square}"

if TYPE_CHECKING:
    from typing import Protocol
else:
    Protocol = object

try:
    import numpy as np
except ImportError:
    np = None


@dataclass
class Point:
    """A point."""

    x: int = 0

    def norm(self):
        return abs(self.x)

    @property
    def twice(self):
        return 2 * self.x


class Outer:
    def test_x(self):
        import json

        class Weird:
            pass

        def helper():
            """Helps."""

        return Weird, helper


async def fetch():
    pass


def duplicate():
    pass


def duplicate():
    pass
'''


def symbols_of(text: str) -> set[tuple[str, str, int]]:
    return {(s.kind, s.qualname, s.line) for s in extract_python(text).symbols}


def test_definitions_are_exact():
    assert symbols_of(TRAPS) == {
        ("class", "Point", 34),  # the class line, not its decorator's
        ("method", "Point.norm", 39),
        ("method", "Point.twice", 43),
        ("class", "Outer", 47),
        ("method", "Outer.test_x", 48),
        ("class", "Outer.test_x.Weird", 51),
        ("function", "Outer.test_x.helper", 54),
        ("function", "fetch", 60),
        ("function", "duplicate", 64),  # every definition site is kept
        ("function", "duplicate", 68),
    }


def test_nothing_from_strings_comments_or_lambdas():
    names = {s.name for s in extract_python(TRAPS).symbols}
    assert not names & {"GraphModule", "forward", "InComment", "Base", "square", "class"}


def test_decorators_docstrings_and_async():
    by_name = {s.qualname: s for s in extract_python(TRAPS).symbols}
    assert by_name["Point"].decorators == ("dataclass",)
    assert by_name["Point"].summary == "A point."
    assert by_name["Point.twice"].decorators == ("property",)
    assert by_name["Outer.test_x.helper"].summary == "Helps."
    assert by_name["fetch"].detail == "async"
    assert extract_python(TRAPS).summary == "Module summary line."


def test_imports_keep_every_name_alias_and_condition():
    imports = extract_python(TRAPS).imports
    assert imports == (
        Import("__future__", (ImportedName("annotations"),), line=5),
        Import("os", line=7),
        Import("sys", alias="system", line=7),
        Import("collections", (ImportedName("OrderedDict"), ImportedName("defaultdict", "dd")), 8),
        Import("", (ImportedName("sibling"),), line=9, level=1),
        Import("pkg.mod", (ImportedName("thing"),), line=10, level=2),
        Import("dataclasses", (ImportedName("dataclass"),), line=11),
        Import("typing", (ImportedName("Protocol"),), line=23, condition="if TYPE_CHECKING"),
        Import("numpy", alias="np", line=28, condition="try (except ImportError)"),
        Import("json", line=49, local=True),
    )


def test_syntax_errors_are_reported_with_their_line():
    result = extract_python("x = 1\nprint 'python 2'\n")
    assert result.symbols == ()
    assert result.problem is not None
    assert result.problem.line == 2
    assert result.problem.message.startswith("SyntaxError: ")


def test_nesting_beyond_the_parser_is_a_problem_not_a_crash():
    result = extract_python("x = " + "(" * 5000 + ")" * 5000 + "\n")
    assert result.problem is not None


def test_null_bytes_are_a_problem_not_a_crash():
    assert extract_python("x = 1\x00\n").problem is not None


def test_the_files_syntax_warnings_are_not_ours_to_print():
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        extract_python('PATTERN = "\\d+"\nassert (1, "x")\nx = "a" "b"()\n', "w.py")
    assert caught == []
