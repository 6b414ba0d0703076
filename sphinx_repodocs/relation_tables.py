"""Tables of a file's dependencies and importers (built when the page is written)."""

from __future__ import annotations

from .blocks import Block, Code, Inline, LineLink, Rubric, Table, line_cell
from .graph import STATUS_TITLES
from .views import FilePageView


def dependency_tables(view: FilePageView, anchored_lines: int) -> list[Block]:
    """One table per kind of dependency: in the repository, standard library, ..."""
    result: list[Block] = []
    for status, title in STATUS_TITLES.items():
        rows = [row for row in view.dependencies if row.dependency.status == status]
        if not rows:
            continue
        result.append(Rubric(f"{title} ({len(rows)})"))
        cells: list[tuple[Inline, ...]] = []
        for row in rows:
            dependency = row.dependency
            notes = [
                *(["inside a function"] if dependency.local else []),
                *([dependency.condition] if dependency.condition else []),
                *([dependency.reason] if dependency.reason else []),
            ]
            cells.append(
                (
                    Code(dependency.written),
                    dependency.names,
                    LineLink(row.link.docname, 0, row.link.label, code=True) if row.link else "",
                    line_cell("", dependency.line, anchored_lines),
                    "; ".join(notes),
                )
            )
        headers = ("Import", "Names", "File", "Line", "Notes")
        keep = [
            i for i, h in enumerate(headers) if h in ("Import", "Line") or any(c[i] for c in cells)
        ]
        result.append(
            Table(
                tuple(headers[i] for i in keep),
                [[c[i] for i in keep] for c in cells],
                ("repodocs-dependencies",),
            )
        )
    return result


def imported_by_table(view: FilePageView) -> Table:
    return Table(
        ("File", "Line"),
        [
            (LineLink(link.docname, 0, link.label, code=True), LineLink(link.docname, line))
            for link, line in view.imported_by
        ],
        ("repodocs-imported-by",),
    )
