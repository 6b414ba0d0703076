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


#: A README with what could widen its folder page: a long code line, a wide table, an
#: image, a long word.
README = (
    "# Wide\n\nA repository with a big file; see [the big file](src/big.py#L51).\n\n"
    "![a square](square.png)\n\n## Usage\n\n```python\n" + LONG_LINE.format(n=1) + "\n```\n\n"
    "| " + " | ".join(f"column number {n}" for n in range(14)) + " |\n"
    "|" + "---|" * 14 + "\n"
    "| "
    + " | ".join(f"value_{n}_is_long" for n in range(14))
    + " |\n\n"
    + "averyveryverylongwordwithoutanybreak" * 8
    + "\n"
)
#: A 16x16 grey PNG.
SQUARE = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61000000194944415478"
    "9c63686868f84f0966183560d4805103868b0100898f7f1f11364e2c0000000049454e44ae426082"
)

REPO = {
    "README.md": README,
    "square.png": SQUARE,
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
                  boxFitsWindow: null, readme: null};
  const readme = document.querySelector('section.repodocs-readme.repodocs-rendered');
  if (readme) {
    const size = (element) => parseFloat(getComputedStyle(element).fontSize);
    const paragraph = readme.querySelector('p');
    result.readme = {
      headings: [...readme.querySelectorAll('h3, h4')].map(
        (heading) => [heading.tagName, heading.firstChild.textContent,
                      size(heading) > size(paragraph)]),
    };
  }
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


#: The README's image, loaded (it loads lazily: scrolled to first), by its own width.
IMAGE_WIDTH = """async () => {
  const image = document.querySelector('section.repodocs-readme img');
  image.scrollIntoView();
  await image.decode();
  const width = image.naturalWidth;
  window.scrollTo(0, 0);
  return width;
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
                if kind == "folder":  # the README is rendered, headings as headings
                    assert measured["readme"] == {
                        "headings": [["H3", "Wide", True], ["H4", "Usage", True]]
                    }, where
                    assert tab.evaluate(IMAGE_WIDTH) == 16, where
                if kind == "file":
                    assert 0 <= measured["firstLine"] < height - 20, where
                    assert measured["boxFitsWindow"], where
                    if width == 1400:
                        assert measured["columns"] >= 100, where
                tab.screenshot(path=str(ARTIFACTS / f"widths-{theme}-{kind}-{width}.png"))
        finally:
            context.close()
