"""How to run a file, as commands run from the repository root. Pure.

Files with something to run get commands: Python tests (pytest or unittest, with a
command per test class or function) and scripts with an ``if __name__ ==
"__main__"`` block (with the options their argparse or click calls declare), and Rust
``#[test]`` functions in a Cargo target that is certain (``core.cargo_tests``). A
documentation or data file never gets a command.
"""

from __future__ import annotations

import shlex

from .cargo_tests import cargo_plan
from .commands import MAX_TEST_COMMANDS, Command, RunPlan, sentences, test_label
from .ctest import ctest_plan
from .extract.base import Extraction, Running, TestCase
from .go_tests import go_plan
from .js_tests import js_plan
from .model import RepoFile
from .phrases import P_
from .run_context import RunContext
from .test_evidence import counted_tests, describe_tests


def run_plan(
    file: RepoFile, extraction: Extraction | None, context: RunContext | None = None
) -> RunPlan | None:
    running = extraction.running if extraction is not None else None
    context = context or RunContext()
    if running is not None and context.cargo is not None and file.kind == "text":
        return cargo_plan(running, context.cargo)
    if running is not None and context.go is not None and file.kind == "text":
        return go_plan(running, context.go)
    if context.ctest and file.kind == "text":
        return ctest_plan(context.ctest)
    if context.js is not None and file.kind == "text":
        return js_plan(context.js)
    if running is None or file.lexer != "python" or file.kind != "text":
        return None
    path = shlex.quote(file.path)
    if running.framework and file.purpose == "test" and context.collected:
        return _test_plan(file, running, path, context)
    if running.main_line:
        command = _script_command(file, extraction, context)
        if command is None:
            return None
        intro = P_(
            'The file runs as a script: its if __name__ == "__main__" block is at line {line}.',
            line=running.main_line,
        )
        script = Command(P_("the script"), command, running.main_line)
        return RunPlan(intro, (script,), running.options)
    return None


def _script_command(
    file: RepoFile, extraction: Extraction | None, context: RunContext
) -> str | None:
    """``python path``; ``python -m module`` where running by path would fail (a
    package's ``__main__.py``, relative imports, imports of a root package from a
    folder); None when neither can work."""
    relative = extraction is not None and any(i.level for i in extraction.imports)
    if file.name != "__main__.py" and not relative and context.runs_by_path:
        return f"python {shlex.quote(file.path)}"
    parts = file.path.removesuffix(".py").split("/")
    if file.name == "__main__.py":
        parts = parts[:-1]
    if parts and all(part.isidentifier() for part in parts):
        return f"python -m {'.'.join(parts)}"
    return None


def _test_plan(file: RepoFile, running: Running, path: str, context: RunContext) -> RunPlan:
    tests = running.tests
    defined = describe_tests(*counted_tests(running))
    listed = tests[:MAX_TEST_COMMANDS]
    pytest_commands = [Command(P_("all tests"), f"python -m pytest {path}", 0)]
    pytest_commands += [
        Command(test_label(t), f"python -m pytest {shlex.quote(f'{file.path}::{t.name}')}", t.line)
        for t in listed
    ]
    if running.framework != "unittest":
        intro = P_("The file defines {tests}, run with pytest.", tests=defined)
        commands = pytest_commands
    elif context.pytest_configured:
        intro = P_(
            "The file defines {tests} (unittest); the repository is configured for "
            "pytest, which runs them.",
            tests=defined,
        )
        commands = [*pytest_commands, _unittest_commands(file, listed, context)[0]]
    else:
        intro = P_("The file defines {tests}, run with unittest.", tests=defined)
        commands = _unittest_commands(file, listed, context)
    if running.main_runs_tests and (main := _main_command(file, path, context)):
        commands.append(Command(P_("its __main__ block"), main, running.main_line))
    more = []
    if running.condition:
        more.append(P_("Its tests are {condition}.", condition=running.condition))
    if package := context.installed_package:
        more.append(
            P_(
                "It imports {package}, which is under src/: install the project first "
                "(pip install -e .).",
                package=package,
            )
        )
    return RunPlan(sentences(intro, *more), tuple(commands), (), len(tests) - len(listed))


def _unittest_commands(
    file: RepoFile, listed: tuple[TestCase, ...], context: RunContext
) -> list[Command]:
    """``python -m unittest a.test_x`` where the dotted name imports this file, else
    discovery in the file's folder (which imports it as a top-level module, like
    pytest's default import mode), with ``-k`` patterns that match one class exactly."""
    module = _module_name(file.path)
    if context.importable and module:
        commands = [Command(_all_tests(context), f"python -m unittest {module}", 0)]
        return commands + [
            Command(test_label(t), f"python -m unittest {module}.{t.name}", t.line) for t in listed
        ]
    folder, _, name = file.path.rpartition("/")
    discover = f"python -m unittest discover -s {shlex.quote(folder)} -p {shlex.quote(name)}"
    commands = [Command(_all_tests(context), discover, 0)]
    return commands + [
        Command(test_label(t), f"{discover} -k {shlex.quote(f'*.{t.name}.*')}", t.line)
        for t in listed
    ]


def _all_tests(context: RunContext) -> str:
    return P_("all tests (unittest)") if context.pytest_configured else P_("all tests")


def _main_command(file: RepoFile, path: str, context: RunContext) -> str | None:
    if context.runs_by_path:
        return f"python {path}"
    module = _module_name(file.path)
    return f"python -m {module}" if module and context.importable else None


def _module_name(path: str) -> str | None:
    """``tests/test_x.py`` -> ``tests.test_x``; None when a part is not an identifier."""
    parts = path.removesuffix(".py").split("/")
    return ".".join(parts) if all(part.isidentifier() for part in parts) else None
