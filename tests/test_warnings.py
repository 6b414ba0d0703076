"""Every warning sphinx-repodocs emits: when it is given, and that its ``repodocs.*``
category silences it (``suppress_warnings``)."""

from __future__ import annotations

import pytest

from .conftest import BASIC_REPO, RST_INDEX, warnings_of

#: category -> (files added to BASIC_REPO, configuration, words of the warning).
WARNINGS: dict[str, tuple[dict[str, str], dict[str, object], str]] = {
    "repodocs.unknown-file": (
        {"docs/index.rst": RST_INDEX + "\n.. repodocs-keywords:: no/such.py\n"},
        {},
        "index.rst:10: WARNING: repodocs-keywords: 'no/such.py' is not a documented file",
    ),
    "repodocs.ambiguous": (
        {
            "src/pkg/a.py": "class Dup:\n    pass\n",
            "src/pkg/b.py": "class Dup:\n    pass\n",
            "docs/index.rst": RST_INDEX + "\n:repo:class:`Dup`\n",
        },
        {},
        "repo:class 'Dup' is ambiguous; linked to src/pkg/a.py:1.",
    ),
    "repodocs.missing-reference": (
        {"docs/index.rst": RST_INDEX + "\n:repo:file:`no/such.py` :repo:line:`README.md:99`\n"},
        {},
        "index.rst:10: WARNING: repo:file: no documented file 'no/such.py' in the repository",
    ),
    "repodocs.excluded": (
        {},
        {"exclude_patterns": ["_build", "_repodocs/src/**"]},
        "generated pages are excluded by the project's settings",
    ),
    "repodocs.stale": (
        {
            "docs/copied.repodocs": '{"kind": "file", "path": "gone.py"}\n',
            "docs/garbled.repodocs": "not a stub\n",
            "docs/index.rst": RST_INDEX + "   copied\n   garbled\n",
        },
        {"source_suffix": {".rst": "restructuredtext", ".repodocs": "repodocs"}},
        "copied names 'gone.py', which this build did not scan",
    ),
}


@pytest.mark.parametrize("category", sorted(WARNINGS))
def test_each_warning_is_given_and_can_be_suppressed(repo_factory, build, tmp_path, category):
    files, config, words = WARNINGS[category]
    srcdir = repo_factory({**BASIC_REPO, **files})
    given = warnings_of(build(srcdir, builddir=tmp_path / "given", confoverrides=config))
    assert words in given
    assert given.count("WARNING") == given.count(f"[{category}]") >= 1
    for suppressed in (category, "repodocs"):
        quiet = build(
            srcdir,
            builddir=tmp_path / suppressed,
            confoverrides={**config, "suppress_warnings": [suppressed]},
        )
        assert warnings_of(quiet) == "", suppressed


def test_the_garbled_stub_says_what_it_is(repo_factory, build):
    files, config, _words = WARNINGS["repodocs.stale"]
    warnings = warnings_of(build(repo_factory({**BASIC_REPO, **files}), confoverrides=config))
    assert "garbled is not a page stub written by sphinx-repodocs" in warnings
