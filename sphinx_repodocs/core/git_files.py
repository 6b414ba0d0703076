"""Git's own view of a checkout: the files it sees, its submodules, and the attributes
``.gitattributes`` gives them.

Two ``git ls-files`` runs give the file set (tracked files whatever ``.gitignore`` says,
plus untracked files that no ignore rule, global excludes included, covers); one
``git check-attr --stdin`` run gives the attributes of every kept file. Outside a
checkout, without git, or when git refuses (``safe.directory``), there is no git view
and the scan walks with its own ``.gitignore`` reading. Pure: no Sphinx.

git runs with ``core.fsmonitor`` off, so a repository's configuration never starts a
program; ``check-attr`` reads attributes only, it runs no filter or driver.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Collection
from dataclasses import dataclass, field

SAFE_GIT = ("-c", "core.fsmonitor=false", "-c", "core.quotepath=off")

#: The attributes that decide a file's purpose, language, encoding or binary nature.
ATTRIBUTES = (
    "linguist-generated",
    "linguist-vendored",
    "linguist-documentation",
    "linguist-language",
    "working-tree-encoding",
    "binary",
)

#: A gitlink (submodule) entry's mode in the index.
_GITLINK = "160000"


@dataclass(slots=True)
class GitFiles:
    """What git lists below the documented folder, relative to it."""

    files: set[str] = field(default_factory=set)
    #: Submodule path → the commit the checkout records for it.
    submodules: dict[str, str] = field(default_factory=dict)

    def folders(self) -> set[str]:
        """Every folder that holds a listed file or submodule ("" is the root)."""
        found = {""}
        for path in (*self.files, *self.submodules):
            while "/" in path:
                path = path.rpartition("/")[0]
                if path in found:
                    break
                found.add(path)
        return found


def environment() -> dict[str, str]:
    """The build's environment without what would point git at another repository (a
    hook's or CI's GIT_DIR, GIT_WORK_TREE)."""
    skip = {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_CEILING_DIRECTORIES"}
    return {name: value for name, value in os.environ.items() if name not in skip}


def run_git(root: str, *arguments: str, stdin: bytes | None = None) -> bytes | None:
    """git's output in *root*, or None when git is missing, fails or refuses."""
    git = shutil.which("git")
    if git is None:
        return None
    try:
        done = subprocess.run(
            [git, *SAFE_GIT, "-C", root, *arguments],
            input=stdin,
            capture_output=True,
            env=environment(),
            timeout=300,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _names(output: bytes) -> list[str]:
    return [name for name in output.decode("utf-8", "surrogateescape").split("\0") if name]


def git_files(root: str) -> GitFiles | None:
    """The files git sees below *root* (a checkout or a folder in one), or None."""
    if run_git(root, "rev-parse", "--is-inside-work-tree") != b"true\n":
        return None
    staged = run_git(root, "ls-files", "-z", "--cached", "--stage")
    others = run_git(root, "ls-files", "-z", "--others", "--exclude-standard")
    if staged is None or others is None:
        return None
    found = GitFiles()
    for record in _names(staged):
        # "<mode> <object> <stage>\t<path>"; a conflicted file is listed once per stage.
        info, _, path = record.partition("\t")
        mode, _, rest = info.partition(" ")
        if mode == _GITLINK:
            found.submodules[path] = rest.partition(" ")[0]
        else:
            found.files.add(path)
    found.files.update(_names(others))
    return found


def git_attributes(root: str, paths: Collection[str]) -> dict[str, dict[str, str]]:
    """The :data:`ATTRIBUTES` each of *paths* has ("set", "unset" or a value), only for
    paths with at least one; empty when git cannot tell."""
    if not paths:
        return {}
    listing = "\0".join(paths).encode("utf-8", "surrogateescape") + b"\0"
    output = run_git(root, "check-attr", "-z", "--stdin", *ATTRIBUTES, stdin=listing)
    if output is None:
        return {}
    fields = output.decode("utf-8", "surrogateescape").split("\0")
    found: dict[str, dict[str, str]] = {}
    for at in range(0, len(fields) - 2, 3):
        path, name, value = fields[at : at + 3]
        if value != "unspecified":
            found.setdefault(path, {})[name] = value
    return found
