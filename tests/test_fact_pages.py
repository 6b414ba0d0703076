"""Facts on built pages: overview, purpose evidence, how to run (and the commands work),
patterns, security, performance, and git history; no section without something to say."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sphinx_repodocs.core.extract.python import extract_python
from sphinx_repodocs.core.how_to_run import run_plan
from sphinx_repodocs.core.read import describe_file
from sphinx_repodocs.core.scan import FoundFile

from .conftest import BASIC_REPO, PREFIX, file_page_html, html_of, warnings_of
from .html_tree import page_content
from .test_commands_run import page_commands

TOOL = '''\
"""Reads *files* and <script>alert(1)</script> `names`.

Second paragraph, not shown.
"""
import argparse


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("path", help="what to read")
    parser.add_argument("-v", "--verbose", action="store_true", help="say more")
    return eval(parser.parse_args().path)


if __name__ == "__main__":
    main()
'''

TEST_TOOL = """\
def test_adds():
    assert 1 + 1 == 2


class TestGroup:
    def test_inside(self):
        assert True
"""

TEST_LEGACY = """\
import unittest


class Legacy(unittest.TestCase):
    def test_works(self):
        self.assertTrue(True)


if __name__ == "__main__":
    unittest.main()
"""

VERIFY = """\
import pytest


def test_checked():
    assert pytest is not None
"""

REPO = {
    **BASIC_REPO,
    "src/pkg/tool.py": TOOL,
    "src/pkg/plain.py": "def add(a, b):\n    return a + b\n",
    "tests/test_tool.py": TEST_TOOL,
    "tests/test_legacy.py": TEST_LEGACY,
    "checks/verify.py": VERIFY,
    "native/ring.c": (
        "/*\n * SPDX-License-Identifier: MIT\n *\n * A ring buffer for logs.\n */\nint x;\n"
    ),
    "src/README.md": "# Sources\n\nEverything that ships, *as is*.\n",
    "tools/__init__.py": "",
    "tools/cli/__init__.py": "",
    "tools/cli/__main__.py": "from .run import main\n\nif __name__ == '__main__':\n    main()\n",
    "tools/cli/run.py": (
        "def main():\n    print('ran')\n\n\nif __name__ == '__main__':\n    main()\n"
    ),
    "tools/cli/relative.py": ("from .run import main\n\nif __name__ == '__main__':\n    main()\n"),
}

FACT_HEADINGS = (
    "Overview",
    "How to Run",
    "Code Patterns",
    "Security-Relevant Code",
    "Performance-Relevant Code",
)


@pytest.fixture
def site(repo_factory, build):
    app = build(repo_factory(REPO))
    assert warnings_of(app) == ""
    return app


def test_overview_is_the_docstring_as_text(site):
    page = file_page_html(site, "src/pkg/tool.py")
    assert "Reads *files* and &lt;script&gt;alert(1)&lt;/script&gt; `names`." in page
    content = page_content(page)
    assert "Second paragraph" not in content.text_before(content.section("source"))
    assert "<script>alert" not in page
    assert "A ring buffer for logs." in file_page_html(site, "native/ring.c")
    folder = html_of(site, f"{PREFIX}/src/index")
    # A README's overview reads as its text: Markdown emphasis is not shown as asterisks.
    assert "Everything that ships, as is." in folder and "*as is*" not in folder


def test_a_file_with_nothing_to_say_has_no_fact_sections(site):
    page = file_page_html(site, "src/pkg/plain.py")
    headings = page_content(page).headings()
    assert "Source" in headings
    for heading in FACT_HEADINGS:
        assert heading not in headings
    assert "No obvious" not in page and "requires profiling" not in page


def test_security_facts_link_their_lines(site):
    section = page_content(file_page_html(site, "src/pkg/tool.py")).titled("Security-Relevant Code")
    finding = section.find("li")
    assert finding.text() == "eval() runs a string as Python code: 1, line 12"
    assert finding.hrefs() == ["#L-12"]
    assert "syntax-tree rules" in section.find(class_="repodocs-method").text()


def test_script_how_to_run_with_its_options(site):
    page = page_content(file_page_html(site, "src/pkg/tool.py"))
    section = page.titled("How to Run")
    assert "python src/pkg/tool.py" in [code.text() for code in section.find("ul").find_all("code")]
    options = section.find("table", class_="repodocs-options")
    assert options.headers() == ["Option", "Help", "Line"]
    assert options.rows() == [["path", "what to read", "10"], ["-v --verbose", "say more", "11"]]
    assert options.hrefs() == ["#L-10", "#L-11"]  # the options' lines
    # With an options table it is long: it follows the source.
    assert page.position(page.section("source")) < page.position(section)


def test_test_files_say_what_they_define(site):
    page = file_page_html(site, "tests/test_tool.py")
    assert "It defines 1 test function and 1 test class." in page
    verify = file_page_html(site, "checks/verify.py")
    summary = page_content(verify).find("p", class_="repodocs-summary")
    assert "test: it imports pytest and defines 1 test function." in summary.text()
    assert [strong.text() for strong in summary.find_all("strong")] == ["test"]


def _plan(root: Path, path: str):
    file, text = describe_file(str(root), FoundFile(path))
    assert text is not None
    return run_plan(file, extract_python(text, path))


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            "tests/test_tool.py",
            [
                "python -m pytest tests/test_tool.py",
                "python -m pytest tests/test_tool.py::test_adds",
                "python -m pytest tests/test_tool.py::TestGroup",
            ],
        ),
        (
            "tests/test_legacy.py",
            [
                # tests/ has no __init__.py: discovery, which imports it wherever
                # another `tests` is installed.
                "python -m unittest discover -s tests -p test_legacy.py",
                "python -m unittest discover -s tests -p test_legacy.py -k '*.Legacy.*'",
                "python tests/test_legacy.py",
            ],
        ),
    ],
)
def test_printed_test_commands_are_exact_and_run(site, path, expected):
    root = Path(site.srcdir).parent
    commands = page_commands(site, path)
    assert commands == expected
    for command in commands:
        argv = [sys.executable, *shlex.split(command)[1:]]
        done = subprocess.run(argv, cwd=root, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, (command, done.stdout, done.stderr)


@pytest.mark.parametrize(
    ("path", "command"),
    [
        ("tools/cli/run.py", "python tools/cli/run.py"),
        ("tools/cli/__main__.py", "python -m tools.cli"),  # a package's __main__
        ("tools/cli/relative.py", "python -m tools.cli.relative"),  # relative imports
    ],
)
def test_script_commands_run_from_the_root(site, path, command):
    root = Path(site.srcdir).parent
    plan = _plan(root, path)
    assert plan is not None and [c.command for c in plan.commands] == [command]
    argv = [sys.executable, *command.split()[1:]]
    done = subprocess.run(argv, cwd=root, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout == "ran\n", done.stderr


def test_documentation_and_data_files_get_no_command(site):
    for path in ("README.md", "pyproject.toml", "docs/index.rst"):
        headings = page_content(file_page_html(site, path)).headings()
        assert "Details" in headings and "How to Run" not in headings


# -- git history ----------------------------------------------------------------------------

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Tester",
    "GIT_AUTHOR_EMAIL": "tester@example.org",
    "GIT_COMMITTER_NAME": "Tester",
    "GIT_COMMITTER_EMAIL": "tester@example.org",
    "GIT_AUTHOR_DATE": "2026-01-02T03:04:05",
    "GIT_COMMITTER_DATE": "2026-01-02T03:04:05",
}


def _git(root: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", *arguments],
        cwd=root,
        check=True,
        capture_output=True,
        env={**os.environ, **GIT_ENV},
    )


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@needs_git
def test_last_commits_from_a_git_checkout(repo_factory, build):
    srcdir = repo_factory()
    root = srcdir.parent
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "First <b>commit</b>")
    (root / "src/pkg/core.py").write_text("def answer():\n    return 43\n")
    _git(root, "commit", "-q", "-a", "-m", "Second: change the answer")

    app = build(srcdir)
    assert warnings_of(app) == ""
    core = file_page_html(app, "src/pkg/core.py")
    assert "Second: change the answer" in core and "2026-01-02" in core
    util = file_page_html(app, "src/pkg/util.py")
    assert "First &lt;b&gt;commit&lt;/b&gt;" in util
    index = html_of(app, f"{PREFIX}/index")
    assert "Built from commit" in index and "Second: change the answer" in index

    # A commit changes no file in the tree, yet the page must show it.
    (root / "src/pkg/util.py").write_text("import os\n\n\ndef cwd():\n    return os.getcwd()\n\n")
    build(srcdir)
    _git(root, "commit", "-q", "-a", "-m", "Third: tidy util")
    reads: list[str] = []
    app = build(srcdir, record=reads)
    assert f"{PREFIX}/src/pkg/util.py" in reads
    assert "Third: tidy util" in file_page_html(app, "src/pkg/util.py")


@needs_git
def test_a_file_that_arrived_through_a_merge_has_that_merge(repo_factory, build):
    """A subtree merge brings files no ordinary commit of this history lists."""
    srcdir = repo_factory()
    root = srcdir.parent
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Project")
    _git(root, "checkout", "-q", "--orphan", "library")
    _git(root, "rm", "-q", "-r", "--cached", ".")
    (root / "lib.c").write_text("int lib(void) { return 1; }\n")
    _git(root, "add", "lib.c")
    _git(root, "commit", "-q", "-m", "Library")
    (root / "lib.c").unlink()
    _git(root, "checkout", "-q", "-f", "main")
    _git(root, "merge", "-q", "-s", "ours", "--no-commit", "--allow-unrelated-histories", "library")
    _git(root, "read-tree", "--prefix=vendor/", "-u", "library")
    _git(root, "commit", "-q", "-m", "Merge the library into vendor/")
    app = build(srcdir)
    assert warnings_of(app) == ""
    assert "Merge the library into vendor/" in file_page_html(app, "vendor/lib.c")
    assert "Project" in file_page_html(app, "src/pkg/core.py")


@needs_git
def test_a_shallow_clone_says_nothing_it_cannot_know(repo_factory, build, tmp_path):
    """The oldest commit of a shallow clone shows every file as new; it is no evidence."""
    origin = repo_factory().parent
    _git(origin, "init", "-q")
    _git(origin, "add", "-A")
    _git(origin, "commit", "-q", "-m", "Old commit")
    (origin / "src/pkg/core.py").write_text("def answer():\n    return 43\n")
    _git(origin, "commit", "-q", "-a", "-m", "Newer commit")
    (origin / "src/pkg/util.py").write_text("X = 1\n")
    _git(origin, "commit", "-q", "-a", "-m", "Newest commit")
    clone = tmp_path / "clone"
    _git(tmp_path, "clone", "-q", "--depth", "2", origin.as_uri(), str(clone))
    app = build(clone / "docs")
    assert warnings_of(app) == ""
    assert "Newest commit" in file_page_html(app, "src/pkg/util.py")
    # Cut at "Newer commit": it changed core.py, but git shows it as adding every file.
    assert "Last commit" not in file_page_html(app, "src/pkg/core.py")
    assert "Last commit" not in file_page_html(app, "README.md")
    assert "Built from commit" in html_of(app, f"{PREFIX}/index")


@needs_git
def test_history_can_be_turned_off(repo_factory, build):
    srcdir = repo_factory()
    _git(srcdir.parent, "init", "-q")
    _git(srcdir.parent, "add", "-A")
    _git(srcdir.parent, "commit", "-q", "-m", "Only commit")
    app = build(srcdir, confoverrides={"repodocs_git_history": False})
    assert "Last commit" not in file_page_html(app, "src/pkg/core.py")
    assert "Built from commit" not in html_of(app, f"{PREFIX}/index")


def test_without_git_there_is_no_history_and_no_warning(
    repo_factory, build, fixed_build_date, monkeypatch
):
    srcdir = repo_factory()
    app = build(srcdir)
    assert warnings_of(app) == ""
    assert "Last commit" not in file_page_html(app, "src/pkg/core.py")
    index = html_of(app, f"{PREFIX}/index")
    assert "Built from commit" not in index
    # What was documented, and when: the build date and a digest of the files.
    provenance = page_content(index).find("p", class_="repodocs-provenance")
    assert provenance.text().startswith(
        "Built on 2026-01-01 (UTC), not from a git commit. The digest of the 9 documented files "
    )
    found = re.fullmatch(r"[0-9a-f]{64}", provenance.find("code").text())
    assert found is not None, provenance.text()
    # Another day re-reads the index (only it), and a changed file changes the digest.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767312000")
    reads: list[str] = []
    app = build(srcdir, record=reads)
    assert reads == [f"{PREFIX}/index"]
    assert "Built on 2026-01-02" in html_of(app, f"{PREFIX}/index")
    (srcdir.parent / "src/pkg/core.py").write_text("def answer():\n    return 43\n")
    app = build(srcdir)
    assert found.group(0) not in html_of(app, f"{PREFIX}/index")
