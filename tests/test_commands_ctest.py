"""C and C++ test commands through CTest: each printed ``ctest -R`` runs exactly its
test once the project is configured and built (cmake and a C compiler are run when
installed)."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess

import pytest

from .conftest import RST_CONF, RST_INDEX, file_page_html
from .html_tree import parse_html
from .test_commands_run import built_site, page_commands

CTEST_REPO = {
    "docs/conf.py": RST_CONF,
    "docs/index.rst": RST_INDEX,
    "CMakeLists.txt": (
        "cmake_minimum_required(VERSION 3.20)\nproject(demo C)\nenable_testing()\n"
        'option(WITH_MORE "more tests" ON)\noption(WITH_SLOW "slow tests" OFF)\n'
        "if(WITH_MORE)\n  add_subdirectory(tests)\nendif()\n"
    ),
    "tests/CMakeLists.txt": (
        "add_executable(test_math test_math.c)\n"
        "add_test(NAME math.adds COMMAND test_math add)\n"
        "add_test(math_subs test_math sub)\n"
        "if(WIN32)\n  add_test(NAME windows_only COMMAND test_math add)\nendif()\n"
        "add_test(NAME ${PREFIX}_named COMMAND test_math add)\n"
        "if(WITH_MORE)\n  add_test(NAME more COMMAND test_math sub)\nendif()\n"
        "if(WITH_SLOW)\n  add_test(NAME slow COMMAND test_math add)\nendif()\n"
    ),
    "tests/test_math.c": (
        "#include <string.h>\n\nint main(int argc, char **argv) {\n"
        '    if (argc > 1 && strcmp(argv[1], "add") == 0) return 1 + 1 == 2 ? 0 : 1;\n'
        '    if (argc > 1 && strcmp(argv[1], "sub") == 0) return 2 - 1 == 1 ? 0 : 1;\n'
        "    return 1;\n}\n"
    ),
    # Not reached by add_subdirectory: CMake never reads it.
    "extra/CMakeLists.txt": "add_executable(extra extra.c)\nadd_test(NAME extra COMMAND extra)\n",
    "extra/extra.c": "int main(void) { return 0; }\n",
}


@pytest.fixture(scope="module")
def ctest_site(tmp_path_factory):
    return built_site(tmp_path_factory, CTEST_REPO)


def test_registered_tests_get_anchored_commands(ctest_site):
    _root, app = ctest_site
    assert page_commands(app, "tests/test_math.c") == [
        r"ctest --test-dir build -R '^math\.adds$'",
        "ctest --test-dir build -R '^math_subs$'",
        "ctest --test-dir build -R '^more$'",  # an option that is on by default
    ]
    extra = parse_html(file_page_html(app, "extra/extra.c"))
    assert not extra.find_all(class_="repodocs-run")


@pytest.mark.skipif(
    shutil.which("cmake") is None or shutil.which("ctest") is None or shutil.which("cc") is None,
    reason="cmake, ctest or a C compiler is not installed",
)
def test_the_commands_run_the_tests_they_name(ctest_site):
    root, app = ctest_site
    for step in ("cmake -S . -B build", "cmake --build build"):
        done = subprocess.run(shlex.split(step), cwd=root, capture_output=True, text=True)
        assert done.returncode == 0, (step, done.stdout, done.stderr)
    for command in page_commands(app, "tests/test_math.c"):
        done = subprocess.run(shlex.split(command), cwd=root, capture_output=True, text=True)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
        assert re.search(r"100% tests passed, 0 tests failed out of 1\b", done.stdout), done.stdout
