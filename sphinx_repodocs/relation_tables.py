"""Tables of a file's dependencies and importers (built when the page is written)."""

from __future__ import annotations

from docutils import nodes

from . import render
from .graph import STATUS_TITLES
from .linking import make_line_reference, make_page_reference
from .views import FilePageView


def _line_cell(line: int, anchored_lines: int) -> nodes.Node | int:
    return make_line_reference("", line) if line <= anchored_lines else line


def dependency_tables(view: FilePageView, anchored_lines: int) -> list[nodes.Node]:
    """One table per kind of dependency: in the repository, standard library, ..."""
    result: list[nodes.Node] = []
    for status, title in STATUS_TITLES.items():
        rows = [row for row in view.dependencies if row.dependency.status == status]
        if not rows:
            continue
        result.append(render.rubric(f"{title} ({len(rows)})"))
        cells = []
        for row in rows:
            dependency = row.dependency
            notes = [
                *(["inside a function"] if dependency.local else []),
                *([dependency.condition] if dependency.condition else []),
                *([dependency.reason] if dependency.reason else []),
            ]
            cells.append(
                (
                    render.literal(dependency.written),
                    dependency.names,
                    make_page_reference(row.link.docname, row.link.label, code=True)
                    if row.link
                    else "",
                    _line_cell(dependency.line, anchored_lines),
                    "; ".join(notes),
                )
            )
        headers = ["Import", "Names", "File", "Line", "Notes"]
        keep = [
            i for i, h in enumerate(headers) if h in ("Import", "Line") or any(c[i] for c in cells)
        ]
        result.append(
            render.table(
                [headers[i] for i in keep],
                [[c[i] for i in keep] for c in cells],
                classes=["repodocs-dependencies"],
            )
        )
    return result


def imported_by_table(view: FilePageView) -> nodes.table:
    return render.table(
        ("File", "Line"),
        (
            (
                make_page_reference(link.docname, link.label, code=True),
                make_line_reference(link.docname, line),
            )
            for link, line in view.imported_by
        ),
        classes=["repodocs-imported-by"],
    )
