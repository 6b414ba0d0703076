"""The Sphinx projects the benchmark builds: sphinx-repodocs and the two floors.

A *floor* is what Sphinx alone costs to show the same files: one page per file holding
a title and a ``literalinclude`` of the file with line numbers, and one page per folder
with a toctree of its children. The *theme* floor keeps the theme's default sidebar
(which renders the global toctree into every page); the *lean* floor keeps the source
out of the search index and has no sidebar navigation.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from sphinx_repodocs.core.model import RepoModel
from sphinx_repodocs.core.read import build_model, describe_file
from sphinx_repodocs.core.scan import ScanResult, ScanSettings, scan
from sphinx_repodocs.site.urls import file_docname, folder_docname

#: Folders of an installed Python that are not the standard library's own files.
_NOT_THE_TREE = shutil.ignore_patterns("__pycache__", "site-packages", "*.pyc")

#: Every project also loads ``benchmarks.phases``, which only listens (phase times).
_PHASES = f"""\
import sys
sys.path.insert(0, {str(Path(__file__).resolve().parent.parent)!r})
"""

REPODOCS_CONF = (
    _PHASES
    + """\
extensions = ["sphinx_repodocs", "benchmarks.phases"]
repodocs_root = {root!r}
repodocs_cache_dir = {cache!r}
project = "benchmark"
html_theme = "alabaster"
"""
)

REPODOCS_INDEX = """\
Benchmark
=========

.. toctree::

   _repodocs/index
"""

FLOOR_CONF = (
    _PHASES
    + """\
extensions = ["benchmarks.phases"]
project = "floor"
# Not ".rst": a repository file "x.rst" has the page "x.rst" + suffix.
source_suffix = {{".floor": "restructuredtext"}}
root_doc = "index"
html_theme = "alabaster"
{sidebars}
"""
)

#: The lean floor: no sidebar navigation (the global toctree in every page is quadratic).
LEAN_SIDEBARS = 'html_sidebars = {"**": ["searchfield.html"]}'


@dataclass(frozen=True)
class Project:
    """A Sphinx project on disk: where its sources are and where it builds to."""

    name: str
    srcdir: Path
    outdir: Path
    #: What a CI would keep between runs (``repodocs_cache_dir``); None for the floors.
    cache_dir: Path | None = None

    @property
    def doctreedir(self) -> Path:
        return self.outdir / ".doctrees"


def copy_tree(source: Path, destination: Path) -> Path:
    """A private copy of *source*, so that the edit scenarios never touch the original."""
    if destination.exists():
        shutil.rmtree(destination)
    shutil.copytree(source, destination, symlinks=True, ignore=_NOT_THE_TREE)
    return destination


def scale_tree(source: Path, destination: Path, copies: int) -> Path:
    """A larger tree: *copies* copies of *source*, each under its own prefix."""
    if destination.exists():
        shutil.rmtree(destination)
    destination.mkdir(parents=True)
    for number in range(copies):
        shutil.copytree(source, destination / f"copy{number:02d}", symlinks=True)
    return destination


def repodocs_project(tree: Path, workdir: Path) -> Project:
    srcdir = workdir / "repodocs-src"
    srcdir.mkdir(parents=True, exist_ok=True)
    cache = workdir / "repodocs-cache"
    _write_if_changed(srcdir / "conf.py", REPODOCS_CONF.format(root=str(tree), cache=str(cache)))
    _write_if_changed(srcdir / "index.rst", REPODOCS_INDEX)
    return Project("repodocs", srcdir, workdir / "repodocs-out", cache)


def the_files(tree: Path) -> RepoModel:
    """The files and folders sphinx-repodocs documents (not extracted): the floors show
    exactly these."""
    found = scan(ScanSettings(root=tree))
    model = build_model(str(tree), ScanResult(folders=found.folders, skipped=found.skipped))
    for entry in found.files:
        model.files[entry.path] = describe_file(str(tree), entry)[0]
    return model


def floor_project(tree: Path, workdir: Path, *, lean: bool) -> Project:
    """Write (or bring up to date) a floor project for the files of *tree*.

    Pages are written only when their text changes, so a floor rebuild after an edit
    or an added file costs what Sphinx needs for it, like ours.
    """
    name = "floor-lean" if lean else "floor-theme"
    srcdir = workdir / f"{name}-src"
    srcdir.mkdir(parents=True, exist_ok=True)
    model = the_files(tree)
    sidebars = LEAN_SIDEBARS if lean else ""
    wanted: dict[Path, str] = {srcdir / "conf.py": FLOOR_CONF.format(sidebars=sidebars)}
    wanted[srcdir / "index.floor"] = _page("Floor", toctree=["folders/index"])
    for path, folder in model.folders.items():
        children = [_folder_doc(f"{path}/{sub}" if path else sub) for sub in folder.folders]
        children += [_file_doc(f"{path}/{file}" if path else file) for file in folder.files]
        # Toctree entries are relative to the folder page's own folder: use absolute ones.
        entries = ["/" + child for child in children]
        wanted[srcdir / (_folder_doc(path) + ".floor")] = _page(path or "Repository", entries)
    for path, file in model.files.items():
        body = ""
        page = srcdir / (_file_doc(path) + ".floor")
        if file.kind == "text" and file.codec is not None:
            # literalinclude reads a path relative to the page ("/x" is srcdir-relative).
            relative = os.path.relpath(tree / path, page.parent)
            options = [":linenos:", f":encoding: {file.codec}"]
            if file.lexer:
                options.append(f":language: {file.lexer}")
            if lean:
                options.append(":class: no-search")
            body = f".. literalinclude:: {relative}\n" + "".join(
                f"   {option}\n" for option in options
            )
        wanted[page] = _page(path, body=body)
    for page in srcdir.rglob("*.floor"):
        if page not in wanted:
            page.unlink()
    for page, text in wanted.items():
        _write_if_changed(page, text)
    return Project(name, srcdir, workdir / f"{name}-out")


def _file_doc(path: str) -> str:
    return file_docname("files", path)


def _folder_doc(path: str) -> str:
    return folder_docname("folders", path)


def _page(title: str, toctree: list[str] | None = None, body: str = "") -> str:
    # The title is data: escape every character rST could read as markup in it.
    shown = "".join(char if char.isalnum() or char == " " else "\\" + char for char in title)
    text = f"{shown}\n{'=' * len(shown)}\n\n"
    if toctree is not None:
        text += ".. toctree::\n   :maxdepth: 1\n\n" + "".join(f"   {doc}\n" for doc in toctree)
    return text + body


def _write_if_changed(path: Path, text: str) -> None:
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def remove_build(project: Project, *, keep_cache: bool = False) -> None:
    """Remove the output and doctrees, and the cache folder unless *keep_cache*."""
    for folder in (project.outdir, None if keep_cache else project.cache_dir):
        if folder is not None and folder.exists():
            shutil.rmtree(folder)


def pick_edit_target(model: RepoModel) -> str:
    """A Python file in the middle of the tree: what a one-file edit touches."""
    python = sorted(
        path
        for path, file in model.files.items()
        if file.kind == "text" and path.endswith(".py") and "/" in path
    )
    candidates = python or sorted(path for path, file in model.files.items() if file.kind == "text")
    return candidates[len(candidates) // 2]


def append_line(tree: Path, path: str, line: str) -> bytes:
    """Append *line* to a file; returns its previous content so it can be restored."""
    target = tree / path
    before = target.read_bytes()
    target.write_bytes(before + line.encode() + b"\n")
    return before


def restore(tree: Path, path: str, content: bytes) -> None:
    target = tree / path
    target.write_bytes(content)
    os.utime(target)
