"""Every test command a page prints runs, from the repository root, and runs tests:
on the layouts where the obvious command fails (a ``test/`` folder the standard
library's ``test`` package shadows), and in a repository configured for pytest."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from .conftest import RST_CONF, RST_INDEX, Builds, file_page_html, warnings_of, write_tree
from .html_tree import parse_html

UNITTEST_FILE = """\
import unittest


class TestWidget(unittest.TestCase):
    def test_size(self):
        self.assertEqual(len("ab"), 2)


class TestWidgetMore(unittest.TestCase):
    def test_more(self):
        self.assertTrue(True)


def run_tests():
    unittest.main()


if __name__ == "__main__":
    run_tests()
"""


def built_site(tmp_path_factory, files) -> tuple[Path, SphinxTestApp]:
    """A repository of *files* and its warning-free build, for a module's tests."""
    root = write_tree(tmp_path_factory.mktemp("site") / "repo", files)
    app = Builds()(root / "docs")
    assert warnings_of(app) == ""
    return root, app


def page_commands(app, path: str) -> list[str]:
    page = parse_html(file_page_html(app, path))
    section = page.find(class_="repodocs-run")
    return [code.text() for code in section.find_all("code")]


def _run(root, command: str) -> str:
    argv = [sys.executable, *shlex.split(command)[1:]]
    done = subprocess.run(argv, cwd=root, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, (command, done.stdout, done.stderr)
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def layouts(tmp_path_factory):
    root = tmp_path_factory.mktemp("layouts") / "repo"
    write_tree(
        root,
        {
            "docs/conf.py": RST_CONF,
            "docs/index.rst": RST_INDEX,
            "test/test_widget.py": UNITTEST_FILE,  # no __init__.py: stdlib `test` wins
            "widget/__init__.py": "SIZE = 2\n",
            "test/test_uses_root.py": (
                "import unittest\n\nimport widget\n\n\nclass TestSize(unittest.TestCase):\n"
                "    def test_size(self):\n        self.assertEqual(widget.SIZE, 2)\n\n\n"
                'if __name__ == "__main__":\n    unittest.main()\n'
            ),
            "suite/__init__.py": "",
            "suite/test_widget.py": UNITTEST_FILE,
        },
    )
    return root


def test_a_shadowed_test_folder_gets_commands_that_run(layouts, build):
    app = build(layouts / "docs")
    commands = page_commands(app, "test/test_widget.py")
    assert commands == [
        "python -m unittest discover -s test -p test_widget.py",
        "python -m unittest discover -s test -p test_widget.py -k '*.TestWidget.*'",
        "python -m unittest discover -s test -p test_widget.py -k '*.TestWidgetMore.*'",
        "python test/test_widget.py",  # its __main__ calls run_tests(), which runs them
    ]
    ran = [_run(layouts, command) for command in commands]
    assert ["Ran 2 tests" in ran[0], "Ran 1 test " in ran[1], "Ran 1 test " in ran[2]] == [True] * 3
    assert "Ran 2 tests" in ran[3]
    # What the old pages printed fails: the standard library's test package hides it.
    done = subprocess.run(
        [sys.executable, "-m", "unittest", "test.test_widget"], cwd=layouts, capture_output=True
    )
    assert done.returncode != 0


def test_a_file_that_imports_a_root_package_is_not_run_by_path(layouts, build):
    app = build(layouts / "docs")
    commands = page_commands(app, "test/test_uses_root.py")
    # `python test/test_uses_root.py` puts test/ first on sys.path: `import widget` fails.
    assert commands == [
        "python -m unittest discover -s test -p test_uses_root.py",
        "python -m unittest discover -s test -p test_uses_root.py -k '*.TestSize.*'",
    ]
    assert all("Ran 1 test " in _run(layouts, command) for command in commands)
    done = subprocess.run(
        [sys.executable, "test/test_uses_root.py"], cwd=layouts, capture_output=True
    )
    assert done.returncode != 0


def test_a_regular_package_gets_module_commands(layouts, build):
    app = build(layouts / "docs")
    commands = page_commands(app, "suite/test_widget.py")
    assert commands[:2] == [
        "python -m unittest suite.test_widget",
        "python -m unittest suite.test_widget.TestWidget",
    ]
    assert "Ran 2 tests" in _run(layouts, commands[0])
    assert "Ran 1 test " in _run(layouts, commands[1])


def test_a_pytest_configured_repository_gets_pytest_first(tmp_path, build):
    root = write_tree(
        tmp_path / "repo",
        {
            "docs/conf.py": RST_CONF,
            "docs/index.rst": RST_INDEX,
            "pyproject.toml": (
                '[project]\nname = "x"\n\n[tool.pytest.ini_options]\naddopts = "-q"\n'
            ),
            "tests/test_widget.py": UNITTEST_FILE,
        },
    )
    app = build(root / "docs")
    commands = page_commands(app, "tests/test_widget.py")
    assert commands == [
        "python -m pytest tests/test_widget.py",
        "python -m pytest tests/test_widget.py::TestWidget",
        "python -m pytest tests/test_widget.py::TestWidgetMore",
        "python -m unittest discover -s tests -p test_widget.py",
        "python tests/test_widget.py",
    ]
    ran = [_run(root, command) for command in commands]
    assert "2 passed" in ran[0] and "1 passed" in ran[1] and "1 passed" in ran[2]
    assert "Ran 2 tests" in ran[3] and "Ran 2 tests" in ran[4]


def test_a_src_layout_says_to_install_first(tmp_path, build):
    root = write_tree(
        tmp_path / "repo",
        {
            "docs/conf.py": RST_CONF,
            "docs/index.rst": RST_INDEX,
            "pyproject.toml": '[project]\nname = "gadget"\n',
            "src/gadget/__init__.py": "SIZE = 2\n",
            "tests/test_gadget.py": (
                "import gadget\n\n\ndef test_size():\n    assert gadget.SIZE == 2\n"
            ),
        },
    )
    app = build(root / "docs")
    text = (
        parse_html(file_page_html(app, "tests/test_gadget.py")).find(class_="repodocs-run").text()
    )
    assert "It imports gadget, which is under src/: install the project first" in text
    command = page_commands(app, "tests/test_gadget.py")[0]
    assert command == "python -m pytest tests/test_gadget.py"
    argv = [sys.executable, *command.split()[1:]]
    environment = {**os.environ, "PYTHONPATH": str(root / "src")}  # as if installed
    done = subprocess.run(argv, cwd=root, capture_output=True, text=True, env=environment)
    assert done.returncode == 0 and "1 passed" in done.stdout


def test_pytest_toml_fixtures_and_collect_ignore(tmp_path, build):
    """pytest 9's ``.pytest.toml`` configures pytest; a ``test_*`` fixture is no test;
    what a ``conftest.py`` keeps out of collection gets no command (Sphinx's
    ``tests/roots``)."""
    root = write_tree(
        tmp_path / "repo",
        {
            "docs/conf.py": RST_CONF,
            "docs/index.rst": RST_INDEX,
            ".pytest.toml": '[pytest]\ntestpaths = ["tests"]\n',
            "tests/conftest.py": "collect_ignore = ['roots']\n",
            "tests/roots/dummy.py": "def test():\n    pass\n",
            "tests/test_real.py": (
                "import pytest\n\n\n@pytest.fixture\ndef test_data():\n    return 2\n\n\n"
                "def test_uses(test_data):\n    assert test_data == 2\n"
            ),
            "tests/test_legacy.py": UNITTEST_FILE,
        },
    )
    app = build(root / "docs")
    commands = page_commands(app, "tests/test_real.py")
    assert commands == [
        "python -m pytest tests/test_real.py",
        "python -m pytest tests/test_real.py::test_uses",
    ]
    assert "1 passed" in _run(root, commands[1])
    assert page_commands(app, "tests/test_legacy.py")[0] == "python -m pytest tests/test_legacy.py"
    dummy = parse_html(file_page_html(app, "tests/roots/dummy.py"))
    assert not dummy.find_all(class_="repodocs-run")
