"""The command's habits from sphinx-build: -v, -D, -E, -T, -b checked, --serve, --open,
and what it says about a folder with nothing to document."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest
import sphinx.locale

from sphinx_repodocs import cli, compat

from .conftest import write_tree

REPO = {
    "tool/main.py": "def run():\n    return 1\n",
    "tests/test_main.py": "from tool.main import run\n\n\ndef test_run():\n    assert run()\n",
    ".env": "TOKEN=1\n",
}
ROOT = Path(__file__).parent.parent


@pytest.fixture(autouse=True)
def fresh_translators():
    """The command builds in this process: its message catalogs (German, for -D
    language=de) would stay registered for the next test's build, as SphinxTestApp's
    cleanup does not let them."""
    yield
    sphinx.locale.translators.clear()


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def root(tmp_path):
    return write_tree(tmp_path / "repo", REPO)


def one_line_error(capsys) -> str:
    error = capsys.readouterr().err
    assert error.count("\n") == 1, error
    return error


def test_verbose_lists_every_file_left_out_with_its_reason(root, tmp_path, cache, capsys):
    assert cli.main([str(root), "-o", str(tmp_path / "site"), "-v"]) == 0
    assert "sphinx-repodocs: left out (secret): .env" in capsys.readouterr().out
    # Without -v the summary counts them and names none.
    assert cli.main([str(root), "-o", str(tmp_path / "site")]) == 0
    out = capsys.readouterr().out
    assert "left out: 1 secret" in out and "left out (secret)" not in out


def test_define_sets_any_option_as_sphinx_build_does(root, tmp_path, cache):
    site = tmp_path / "site"
    arguments = [str(root), "-o", str(site), "-q", "-W"]
    assert cli.main([*arguments, "-D", "repodocs_exclude=tests,nothing", "-D", "language=de"]) == 0
    assert (site / "_repodocs" / "tool" / "main.py.html").is_file()
    assert not (site / "_repodocs" / "tests").exists()
    assert '<html lang="de"' in (site / "_repodocs" / "index.html").read_text(encoding="utf-8")
    # The option lasts one run: the next one without it documents the tests again.
    assert cli.main(arguments) == 0
    assert (site / "_repodocs" / "tests" / "test_main.py.html").is_file()


def test_fresh_environment_reads_and_writes_every_page_again(root, tmp_path, cache):
    site = tmp_path / "site"
    page = site / "_repodocs" / "tool" / "main.py.html"
    assert cli.main([str(root), "-o", str(site), "-q"]) == 0
    stamp = page.stat().st_mtime_ns
    assert cli.main([str(root), "-o", str(site), "-q"]) == 0
    assert page.stat().st_mtime_ns == stamp
    assert cli.main([str(root), "-o", str(site), "-q", "-E"]) == 0
    assert page.stat().st_mtime_ns != stamp


def test_sphinx_build_receives_the_habits(root, tmp_path, cache, monkeypatch):
    received: list[list[str]] = []
    monkeypatch.setattr("sphinx.cmd.build.build_main", lambda argv: received.append(argv) or 0)
    cli.main([str(root), "-o", str(tmp_path / "s"), "-vv", "-T", "-E", "-D", "a=b", "-D", "c="])
    (argv,) = received
    assert argv.count("-v") == 2 and "-T" in argv and "-E" in argv
    assert argv[argv.index("-D") : argv.index("-D") + 4] == ["-D", "a=b", "-D", "c="]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["-b", "nosuchbuilder"], "the builder 'nosuchbuilder' is not registered"),
        (["-D", "novalue"], "-D takes NAME=VALUE, not 'novalue'"),
        (["-D", "=1"], "-D takes NAME=VALUE, not '=1'"),
    ],
)
def test_bad_habits_exit_with_one_line(root, tmp_path, cache, capsys, arguments, message):
    with pytest.raises(SystemExit) as exited:
        cli.main([str(root), "-o", str(tmp_path / "site"), *arguments])
    assert exited.value.code == 2
    assert one_line_error(capsys) == f"sphinx-repodocs: error: {message}\n"
    assert not (tmp_path / "site").exists()


def test_every_registered_builder_is_accepted(root, tmp_path, cache):
    assert cli.main([str(root), "-o", str(tmp_path / "inv"), "-q", "-b", "repodocs-inventory"]) == 0
    assert (tmp_path / "inv" / "objects.inv").is_file()
    assert cli.main([str(root), "-o", str(tmp_path / "text"), "-q", "-b", "text"]) == 0


def test_an_empty_folder_says_there_is_nothing_to_document(tmp_path, cache, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(SystemExit) as exited:
        cli.main([str(empty), "-o", str(tmp_path / "site")])
    assert exited.value.code == 1
    assert "is empty: there is nothing to document" in one_line_error(capsys)


def test_a_folder_of_left_out_files_says_why(tmp_path, cache, capsys):
    root = write_tree(tmp_path / "secrets", {".env": "A=1\n", "id_rsa": "key\n"})
    assert cli.main([str(root), "-o", str(tmp_path / "site"), "-q"]) == 0
    error = capsys.readouterr().err
    assert "nothing to document in" in error and "every file was left out (2 secret" in error
    assert cli.main([str(root), "-o", str(tmp_path / "site"), "-q", "-W"]) != 0


def test_serve_on_a_busy_port_says_so_before_building(root, tmp_path, cache, capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(SystemExit) as exited:
            cli.main([str(root), "-o", str(tmp_path / "site"), "-q", "--serve", str(port)])
    assert exited.value.code == 1
    error = one_line_error(capsys)
    assert error.startswith(f"sphinx-repodocs: error: cannot serve on port {port}: ")
    assert not (tmp_path / "site").exists()


def test_serve_serves_the_site(root, tmp_path, cache, monkeypatch):
    fetched: list[bytes] = []

    def serve_one_request(server) -> None:
        url = f"http://127.0.0.1:{server.server_port}/_repodocs/tool/main.py.html"
        reader = threading.Thread(target=lambda: fetched.append(urllib.request.urlopen(url).read()))
        reader.start()
        server.handle_request()
        reader.join(timeout=30)
        server.server_close()

    monkeypatch.setattr(cli, "serve", serve_one_request)
    assert cli.main([str(root), "-o", str(tmp_path / "site"), "-q", "--serve", "0"]) == 0
    assert fetched and b"main.py" in fetched[0]


def test_open_hands_the_start_page_to_the_users_browser(root, tmp_path, cache):
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser"
    browser.write_text(f'#!/bin/sh\nprintf %s "$1" > {opened}\n')
    browser.chmod(browser.stat().st_mode | stat.S_IXUSR)
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "sphinx_repodocs", str(root), "-o", str(site), "-q", "--open"],
        check=True,
        env={**os.environ, "BROWSER": f"{browser} %s", "PYTHONPATH": str(ROOT)},
    )
    assert opened.read_text() == (site / "index.html").as_uri()


def test_help_gives_examples_and_the_work_folder(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    text = capsys.readouterr().out
    assert "examples:" in text and "sphinx-repodocs . --serve" in text
    assert "~/.cache/sphinx-repodocs" in text and "rm -r ~/.cache/sphinx-repodocs" in text
    for flag in ("-v, --verbose", "-D NAME=VALUE", "-E, --fresh-env", "-T, --show-traceback"):
        assert flag in text


def test_builtin_builder_names():
    """Guard of ``compat.builtin_builder_names``: Sphinx's own builders, and no class
    name Sphinx does not register (``i18n`` is a base class in sphinx.builders.gettext)."""
    names = compat.builtin_builder_names()
    assert names is not None
    for name in ("html", "dirhtml", "singlehtml", "text", "latex", "epub", "man", "gettext"):
        assert name in names
    assert {"texinfo", "xml", "pseudoxml", "json", "pickle", "linkcheck", "dummy"} <= names
    assert "i18n" not in names and "" not in names
