"""A file's dependencies, importers and related files, built when
the page is written: they are mostly links, thousands per site, cheaper written as
HTML by the writing worker than resolved as cross-references one by one."""

from __future__ import annotations

from .block_types import Block, Bullets, Code, Inline, LineLink, Rubric, Table, line_cell, phrase
from .messages import N_, _, translated
from .page_link import Link
from .views import FilePageView

#: Tables of dependencies by where they resolve, in page order, with their titles.
STATUS_TITLES: dict[str, str] = {
    "repo": N_("In this repository"),
    "stdlib": N_("Standard library"),
    "third-party": N_("Third-party"),
    "system": N_("System headers"),
    "unresolved": N_("Unresolved"),
}


def dependency_tables(view: FilePageView, anchored_lines: int) -> list[Block]:
    """One table per kind of dependency: in the repository, standard library, ..."""
    result: list[Block] = []
    for status, title in STATUS_TITLES.items():
        rows = [row for row in view.dependencies if row.dependency.status == status]
        if not rows:
            continue
        result.append(Rubric(_("{title} ({count})").format(title=_(title), count=len(rows))))
        cells: list[tuple[Inline, ...]] = []
        for row in rows:
            dependency = row.dependency
            notes = [
                *([_("inside a function")] if dependency.local else []),
                *([translated(dependency.condition)] if dependency.condition else []),
                *([translated(dependency.reason)] if dependency.reason else []),
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
        headers = (_("Import"), _("Names"), _("File"), _("Line"), _("Notes"))
        # The import and its line always; the other columns where they say something.
        keep = [i for i in range(len(headers)) if i in (0, 3) or any(c[i] for c in cells)]
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
        (_("File"), _("Line")),
        [
            (LineLink(link.docname, 0, link.label, code=True), LineLink(link.docname, line))
            for link, line in view.imported_by
        ],
        ("repodocs-imported-by",),
    )


def _page_link(link: Link, *, code: bool = True) -> LineLink:
    return LineLink(link.docname, 0, link.label, code=code)


def related_blocks(view: FilePageView) -> list[Block]:
    """Ranked related files with their reasons."""
    result: list[Block] = []
    if view.related:
        # The reasons are the core's (``core.related``).
        result.append(
            Bullets(
                [
                    phrase(_("{file}: {reason}"), file=_page_link(link), reason=reason)
                    for link, reason in view.related
                ]
            )
        )
    return result
