# ruff: noqa: E501  (the expected overviews are quoted whole, as a reader sees them)
"""Overviews picked from the heads of real files: licences, banners, lint and editor
directives and notes to maintainers are skipped (``core.extract.comments``).

The heads (first 50 lines) are from curl, redis, tmux, jq, coreutils, nginx and
docker-library/python, as fetched on 2026-12-02; each file keeps its licence notice.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_repodocs.core.classify import language_for
from sphinx_repodocs.core.extract import extract

HEADS = Path(__file__).parent / "data" / "file_heads"

#: Stored head, the file's path in its repository, the overview a reader should get.
CASES = [
    ("curl__lib__url.c", "lib/url.c", ""),
    (
        "curl__Dockerfile",
        "Dockerfile",
        "Self-contained build environment to match the release environment.",
    ),
    ("curl__appveyor.sh", "appveyor.sh", ""),
    ("curl__appveyor.yml", "appveyor.yml", ""),
    ("curl__CMakeLists.txt", "CMakeLists.txt", ""),
    (
        "curl__scripts__cmakeopts.sh",
        "scripts/cmakeopts.sh",
        "Verify if CMake options are documented",
    ),
    (
        "curl__scripts__contributors.sh",
        "scripts/contributors.sh",
        "This script shows all mentioned contributors from the given <hash>/<tag> until HEAD and adds the contributors already mentioned in the existing RELEASE-NOTES.",
    ),
    (
        "curl__scripts__firefox-db2pem.sh",
        "scripts/firefox-db2pem.sh",
        "This shell script creates a fresh ca-bundle.crt file for use with libcurl. It extracts all CA certs it finds in the local Firefox database and converts them all into PEM format.",
    ),
    ("curl__.clang-tidy.yml", ".clang-tidy.yml", ""),
    ("redis__src__server.c", "src/server.c", ""),
    ("redis__src__dict.c", "src/dict.c", "Hash Tables Implementation."),
    (
        "redis__src__ae.c",
        "src/ae.c",
        "A simple event-driven programming library. Originally I wrote this code for the Jim's event-loop (Jim is a Tcl interpreter) but later translated it in form of a library for easy reuse.",
    ),
    ("redis__src__Makefile", "src/Makefile", "Redis Makefile"),
    (
        "redis__Makefile",
        "Makefile",
        "Top level makefile, the real stuff is at ./src/Makefile and in ./modules/Makefile",
    ),
    (
        "redis__utils__install_server.sh",
        "utils/install_server.sh",
        "Service installer for redis server, runs interactively by default.",
    ),
    (
        "redis__utils__gen-test-certs.sh",
        "utils/gen-test-certs.sh",
        "Generate some test certificates which are used by the regression test suite:",
    ),
    (
        "redis__.github__workflows__coverity.yml",
        ".github/workflows/coverity.yml",
        "Creates and uploads a Coverity build on a schedule",
    ),
    (
        "redis__.github__workflows__spell-check.yml",
        ".github/workflows/spell-check.yml",
        "A CI action that using codespell to check spell. .github/.codespellrc is a config file. .github/wordlist.txt is a list of words that will ignore word checks. More details please check the following link: https://github.com/codespell-project/codespell",
    ),
    ("tmux__alerts.c", "alerts.c", ""),
    ("tmux__Makefile.am", "Makefile.am", "Obvious program stuff."),
    ("jq__Makefile.am", "Makefile.am", "C source files to be built and distributed."),
    ("jq__src__jv.c", "src/jv.c", ""),
    ("jq__tests__jq-f-test.sh", "tests/jq-f-test.sh", ""),
    (
        "jq__scripts__crosscompile",
        "scripts/crosscompile",
        "This script is used to cross-compile binaries for platforms other than the current one",
    ),
    ("python__3.13__bookworm__Dockerfile", "3.13/bookworm/Dockerfile", ""),
    (
        "coreutils__src__ls.c",
        "src/ls.c",
        "'dir', 'vdir' and 'ls' directory listing programs for GNU.",
    ),
    (
        "coreutils__src__cat.c",
        "src/cat.c",
        "cat -- concatenate files and print on the standard output.",
    ),
    ("coreutils__bootstrap", "bootstrap", "Bootstrap this package from checked-out sources."),
    (
        "coreutils__build-aux__gen-single-binary.sh",
        "build-aux/gen-single-binary.sh",
        "Generate the list of rules for the single-binary option based on all the other binaries found in src/local.mk.",
    ),
    ("coreutils__Makefile.am", "Makefile.am", "Make coreutils."),
    ("nginx__src__core__nginx.c", "src/core/nginx.c", ""),
    ("nginx__.github__workflows__buildbot.yml", ".github/workflows/buildbot.yml", ""),
]


def test_every_stored_head_is_a_case():
    assert sorted(p.name for p in HEADS.iterdir()) == sorted(name for name, _, _ in CASES)
    assert len(CASES) >= 30


@pytest.mark.parametrize(("stored", "path", "expected"), CASES, ids=[c[0] for c in CASES])
def test_overview_of_a_real_file_head(stored, path, expected):
    text = (HEADS / stored).read_text(encoding="utf-8")
    lexer = language_for(Path(path).name, text.split("\n", 1)[0]).lexer
    assert extract(text, path, lexer).summary == expected
