"""How a Python file runs, from its syntax tree: the tests it defines (pytest or
unittest), its ``__main__`` block and the command-line options it declares. Pure."""

from __future__ import annotations

import ast
import re

from .base import Option, Running, TestCase
from .python_skips import module_condition, skip_condition
from .python_tree import ImportedNames, TreeNodes, keyword_argument, main_block

_TEST_CASE_BASES = frozenset({"TestCase", "IsolatedAsyncioTestCase"})


#: Decorators that make a ``test*`` function something else (a fixture).
_NOT_TESTS = frozenset({"pytest.fixture", "pytest_asyncio.fixture"})


def running(nodes: TreeNodes, names: ImportedNames) -> Running | None:
    main = main_block(nodes.tree)
    tests = _test_cases(nodes.tree, names)
    imported = set(names.aliases.values())
    framework = ""
    if tests:
        uses_pytest = any(m == "pytest" or m.startswith("pytest.") for m in imported)
        has_unittest = any(case.kind == "unittest" for case in tests)
        functions = any(not case.is_class for case in tests)
        framework = "unittest" if has_unittest and not uses_pytest and not functions else "pytest"
    main_runs_tests = main is not None and any(
        isinstance(node, ast.Call) and _runs_tests(names.dotted(node.func) or "")
        for node in ast.walk(main)
    )
    options = _options(nodes, names)
    if not tests and main is None:
        return None
    return Running(
        framework=framework,
        tests=tuple(tests),
        main_line=main.lineno if main is not None else 0,
        main_runs_tests=main_runs_tests,
        options=tuple(options),
        condition=module_condition(nodes.tree, names) if tests else "",
    )


#: A call whose name says it runs the tests (a project's own ``run_tests()`` helper).
_RUNS_TESTS_NAME = re.compile(r"^(run_?(all_?)?tests?|run_?unittest|test_?main)$", re.IGNORECASE)


def _runs_tests(dotted: str) -> bool:
    """``unittest.main()``, ``pytest.main()``, or a call named like a test runner."""
    if dotted in ("unittest.main", "pytest.main"):
        return True
    return bool(_RUNS_TESTS_NAME.match(dotted.rpartition(".")[2]))


def _test_cases(tree: ast.Module, names: ImportedNames) -> list[TestCase]:
    """Test functions, and test classes that hold (or inherit from a class of this file)
    at least one test method: a base ``TestCase`` with none runs no tests."""
    cases: list[TestCase] = []
    #: TestCase subclasses of this file so far: their subclasses are test cases too.
    local_cases = set(_TEST_CASE_BASES)
    #: Classes of this file that define test methods (inherited by their subclasses).
    with_tests: set[str] = set()
    for node in tree.body:
        if (
            isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.name.startswith("test")
            and not _is_fixture(node, names)
        ):
            condition = skip_condition(node, names)
            cases.append(TestCase(node.name, "pytest", node.lineno, False, condition))
        elif isinstance(node, ast.ClassDef):
            bases = {(names.dotted(b) or "").rpartition(".")[2] for b in node.bases}
            if _has_test_methods(node) or bases & with_tests:
                with_tests.add(node.name)
            if bases & local_cases:
                local_cases.add(node.name)
                if node.name in with_tests:
                    condition = skip_condition(node, names)
                    cases.append(TestCase(node.name, "unittest", node.lineno, True, condition))
            elif node.name.startswith("Test") and node.name in with_tests and not _has_init(node):
                condition = skip_condition(node, names)
                cases.append(TestCase(node.name, "pytest", node.lineno, True, condition))
    return cases


def _is_fixture(node: ast.FunctionDef | ast.AsyncFunctionDef, names: ImportedNames) -> bool:
    return any(
        names.dotted(d.func if isinstance(d, ast.Call) else d) in _NOT_TESTS
        for d in node.decorator_list
    )


def _has_test_methods(node: ast.ClassDef) -> bool:
    return any(
        isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name.startswith("test")
        for n in node.body
    )


def _has_init(node: ast.ClassDef) -> bool:
    # pytest does not collect classes with an __init__.
    return any(isinstance(n, ast.FunctionDef) and n.name == "__init__" for n in node.body)


def _options(nodes: TreeNodes, names: ImportedNames) -> list[Option]:
    """Command-line options declared with argparse's add_argument or click's option."""
    options: list[Option] = []
    for node in nodes.calls:
        is_argparse = isinstance(node.func, ast.Attribute) and node.func.attr == "add_argument"
        if not is_argparse and names.dotted(node.func) not in ("click.option", "click.argument"):
            continue
        flags = [
            a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
        ]
        if not flags:
            continue
        help_node = keyword_argument(node, "help")
        help_text = help_node.value if isinstance(help_node, ast.Constant) else ""
        options.append(Option(" ".join(flags), " ".join(str(help_text).split()), node.lineno))
    return sorted(options, key=lambda option: option.line)
