"""Tables of names: what a file defines and imports, each name linked to its line, and
the entries of one page of the repository-wide keyword index and its bar of pages."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence

from ..core.extract.base import KIND_TITLES, Extraction, Import, ParseProblem, Symbol
from ..core.symbols import primary_definitions
from .block_types import (
    Block,
    Code,
    Inline,
    LineLink,
    Paragraph,
    Rubric,
    Strong,
    Table,
    has_anchor,
    line_cell,
    phrase,
)
from .keyword_views import KeywordPageView, KeywordRow
from .messages import N_, _, n_, translated
from .page_link import Link
from .urls import symbol_anchor

#: Kinds a reader can ask for besides the symbol kinds.
IMPORTS = "import"
ALL_KINDS = (*KIND_TITLES, IMPORTS)


#: How many lines use a definition (None: not counted, e.g. a second definition).
UseCount = Callable[[Symbol], int | None]


def keyword_tables(
    extraction: Extraction,
    target: str,
    *,
    anchored_lines: int,
    kinds: Collection[str] = ALL_KINDS,
    path: str = "",
    uses: UseCount | None = None,
    defined_at: Mapping[tuple[str, int], tuple[Link, int]] | None = None,
) -> list[Block]:
    """The keyword index of one file.

    *target* is the file page's docname ("" for the current page); lines above
    *anchored_lines* have no anchor (the source was cut) and are not linked. Each name
    links to its definition (its symbol anchor on *path*'s page); with *uses*, a column
    says how many lines the listings link to it from; *defined_at* gives the
    definitions of its C and C++ prototypes, (qualified name, line) -> page and line.
    """
    result: list[Block] = []
    found_by = _("Found by {method}.").format(method=translated(extraction.method))
    method = Paragraph((found_by,), ("repodocs-method",))
    if extraction.problem is not None:
        return [_unparsed(extraction.problem), method]

    def link(line: int) -> Inline:
        return line_cell(target, line, anchored_lines)

    firsts = {id(s) for s in primary_definitions(extraction.symbols).values()}
    for kind, title in KIND_TITLES.items():
        symbols = [s for s in extraction.symbols if s.kind == kind]
        if kind in kinds and symbols:
            # The kinds' titles are the core's (KIND_TITLES, marked there).
            result.append(Rubric(_("{title} ({count})").format(title=_(title), count=len(symbols))))
            names = [_name(s, id(s) in firsts, target, path, anchored_lines) for s in symbols]
            counts: list[Inline] | None = (
                [uses(s) or "" for s in symbols] if uses is not None else None
            )
            homes = [_home(s, defined_at or {}) for s in symbols]
            result.append(_symbol_table(symbols, names, counts, link, homes))
    if IMPORTS in kinds and extraction.imports:
        result.append(Rubric(_("Imports ({count})").format(count=len(extraction.imports))))
        result.append(_import_table(extraction.imports, link))
    if not result:
        if IMPORTS in kinds:
            result.append(Paragraph((_("The file defines and imports no names."),)))
        else:
            result.append(Paragraph((_("The file defines no names."),)))
    result.append(method)
    if extraction.partial is not None:
        result.insert(0, _partial(extraction.partial, link))
    return result


def _unparsed(problem: ParseProblem) -> Paragraph:
    """Why the file gave no names."""
    if problem.line:
        message = _(
            "The file could not be parsed at line {line}: {message}. No names are listed."
        ).format(line=problem.line, message=translated(problem.message))
    else:
        message = _("The file could not be parsed: {message}. No names are listed.").format(
            message=translated(problem.message)
        )
    return Paragraph((message,), ("repodocs-note",))


def _partial(partial: ParseProblem, link: Callable[[int], Inline]) -> Paragraph:
    """Where the parser recovered, its line linked."""
    if partial.line:
        note = phrase(
            _(
                "The parse has errors at line {line}: {message}. The names listed are "
                "those it found; some may be missing."
            ),
            line=link(partial.line),
            message=partial.message,
        )
    else:
        note = phrase(
            _(
                "The parse has errors: {message}. The names listed are those it found; "
                "some may be missing."
            ),
            message=partial.message,
        )
    return Paragraph(note, ("repodocs-note",))


def _name(symbol: Symbol, first: bool, target: str, path: str, anchored_lines: int) -> Inline:
    """The name, linked to its definition (by its symbol anchor where it is the
    definition links go to)."""
    if not has_anchor(symbol.line, anchored_lines):
        return Code(symbol.qualname)
    anchor = (symbol_anchor(path, symbol.qualname) or "") if first else ""
    return LineLink(target, symbol.line, symbol.qualname, code=True, anchor=anchor)


def _home(symbol: Symbol, defined_at: Mapping[tuple[str, int], tuple[Link, int]]) -> Inline:
    """Where a prototype's definition is, as a link to its line; "" for the rest."""
    found = defined_at.get((symbol.qualname, symbol.line))
    if found is None:
        return ""
    page, line = found
    return LineLink(page.docname, line, f"{page.label}:{line}", code=True)


def _symbol_table(
    symbols: Sequence[Symbol],
    names: list[Inline],
    counts: list[Inline] | None,
    link: Callable[[int], Inline],
    homes: list[Inline],
) -> Table:
    """Name (qualified: ``Parser.parse``), line, uses, and only the other columns that
    say something for these symbols."""
    notes = [
        ", ".join([*([_detail(s.detail)] if s.detail else []), *(f"@{d}" for d in s.decorators)])
        for s in symbols
    ]
    columns: list[tuple[str, list[Inline]]] = [
        (N_("Name"), names),
        (N_("Line"), [link(s.line) for s in symbols]),
        (N_("Uses"), counts or []),
        (N_("Notes"), list(notes)),
        (N_("Defined at"), homes),
        (N_("Summary"), [s.summary for s in symbols]),
    ]
    # Name and line always; the other columns where they say something.
    kept = [(title, cells) for i, (title, cells) in enumerate(columns) if i < 2 or any(cells)]
    rows = [[cells[i] for _title, cells in kept] for i in range(len(symbols))]
    return Table(tuple(_(title) for title, _cells in kept), rows, ("repodocs-keywords",))


def _import_table(imports: Sequence[Import], link: Callable[[int], Inline]) -> Table:
    rows = []
    for statement in imports:
        names = ", ".join(f"{n.name} as {n.alias}" if n.alias else n.name for n in statement.names)
        notes = []
        if statement.alias:
            notes.append(f"as {statement.alias}")
        if statement.local:
            notes.append(_("inside a function"))
        if statement.condition:
            notes.append(translated(statement.condition))
        rows.append(
            [
                Code(statement.target) if statement.target else "",
                names,
                link(statement.line),
                "; ".join(notes),
            ]
        )
    headers = (_("Module"), _("Names"), _("Line"), _("Notes"))
    return Table(headers, rows, ("repodocs-imports",))


#: A name's kind as the keyword index's Kind column says it.
KIND_NAMES = {
    "class": N_("class"),
    "function": N_("function"),
    "method": N_("method"),
    "namespace": N_("namespace"),
    "constant": N_("constant"),
    "macro": N_("macro"),
    "heading": N_("heading"),
    "key": N_("key"),
    "target": N_("target"),
    "variable": N_("variable"),
}


#: Our words among a symbol's details (the others are the code's own keywords).
DETAIL_WORDS = {
    "declaration": N_("declaration"),
    "function expression": N_("function expression"),
    "CUDA kernel": N_("CUDA kernel"),
}
_ENTRY = re.compile(r"entry ([0-9]+)")


def _detail(detail: str) -> str:
    """A symbol's details ("CUDA kernel, static", "entry 3, name") with our words in the
    site's language."""
    parts = []
    for part in detail.split(", "):
        if part in DETAIL_WORDS:
            part = _(DETAIL_WORDS[part])
        elif entry := _ENTRY.fullmatch(part):
            part = _("entry {number}").format(number=entry[1])
        parts.append(part)
    return ", ".join(parts)


def keyword_rows_table(view: KeywordPageView) -> Table:
    """The entries of one page of the repository-wide keyword index: the name first, as
    the link to its definition, then its kind and where it is (``path:line``), and for
    a C or C++ function, where it is declared."""
    declared = any(row.declaration for row in view.rows)
    headers = (
        _("Name"),
        _("Kind"),
        _("Defined at"),
        _("Uses"),
        *((_("Declared at"),) if declared else ()),
    )
    return Table(
        headers,
        [
            (
                LineLink(row.file.docname, row.line, row.qualname, code=True, anchor=row.anchor),
                _(KIND_NAMES[row.kind]) if row.kind in KIND_NAMES else row.kind,
                Code(f"{row.file.label}:{row.line}"),
                row.uses or "",
                *((_declaration(row),) if declared else ()),
            )
            for row in view.rows
        ],
        ("repodocs-keyword-index",),
    )


def _declaration(row: KeywordRow) -> Inline:
    """The first prototype of the row's function, as a link to its line."""
    if row.declaration is None:
        return ""
    link, line = row.declaration
    place = f"{link.label}:{line}"
    if row.declarations > 1:
        more = row.declarations - 1
        place = n_("{place} and {count} more", "{place} and {count} more", more).format(place=place)
    return LineLink(link.docname, line, place, code=True)


def keyword_jump_bar(view: KeywordPageView, page: str) -> Paragraph:
    """Links to every bucket of the keyword index, the page's own in bold, with entry
    counts on the jump page. A write-time block: a bar of hundreds of links on each of
    hundreds of pages was a quarter of all the nodes a build read."""
    parts: list[Inline] = []
    for position, (link, count) in enumerate(view.buckets):
        if position:
            parts.append(" · ")
        if link.docname == page:
            parts.append(Strong(link.label))
        else:
            parts.append(LineLink(link.docname, 0, link.label))
        if count is not None:
            parts.append(f" ({count:,})")
    return Paragraph(tuple(parts), classes=("repodocs-jump-bar", "no-search"))
