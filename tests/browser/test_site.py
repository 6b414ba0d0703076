"""The demo site in a real browser: search, keyword links, folder navigation, every link.

Runs in ``tox -e browser``: Debian's Chromium (``/usr/bin/chromium``) driven by
playwright. Screenshots go to ``REPODOCS_ARTIFACTS`` (default ``.artifacts/browser``).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest

playwright_api = pytest.importorskip(
    "playwright.sync_api",
    reason="playwright is not installed (tox -e browser installs it)",
)

pytestmark = pytest.mark.browser

REPOSITORY = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARTIFACTS = Path(os.environ.get("REPODOCS_ARTIFACTS", REPOSITORY / ".artifacts" / "browser"))
THEMES = ("alabaster", "furo")
#: The demo's code host (a checkout's origin may be a folder, which has no links).
SOURCE_URL = "https://code.example.org/demo/blob/{commit}/{path}#L{line}"

if not Path(CHROMIUM).is_file():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)


def build_demo(theme: str, target: Path) -> Path:
    """The demo project, copied so that the repository's own demo build is untouched."""
    from sphinx.cmd.build import build_main

    source = target / "source"
    shutil.copytree(
        REPOSITORY / "docs",
        source,
        ignore=shutil.ignore_patterns("_build", "_repodocs"),
    )
    # The changelog page includes ../CHANGELOG.rst.
    shutil.copy(REPOSITORY / "CHANGELOG.rst", target / "CHANGELOG.rst")
    site = target / "site"
    status = build_main(
        [
            "-b", "html", "-q", "-W", "--keep-going", "-n",
            "-D", f"html_theme={theme}",
            "-D", f"repodocs_root={REPOSITORY}",
            "-D", f"repodocs_source_url={SOURCE_URL}",
            str(source), str(site),
        ]
    )  # fmt: skip
    assert status == 0
    return site


@pytest.fixture(scope="module", params=THEMES)
def site(request, tmp_path_factory) -> Iterator[tuple[str, str, Path]]:
    """(theme, base URL, folder) of the demo site served on 127.0.0.1."""
    theme = request.param
    folder = build_demo(theme, tmp_path_factory.mktemp(theme))
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield theme, f"http://127.0.0.1:{server.server_port}/", folder
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if message.type == "error" and "Failed to load resource" not in message.text
            else None
        ),
    )
    tab.on("pageerror", lambda error: errors.append(str(error)))

    def note_failure(response) -> None:  # type: ignore[no-untyped-def]
        # The browser asks for /favicon.ico by itself; the site never links it.
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            errors.append(f"{response.status} {response.url}")

    tab.on("response", note_failure)
    tab.console_errors = errors
    yield tab
    context.close()


def screenshot(tab, theme: str, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{theme}-{name}.png"), full_page=False)


def test_search_keyword_link_and_folder_navigation(site, page):
    theme, base, _folder = site
    page.goto(base + "index.html")
    screenshot(page, theme, "index")

    # The theme's own search box finds a class; its result opens the class's file page.
    search = page.locator('input[name="q"]').first
    search.fill("RepoDomain")
    search.press("Enter")
    page.wait_for_url("**/search.html?q=RepoDomain*")
    # Results are added one by one (the page moves meanwhile): click once all are in.
    page.wait_for_function(
        "() => { const s = document.querySelector('#search-results .search-summary');"
        " return s !== null && s.innerText.startsWith('Search finished'); }",
        timeout=30_000,
    )
    result = page.locator("#search-results a", has_text="RepoDomain").first
    result.click()
    page.wait_for_url("**/_repodocs/sphinx_repodocs/sphinx/domain.py.html*")

    # A keyword of the keyword table: the URL names its line, and the line is in view.
    keyword = page.locator('table.repodocs-table a[href^="#L-"]').last
    anchor = keyword.get_attribute("href")
    keyword.click()
    assert page.evaluate("location.hash") == anchor
    # furo scrolls smoothly: wait (up to 15 s) for the line to arrive in the viewport
    # (any part of it: a sticky header may cover its first pixels).
    page.wait_for_function(
        "id => { const r = document.getElementById(id).getBoundingClientRect();"
        " return r.bottom > 0 && r.top < window.innerHeight; }",
        arg=anchor.removeprefix("#"),
        timeout=15_000,
    )
    screenshot(page, theme, "file-page-at-line")

    # Up to the folder, down to another file, up to the repository index.
    page.locator(".repodocs-breadcrumbs a", has_text="sphinx_repodocs").first.click()
    page.wait_for_url("**/_repodocs/sphinx_repodocs/index.html")
    screenshot(page, theme, "folder-page")
    page.locator("table.repodocs-table a", has_text="cli.py").first.click()
    page.wait_for_url("**/_repodocs/sphinx_repodocs/cli.py.html")
    page.locator(".repodocs-breadcrumbs a").first.click()
    page.wait_for_url("**/_repodocs/index.html")
    screenshot(page, theme, "repository-index")
    assert page.console_errors == []


def test_a_file_found_by_search_is_quoted_by_its_overview(site, page):
    theme, base, _folder = site
    page.goto(base + "search.html?q=classify")
    page.wait_for_function(
        "() => { const s = document.querySelector('#search-results .search-summary');"
        " return s !== null && s.innerText.startsWith('Search finished'); }",
        timeout=30_000,
    )
    item = page.locator("#search-results li", has=page.locator('a[href*="core/classify.py"]'))
    assert item.count() == 1  # the file once: its page, not also its file object
    snippet = item.locator("p.context").inner_text().removeprefix("...")
    # Its title and overview: not its breadcrumbs, summary line or listing.
    expected = "sphinx_repodocs/core/classify.py What a file is: binary or text"
    assert snippet.startswith(expected), snippet
    screenshot(page, theme, "search-results")


#: Files of the demo's repository whose pages are checked at a desktop size: a module,
#: a big test file (its How to Run is long, so it follows the source) and a README.
FIRST_SCREEN_FILES = ("sphinx_repodocs/sphinx/events.py", "tests/test_build.py", "README.rst")


def test_file_pages_open_on_the_source(site, browser):
    theme, base, _folder = site
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    try:
        for path in FIRST_SCREEN_FILES:
            tab.goto(f"{base}_repodocs/{path}.html")
            first_line = tab.locator('.repodocs-source a[id="L-1"]')
            top = first_line.evaluate("node => node.getBoundingClientRect().top")
            assert 0 <= top < 1000 - 20, (path, top)  # the first line, without scrolling
            screenshot(tab, theme, "first-screen-" + path.replace("/", "-"))
        # Line numbers are links that do not look like them: no underline, no border.
        number = tab.locator('.repodocs-source a[href="#L-1"]')
        style = number.evaluate(
            "node => { const s = getComputedStyle(node);"
            " return [s.textDecorationLine, s.borderBottomStyle]; }"
        )
        assert style == ["none", "none"], style
        # The theme's relation links walk the folder.
        assert tab.locator('link[rel="next"]').count() == 1
        # The code host's link opens the file, or the line the address names.
        tab.goto(f"{base}_repodocs/sphinx_repodocs/__main__.py.html")
        host = tab.locator("a.repodocs-host-link")
        assert host.inner_text() == "view on code.example.org"
        assert host.get_attribute("href").endswith("/sphinx_repodocs/__main__.py")
        tab.locator('.repodocs-source a[href="#L-3"]').click()
        # The link follows the address's hashchange event, which comes after the click.
        tab.wait_for_function(
            "() => document.querySelector('a.repodocs-host-link').textContent"
            " === 'view line 3 on code.example.org'",
            timeout=5_000,
        )
        assert host.get_attribute("href").endswith("/sphinx_repodocs/__main__.py#L3")
    finally:
        context.close()


def test_the_file_tree_is_in_the_sidebar_and_opens_folders(site, page):
    theme, base, _folder = site
    page.goto(f"{base}_repodocs/sphinx_repodocs/core/scan.py.html")
    tree = page.locator("nav.repodocs-tree")
    # In the theme's sidebar, not in the page's body.
    assert tree.evaluate("node => node.classList.contains('repodocs-tree-in-sidebar')")
    current = tree.locator('[aria-current="page"]')
    assert current.count() == 1 and current.inner_text() == "scan.py"
    # Its siblings and the repository's other folders are listed.
    assert tree.locator("a", has_text="classify.py").count() == 1
    closed = tree.locator("details:not([open]) > summary", has_text="tests/").first
    assert tree.locator("a", has_text="test_build.py").count() == 0
    closed.click()
    link = tree.locator("a", has_text="test_build.py").first
    link.wait_for(timeout=5_000)
    screenshot(page, theme, "file-tree")
    link.click()
    page.wait_for_url("**/_repodocs/tests/test_build.py.html")
    assert page.console_errors == []


def _loaded_picture(tab, kind: str):  # type: ignore[no-untyped-def]
    """The picture's ``<object>``, once its SVG document has loaded."""
    selector = f"div.repodocs-picture-{kind} object"
    tab.locator(selector).scroll_into_view_if_needed()
    tab.wait_for_function(
        f"() => document.querySelector({selector!r}).contentDocument?.querySelector('svg')",
        timeout=5_000,
    )
    return tab.locator(selector)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pictures_load_at_a_sane_size_and_link_in_both_schemes(site, browser, scheme):
    theme, base, _folder = site
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    tab = context.new_page()
    try:
        tab.goto(f"{base}_repodocs/sphinx_repodocs/sphinx/events.py.html")
        picture = _loaded_picture(tab, "imports")
        box = picture.bounding_box()
        natural = picture.evaluate("o => [o.width, o.height].map(Number)")
        # A graph keeps its own size (its box scrolls when the page is narrower).
        assert box is not None and [round(box["width"]), round(box["height"])] == natural
        assert 200 < natural[0] < 1280 and 100 < natural[1] < 2000
        # Text takes the scheme's colour: dark on light, light on dark.
        fill = picture.evaluate(
            "o => getComputedStyle(o.contentDocument.querySelector('text.link')).fill"
        )
        assert fill == ("rgb(9, 105, 218)" if scheme == "light" else "rgb(68, 147, 248)")
        picture.screenshot(path=str(ARTIFACTS / f"{theme}-{scheme}-picture-imports.png"))
        tab.goto(f"{base}_repodocs/index.html")
        treemap = _loaded_picture(tab, "treemap")
        box = treemap.bounding_box()
        assert box is not None and 400 < box["width"] <= 960
        assert abs(box["height"] - box["width"] * 420 / 960) < 2  # its own proportions
        tab.locator("div.repodocs-picture-languages").screenshot(
            path=str(ARTIFACTS / f"{theme}-{scheme}-picture-languages.png")
        )
        treemap.screenshot(path=str(ARTIFACTS / f"{theme}-{scheme}-picture-treemap.png"))
        # A box of the treemap opens its folder's page in the page, not in the picture.
        href = treemap.evaluate("o => o.contentDocument.querySelector('a').getAttribute('href')")
        treemap.evaluate(
            "o => o.contentDocument.querySelector('a rect')"
            ".dispatchEvent(new MouseEvent('click', {bubbles: true}))"
        )
        tab.wait_for_url(f"{base}_repodocs/{href}")
    finally:
        context.close()


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name"):
            if values.get(name):
                self.ids.add(values[name] or "")
        for name in ("href", "src", "data"):
            target = values.get(name)
            if target and tag != "form" and (name != "data" or tag == "object"):
                self.links.append(target)


def _fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def test_every_internal_link_resolves(site, capsys):
    """Crawl the whole site from its index: every page, file and #fragment exists."""
    theme, base, _folder = site
    parsed: dict[str, _Links | None] = {}  # None: the URL is broken
    referrer = {base + "index.html": "(start)"}
    queue = [base + "index.html"]
    fragments: list[tuple[str, str, str, str]] = []
    internal_links = 0
    while queue:
        url = queue.pop()
        if url in parsed:
            continue
        try:
            body = _fetch(url)
        except urllib.error.HTTPError:
            parsed[url] = None
            continue
        links = _Links()
        if url.endswith((".html", ".svg")):  # a picture's links are checked too
            links.feed(body.decode("utf-8"))
        parsed[url] = links
        for link in links.links:
            absolute = urljoin(url, link)
            if not absolute.startswith(base):
                continue  # the theme's links to other sites are not ours to check
            internal_links += 1
            target, fragment = urldefrag(absolute)
            target = base.rstrip("/") + urlsplit(target).path  # search.html?q= is one page
            if target.endswith("/"):
                target += "index.html"
            referrer.setdefault(target, f"{url} -> {link}")
            queue.append(target)
            if fragment:
                fragments.append((url, link, target, unquote(fragment)))
    broken = [f"{referrer[url]} (missing)" for url, links in parsed.items() if links is None]
    for url, link, target, fragment in fragments:
        links = parsed.get(target)
        if target.endswith(".html") and links is not None and fragment not in links.ids:
            broken.append(f"{url} -> {link} (no #{fragment})")
    pages = sum(1 for url in parsed if url.endswith(".html"))
    with capsys.disabled():
        print(f"\n{theme}: crawled {pages} pages, {internal_links} internal links", end="")
        print(f", {len(broken)} broken")
    assert pages > 100
    assert broken == [], broken[:20]
