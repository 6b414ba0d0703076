"""The last commit that touched each file, from one pass over ``git log``.

One ``git log`` process for the whole tree, read until every documented file has been
seen (newest commits first), never one process per file. A file no commit of that log
lists arrived through a merge (a subtree merge, a conflict resolved in the merge): a
second pass over the first-parent history, with each merge compared with its first
parent, finds the merge that brought it. Without git, or outside a
git checkout, there is no history and nothing is said. Pure: no Sphinx.

git runs with ``core.fsmonitor`` off, so a repository's own configuration can never
make it start a program.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field

from .git_files import SAFE_GIT, environment, run_git
from .pickling import pickled_by_values

#: Fields of one commit header line; a NUL-free separator git never puts in a subject.
_HEADER = "\x1e"
_FORMAT = f"{_HEADER}%h%x1f%cs%x1f%s"


@pickled_by_values
@dataclass(frozen=True, slots=True)
class Commit:
    short_hash: str
    #: Committer date, YYYY-MM-DD.
    date: str
    subject: str


@dataclass(slots=True)
class History:
    """The commit the tree was built from and each file's last commit."""

    head: Commit | None = None
    #: Full hash of HEAD: a cache key (same HEAD, same history).
    head_id: str = ""
    last_commits: dict[str, Commit] = field(default_factory=dict)
    #: The documented files of the HEAD commit.
    tracked: frozenset[str] = frozenset()
    #: Those of them the work tree changes (as git's index tells, without reading
    #: them): their lines may not be the commit's lines.
    modified: frozenset[str] = frozenset()
    #: The ``origin`` remote's URL, and the documented folder's path in the checkout.
    remote: str = ""
    prefix: str = ""


def read_history(root: str, paths: Collection[str], previous: History | None = None) -> History:
    """The history of *paths* (relative to *root*); empty when git cannot tell."""
    git = shutil.which("git")
    if git is None:
        return History()
    head_id = _git(root, "rev-parse", "--verify", "-q", "HEAD")
    if not head_id:  # not a checkout, no commit yet, or git refuses (e.g. ownership)
        return History()
    prefix = _git(root, "rev-parse", "--show-prefix")
    # Untracked files have no commit: looking for them would read the whole log.
    wanted = set(paths) & _tracked(root, prefix)
    known = previous is not None and previous.head_id == head_id
    remote = _git(root, "remote", "get-url", "origin")
    modified = frozenset(_modified(root, prefix) & wanted)
    if (
        known
        and previous is not None
        and wanted == previous.tracked
        and remote == previous.remote
        and modified == previous.modified
        and wanted <= previous.last_commits.keys()
    ):
        return previous
    history = History(
        head=_head(root),
        head_id=head_id,
        tracked=frozenset(wanted),
        modified=modified,
        remote=remote,
        prefix=prefix,
    )
    boundary = _shallow_boundary(root)
    if wanted:
        below_top = bool(prefix)
        passes = ((), ("--first-parent", "-m"))  # then merges, for what is left
        for extra in passes:
            if len(history.last_commits) == len(wanted):
                break
            commits = _log(git, root, below_top, extra)
            _assign(commits, wanted, prefix, boundary, history.last_commits)
    return history


def _assign(
    commits: Iterator[tuple[Commit, list[str]]],
    wanted: Collection[str],
    prefix: str,
    boundary: frozenset[str],
    found: dict[str, Commit],
) -> None:
    """Each wanted file's newest commit from *commits*, until every one has one."""
    for commit, names in commits:
        if commit.short_hash and any(full.startswith(commit.short_hash) for full in boundary):
            # The oldest commit of a shallow clone (Read the Docs, CI) lists every file as
            # new: from there on we do not know which commit last touched a file.
            return
        for name in names:
            path = name[len(prefix) :] if name.startswith(prefix) else ""
            if path in wanted and path not in found:
                found[path] = commit
        if len(found) == len(wanted):
            return


def last_commit(root: str) -> Commit | None:
    """The commit HEAD names, when *root* is a git checkout with one."""
    git = shutil.which("git")
    return _head(root) if git is not None else None


def _tracked(root: str, prefix: str) -> set[str]:
    """Files of the HEAD commit below *root*, relative to it (a file only staged is in
    no commit yet)."""
    listing = _git(root, "ls-tree", "-r", "-z", "--name-only", "--full-name", "HEAD", ".")
    return {name[len(prefix) :] for name in listing.split("\0") if name.startswith(prefix) and name}


def _modified(root: str, prefix: str) -> set[str]:
    """Files below *root* whose work-tree or staged content differs from HEAD (as
    ``git status`` tells: a file whose stats changed is compared by content, through
    the user's own filters; no external diff or text conversion runs)."""
    listing = _git(
        root, "diff", "--no-ext-diff", "--no-textconv", "--name-only", "-z", "HEAD", "--", "."
    )
    return {name[len(prefix) :] for name in listing.split("\0") if name.startswith(prefix) and name}


def _shallow_boundary(root: str) -> frozenset[str]:
    """Full hashes of the commits a shallow clone was cut at (none in a full clone)."""
    if _git(root, "rev-parse", "--is-shallow-repository") != "true":
        return frozenset()
    shallow = _git(root, "rev-parse", "--path-format=absolute", "--git-path", "shallow")
    try:
        with open(shallow, encoding="ascii") as handle:
            return frozenset(line.strip() for line in handle if line.strip())
    except (OSError, UnicodeDecodeError):
        return frozenset()


def _head(root: str) -> Commit | None:
    line = _git(root, "log", "-1", "--format=%h%x1f%cs%x1f%s", "HEAD")
    fields = line.split("\x1f", 2)
    return Commit(*fields) if len(fields) == 3 else None


def _git(root: str, *arguments: str) -> str:
    output = run_git(root, *arguments)
    return output.decode("utf-8", "replace").strip() if output is not None else ""


def _log(
    git: str, root: str, below_top: bool, extra: tuple[str, ...] = ()
) -> Iterator[tuple[Commit, list[str]]]:
    """Commits, newest first, with the files each touched (relative to the top level)."""
    command = [git, *SAFE_GIT, "-C", root, "log", *extra, "--no-renames", "--name-only"]
    command += [f"--format={_FORMAT}", "-z"]
    if below_top:
        command += ["--", "."]
    try:
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=environment(),
        )
    except OSError:
        return
    assert process.stdout is not None
    try:
        yield from _parse(_records(process.stdout))
    finally:
        process.kill()
        process.wait()


def _records(stream: object) -> Iterator[str]:
    """NUL-separated records of ``git log -z``, decoded (undecodable bytes kept)."""
    buffer = b""
    read = stream.read1 if hasattr(stream, "read1") else stream.read  # type: ignore[attr-defined]
    while chunk := read(65536):
        buffer += chunk
        *complete, buffer = buffer.split(b"\0")
        for record in complete:
            yield record.decode("utf-8", "surrogateescape")
    if buffer:
        yield buffer.decode("utf-8", "surrogateescape")


def _parse(records: Iterator[str]) -> Iterator[tuple[Commit, list[str]]]:
    commit: Commit | None = None
    names: list[str] = []
    for record in records:
        # With -z a header record may be glued to the first name by "\n".
        if _HEADER in record:
            header, _, rest = record.partition("\n")
            if commit is not None:
                yield commit, names
            fields = [*header.split(_HEADER, 1)[1].split("\x1f", 2), "", ""]
            commit = Commit(*fields[:3])
            names = [rest] if rest else []
        elif record.strip("\n"):
            names.append(record.strip("\n"))
    if commit is not None:
        yield commit, names
