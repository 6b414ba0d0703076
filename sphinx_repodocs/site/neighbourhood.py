"""A file's import neighbourhood: the files that import it, the file, the files it imports.

Only what the page's view holds (its resolved dependencies and its importers), so the
page's signature covers the picture. Each side shows at most :data:`SIDE_CAP` files, by
path, then a "+ N more" box; the tables below the picture list every one.
"""

from __future__ import annotations

import posixpath

from .messages import _, n_
from .page_link import Link
from .svg_graph import SIDE_CAP, ColumnGraph, Edge, Node
from .views import FilePageView


def _node(key: str, link: Link, tooltip: str, centre: str) -> Node:
    """A box of *link*'s page; *tooltip* names its ``{path}`` and the ``{name}`` of
    the page's file, *centre*."""
    path = link.label
    if path.endswith("/"):
        name, folder = posixpath.basename(path[:-1]) + "/", posixpath.dirname(path[:-1])
    else:
        name, folder = posixpath.basename(path), posixpath.dirname(path)
    tip = tooltip.format(path=path, name=centre)
    return Node(key, name, folder + "/" if folder else "", link.docname, tip)


def _side(links: list[Link], side: str, tooltip: str, centre: str) -> tuple[Node, ...]:
    shown = [_node(f"{side}{i}", link, tooltip, centre) for i, link in enumerate(links[:SIDE_CAP])]
    if len(links) > SIDE_CAP:
        more = len(links) - SIDE_CAP
        shown.append(
            Node(
                f"{side}-more",
                n_("+ {count} more", "+ {count} more", more),
                role="more",
                tooltip=n_(
                    "{count} more: the table below lists them all",
                    "{count} more: the table below lists them all",
                    more,
                ),
            )
        )
    return tuple(shown)


def imports_repository_entries(view: FilePageView) -> bool:
    """Whether the file imports a file or folder of the repository."""
    return any(row.link is not None for row in view.dependencies)


def has_neighbourhood(view: FilePageView) -> bool:
    """Whether the page shows a picture: the file has an importer or imports a file
    or folder of the repository (what :func:`neighbourhood` draws)."""
    return bool(view.imported_by) or imports_repository_entries(view)


def neighbourhood(view: FilePageView) -> ColumnGraph | None:
    """The picture's graph, or None when the file has no importer and imports no file
    or folder of the repository."""
    imports = sorted(
        {row.link.docname: row.link for row in view.dependencies if row.link is not None}.values(),
        key=lambda link: link.label,
    )
    importers = sorted(
        {link.docname: link for link, _line in view.imported_by}.values(),
        key=lambda link: link.label,
    )
    if not imports and not importers:
        return None
    path = view.file.path
    name = posixpath.basename(path)
    folder = posixpath.dirname(path)
    centre = Node("self", name, folder + "/" if folder else "", role="self", tooltip=path)
    left = _side(importers, "in", _("{path}: imports {name}"), name)
    right = _side(imports, "out", _("{path}: imported by {name}"), name)
    edges = [Edge(node.key, "self") for node in left if node.role != "more"]
    edges += [Edge("self", node.key) for node in right if node.role != "more"]
    folders = sum(1 for link in imports if link.label.endswith("/"))
    importing = n_("{count} file", "{count} files", len(importers))
    imported = n_("{count} file", "{count} files", len(imports) - folders)
    if folders:
        description = _(
            "{path}: imported by {importers}, imports {files} and {folders} of the repository."
        ).format(
            path=path,
            importers=importing,
            files=imported,
            folders=n_("{count} folder", "{count} folders", folders),
        )
    else:
        description = _("{path}: imported by {importers}, imports {files} of the repository.")
        description = description.format(path=path, importers=importing, files=imported)
    return ColumnGraph(
        title=_("Import neighbourhood of {path}").format(path=path),
        description=description,
        columns=tuple(column for column in (left, (centre,), right) if column),
        headers=tuple(
            header
            for header, column in (
                (_("Imported by ({count})").format(count=f"{len(importers):,}"), left),
                ("", (centre,)),
                (_("Imports ({count})").format(count=f"{len(imports):,}"), right),
            )
            if column
        ),
        edges=tuple(edges),
    )
