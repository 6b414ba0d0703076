"""A folder's dependency map: its entries, the imports between them, and the imports
that cross its edge, each edge standing for the file pairs it aggregates.

Imports are file pairs (a file that imports a file; what the Imported By tables count).
An entry is one of the folder's subfolders or files; outside the folder, a file's side
of an import is the folder (or file) beside the folder's own ancestor that holds it: for
``src/pkg``, ``src/cli/main.py`` is ``src/cli/`` and ``tests/test_x.py`` is ``tests/``.
Entries are placed in layers, importers left of what they import (the longest path;
entries that import each other in a cycle share a layer and are joined by arcs), each
layer ordered to cross few edges. At most :data:`ENTRY_CAP` entries and
:data:`~.svg_graph.SIDE_CAP` outside folders a side are drawn, the most connected
first, then "+ N more".
"""

from __future__ import annotations

import dataclasses
import itertools
import posixpath
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from ..core.imports import ImportGraph
from .messages import _, n_
from .svg_graph import SIDE_CAP, ColumnGraph, Edge, Node
from .urls import file_docname, folder_docname

#: The most entries of the folder a map draws before "+ N more".
ENTRY_CAP = SIDE_CAP

FilePair = tuple[str, str]


def file_pairs(graph: ImportGraph) -> list[FilePair]:
    """Every (importer, imported) pair of repository files, once each, sorted."""
    pairs = {
        (path, dependency.target)
        for path, dependencies in graph.dependencies.items()
        for dependency in dependencies
        if dependency.status == "repo"
        and dependency.target is not None
        and not dependency.target_is_folder
        and dependency.target != path
    }
    return sorted(pairs)


def _ancestors(path: str) -> Iterable[str]:
    folder = posixpath.dirname(path)
    while folder:
        yield folder
        folder = posixpath.dirname(folder)
    yield ""


def pairs_by_folder(pairs: Iterable[FilePair]) -> dict[str, list[FilePair]]:
    """The pairs with at least one side inside each folder (the root holds all)."""
    found: dict[str, list[FilePair]] = defaultdict(list)
    for pair in pairs:
        for folder in dict.fromkeys((*_ancestors(pair[0]), *_ancestors(pair[1]))):
            found[folder].append(pair)
    return dict(found)


def _side_of(folder: str, path: str) -> tuple[str, bool]:
    """(the entry or outside group holding *path*, whether it is inside *folder*)."""
    if not folder or path.startswith(folder + "/"):
        rest = path[len(folder) + 1 :] if folder else path
        return posixpath.join(folder, rest.split("/", 1)[0]), True
    mine, theirs = folder.split("/"), path.split("/")
    common = 0
    while common < min(len(mine), len(theirs)) and mine[common] == theirs[common]:
        common += 1
    return "/".join(theirs[: common + 1]), False


class _Counts:
    """Aggregated imports of one folder: inside, coming in, going out."""

    def __init__(self, folder: str, pairs: Iterable[FilePair]):
        self.inside: Counter[FilePair] = Counter()
        self.incoming: Counter[FilePair] = Counter()
        self.outgoing: Counter[FilePair] = Counter()
        for importer, imported in pairs:
            source, source_in = _side_of(folder, importer)
            target, target_in = _side_of(folder, imported)
            if source == target:
                continue
            if source_in and target_in:
                self.inside[source, target] += 1
            elif target_in:
                self.incoming[source, target] += 1
            elif source_in:
                self.outgoing[source, target] += 1

    def weights(self) -> tuple[Counter[str], Counter[str], Counter[str]]:
        """How many imports touch each entry, each group coming in, each going out."""
        entries: Counter[str] = Counter()
        sources: Counter[str] = Counter()
        targets: Counter[str] = Counter()
        for (a, b), count in self.inside.items():
            entries[a] += count
            entries[b] += count
        for (a, b), count in self.incoming.items():
            sources[a] += count
            entries[b] += count
        for (a, b), count in self.outgoing.items():
            entries[a] += count
            targets[b] += count
        return entries, sources, targets


def _top(weights: Counter[str], cap: int) -> tuple[list[str], int]:
    ranked = sorted(weights, key=lambda key: (-weights[key], key))
    return ranked[:cap], max(0, len(ranked) - cap)


def _layers(entries: list[str], inside: Mapping[FilePair, int]) -> list[list[str]]:
    """Entries in layers: each after every entry that imports it (the longest path),
    the entries of a cycle in one layer."""
    component = _cycles(entries, inside)
    links = sorted(
        {(component[a], component[b]) for a, b in inside if component[a] != component[b]}
    )
    layer = dict.fromkeys(component.values(), 0)
    for _round in range(len(layer)):  # the components form no cycle: this settles
        for a, b in links:
            layer[b] = max(layer[b], layer[a] + 1)
    result: list[list[str]] = [[] for _layer in range(max(layer.values(), default=0) + 1)]
    for entry in sorted(entries):
        result[layer[component[entry]]].append(entry)
    return [column for column in result if column]


def _cycles(entries: list[str], inside: Mapping[FilePair, int]) -> dict[str, str]:
    """Each entry's strongly connected component, named by its smallest member."""
    reach: dict[str, set[str]] = {entry: {entry} for entry in entries}
    changed = True
    while changed:  # at most ENTRY_CAP entries: a closure is cheap and plainly right
        changed = False
        for a, b in inside:
            if a in reach and b in reach and not reach[b] <= reach[a]:
                reach[a] |= reach[b]
                changed = True
    return {entry: min(e for e in reach[entry] if entry in reach[e]) for entry in entries}


def _ordered(columns: list[list[str]], links: Iterable[FilePair]) -> list[list[str]]:
    """Each column ordered by the mean position of its neighbours in the other columns
    (the barycentre heuristic: sweeps right, then left; ties keep their order)."""
    neighbours: dict[str, list[str]] = defaultdict(list)
    for a, b in links:
        neighbours[a].append(b)
        neighbours[b].append(a)
    column_of = {key: index for index, column in enumerate(columns) for key in column}
    columns = [list(column) for column in columns]
    position = {key: (i + 0.5) / len(c) for c in columns for i, key in enumerate(c)}
    for sweep in range(4):
        indexes = range(len(columns)) if sweep % 2 == 0 else range(len(columns) - 1, -1, -1)
        for index in indexes:
            centres = {}
            for key in columns[index]:
                others = [position[n] for n in neighbours[key] if column_of[n] != index]
                centres[key] = sum(others) / len(others) if others else position[key]
            columns[index].sort(key=centres.__getitem__)
            for i, key in enumerate(columns[index]):
                position[key] = (i + 0.5) / len(columns[index])
    return columns


class _Nodes:
    """The boxes of one map: entries and outside groups, each linked to its page."""

    def __init__(self, prefix: str, folders: Mapping[str, object], weights: Counter[str]):
        self.prefix, self.folders, self.weights = prefix, folders, weights

    def make(self, key: str) -> Node:
        side, path = key.split(":", 1)
        if side == "via":
            return Node(key, "", role="via")
        is_folder = path in self.folders
        shown = path if side != "entry" else posixpath.basename(path)
        target = (folder_docname if is_folder else file_docname)(self.prefix, path)
        slash = "/" if is_folder else ""
        tooltip = n_(
            "{path}: {count} import in or out",
            "{path}: {count} imports in or out",
            self.weights[path],
        ).format(path=path + slash)
        return Node(key, shown + slash, target=target, tooltip=tooltip)

    @staticmethod
    def more(side: str, count: int, tooltip: str) -> Node:
        label = n_("+ {count} more", "+ {count} more", count)
        return Node(f"{side}:+", label, role="more", tooltip=tooltip)


def _edges(counts: _Counts, entries: set[str], sources: set[str], targets: set[str]) -> list[Edge]:
    """The drawn edges between drawn boxes, keyed as the boxes are."""
    found = [
        ("in:" + a, "entry:" + b, n)
        for (a, b), n in counts.incoming.items()
        if a in sources and b in entries
    ]
    found += [
        ("entry:" + a, "entry:" + b, n)
        for (a, b), n in counts.inside.items()
        if a in entries and b in entries
    ]
    found += [
        ("entry:" + a, "out:" + b, n)
        for (a, b), n in counts.outgoing.items()
        if a in entries and b in targets
    ]
    return [
        Edge(
            a,
            b,
            n,
            n_(
                "{source} \u2192 {target}: {count} import",
                "{source} \u2192 {target}: {count} imports",
                n,
            ).format(source=a.split(":", 1)[1], target=b.split(":", 1)[1]),
        )
        for a, b, n in sorted(found)
    ]


def _routed(edges: list[Edge], keys: list[list[str]]) -> list[Edge]:
    """The edges, each given a way ("via" key) through every column between its ends,
    added to that column: the layering puts an edge's target right of its source."""
    column_of = {key: index for index, column in enumerate(keys) for key in column}
    routed = []
    for edge in edges:
        between = range(column_of[edge.source] + 1, column_of[edge.target])
        via = tuple(f"via:{edge.source}>{edge.target}@{index}" for index in between)
        for index, key in zip(between, via, strict=True):
            keys[index].append(key)
        routed.append(dataclasses.replace(edge, via=via))
    return routed


def folder_map(
    folder: str, pairs: Iterable[FilePair], prefix: str, folders: Mapping[str, object]
) -> ColumnGraph | None:
    """The map of *folder* from the file *pairs* with a side in it, or None when no
    import joins two of its entries or crosses its edge."""
    counts = _Counts(folder, pairs)
    entry_weights, source_weights, target_weights = counts.weights()
    if not entry_weights:
        return None
    entries, entries_left = _top(entry_weights, ENTRY_CAP)
    sources, sources_left = _top(source_weights, SIDE_CAP)
    targets, targets_left = _top(target_weights, SIDE_CAP)
    edges = _edges(counts, set(entries), set(sources), set(targets))
    inside = {
        (e.source[6:], e.target[6:]): e.weight
        for e in edges
        if e.source.startswith("entry:") and e.target.startswith("entry:")
    }
    layers = [["entry:" + e for e in layer] for layer in _layers(entries, inside)]
    keys = [["in:" + s for s in sorted(sources)], *layers, ["out:" + t for t in sorted(targets)]]
    edges = _routed(edges, keys)
    nodes = _Nodes(prefix, folders, entry_weights + source_weights + target_weights)
    links = [pair for e in edges for pair in itertools.pairwise((e.source, *e.via, e.target))]
    columns = [[nodes.make(key) for key in column] for column in _ordered(keys, links)]
    for index, side, left, tooltip in (
        (1, "entry", entries_left, _entries_more(entries_left)),
        (0, "in", sources_left, _importers_more(sources_left)),
        (-1, "out", targets_left, _imports_more(targets_left)),
    ):
        if left:
            columns[index].append(nodes.more(side, left, tooltip))
    name = (folder.rsplit("/", 1)[-1] + "/") if folder else ""
    headers = [
        _("Imported by ({count})").format(count=f"{len(source_weights):,}"),
        name,
        *[""] * (len(layers) - 1),
        _("Imports ({count})").format(count=f"{len(target_weights):,}"),
    ]
    shown = [
        (tuple(column), header) for column, header in zip(columns, headers, strict=True) if column
    ]
    return ColumnGraph(
        title=_("Dependency map of {folder}").format(folder=folder + "/")
        if folder
        else _("Dependency map of the repository"),
        description=_description(
            folder, len(entry_weights), len(source_weights), len(target_weights)
        ),
        columns=tuple(column for column, _header in shown),
        headers=tuple(header for _column, header in shown),
        edges=tuple(edges),
    )


def _entries_more(count: int) -> str:
    return n_(
        "{count} entry more with imports, not drawn",
        "{count} entries more with imports, not drawn",
        count,
    )


def _importers_more(count: int) -> str:
    return n_(
        "{count} importer more with imports, not drawn",
        "{count} importers more with imports, not drawn",
        count,
    )


def _imports_more(count: int) -> str:
    return n_(
        "{count} import more with imports, not drawn",
        "{count} imports more with imports, not drawn",
        count,
    )


def _description(folder: str, entries: int, sources: int, targets: int) -> str:
    """The map's description: its entries with imports, and for a folder, the places
    outside it that import from it and that it imports from."""
    if not folder:
        return n_(
            "the repository: {count} entry with imports.",
            "the repository: {count} entries with imports.",
            entries,
        )
    return _(
        "{folder}: {entries} with imports; imported from {sources} outside it, importing "
        "from {targets} outside it."
    ).format(
        folder=folder + "/",
        entries=n_("{count} entry", "{count} entries", entries),
        sources=n_("{count} place", "{count} places", sources),
        targets=n_("{count} place", "{count} places", targets),
    )
