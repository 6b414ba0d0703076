"""``sphinx-repodocs PATH``: a site for any repository, with no conf.py and nothing written
into the repository.

The Sphinx project (a ``conf.py`` and an index page) lives in a work folder outside the
repository, kept between runs so that a second run rebuilds only what changed.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import hashlib
import http.server
import os
import sys
import webbrowser
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from . import __version__

PROG = "sphinx-repodocs"

CONF_TEMPLATE = """\
# Written by {prog} {version}: the Sphinx project of the site of {root}.
extensions = ["sphinx_repodocs"]
project = {project!r}
{copyright}
repodocs_root = {root!r}
repodocs_title = {project!r}
repodocs_include_dirs = {include_dirs!r}
# The site opens on the repository index; index.html sends a browser there.
root_doc = "_repodocs/index"
html_additional_pages = {{"index": "repodocs/redirect.html"}}
html_context = {{"repodocs_start": {start!r}}}
html_theme = {theme!r}
html_title = {project!r}
# The names of the code are in the repository's own keyword index; Sphinx's general
# index would be empty.
html_use_index = False
exclude_patterns = []
"""


def default_workdir(root: Path) -> Path:
    """A work folder per repository under the user's cache folder, never in the repository."""
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    digest = hashlib.sha256(os.fsencode(root)).hexdigest()[:12]
    return Path(cache, PROG, f"{root.name or 'root'}-{digest}")


def write_project(
    source: Path,
    root: Path,
    theme: str,
    builder: str = "html",
    include_dirs: Sequence[str] = (),
) -> None:
    """The conf.py of the site; it is rewritten only when it changes."""
    source.mkdir(parents=True, exist_ok=True)
    project = root.name or str(root)
    conf = CONF_TEMPLATE.format(
        # Where the builder writes the root page (dirhtml: a folder's index.html).
        start="_repodocs/" if builder == "dirhtml" else "_repodocs/index.html",
        prog=PROG,
        version=__version__,
        root=str(root),
        project=project,
        copyright=_copyright(root, project),
        theme=theme,
        include_dirs=list(include_dirs),
    )
    path = source / "conf.py"
    if not path.is_file() or path.read_text(encoding="utf-8") != conf:
        path.write_text(conf, encoding="utf-8")
    # The index page of earlier releases; the repository index is the root page now.
    (source / "index.rst").unlink(missing_ok=True)


def _copyright(root: Path, project: str) -> str:
    """The footer's copyright: the year of the last commit and the repository's name;
    without git history there is nothing to say, and the footer says nothing."""
    from .core.git_history import last_commit

    commit = last_commit(str(root))
    if commit is None:
        return "html_show_copyright = False"
    return f"copyright = {commit.date[:4] + ', ' + project!r}"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """One line on bad arguments (argparse would print the usage first)."""
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The command's arguments (the docs' command reference is generated from it)."""
    parser = _Parser(
        prog=PROG,
        description="Build a documentation site of a repository: a page per file and folder.",
    )
    parser.add_argument("path", help="the repository (any folder)")
    parser.add_argument("-o", "--output", help="where to write the site (default: a cache folder)")
    parser.add_argument(
        "-j", "--jobs", default="1", help="parallel processes, a number or 'auto' (default: 1)"
    )
    parser.add_argument("--theme", default="alabaster", help="an installed Sphinx HTML theme")
    parser.add_argument(
        "-b", "--builder", default="html", help="a Sphinx builder: html, dirhtml, text, ..."
    )
    parser.add_argument(
        "-I",
        "--include-dir",
        action="append",
        default=[],
        metavar="FOLDER",
        help="a folder of the repository where C and C++ includes are found (repeatable; "
        "include roots and compile_commands.json are found without it)",
    )
    parser.add_argument("--open", action="store_true", help="open the site in a web browser")
    parser.add_argument(
        "--serve",
        nargs="?",
        const=8000,
        type=int,
        metavar="PORT",
        help="serve the site on 127.0.0.1 (default port 8000) until interrupted",
    )
    parser.add_argument(
        "-W",
        "--fail-on-warning",
        action="store_true",
        help="warnings fail the build (sphinx-build -W --keep-going -n)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print only warnings")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _check(parser: argparse.ArgumentParser, options: argparse.Namespace) -> Path:
    root = Path(options.path).expanduser()
    if not root.is_dir():
        parser.error(f"{options.path!r} is not a folder")
    if options.jobs != "auto" and not (options.jobs.isdigit() and int(options.jobs) >= 1):
        parser.error(f"-j takes a positive number or 'auto', not {options.jobs!r}")
    if not _theme_installed(options.theme):
        parser.error(f"the theme {options.theme!r} is not installed")
    for folder in options.include_dir:
        if not (root / folder).is_dir() or Path(folder).is_absolute() or ".." in Path(folder).parts:
            parser.error(f"-I takes a folder of the repository, not {folder!r}")
    return root.resolve()


def _theme_installed(name: str) -> bool:
    """Sphinx's built-in themes, and themes that packages register as entry points."""
    from importlib.metadata import entry_points

    import sphinx

    builtin = Path(sphinx.__file__).parent / "themes" / name
    if builtin.is_dir():
        return True
    return name in {entry.name for entry in entry_points(group="sphinx.html_themes")}


def main(argv: Sequence[str] | None = None) -> int:
    from sphinx.cmd.build import build_main

    parser = build_parser()
    options = parser.parse_args(argv)
    root = _check(parser, options)
    workdir = default_workdir(root)
    output = Path(options.output).expanduser().resolve() if options.output else workdir / "site"
    source = workdir / "source"
    write_project(source, root, options.theme, options.builder, options.include_dir)
    arguments = [
        "-b", options.builder,
        "-d", str(workdir / "doctrees"),
        "-j", options.jobs,
        *(["-q"] if options.quiet else []),
        *(["-W", "--keep-going", "-n"] if options.fail_on_warning else []),
        str(source),
        str(output),
    ]  # fmt: skip
    status = build_main(arguments)
    if status != 0:
        print(f"{PROG}: the build failed (exit status {status})", file=sys.stderr)
        return status
    start = output / "index.html"
    print(f"The site of {root} is in {output}" + (f"; open {start}" if start.is_file() else ""))
    if options.open and start.is_file():
        webbrowser.open(start.as_uri())
    if options.serve is not None:
        serve(output, options.serve)
    return 0


def serve(folder: Path, port: int) -> None:
    """Serve *folder* on 127.0.0.1 until interrupted."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"Serving the site at http://127.0.0.1:{server.server_port}/ (Ctrl+C stops)")
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
