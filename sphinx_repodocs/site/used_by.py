"""A file page's References: for each of its definitions that the repository uses, the
lines that use it (their listings link to it), each with its text; built at write time."""

from __future__ import annotations

import functools
from collections.abc import Callable

from ..core.extract.base import Symbol
from ..core.model import RepoModel
from ..core.purpose import TEST_PURPOSES
from ..core.read import read_text
from ..core.references import SHOWN_USES, References, Target, Use
from .block_types import Block, Code, Inline, LineLink, Paragraph, Table, phrase
from .messages import N_, _, n_
from .urls import file_docname, symbol_anchor

#: Longest line text quoted; a longer one is cut with an ellipsis.
_SNIPPET = 100
#: Uses listed by their place below the table, per definition used more than
#: ``SHOWN_USES`` times (the standard library's most used names have thousands).
LISTED_USES = 1000


def definition_anchor(
    references: References, path: str, qualname: str, line: int
) -> tuple[str, int]:
    """(symbol anchor, uses) of the definition at *line*: the first of its qualified
    name in the file has both."""
    first = references.symbol(path, qualname)
    if first is None or first.line != line:
        return "", 0
    return symbol_anchor(path, qualname) or "", references.count_uses(path, qualname)


def use_counter(references: References, path: str) -> Callable[[Symbol], int | None]:
    """How many lines use each definition of *path*: the one of its name that links go
    to, or one that links name by its line (a JavaScript function declared in a
    function); None for the rest (an overload's signature, a property's setter)."""

    def count(symbol: Symbol) -> int | None:
        if references.symbol(path, symbol.qualname) is symbol:
            return references.count_uses(path, symbol.qualname)
        return references.count_uses(path, symbol.qualname, symbol.line) or None

    return count


class UseSnippets:
    """Lines of the files that use a page's definitions, read once per file."""

    def __init__(self, model: RepoModel, max_source_bytes: int):
        self.model = model
        self.max_source_bytes = max_source_bytes
        self.lines = functools.lru_cache(maxsize=64)(self._lines)

    @functools.cached_property
    def tests(self) -> frozenset[str]:
        return frozenset(p for p, f in self.model.files.items() if f.purpose in TEST_PURPOSES)

    def _lines(self, path: str) -> tuple[str, ...]:
        file = self.model.files.get(path)
        if file is None or file.kind != "text":
            return ()
        try:
            text, _encoding = read_text(self.model.root, file, self.max_source_bytes)
        except OSError:
            return ()
        return tuple(text.split("\n"))

    def text(self, use: Use) -> str:
        lines = self.lines(use.path)
        if not 0 < use.line <= len(lines):
            return ""
        line = " ".join(lines[use.line - 1].split())
        return line if len(line) <= _SNIPPET else line[: _SNIPPET - 1] + "…"


def used_by_blocks(
    references: References, snippets: UseSnippets, prefix: str, path: str, docname: str
) -> list[Block]:
    """One table: each used definition of *path* (linked to its line), the files and
    lines that use it (the first ``SHOWN_USES``, then how many more), their text, and
    whether the use is in a test file (where its tests are); then every use of those
    used more. *docname* is the page that shows them: *path*'s, or a hand-written one."""
    used = references.used_in(path)
    if not used:
        return []
    rows: list[tuple[Inline, ...]] = []
    every: list[Block] = []
    home = file_docname(prefix, path)
    for target, uses in used:
        rows.extend(_rows(target, uses, snippets, prefix, docname, home))
        if len(uses) > SHOWN_USES:
            every.append(_every_use(target, uses, prefix, docname))
    intro = Paragraph(
        (
            _(
                "Lines whose listing links to a definition of this file: calls, type uses, "
                "imports, attribute uses. Uses through a value of unknown type are not found."
            ),
        ),
        ("repodocs-method",),
    )
    headers = tuple(_(header) for header in _HEADERS)
    if not any(row[5] for row in rows):  # no use from a test file: no column for it
        headers, rows = headers[:5], [row[:5] for row in rows]
    return [intro, Table(headers, rows, ("repodocs-used-by",)), *every]


_HEADERS = (N_("Definition"), N_("Uses"), N_("Used in"), N_("Line"), N_("Text"), N_("Test"))


def _every_use(target: Target, uses: list[Use], prefix: str, docname: str) -> Paragraph:
    """The places of all the uses (up to ``LISTED_USES``) of a definition the table
    shows only the first of."""
    places: list[Inline] = []
    for number, use in enumerate(uses[:LISTED_USES]):
        page = file_docname(prefix, use.path)
        if number:
            places.append(", ")
        places.append(LineLink("" if page == docname else page, use.line, f"{use.path}:{use.line}"))
    if len(uses) > LISTED_USES:
        template = n_(
            "All {total} uses of {name}: {places}, and {count} more (the keyword index "
            "counts them).",
            "All {total} uses of {name}: {places}, and {count} more (the keyword index "
            "counts them).",
            len(uses) - LISTED_USES,
        )
    else:
        template = n_(
            "All {count} uses of {name}: {places}.",
            "All {count} uses of {name}: {places}.",
            len(uses),
        )
    parts = phrase(
        template, total=f"{len(uses):,}", name=Code(target.qualname), places=tuple(places)
    )
    return Paragraph(parts, ("repodocs-all-uses",))


def _rows(
    target: Target,
    uses: list[Use],
    snippets: UseSnippets,
    prefix: str,
    docname: str,
    home: str,
) -> list[tuple[Inline, ...]]:
    anchor = (symbol_anchor(target.path, target.qualname) if target.primary else None) or ""
    definition: Inline = LineLink(
        "" if home == docname else home, target.line, target.qualname, code=True, anchor=anchor
    )
    rows: list[tuple[Inline, ...]] = []
    for number, use in enumerate(uses[:SHOWN_USES]):
        page = file_docname(prefix, use.path)
        where = "" if page == docname else page
        rows.append(
            (
                definition if number == 0 else "",
                len(uses) if number == 0 else "",
                LineLink(where, 0, use.path, code=True),
                LineLink(where, use.line),
                Code(text) if (text := snippets.text(use)) else "",
                _("test") if use.path in snippets.tests else "",
            )
        )
    if len(uses) > SHOWN_USES:
        more = len(uses) - SHOWN_USES
        text = n_(
            "and {count} more (all are listed below the table)",
            "and {count} more (all are listed below the table)",
            more,
        )
        rows.append(("", "", text, "", "", ""))
    return rows
