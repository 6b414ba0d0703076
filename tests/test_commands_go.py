"""Go test commands: each printed ``go test`` runs from the repository root and runs
exactly the tests it names (``go`` is run when installed, offline)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess

import pytest

from .conftest import RST_CONF, RST_INDEX, require_grammar
from .test_commands_run import built_site, page_commands

ADD_TEST = """\
package calc

import "testing"

func TestAdd(t *testing.T) {
	if Add(1, 2) != 3 {
		t.Fatal("wrong")
	}
}

func TestAdd_Negative(t *testing.T) {
	if Add(-1, -2) != -3 {
		t.Fatal("wrong")
	}
}

func Testable(t *testing.T) {} // not a test: a lower-case letter after Test

func helper(t *testing.T) {}
"""
GO_REPO = {
    "docs/conf.py": RST_CONF,
    "docs/index.rst": RST_INDEX,
    "go.mod": "module example.com/calc\n\ngo 1.19\n",
    "calc/add.go": "package calc\n\nfunc Add(a, b int) int {\n\treturn a + b\n}\n",
    "calc/add_test.go": ADD_TEST,
    "tools/go.mod": "module example.com/tools\n\ngo 1.19\n",
    "tools/lint/lint_test.go": (
        '//go:build !windows\n\npackage lint\n\nimport "testing"\n\n'
        "func TestLint(t *testing.T) {}\n"
    ),
    "calc/testdata/skip_test.go": 'package x\n\nimport "testing"\n\nfunc TestNo(t *testing.T) {}\n',
}


@pytest.fixture(scope="module")
def go_site(tmp_path_factory):
    require_grammar("go")  # the tests are found in the syntax tree
    return built_site(tmp_path_factory, GO_REPO)


def test_each_test_gets_an_anchored_run_pattern(go_site):
    _root, app = go_site
    assert page_commands(app, "calc/add_test.go") == [
        "go test ./calc -run '^(TestAdd|TestAdd_Negative)$'",
        "go test ./calc -run '^TestAdd$'",
        "go test ./calc -run '^TestAdd_Negative$'",
    ]
    # Another module: the command runs in its folder; the build constraint is told.
    assert page_commands(app, "tools/lint/lint_test.go") == [
        "cd tools && go test ./lint -run '^(TestLint)$'",
        "cd tools && go test ./lint -run '^TestLint$'",
    ]


@pytest.mark.skipif(shutil.which("go") is None, reason="go is not installed")
def test_the_commands_run_the_tests_they_name(go_site, tmp_path):
    root, app = go_site
    env = {
        **os.environ,
        "GOFLAGS": "-mod=mod",
        "GOPROXY": "off",
        "GOCACHE": str(tmp_path / "cache"),
        "GOPATH": str(tmp_path / "gopath"),
    }
    expected = {
        "go test ./calc -run '^(TestAdd|TestAdd_Negative)$'": 2,
        "go test ./calc -run '^TestAdd$'": 1,
        "go test ./calc -run '^TestAdd_Negative$'": 1,
        "cd tools && go test ./lint -run '^TestLint$'": 1,
    }
    printed = {
        c
        for path in ("calc/add_test.go", "tools/lint/lint_test.go")
        for c in page_commands(app, path)
    }
    assert set(expected) <= printed
    for command, count in expected.items():
        folder, _, rest = command.rpartition(" && ")
        argv = [*shlex.split(rest), "-v"]
        where = root / folder.removeprefix("cd ") if folder else root
        done = subprocess.run(argv, cwd=where, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
        assert len(re.findall(r"^--- PASS", done.stdout, flags=re.M)) == count, done.stdout
