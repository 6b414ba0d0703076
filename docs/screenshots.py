"""Screenshots of the documentation site for the tutorial: ``make screenshots``.

Builds ``docs/`` into a temporary folder (or takes ``--site`` of an earlier build),
serves it on 127.0.0.1 from a thread, opens the pages in Debian's Chromium
(``/usr/bin/chromium``, driven by playwright's sync API) at 1280x800, and writes one PNG
per page into ``docs/_static/screenshots/``. Needs ``pip install playwright``; no
browser is downloaded.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from playwright.sync_api import Page, ViewportSize, sync_playwright

DOCS = Path(__file__).resolve().parent
OUT = DOCS / "_static" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
VIEWPORT = ViewportSize(width=1280, height=800)


class Shot(NamedTuple):
    name: str
    #: The page, relative to the site's root, with an optional #fragment.
    address: str
    #: What to point the mouse at before the picture is taken (a CSS selector), or "".
    hover: str = ""
    #: Pixels to scroll by after the page opened (negative: up), to show some context.
    scroll: int = 0


SHOTS = (
    Shot("index", "_repodocs/index.html"),
    Shot("file", "_repodocs/sphinx_repodocs/core/scan.py.html"),
    # A definition's anchor, and the mouse on a name that links to its definition.
    Shot(
        "file-links",
        "_repodocs/sphinx_repodocs/core/scan.py.html#scan",
        hover='a[title^="class ScanResult"]',
        scroll=-160,
    ),
    Shot("folder", "_repodocs/sphinx_repodocs/core/index.html"),
    Shot("keywords", "_repodocs/~keywords/S.html"),
    Shot("search", "search.html?q=ScanResult"),
)


def build(site: Path) -> None:
    """Build docs/ as ``make demo`` does, into *site*."""
    command = [sys.executable, "-m", "sphinx", "-q", "-j", "2", str(DOCS), str(site)]
    subprocess.run(command, check=True)


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """Serve *folder* on a free port of 127.0.0.1 from a thread; yield the base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}/"
        finally:
            server.shutdown()
            thread.join()


def take(page: Page, base: str, shot: Shot) -> Path:
    page.goto(base + shot.address, wait_until="networkidle")
    page.wait_for_timeout(1000)  # smooth scrolling to a fragment, pictures, search results
    if shot.scroll:
        page.mouse.wheel(0, shot.scroll)
        page.wait_for_timeout(600)
    if shot.hover:
        target = page.locator(shot.hover).first
        target.hover()
        page.wait_for_timeout(300)
    path = OUT / f"{shot.name}.png"
    page.screenshot(path=str(path))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build docs/ now)")
    parser.add_argument("--only", nargs="*", default=[], help="names of the shots to take")
    options = parser.parse_args(argv)
    if not Path(CHROMIUM).is_file():
        print(f"{CHROMIUM} is missing: apt-get install chromium", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="repodocs-screenshots-") as temporary:
        site = options.site
        if site is None:
            site = Path(temporary) / "site"
            build(site)
        with served(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM)
            page = browser.new_page(viewport=VIEWPORT, color_scheme="light")
            for shot in SHOTS:
                if options.only and shot.name not in options.only:
                    continue
                path = take(page, base, shot)
                print(f"{path.relative_to(DOCS)}: {path.stat().st_size // 1024} KiB")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
