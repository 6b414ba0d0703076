"""Tables of what a file defines and imports, each name linked to its line."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from docutils import nodes

from . import render
from .extract.base import KIND_TITLES, Extraction, Import, Symbol
from .linking import make_line_reference

#: Kinds a reader can ask for besides the symbol kinds.
IMPORTS = "import"
ALL_KINDS = (*KIND_TITLES, IMPORTS)


def keyword_tables(
    extraction: Extraction,
    target: str,
    *,
    anchored_lines: int | None,
    kinds: Collection[str] = ALL_KINDS,
) -> list[nodes.Node]:
    """Nodes for the keyword index of one file.

    *target* is the file page's docname ("" for the current page); lines above
    *anchored_lines* have no anchor (the source was cut) and are not linked.
    """
    result: list[nodes.Node] = []
    method = render.paragraph(f"Found by {extraction.method}.", classes=["repodocs-method"])
    if extraction.problem is not None:
        where = f" at line {extraction.problem.line}" if extraction.problem.line else ""
        result.append(
            render.paragraph(
                f"The file could not be parsed{where}: {extraction.problem.message}. "
                "Its keyword index is empty.",
                classes=["repodocs-note"],
            )
        )
        result.append(method)
        return result

    def line_cell(line: int) -> nodes.Node | int:
        if anchored_lines is not None and line > anchored_lines:
            return line
        return make_line_reference(target, line)

    for kind, title in KIND_TITLES.items():
        symbols = [s for s in extraction.symbols if s.kind == kind]
        if kind in kinds and symbols:
            result.append(render.rubric(f"{title} ({len(symbols)})"))
            result.append(_symbol_table(symbols, line_cell))
    if IMPORTS in kinds and extraction.imports:
        result.append(render.rubric(f"Imports ({len(extraction.imports)})"))
        result.append(_import_table(extraction.imports, line_cell))
    if not result:
        result.append(render.paragraph("The file defines and imports no names."))
    result.append(method)
    return result


def _symbol_table(symbols: Sequence[Symbol], line_cell: render.LineCell) -> nodes.table:
    """Name, line, and only the columns that say something for these symbols."""
    notes = [
        ", ".join([*([s.detail] if s.detail else []), *(f"@{d}" for d in s.decorators)])
        for s in symbols
    ]
    columns: list[tuple[str, list[render.Cell]]] = [
        ("Name", [render.literal(s.name) for s in symbols]),
        (
            "Qualified name",
            [render.literal(s.qualname) if s.qualname != s.name else "" for s in symbols],
        ),
        ("Line", [line_cell(s.line) for s in symbols]),
        ("Notes", list(notes)),
        ("Summary", [s.summary for s in symbols]),
    ]
    kept = [(title, cells) for title, cells in columns if title in ("Name", "Line") or any(cells)]
    rows = [[cells[i] for _, cells in kept] for i in range(len(symbols))]
    return render.table([title for title, _ in kept], rows, classes=["repodocs-keywords"])


def _import_table(imports: Sequence[Import], line_cell: render.LineCell) -> nodes.table:
    rows = []
    for statement in imports:
        names = ", ".join(f"{n.name} as {n.alias}" if n.alias else n.name for n in statement.names)
        notes = []
        if statement.alias:
            notes.append(f"as {statement.alias}")
        if statement.local:
            notes.append("inside a function")
        if statement.condition:
            notes.append(statement.condition)
        rows.append(
            [
                render.literal(statement.target) if statement.target else "",
                names,
                line_cell(statement.line),
                "; ".join(notes),
            ]
        )
    return render.table(["Module", "Names", "Line", "Notes"], rows, classes=["repodocs-imports"])
