"""The sizes the repository index draws: lines by language, and folders by lines.

Lines are the text files' line counts. The language bar leaves out generated and
vendored files (as GitHub's does) and signatures and keys (armoured text, no language);
the folder treemap counts every text file, since it shows where the lines are.
"""

from __future__ import annotations

import posixpath
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..core.model import RepoModel
from .messages import _, n_
from .urls import folder_docname

#: Purposes whose lines the language bar leaves out.
NOT_IN_LANGUAGES = frozenset({"generated", "vendored", "signature or key"})
#: The most top-level entries and entries inside each that the treemap draws; the
#: smallest of the rest are one "+ N more" box.
TOP_CAP = 40
INNER_CAP = 24


@dataclass(frozen=True, slots=True)
class SizedFolder:
    """A box of the treemap: a folder, or the files a folder holds directly."""

    label: str
    lines: int
    #: The language of most of its lines ("" for a "+ N more" box).
    language: str
    #: Its folder's page ("" for a "+ N more" box).
    docname: str
    children: tuple[SizedFolder, ...] = ()


def lines_by_language(model: RepoModel) -> tuple[tuple[str, int], ...]:
    """Lines of text by language, most first, ties by name."""
    lines: Counter[str] = Counter()
    for file in model.files.values():
        if file.kind == "text" and file.lines and file.purpose not in NOT_IN_LANGUAGES:
            lines[file.language] += file.lines
    return ranked(lines)


def ranked(counter: Counter[str]) -> tuple[tuple[str, int], ...]:
    """Most first; ties by name, so the order never depends on the walk."""
    return tuple(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def _dominant(lines: Counter[str]) -> str:
    """The language of most of the lines (ties by name)."""
    return ranked(lines)[0][0]


def folder_sizes(model: RepoModel, prefix: str) -> tuple[SizedFolder, ...]:
    """The root's folders by lines, each holding its own folders and its files' lines."""
    # (top, inner) -> lines by language; inner "" is the top folder's own files, and
    # top "" the root's own files.
    tallies: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    by_top: dict[str, Counter[str]] = defaultdict(Counter)
    for path, file in model.files.items():
        if file.kind != "text" or not file.lines:
            continue
        parts = path.split("/")
        top = parts[0] if len(parts) > 1 else ""
        inner = parts[1] if len(parts) > 2 else ""
        tallies[top, inner][file.language] += file.lines
        by_top[top][file.language] += file.lines
    tops: dict[str, list[SizedFolder]] = defaultdict(list)
    for (top, inner), tally in tallies.items():
        folder = posixpath.join(top, inner) if inner else top
        if inner:
            label = inner + "/"
        elif top:
            label = _("files in {folder}").format(folder=top + "/")
        else:
            label = _("files at the root")
        # The root's own files are on the index itself, which the treemap is on.
        page = folder_docname(prefix, folder) if folder else ""
        sized = SizedFolder(label, tally.total(), _dominant(tally), page)
        tops[top].append(sized)
    entries = []
    for top, inside in tops.items():
        if not top:
            entries.extend(inside)
            continue
        children = _capped(inside, INNER_CAP)
        total = sum(child.lines for child in children)
        language = _dominant(by_top[top])
        entries.append(
            SizedFolder(top + "/", total, language, folder_docname(prefix, top), children)
        )
    return _capped(entries, TOP_CAP)


def _capped(entries: list[SizedFolder], cap: int) -> tuple[SizedFolder, ...]:
    """The largest *cap* entries, largest first (ties by label), then one box for the
    rest."""
    ranked = sorted(entries, key=lambda entry: (-entry.lines, entry.label))
    if len(ranked) <= cap:
        return tuple(ranked)
    rest = ranked[cap - 1 :]
    label = n_("+ {count} more", "+ {count} more", len(rest))
    more = SizedFolder(label, sum(entry.lines for entry in rest), "", "")
    return (*ranked[: cap - 1], more)
