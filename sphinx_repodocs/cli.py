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

#: What every project of a site written by the commands says first (after its header).
PROJECT_SETTINGS = """\
extensions = ["sphinx_repodocs"]
project = {project!r}
{copyright}
repodocs_root = {root!r}
repodocs_title = {project!r}
"""
#: ... and last: how the site opens and looks.
SITE_SETTINGS = """\
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
CONF_TEMPLATE = (
    "# Written by {prog} {version}: the Sphinx project of the site of {root}.\n"
    + PROJECT_SETTINGS
    + "repodocs_include_dirs = {include_dirs!r}\n"
    + SITE_SETTINGS
)


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


def copyright_settings(root: str | os.PathLike[str], project: str) -> dict[str, object]:
    """The footer's copyright: the year of the last commit and the repository's name;
    without git history there is nothing to say, and the footer says nothing. (A shard
    plan's conf.py calls it on every build, so the year follows the commits.)"""
    from .core.git_history import last_commit

    commit = last_commit(str(root))
    if commit is None:
        return {"html_show_copyright": False}
    return {"copyright": commit.date[:4] + ", " + project}


def _copyright(root: Path, project: str) -> str:
    return "\n".join(
        f"{name} = {value!r}" for name, value in copyright_settings(root, project).items()
    )


EPILOG = """\
examples:
  sphinx-repodocs .                       a site of this folder, in the cache folder
  sphinx-repodocs ~/src/tool -o site      the site written to ./site
  sphinx-repodocs . --serve               build, then serve on http://127.0.0.1:8000/
  sphinx-repodocs . -D repodocs_exclude=vendor,third_party -v
                                          any option, as sphinx-build -D; -v lists
                                          every file left out and why
  sphinx-repodocs . -b dirhtml -j auto    another builder, every core

too big for one build (sphinx-repodocs plan --help, build-plan --help, merge --help):
  sphinx-repodocs plan . --shards 4       split the site into shards: their Sphinx
                                          projects and CI files, in ./repodocs-shards
  sphinx-repodocs build-plan repodocs-shards --jobs 2 -o site
                                          build the shards here and merge them
  sphinx-repodocs merge SITE... -o site   merge the shards' sites (the CI's last step)

the work folder:
  The Sphinx project (conf.py), its environment and, without -o, the site live in
  $XDG_CACHE_HOME/sphinx-repodocs/NAME-HASH/ (~/.cache/sphinx-repodocs/... when
  XDG_CACHE_HOME is unset), one per repository, kept so that the next run rebuilds
  only what changed. Nothing is written into the repository. Delete the folder (or
  pass -E) to start afresh: rm -r ~/.cache/sphinx-repodocs
"""


class CommandParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """One line on bad arguments (argparse would print the usage first)."""
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The command's arguments (the docs' command reference is generated from it)."""
    parser = CommandParser(
        prog=PROG,
        description="Build a documentation site of a repository: a page per file and folder.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
    parser.add_argument(
        "-D",
        dest="define",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="set a configuration option, as sphinx-build -D (repeatable; a list option "
        "takes comma-separated values)",
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
    _add_sphinx_habits(parser)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _add_sphinx_habits(parser: argparse.ArgumentParser) -> None:
    """The options that mean what they mean to sphinx-build."""
    parser.add_argument(
        "-E",
        "--fresh-env",
        action="store_true",
        help="read every page again: the environment of the last run is not used",
    )
    parser.add_argument(
        "-W",
        "--fail-on-warning",
        action="store_true",
        help="warnings fail the build (sphinx-build -W --keep-going -n)",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="more progress (repeatable); -v lists every file left out with its reason",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print only warnings")
    parser.add_argument(
        "-T",
        "--show-traceback",
        action="store_true",
        help="print the full traceback when the build fails",
    )


def _check(parser: argparse.ArgumentParser, options: argparse.Namespace) -> Path:
    root = Path(options.path).expanduser()
    if not root.is_dir():
        parser.error(f"{options.path!r} is not a folder")
    if options.jobs != "auto" and not (options.jobs.isdigit() and int(options.jobs) >= 1):
        parser.error(f"-j takes a positive number or 'auto', not {options.jobs!r}")
    if not _theme_installed(options.theme):
        parser.error(f"the theme {options.theme!r} is not installed")
    if not _builder_known(options.builder):
        parser.error(f"the builder {options.builder!r} is not registered")
    for folder in options.include_dir:
        if not (root / folder).is_dir() or Path(folder).is_absolute() or ".." in Path(folder).parts:
            parser.error(f"-I takes a folder of the repository, not {folder!r}")
    for definition in options.define:
        name, equals, _value = definition.partition("=")
        if not equals or not name.isidentifier():
            parser.error(f"-D takes NAME=VALUE, not {definition!r}")
    if not any(root.iterdir()):
        parser.exit(1, f"{PROG}: {str(root)!r} is empty: there is nothing to document\n")
    return root.resolve()


def _theme_installed(name: str) -> bool:
    """Sphinx's built-in themes, and themes that packages register as entry points."""
    from importlib.metadata import entry_points

    import sphinx

    builtin = Path(sphinx.__file__).parent / "themes" / name
    if builtin.is_dir():
        return True
    return name in {entry.name for entry in entry_points(group="sphinx.html_themes")}


def _builder_known(name: str) -> bool:
    """Sphinx's own builders, ours, and those packages register as entry points (which
    Sphinx loads by name); any name when Sphinx's own cannot be told."""
    from importlib.metadata import entry_points

    from . import compat
    from .sphinx.shards import InventoryBuilder

    builtin = compat.builtin_builder_names()
    if builtin is None:
        return True
    registered = {entry.name for entry in entry_points(group="sphinx.builders")}
    return name in builtin | registered | {InventoryBuilder.name}


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    from .shard_commands import COMMANDS

    if arguments and arguments[0] in COMMANDS:
        from .shard_commands import main as shard_main

        return shard_main(arguments)
    parser = build_parser()
    options = parser.parse_args(arguments)
    root = _check(parser, options)
    workdir = default_workdir(root)
    output = Path(options.output).expanduser().resolve() if options.output else workdir / "site"
    # The port is taken before the build, so that a busy one is told at once.
    server = _bind(options.serve, output) if options.serve is not None else None
    status = _build(options, root, workdir, output)
    if status != 0:
        if server is not None:
            server.server_close()
        print(f"{PROG}: the build failed (exit status {status})", file=sys.stderr)
        return status
    start = output / "index.html"
    print(f"The site of {root} is in {output}" + (f"; open {start}" if start.is_file() else ""))
    if options.open and start.is_file():
        webbrowser.open(start.as_uri())
    if server is not None:
        serve(server)
    return 0


def _build(options: argparse.Namespace, root: Path, workdir: Path, output: Path) -> int:
    """Write the Sphinx project of the site and run sphinx-build on it."""
    from sphinx.cmd.build import build_main

    source = workdir / "source"
    write_project(source, root, options.theme, options.builder, options.include_dir)
    arguments = [
        "-b", options.builder,
        "-d", str(workdir / "doctrees"),
        "-j", options.jobs,
        *(["-q"] if options.quiet else []),
        *(["-v"] * options.verbose),
        *(["-E"] if options.fresh_env else []),
        *(["-T"] if options.show_traceback else []),
        *(["-W", "--keep-going", "-n"] if options.fail_on_warning else []),
        *(part for definition in options.define for part in ("-D", definition)),
        str(source),
        str(output),
    ]  # fmt: skip
    return build_main(arguments)


def _bind(port: int, folder: Path) -> http.server.ThreadingHTTPServer:
    """A server of *folder* on 127.0.0.1:*port*; a port in use ends the command with one
    line."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    try:
        return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as error:
        reason = error.strerror or str(error)
        sys.stderr.write(f"{PROG}: error: cannot serve on port {port}: {reason}\n")
        raise SystemExit(1) from None


def serve(server: http.server.ThreadingHTTPServer) -> None:
    """Serve until interrupted."""
    with server:
        print(f"Serving the site at http://127.0.0.1:{server.server_port}/ (Ctrl+C stops)")
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
