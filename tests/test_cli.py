"""The zero-config command: a site for any folder, nothing written into it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sphinx_repodocs import cli

from .conftest import write_tree

REPO = {
    "README.md": "# Tool\n\nA tool.\n",
    "tool/__init__.py": "",
    "tool/main.py": "class Runner:\n    def run(self):\n        return 1\n",
    "tests/test_main.py": (
        "from tool.main import Runner\n\n\ndef test_run():\n    assert Runner().run()\n"
    ),
}


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path.relative_to(root)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in root.rglob("*")
    }


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_builds_a_site_without_writing_into_the_repository(tmp_path, cache, capsys):
    root = write_tree(tmp_path / "tool-repo", REPO)
    before = snapshot(root)
    out = tmp_path / "site"
    assert cli.main([str(root), "-o", str(out), "-q", "-W"]) == 0
    assert snapshot(root) == before
    # The site opens on the repository index: index.html sends the browser there.
    start = (out / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=_repodocs/index.html">' in start
    assert 'href="_repodocs/index.html"' in start
    index = (out / "_repodocs" / "index.html").read_text(encoding="utf-8")
    assert "tool-repo" in index and "main.py" not in index  # folders and README files
    # Sphinx's general index would be empty: the site has none and links none.
    assert not (out / "genindex.html").exists() and "genindex" not in index
    # No git history: no copyright to state, and no empty "©." in the footer.
    assert "&#169;" not in index and "©" not in index
    page = (out / "_repodocs" / "tool" / "main.py.html").read_text(encoding="utf-8")
    assert "Runner" in page
    printed = capsys.readouterr().out
    assert f"The site of {root} is in {out}" in printed
    # The Sphinx project lives in the cache folder; a second run rebuilds nothing.
    workdir = cli.default_workdir(root)
    assert workdir.is_relative_to(cache) and (workdir / "source" / "conf.py").is_file()
    stamp = (out / "_repodocs" / "tool" / "main.py.html").stat().st_mtime_ns
    assert cli.main([str(root), "-o", str(out), "-q"]) == 0
    assert (out / "_repodocs" / "tool" / "main.py.html").stat().st_mtime_ns == stamp


def test_singlehtml_opens_on_the_repository_index_too(tmp_path, cache):
    root = write_tree(tmp_path / "single", REPO)
    out = tmp_path / "site"
    assert cli.main([str(root), "-o", str(out), "-q", "-b", "singlehtml"]) == 0
    start = (out / "index.html").read_text(encoding="utf-8")
    assert 'url=_repodocs/index.html"' in start
    assert "README.md" in (out / "_repodocs" / "index.html").read_text(encoding="utf-8")


def test_copyright_comes_from_the_last_commit(tmp_path, cache):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = write_tree(tmp_path / "dated", REPO)
    environment = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2024-05-06T07:08:09Z",
        "GIT_COMMITTER_DATE": "2024-05-06T07:08:09Z",
        "GIT_AUTHOR_NAME": "a",
        "GIT_AUTHOR_EMAIL": "a@example.org",
        "GIT_COMMITTER_NAME": "a",
        "GIT_COMMITTER_EMAIL": "a@example.org",
    }
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "first"]):
        subprocess.run(["git", "-C", str(root), *command], check=True, env=environment)
    out = tmp_path / "site"
    assert cli.main([str(root), "-o", str(out), "-q", "-W"]) == 0
    index = (out / "_repodocs" / "index.html").read_text(encoding="utf-8")
    assert "2024, dated" in index


def test_a_warning_fails_the_build_with_w(tmp_path, cache, capsys):
    root = write_tree(tmp_path / "r", REPO)
    workdir = cli.default_workdir(root)
    cli.write_project(workdir / "source", root, "alabaster")
    # A stale stub left in the work folder: the build warns, and -W makes that fatal.
    stub = workdir / "source" / "stale.repodocs"
    stub.write_text('{"kind": "file", "path": "gone.py"}\n')
    status = cli.main([str(root), "-q", "-W", "-o", str(tmp_path / "out")])
    assert status != 0
    assert "the build failed" in capsys.readouterr().err


def test_default_output_is_in_the_cache_folder(tmp_path, cache, capsys):
    root = write_tree(tmp_path / "r", REPO)
    assert cli.main([str(root), "-q", "-b", "dirhtml"]) == 0
    site = cli.default_workdir(root) / "site"
    assert (site / "_repodocs" / "tool" / "main.py" / "index.html").is_file()
    assert 'url=_repodocs/"' in (site / "index.html").read_text(encoding="utf-8")
    assert str(site) in capsys.readouterr().out


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["/no/such/folder"], "'/no/such/folder' is not a folder"),
        (["{root}", "-j", "zero"], "-j takes a positive number or 'auto', not 'zero'"),
        (["{root}", "--theme", "no-such-theme"], "the theme 'no-such-theme' is not installed"),
        (["{root}", "--bogus"], "unrecognized arguments: --bogus"),
        (["{root}", "-I", "../outside"], "-I takes a folder of the repository, not '../outside'"),
        (["{root}", "-I", "no-such"], "-I takes a folder of the repository, not 'no-such'"),
    ],
)
def test_bad_arguments_exit_with_one_line(tmp_path, cache, capsys, arguments, message):
    root = write_tree(tmp_path / "r", REPO)
    with pytest.raises(SystemExit) as exited:
        cli.main([argument.format(root=root) for argument in arguments])
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert error == f"sphinx-repodocs: error: {message}\n"


def test_include_folders_reach_the_sites_configuration(tmp_path, cache):
    """``-I FOLDER`` is repodocs_include_dirs: a header there is the repository's."""
    from .conftest import require_grammar

    require_grammar("c")
    root = write_tree(
        tmp_path / "c-repo",
        {"headers/api.h": "int api(void);\n", "src/main.c": "#include <api.h>\n"},
    )
    out = tmp_path / "site"
    assert cli.main([str(root), "-o", str(out), "-q", "-W", "-I", "headers"]) == 0
    conf = (cli.default_workdir(root.resolve()) / "source" / "conf.py").read_text()
    assert "repodocs_include_dirs = ['headers']" in conf
    page = (out / "_repodocs" / "src" / "main.c.html").read_text(encoding="utf-8")
    assert 'href="../headers/api.h.html"' in page


def test_python_dash_m_runs_the_command(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "sphinx_repodocs", "--version"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)},
    )
    assert done.stdout.startswith("sphinx-repodocs ")
