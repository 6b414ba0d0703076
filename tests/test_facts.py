"""Facts found in the code: each rule's exact findings and lines, and no filler."""

from __future__ import annotations

import ast
import textwrap

import pytest

from sphinx_repodocs.core.extract import extract
from sphinx_repodocs.core.extract.base import MAX_CITED_LINES
from sphinx_repodocs.core.extract.comments import leading_comment
from sphinx_repodocs.core.extract.python import extract_python
from sphinx_repodocs.core.extract.python_facts import python_facts
from sphinx_repodocs.core.how_to_run import run_plan
from sphinx_repodocs.core.model import RepoFile
from sphinx_repodocs.core.read import describe_file
from sphinx_repodocs.core.scan import ScanSettings, scan
from sphinx_repodocs.core.test_evidence import with_test_evidence

from .conftest import write_tree


def facts_of(source: str) -> dict[tuple[str, str], tuple[int, tuple[int, ...]]]:
    found, _ = python_facts(ast.parse(textwrap.dedent(source)))
    return {(fact.category, fact.text): (fact.count, fact.lines) for fact in found}


PATTERNS = """\
import abc
import enum
from contextlib import contextmanager
from dataclasses import dataclass
import torch.autograd as autograd


class Base(abc.ABC):
    @abc.abstractmethod
    def run(self): ...


class Colour(enum.Enum):
    RED = 1


@dataclass
class Point:
    x: int


class Square(autograd.Function):
    pass


class Cube(autograd.Function):
    pass


class Managed:
    def __enter__(self): return self
    def __exit__(self, *exc): return False


class Local(Point):
    pass


class Broken(ValueError):
    pass


@contextmanager
def opened():
    yield


async def fetch():
    return 1


if __name__ == "__main__":
    import argparse
    parser = argparse.ArgumentParser()
"""


def test_patterns_with_their_lines():
    found = facts_of(PATTERNS)
    pattern = {text: value for (category, text), value in found.items() if category == "pattern"}
    assert pattern == {
        "abstract classes": (1, (8,)),
        "decorator @abc.abstractmethod": (1, (9,)),
        "enumerations": (1, (13,)),
        "dataclasses": (1, (18,)),
        "classes subclassing torch.autograd.Function": (2, (22, 26)),
        "context-manager classes": (1, (30,)),
        "exception classes": (1, (39,)),
        "decorator @contextlib.contextmanager": (1, (43,)),
        "async functions": (1, (48,)),
        'an if __name__ == "__main__" block': (1, (52,)),
        "command-line parser (argparse.ArgumentParser)": (1, (54,)),
    }
    # One fact per finding: an enumeration, a dataclass, an abstract base class is not
    # also "subclassing enum.Enum", "decorator @dataclass", "subclassing abc.ABC".
    # Local(Point): the file's own hierarchy is in its keyword index, not a pattern.
    assert not any("Point" in text for text in pattern)


SECURITY = """\
import os, pickle, yaml, hashlib, tempfile, ssl
import subprocess as sp
from marshal import loads
import requests

eval("1 + 1")
exec(code)
pickle.loads(data)
loads(data)
yaml.load(stream)
yaml.load(stream, Loader=yaml.SafeLoader)
sp.run("ls", shell=True)
sp.run(["ls"], shell=False)
os.system("ls")
tempfile.mktemp()
hashlib.md5(b"x")
hashlib.md5(b"x", usedforsecurity=False)
hashlib.new("sha1")
requests.get(url, verify=False)
context = ssl._create_unverified_context()
context.verify_mode = ssl.CERT_NONE
PASSWORD = "hunter2"
api_key: str = "abc"
token = ""
label = "a password in a string is just text"
check_output("ls", shell=True)
"""


def test_security_rules_with_their_lines_and_never_the_secret_value():
    security = {
        text: value
        for (category, text), value in facts_of(SECURITY).items()
        if category == "security"
    }
    assert security == {
        "eval() runs a string as Python code": (1, (6,)),
        "exec() runs a string as Python code": (1, (7,)),
        "pickle.loads() can run code hidden in the data it loads": (1, (8,)),
        "marshal.loads() can run code hidden in the data it loads": (1, (9,)),
        "yaml.load() without a safe loader": (1, (10,)),
        "subprocess.run() with shell=True": (1, (12,)),
        "os.system() runs a shell command": (1, (14,)),
        "tempfile.mktemp() (the name can be taken before use)": (1, (15,)),
        "hashlib.md5() without usedforsecurity=False": (1, (16,)),
        "hashlib.new() without usedforsecurity=False": (1, (18,)),
        "verify=False (TLS certificate verification off)": (1, (19,)),
        "ssl._create_unverified_context()": (1, (20,)),
        "ssl.CERT_NONE (no certificate verification)": (1, (21,)),
        "a string literal assigned to PASSWORD": (1, (22,)),
        "a string literal assigned to api_key": (1, (23,)),
        "check_output() with shell=True": (1, (26,)),
    }
    assert not any("hunter2" in text for text in security)


def test_names_in_strings_and_shadowed_builtins_are_not_calls():
    found = facts_of(
        """\
        text = "eval(x) and os.system('rm')"
        from mylib import eval
        eval("not the builtin")
        """
    )
    assert found == {}


PERFORMANCE = """\
import numpy as np
from multiprocessing import Pool
import functools
import numba


@numba.njit
def kernel(a):
    for i in a:
        for j in a:
            for k in a:
                pass


@functools.lru_cache(maxsize=None)
def cached(x):
    return x


def move(t):
    return t.cuda()
"""


def test_performance_facts_with_their_lines():
    performance = {
        text: value
        for (category, text), value in facts_of(PERFORMANCE).items()
        if category == "performance"
    }
    assert performance == {
        # NumPy (line 1) is a library a whole project imports: not a fact of this file.
        "imports multiprocessing (processes)": (1, (2,)),
        "imports the numba JIT compiler": (1, (4,)),
        "@numba.njit: compiled function": (1, (7,)),
        "loops nested 3 or more deep": (1, (11,)),
        "@functools.lru_cache: memoised results": (1, (15,)),
        ".cuda() moves data to the GPU": (1, (21,)),
    }


@pytest.mark.parametrize(
    "source",
    [
        "import torch\n\nx = torch.zeros(3)\n",
        "from threading import local\n\nstate = local()\n",
        "import numpy as np\nimport pandas as pd\nimport asyncio\n",
    ],
)
def test_project_wide_libraries_are_not_performance_facts(source):
    assert not [key for key in facts_of(source) if key[0] == "performance"]


@pytest.mark.parametrize(
    ("source", "deep"),
    [
        (
            "for a in range(2):\n    for b in range(2):\n        for c in (1, 2, 3):\n"
            "            print(a, b, c)\n",
            False,
        ),  # a 2x2x3 test loop
        (
            "for row in rows:\n    for cell in row:\n        for ch in cell:\n"
            "            print(ch)\n",
            True,
        ),
        (
            "for row in rows:\n    for k in range(3):\n        for cell in row:\n"
            "            while cell:\n                cell = cell.next\n",
            True,
        ),
    ],
)
def test_nested_loops_count_only_over_data(source, deep):
    assert (("performance", "loops nested 3 or more deep") in facts_of(source)) is deep


def test_plain_code_has_no_facts():
    assert facts_of("def add(a, b):\n    return a + b\n") == {}


def test_a_fact_cites_its_first_lines_and_counts_all():
    source = "".join(f"@property\ndef p{i}(self): ...\n" for i in range(30))
    count, lines = facts_of(source)[("pattern", "decorator @property")]
    assert count == 30
    assert lines == tuple(range(1, 2 * (MAX_CITED_LINES + 1), 2))  # one more than is cited


@pytest.mark.parametrize(
    ("source", "framework", "tests", "main_runs_tests"),
    [
        (
            "import pytest\n\ndef test_a():\n    pass\n\nclass TestB:\n    def test_c(self): ...\n",
            "pytest",
            ["test_a", "TestB"],
            False,
        ),
        (
            "import unittest\n\nclass T(unittest.TestCase):\n    def test_a(self): ...\n\n"
            "class U(T):  # a subclass of a test case of the same file\n    pass\n\n"
            "if __name__ == '__main__':\n    unittest.main()\n",
            "unittest",
            ["T", "U"],
            True,
        ),
        ("class TestWithInit:\n    def __init__(self): ...\n", "", [], False),
        # Base classes with no test methods run no tests (a test_case.py of helpers).
        (
            "import unittest\n\nclass BaseCase(unittest.TestCase):\n    def setUp(self): ...\n"
            "\nclass TestHelpers:\n    def helper(self): ...\n",
            "",
            [],
            False,
        ),
        (
            "import unittest\n\nclass Base(unittest.TestCase):\n    def test_a(self): ...\n"
            "\nclass More(Base):\n    def setUp(self): ...\n",
            "unittest",
            ["Base", "More"],  # More inherits Base's test_a
            False,
        ),
    ],
)
def test_how_a_file_runs(source, framework, tests, main_runs_tests):
    running = extract_python(source, "t.py").running
    if not tests:
        assert running is None
        return
    assert running is not None
    assert running.framework == framework
    assert [case.name for case in running.tests] == tests
    assert running.main_runs_tests is main_runs_tests


def test_argparse_options_are_read_statically():
    source = textwrap.dedent(
        """\
        import argparse

        def main():
            parser = argparse.ArgumentParser()
            parser.add_argument("path", help="what to read")
            parser.add_argument("-v", "--verbose", action="store_true",
                                help="say more")
            parser.add_argument(*computed)

        if __name__ == "__main__":
            main()
        """
    )
    running = extract_python(source, "tool.py").running
    assert running is not None and running.main_line == 10
    assert [(o.flags, o.help, o.line) for o in running.options] == [
        ("path", "what to read", 5),
        ("-v --verbose", "say more", 6),
    ]


@pytest.mark.parametrize(
    ("text", "lexer", "expected"),
    [
        (
            "#!/bin/sh\n# Copyright 2020 X\n#\n# Builds the docs\n# and uploads them.\nset -e\n",
            "bash",
            "Builds the docs and uploads them.",
        ),
        (
            "/*\n * SPDX-License-Identifier: MIT\n *\n * Fast ring buffer.\n */\nint x;\n",
            "c",
            "Fast ring buffer.",
        ),
        ("// -*- C++ -*-\n// Parses things.\nint x;\n", "cpp", "Parses things."),
        ("int x; // not leading\n", "c", ""),
        ("# Two commands set it all up.\n\nall:\n\techo\n", "make", "Two commands set it all up."),
        ("# a comment in a language we do not know\n", "brainfuck", ""),
    ],
)
def test_leading_comment_overview(text, lexer, expected):
    assert leading_comment(text, lexer) == expected


@pytest.mark.parametrize(
    ("path", "source", "purpose"),
    [
        (
            "tests/test_case.py",
            "import unittest\n\nclass Base(unittest.TestCase):\n    pass\n",
            "test support",
        ),
        ("tests/helpers.py", "def make():\n    return 1\n", "test support"),
        ("tests/test_x.py", "def test_x():\n    assert 1\n", "test"),
        ("tests/conftest.py", "import pytest\n", "test"),
        (
            "tests/seq_tests.py",
            "class CommonTest:\n    def test_len(self):\n        assert len(self.seq()) == 0\n",
            "test support",
        ),
        ("tests/test_broken.py", "def test_x(:\n", "test"),  # unparsed: not known to be empty
    ],
)
def test_a_test_named_module_without_tests_is_test_support(tmp_path, path, source, purpose):
    write_tree(tmp_path, {path: source})
    (entry,) = scan(ScanSettings(root=tmp_path)).files
    file, text = describe_file(str(tmp_path), entry)
    assert text is not None
    extraction = extract(text, path, file.lexer)
    assert with_test_evidence(file, extraction).purpose == purpose
    plan = run_plan(with_test_evidence(file, extraction), extraction)
    assert (plan is not None) == (path == "tests/test_x.py")  # commands only where tests are


SKIPPING = """\
import sys
import unittest

import pytest
from helpers import requires_gpu

torch = pytest.importorskip("torch")


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a GPU")
def test_kernel():
    pass


@requires_gpu
def test_other_kernel():
    pass


@unittest.skipUnless(sys.platform == "linux", "Linux only")
class TestLinux(unittest.TestCase):
    def test_proc(self):
        pass


@unittest.skip("broken")
class TestBroken(unittest.TestCase):
    def test_it(self):
        pass


def test_always():
    pass
"""


def test_skip_conditions_are_read_not_evaluated():
    running = extract_python(SKIPPING, "tests/test_gpu.py").running
    assert running is not None
    assert running.condition == "skipped unless torch can be imported"
    assert {case.name: case.condition for case in running.tests} == {
        "test_kernel": "skipped if not torch.cuda.is_available()",
        "test_other_kernel": "skipped where @requires_gpu says so",
        "TestLinux": "skipped unless sys.platform == 'linux'",
        "TestBroken": "always skipped",
        "test_always": "",
    }


def test_the_run_section_says_what_a_test_needs():
    file = RepoFile("tests/test_gpu.py", "text", 1, "d", "Python", "python", "test", "")
    plan = run_plan(file, extract_python(SKIPPING, file.path))
    assert plan is not None
    assert "Its tests are skipped unless torch can be imported." in plan.intro
    labels = [command.label for command in plan.commands]
    assert "test_kernel (skipped if not torch.cuda.is_available())" in labels
    assert "test_always" in labels
