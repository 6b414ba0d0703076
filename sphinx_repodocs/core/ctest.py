"""Which CTest tests run a C or C++ source file's program, for ``ctest -R`` commands.
Pure: reads the repository's ``CMakeLists.txt`` files (capped) with the CMake reader.

Certain only when every step is written literally: the top ``CMakeLists.txt`` enables
testing (``enable_testing()`` or ``include(CTest)``), reaches the file's
``CMakeLists.txt`` through ``add_subdirectory`` calls, and there ``add_executable(exe
... file ...)`` and ``add_test(NAME test COMMAND exe)`` (or ``add_test(test exe)``)
name it, outside any block but ``if(BUILD_TESTING)`` or ``if(OPTION)`` of an
``option(OPTION "..." ON)`` the top file declares. A variable, a generator expression,
another condition or a function around them means no command.
"""

from __future__ import annotations

import posixpath
import re
import shlex
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from .capped import read_capped
from .commands import Command, RunPlan
from .extract.cmake import CMakeSyntaxError, commands
from .extract.cmake import Command as CMakeCommand
from .phrases import P_

#: A ``CMakeLists.txt`` is read only up to this size.
CMAKE_MAX_BYTES = 1 << 20
#: Deepest chain of ``add_subdirectory`` followed.
_MAX_DEPTH = 32
_OPTIONS = frozenset({"WIN32", "MACOSX_BUNDLE", "EXCLUDE_FROM_ALL"})
_TESTING_BLOCK = ("BUILD_TESTING",)


@dataclass(frozen=True, slots=True)
class CTestCase:
    """A test CTest runs, the program it runs, and where it is registered."""

    name: str
    cmake_file: str
    line: int


def ctest_cases(root: str, files: Mapping[str, object]) -> dict[str, tuple[CTestCase, ...]]:
    """Source file -> the tests that run the program it is built into."""
    if "CMakeLists.txt" not in files:
        return {}
    found: dict[str, list[CTestCase]] = {}
    top = list(_read(root, "CMakeLists.txt"))
    # Options the top file turns on by default: their if() blocks run, as BUILD_TESTING's.
    on_by_default = {
        str(c.arguments[0])
        for c, depth in top
        if c.name == "option" and depth == 0 and len(c.arguments) >= 3 and c.arguments[2] == "ON"
    }
    top = list(_read(root, "CMakeLists.txt", frozenset(on_by_default)))
    enabled = any(
        c.name == "enable_testing" or (c.name == "include" and c.arguments[:1] == ("CTest",))
        for c, depth in top
        if depth == 0
    )
    if not enabled:
        return {}
    pending: list[str] = ["CMakeLists.txt"]
    seen: set[str] = set()
    while pending and len(seen) < 10_000:
        listing = pending.pop()
        if listing in seen:
            continue
        seen.add(listing)
        folder = posixpath.dirname(listing)
        programs: dict[str, list[str]] = {}
        listed = _read(root, listing, frozenset(on_by_default))
        for command, depth in listed if listing != "CMakeLists.txt" else top:
            arguments = command.arguments
            if depth or None in arguments[:1]:
                continue
            if command.name == "add_subdirectory" and (below := arguments[0]) is not None:
                child = posixpath.normpath(posixpath.join(folder, below, "CMakeLists.txt"))
                if child in files and child.count("/") <= _MAX_DEPTH:
                    pending.append(child)
            elif command.name == "add_executable" and None not in arguments:
                sources = [a for a in arguments[1:] if a is not None and a not in _OPTIONS]
                paths = [posixpath.normpath(posixpath.join(folder, s)) for s in sources]
                programs[str(arguments[0])] = [p for p in paths if p in files]
            elif command.name == "add_test" and (test := _test(arguments)) is not None:
                name, program = test
                for source in programs.get(program, ()):
                    found.setdefault(source, []).append(CTestCase(name, listing, command.line))
    return {source: tuple(cases) for source, cases in sorted(found.items())}


def _read(
    root: str, listing: str, on_by_default: frozenset[str] = frozenset()
) -> Iterator[tuple[CMakeCommand, int]]:
    """The commands of *listing* with their block depth (0: always run; a block of
    ``if(BUILD_TESTING)``, or of an option *on_by_default*, counts as 0)."""
    data = read_capped(posixpath.join(root, listing), CMAKE_MAX_BYTES)
    if data is None:
        return
    blocks: list[bool] = []  # True: a block that always runs when testing
    try:
        for command in commands(data.decode("utf-8", "replace")):
            name = command.name
            if name in ("if", "function", "macro", "foreach", "while", "block"):
                arguments = command.arguments
                always = len(arguments) == 1 and arguments[0] in {*_TESTING_BLOCK, *on_by_default}
                blocks.append(name == "if" and always)
            elif name in ("endif", "endfunction", "endmacro", "endforeach", "endwhile"):
                if blocks:
                    blocks.pop()
            elif name in ("else", "elseif") and blocks:
                blocks[-1] = False
            elif name != "endblock":
                yield command, sum(1 for always in blocks if not always)
            elif blocks:
                blocks.pop()
    except CMakeSyntaxError:
        return


def _test(arguments: tuple[str | None, ...]) -> tuple[str, str] | None:
    """(test name, program) of ``add_test(NAME n COMMAND p ...)`` or ``add_test(n p)``."""
    if None in arguments[:4]:
        return None
    if arguments[:1] == ("NAME",):
        if len(arguments) >= 4 and arguments[2] == "COMMAND":
            return str(arguments[1]), str(arguments[3])
        return None
    return (str(arguments[0]), str(arguments[1])) if len(arguments) >= 2 else None


def _escape(name: str) -> str:
    """*name* as a CMake regular expression that matches only it."""
    return re.sub(r"([\^$.\[\]*+?()|\\])", r"\\\1", name)


def ctest_plan(cases: tuple[CTestCase, ...]) -> RunPlan:
    """``ctest -R '^name$'`` for each test, in a build folder made first."""
    commands = tuple(
        Command(
            f"{case.name} ({case.cmake_file}:{case.line})",
            f"ctest --test-dir build -R {shlex.quote(f'^{_escape(case.name)}$')}",
            0,
        )
        for case in cases
    )
    intro = P_(
        "CTest runs the program this file is built into in the tests below (tests "
        "registered under other conditions are not listed); configure and build first "
        "(cmake -S . -B build && cmake --build build)."
    )
    return RunPlan(intro, commands, ())
