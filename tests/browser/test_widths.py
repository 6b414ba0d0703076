"""Pages fit the window in the five supported themes: a repository with a 3,000-line file
with long lines, at 1400x1000 and 400x800, in Debian's Chromium (``tox -e browser``).

A file page opens on its source (the first line without scrolling), the listing shows
100 columns or more at 1,400 px, its horizontal scroll bar sits at the bottom of a box
no taller than the window, and no file, folder or keyword-index page is wider than the
window. Screenshots go to ``REPODOCS_ARTIFACTS``.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from ..conftest import write_tree
from .test_site import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, playwright_api

pytestmark = pytest.mark.browser

THEMES = {
    "alabaster": "alabaster",
    "furo": "furo",
    "pydata_sphinx_theme": "pydata_sphinx_theme",
    "sphinx_rtd_theme": "sphinx_rtd_theme",
    "sphinx_book_theme": "sphinx_book_theme",
}
PAGES = {
    "file": "_repodocs/src/big.py.html",
    "folder": "_repodocs/index.html",
    "keyword-index": "_repodocs/~keywords/F.html",
}
LONG_LINE = (
    "def function_number_{n}(argument_one, argument_two, argument_three, argument_four, "
    "argument_five):  # a comment that takes this line well past one hundred and fifty columns"
)


def _big_file() -> str:
    lines = [
        LONG_LINE.format(n=n) if n % 50 == 0 else f"    value_{n} = argument_one + {n}"
        for n in range(3000)
    ]
    return "\n".join(lines) + "\n"


REPO = {
    "README.md": "# Wide\n\nA repository with a big file.\n",
    "src/big.py": _big_file(),
    "src/small.py": "x = 1\n",
    "docs/conf.py": (
        'extensions = ["sphinx_repodocs"]\nproject = "wide"\nrepodocs_root = ".."\n'
        'exclude_patterns = ["_build"]\n'
    ),
    "docs/index.rst": "Wide\n====\n\n.. toctree::\n\n   _repodocs/index\n",
}

#: Measured in the page: the document's width, how many columns the listing's box
#: shows, where the first line is, and whether the box's scroll bar can be in view.
MEASURE = """() => {
  const first = document.getElementById('L-1');  // the listing of a file page
  const box = first ? first.closest('div.highlight') : null;
  const result = {width: document.documentElement.scrollWidth, columns: null, firstLine: null,
                  boxFitsWindow: null};
  if (box) {
    const pre = box.querySelector('pre');
    const probe = document.createElement('span');
    probe.textContent = 'x'.repeat(100);
    pre.appendChild(probe);
    const character = probe.getBoundingClientRect().width / 100;
    probe.remove();
    result.columns = Math.floor(box.clientWidth / character);
    result.firstLine = first.getBoundingClientRect().top;
    result.boxFitsWindow = box.getBoundingClientRect().height <= window.innerHeight;
  }
  return result;
}"""


def _require(theme: str) -> None:
    if importlib.util.find_spec(theme) is None:
        if os.environ.get("REPODOCS_REQUIRE_THEMES"):
            pytest.fail(f"{theme} is required but not installed")
        pytest.skip(f"{theme} is not installed (tox -e browser installs it)")


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> Path:
    return write_tree(tmp_path_factory.mktemp("wide") / "repo", REPO) / "docs"


@pytest.fixture(scope="module")
def chromium():
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def _build(srcdir: Path, theme: str, target: Path) -> Path:
    from sphinx.cmd.build import build_main

    site = target / "site"
    arguments = ["-b", "html", "-q", "-W", "--keep-going", "-n", "-D", f"html_theme={theme}"]
    status = build_main([*arguments, "-d", str(target / "doctrees"), str(srcdir), str(site)])
    assert status == 0
    return site


@pytest.mark.parametrize("theme", list(THEMES))
def test_pages_fit_the_window(theme, repository, chromium, tmp_path):
    _require(THEMES[theme])
    site = _build(repository, theme, tmp_path)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((1400, 1000), (400, 800)):
        context = chromium.new_context(viewport={"width": width, "height": height})
        tab = context.new_page()
        try:
            for kind, page in PAGES.items():
                tab.goto((site / page).as_uri())
                measured = tab.evaluate(MEASURE)
                where = (theme, width, kind, measured)
                assert measured["width"] <= width, where
                if kind == "file":
                    assert 0 <= measured["firstLine"] < height - 20, where
                    assert measured["boxFitsWindow"], where
                    if width == 1400:
                        assert measured["columns"] >= 100, where
                tab.screenshot(path=str(ARTIFACTS / f"widths-{theme}-{kind}-{width}.png"))
        finally:
            context.close()
