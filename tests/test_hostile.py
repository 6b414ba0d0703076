"""A hostile repository builds warning-free: every file has a page, nothing is injected,
no secret is published. The full corpus (a 10,000-entry folder) is in the slow suite."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docutils import nodes
from sphinx import addnodes
from sphinx.testing.util import SphinxTestApp

from sphinx_repodocs.site import urls

from .conftest import (
    PREFIX,
    RST_CONF,
    RST_INDEX,
    Builds,
    file_page_html,
    generated_docnames,
    html_of,
    warnings_of,
)
from .hostile import (
    INJECTIONS,
    MARKERS,
    OUTSIDE_TOKEN,
    SECRET_NAMES,
    SECRET_TOKEN,
    HostileRepo,
    restore_permissions,
    write_hostile_repo,
)
from .svg_inspection import PICTURE_FILE, svg_problems


class _Inspector(HTMLParser):
    """Collects every way a page could run script or carry markup it was not built with."""

    def __init__(self, page: Path | None = None) -> None:
        super().__init__(convert_charrefs=True)
        #: The page's file: an ``<object>`` may show only a picture of ours beside it.
        self.page = page
        self.pictures: list[Path] = []
        self.problems: list[str] = []
        self.text: list[str] = []
        self._in_head = False
        self._inline_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "head":
            self._in_head = True
        if tag == "object":
            self._object(values)
        elif tag in {"iframe", "embed", "svg", "frame", "base", "form"}:
            self.problems.append(f"<{tag}>")
        if tag == "style" and not self._in_head:
            self.problems.append("<style> in the body")
        if tag == "script" and not values.get("src"):
            self._inline_script = True
        if tag == "meta" and "http-equiv" in values:
            self.problems.append(f"<meta http-equiv={values['http-equiv']}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            lowered = (value or "").strip().lower()
            if name in {"href", "src", "action"} and lowered.startswith(("javascript:", "data:")):
                self.problems.append(f"<{tag} {name}={value}>")
            if name in {"id", "class", "name"} and "PWN" in (value or ""):
                self.problems.append(f"<{tag} {name}={value}>")

    def _object(self, values: dict[str, str | None]) -> None:
        """Only our own picture: an SVG file beside the page, safe itself."""
        data = values.get("data") or ""
        if values.get("type") != "image/svg+xml" or not PICTURE_FILE.fullmatch(data):
            self.problems.append(f"<object data={data!r} type={values.get('type')!r}>")
        elif self.page is not None:
            picture = self.page.parent / data
            if not picture.is_file():
                self.problems.append(f"<object data={data!r}>: no such file")
            else:
                self.pictures.append(picture)
                self.problems.extend(f"{data}: {found}" for found in svg_problems(picture))

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._in_head = False
        if tag == "script" and self._inline_script:
            self._inline_script = False
            self.problems.append("inline <script>")

    def handle_comment(self, data: str) -> None:
        if "PWN" in data:
            self.problems.append(f"a comment carries repository text: {data[:60]!r}")

    def handle_data(self, data: str) -> None:
        if self._inline_script:
            self.problems.append(f"inline <script>: {data.strip()}")
        else:
            self.text.append(data)


def inspect_page(html: str, page: Path | None = None) -> _Inspector:
    inspector = _Inspector(page)
    inspector.feed(html)
    inspector.close()
    return inspector


def _all_files(folder: Path) -> Iterator[Path]:
    for dirpath, _dirs, filenames in os.walk(folder):
        for filename in filenames:
            yield Path(dirpath, filename)


def git_files(root: Path) -> set[str] | None:
    """The files git would add (``git ls-files --others``), before any build writes."""
    if shutil.which("git") is None:
        return None
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    listed = subprocess.run(
        ["git", "-C", str(root), "-c", "core.quotePath=false", "ls-files", "-z", "--others"],
        check=True,
        capture_output=True,
    ).stdout
    shutil.rmtree(root / ".git")
    return {os.fsdecode(name) for name in listed.split(b"\0") if name}


#: repodocs_max_source_bytes of the everyday build: the big files are still cut, and
#: their pages stay small enough to inspect quickly.
EVERYDAY_SOURCE_LIMIT = 20_000


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostileRepo]:
    plan = write_hostile_repo(tmp_path_factory.mktemp("hostile"), wide=60, huge_bytes=60_000)
    yield plan
    restore_permissions(plan)


@pytest.fixture(scope="module")
def hostile_site(hostile: HostileRepo) -> tuple[HostileRepo, set[str] | None, SphinxTestApp]:
    """One build shared by the tests below, with git's listing taken before it. Files
    over 20,000 bytes are cut (the full corpus in the slow suite keeps the default)."""
    listed_by_git = git_files(hostile.root)
    settings = {"repodocs_max_source_bytes": EVERYDAY_SOURCE_LIMIT}
    return hostile, listed_by_git, Builds()(hostile.srcdir, confoverrides=settings)


def test_the_inspector_sees_each_markup_injection():
    html_injections = [INJECTIONS[n - 1] for n in (1, 2, 5, 6, 7, 8, 9, 10, 11, 25, 27)]
    for injection in html_injections:
        assert inspect_page(f"<html><body>{injection}</body></html>").problems, injection


def documented_files(app) -> set[str]:  # type: ignore[no-untyped-def]
    from sphinx_repodocs.sphinx.build_state import get_state

    state = get_state(app.env)
    assert state is not None
    return set(state.model.files)


def test_hostile_repository_builds_and_loses_nothing(hostile_site):
    hostile, listed_by_git, app = hostile_site
    assert warnings_of(app) == ""

    documented = documented_files(app)
    assert documented == hostile.kept_files
    if listed_by_git is not None:
        # git's view (minus what git cannot see as root or not, and secrets) is ours.
        secrets = set(SECRET_NAMES)
        unreadable = {path for path in listed_by_git if path.startswith("perms/unreadable-folder/")}
        assert listed_by_git - secrets - unreadable == documented - unreadable
    docnames = generated_docnames(app)
    for path in documented:
        docname = urls.file_docname(PREFIX, path)
        assert docname in docnames, path
        assert (Path(app.outdir) / f"{docname}.html").is_file(), path
    assert (
        urls.folder_docname(PREFIX, "deep/" + "/".join(f"d{n:02d}" for n in range(50))) in docnames
    )
    one_line = file_page_html(app, "big/one-line.js")
    limit = app.config.repodocs_max_source_bytes
    assert f"the first {limit:,} characters of its first line are shown" in one_line
    assert "nested too deeply for Python&#x27;s parser" in file_page_html(
        app, "python/deep-unary.py"
    )
    status = app.status.getvalue()
    assert f"{len(SECRET_NAMES)} secret" in status
    assert "1 special file" in status


#: Payloads of rendered READMEs whose marker is not text on the folder page, and why:
#: the marker sat inside HTML that is left out (an HTML block, counted in a note; an
#: inline tag's attributes) or in a link destination that is refused.
HIDDEN_IN_READMES = {
    ("readme", "PWN1"),  # <script> block
    ("readme", "PWN9"),  # <iframe> block
    ("readme", "PWN10"),  # <style> block
    ("readme", "PWN11"),  # <meta> block
    ("readme", "PWN13"),  # <b id=...> inline tag
    ("readme", "PWN25"),  # <a href=javascript:...> inline tag
    ("readme", "PWN27"),  # comment block
    ("readme-rst", "PWN4"),  # javascript: destination refused, its text kept
}


def marker_of(injection: str) -> str:
    """The injection's own marker ("PWN1" is a prefix of "PWN10")."""
    found = re.search(r"PWN\d+", injection)
    assert found is not None
    return found.group()


def test_no_injected_markup_and_every_injection_shown_as_text(hostile_site):
    hostile, _git, app = hostile_site
    outdir = Path(app.outdir)
    # The theme's own search form and script, as on the host's hand-written index page.
    theme = set(inspect_page((outdir / "index.html").read_text(encoding="utf-8")).problems)
    assert "<form>" in theme  # the inspector sees what it is meant to see
    shown: set[Path] = set()
    for path in _all_files(outdir):
        if path.suffix != ".html":
            continue
        page = inspect_page(path.read_text(encoding="utf-8"), path)
        assert set(page.problems) <= theme, (path.relative_to(outdir), page.problems)
        shown.update(page.pictures)
    # Every picture is safe, and shown by its page; the hostile names are in some.
    pictures = {path for path in _all_files(outdir) if path.suffix == ".svg"}
    assert pictures == shown
    assert len(pictures) >= 4
    for path in pictures:
        assert svg_problems(path) == [], path
    for path, injection in hostile.injected.items():
        html = (outdir / f"{urls.file_docname(PREFIX, path)}.html").read_text(encoding="utf-8")
        text = "".join(inspect_page(html).text)
        assert marker_of(injection) in text, path
    # Rendered READMEs: a payload is text on the page, or its markup was left out.
    hidden = set()
    for folder, injection in hostile.readmes.items():
        html = (outdir / f"{urls.folder_docname(PREFIX, folder)}.html").read_text(encoding="utf-8")
        marker = marker_of(injection)
        if marker not in "".join(inspect_page(html).text):
            hidden.add((folder.rstrip("0123456789").rpartition("/")[2], marker))
    assert hidden == HIDDEN_IN_READMES
    # No include, literalinclude or csv-table read a file outside the repository.
    for path in _all_files(outdir):
        assert OUTSIDE_TOKEN.encode() not in path.read_bytes(), path
    # Substitutions, raw HTML, meta tags and toctrees from repository text never became nodes.
    injected_pages = {urls.file_docname(PREFIX, path) for path in hostile.injected} | {
        urls.folder_docname(PREFIX, folder) for folder in hostile.readmes
    }
    for docname in sorted(injected_pages | {d for d in generated_docnames(app) if "inject" in d}):
        doctree = app.env.get_doctree(docname)
        for node in doctree.findall(
            lambda node: isinstance(
                node,
                nodes.raw
                | nodes.substitution_definition
                | nodes.substitution_reference
                | nodes.comment,
            )
        ):
            pytest.fail(f"{docname}: {node.__class__.__name__} {node.astext()[:60]!r}")
        for toctree in doctree.findall(addnodes.toctree):
            assert all("PWN" not in entry for _title, entry in toctree["entries"]), docname
    assert len(INJECTIONS) == len(MARKERS) >= 25


def test_no_secret_or_secret_name_is_published(hostile_site):
    _hostile, _git, app = hostile_site
    for folder in (Path(app.outdir), Path(app.doctreedir)):
        for path in _all_files(folder):
            data = path.read_bytes()
            assert SECRET_TOKEN.encode() not in data, path
    names = [name.rpartition("/")[2] for name in SECRET_NAMES if len(name) > 8]
    for path in _all_files(Path(app.outdir)):
        if path.suffix in {".html", ".js", ".inv", ".txt"}:
            data = path.read_bytes()
            for name in names:
                assert name.encode() not in data, (path, name)


def test_unreadable_file_and_folder_get_pages_that_say_so(repo_factory, build, monkeypatch):
    """Permissions are simulated: a test run as root reads every file regardless."""
    import builtins

    from sphinx_repodocs.core import scan

    srcdir = repo_factory(
        {
            "docs/conf.py": RST_CONF,
            "docs/index.rst": RST_INDEX,
            "locked.py": "x = 1\n",
            "locked-folder/inside.py": "x = 1\n",
        }
    )
    real_open, real_list = builtins.open, scan._list

    def refusing_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file).endswith("locked.py"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    def refusing_list(path: str):  # type: ignore[no-untyped-def]
        if path.endswith("locked-folder"):
            raise PermissionError(13, "Permission denied", path)
        return real_list(path)

    monkeypatch.setattr(builtins, "open", refusing_open)
    monkeypatch.setattr(scan, "_list", refusing_list)
    app = build(srcdir)
    assert warnings_of(app) == ""
    assert "The file could not be read: Permission denied." in file_page_html(app, "locked.py")
    folder = html_of(app, urls.folder_docname(PREFIX, "locked-folder"))
    assert "The folder's entries could not be listed: Permission denied." in folder


@pytest.mark.slow
def test_the_full_hostile_corpus(tmp_path):
    """The issue's corpus at full size: a 10,000-entry folder and a 10 MB file, at -j 2."""
    plan = write_hostile_repo(tmp_path)
    try:
        app = Builds()(plan.srcdir, parallel=2)
        assert warnings_of(app) == ""
        assert documented_files(app) == plan.kept_files
        assert len(plan.kept_files) > 10_000
        one_line = file_page_html(app, "big/one-line.js")
        assert "the first 1,000,000 characters of its first line are shown" in one_line
        outdir = Path(app.outdir)
        written = {
            path.relative_to(outdir).as_posix().removesuffix(".html")
            for path in _all_files(outdir / PREFIX)
            if path.suffix == ".html"
        }
        assert {urls.file_docname(PREFIX, path) for path in plan.kept_files} <= written
        theme = set(inspect_page((outdir / "index.html").read_text(encoding="utf-8")).problems)
        for path in _all_files(outdir):
            if path.suffix == ".html":
                problems = set(inspect_page(path.read_text(encoding="utf-8")).problems)
                assert problems <= theme, path
            assert SECRET_TOKEN.encode() not in path.read_bytes(), path
            assert OUTSIDE_TOKEN.encode() not in path.read_bytes(), path
    finally:
        restore_permissions(plan)
