"""The tests a Python file defines, as evidence of its purpose. Pure.

A source file that imports a test framework and defines tests is a test; a test file
(by its path or name) says what tests it defines. Both sentences are made here, so
the page can tell which of them the purpose's reason already is.
"""

from __future__ import annotations

import dataclasses

from .extract.base import Extraction, Running
from .extract.python import METHOD as PYTHON_METHOD
from .model import RepoFile
from .phrases import P_

#: Test frameworks whose import, with test definitions, makes a source file a test.
TEST_FRAMEWORKS = frozenset({"pytest", "unittest"})


def counted_tests(running: Running | None) -> tuple[int, int]:
    """(test functions, test classes) at the file's top level."""
    if running is None:
        return 0, 0
    classes = sum(1 for test in running.tests if test.is_class)
    return len(running.tests) - classes, classes


def describe_tests(functions: int, classes: int) -> str:
    """ "2 test functions and 1 test class", as a phrase ("" for none)."""
    if functions and classes:
        return _both_described(functions, classes)
    if functions:
        if functions == 1:
            return P_("{functions} test function", functions=functions)
        return P_("{functions} test functions", functions=functions)
    if classes:
        if classes == 1:
            return P_("{classes} test class", classes=classes)
        return P_("{classes} test classes", classes=classes)
    return ""


def _both_described(functions: int, classes: int) -> str:
    if functions == 1 and classes == 1:
        return P_("{functions} test function and {classes} test class", functions=1, classes=1)
    if functions == 1:
        return P_(
            "{functions} test function and {classes} test classes", functions=1, classes=classes
        )
    if classes == 1:
        return P_(
            "{functions} test functions and {classes} test class",
            functions=functions,
            classes=1,
        )
    return P_(
        "{functions} test functions and {classes} test classes",
        functions=functions,
        classes=classes,
    )


def _content_reason(extraction: Extraction | None) -> str | None:
    """Why the file is a test by what it holds, or None when it holds no such evidence."""
    if extraction is None or extraction.running is None or not extraction.running.framework:
        return None
    imported = {statement.module.partition(".")[0] for statement in extraction.imports}
    frameworks = sorted(imported & TEST_FRAMEWORKS)
    if not frameworks:
        return None
    defined = describe_tests(*counted_tests(extraction.running))
    if len(frameworks) == 1:
        return P_(
            "it imports {framework} and defines {tests}", framework=frameworks[0], tests=defined
        )
    return P_(
        "it imports {framework} and {other_framework} and defines {tests}",
        framework=frameworks[0],
        other_framework=frameworks[1],
        tests=defined,
    )


#: Python files a test runner reads that are expected to define no tests.
_RUNNER_FILES = frozenset({"conftest.py", "__init__.py", "__main__.py"})

#: Why a Python file named or placed like a test is not one.
TEST_SUPPORT_REASON = P_("named or placed like a test, but it defines no tests")
TEST_BASES_REASON = P_(
    "its test methods are in classes no test runner collects (bases for tests elsewhere)"
)


def with_test_evidence(file: RepoFile, extraction: Extraction | None) -> RepoFile:
    """*file*, as a test when it is a source file that imports a test framework and
    defines tests; as test support when it is Python that is named or placed like a test
    but defines none (its syntax tree says so exactly: helpers, base ``TestCase``s)."""
    if file.purpose == "test":
        return _test_or_support(file, extraction)
    if file.purpose != "source":
        return file
    reason = _content_reason(extraction)
    if reason is None:
        return file
    return dataclasses.replace(file, purpose="test", purpose_reason=reason)


def _test_or_support(file: RepoFile, extraction: Extraction | None) -> RepoFile:
    if (
        file.lexer != "python"
        or file.name in _RUNNER_FILES
        or extraction is None
        or extraction.method != PYTHON_METHOD
        or extraction.problem is not None
        or any(counted_tests(extraction.running))
    ):
        return file
    bases = any(
        symbol.kind == "method" and symbol.name.startswith("test") for symbol in extraction.symbols
    )
    reason = TEST_BASES_REASON if bases else TEST_SUPPORT_REASON
    return dataclasses.replace(file, purpose="test support", purpose_reason=reason)


def tests_defined_sentence(file: RepoFile, extraction: Extraction | None) -> str:
    """ " It defines 3 test functions." for a test file, unless its purpose's reason
    already says so (the purpose was found from its tests) or it defines none."""
    running = extraction.running if extraction is not None else None
    functions, classes = counted_tests(running)
    if file.purpose != "test" or not (functions or classes):
        return ""
    if file.purpose_reason == _content_reason(extraction):
        return ""
    # The page writes it right after the reason's full stop, space included.
    return P_(" It defines {tests}.", tests=describe_tests(functions, classes))
