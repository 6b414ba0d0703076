"""Shards: a repository's pages split by folders between several builds.

A plan names each shard's *units*. A unit is a folder, written with a trailing slash
(``lib/``: its page, and every file and folder below it), or the files directly in a
folder (``src/*``; ``*`` for the repository root's own files). The landing build
writes what no unit covers: the repository index, the folders that were split, the
keyword index, and files no unit names (added after the plan was made). Every build
writes the repository index too, since Sphinx needs each project's root page.

Splitting balances files and bytes equally (each unit weighs its share of the files
plus its share of the bytes) and keeps a folder whole unless it alone outweighs one
shard. The same tree always gives the same plan.
"""

from __future__ import annotations

import heapq
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

#: The build that writes the pages no shard's units cover.
LANDING = "landing"


def parent_of(path: str) -> str:
    return path.rpartition("/")[0]


class ShardMap:
    """Which build writes each page: shard name -> its units (the first shard naming a
    unit has it)."""

    def __init__(self, shards: Mapping[str, tuple[str, ...]]) -> None:
        self.shards = dict(shards)
        self._folders: dict[str, str] = {}
        self._own_files: dict[str, str] = {}
        for name, units in self.shards.items():
            for unit in units:
                if unit.endswith("/"):
                    self._folders.setdefault(unit.rstrip("/"), name)
                else:
                    self._own_files.setdefault(parent_of(unit) if unit != "*" else "", name)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ShardMap) and other.shards == self.shards

    def __hash__(self) -> int:
        return hash(tuple(self.shards.items()))

    def folder_owner(self, path: str) -> str:
        """The shard of the deepest whole-folder unit holding *path* (a folder)."""
        while path:
            if (owner := self._folders.get(path)) is not None:
                return owner
            path = parent_of(path)
        return LANDING

    def file_owner(self, path: str) -> str:
        """The shard of the unit holding *path* (a file): its folder's own files, or
        else the deepest whole folder above it."""
        folder = parent_of(path)
        owner = self._own_files.get(folder)
        return owner if owner is not None else self.folder_owner(folder)


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit of a plan and what it holds."""

    name: str
    files: int
    bytes: int


def split_tree(files: Iterable[tuple[str, int]], shard_count: int) -> list[list[Unit]]:
    """*shard_count* balanced lists of units for files given as (path, size)."""
    sizes = sorted(files)
    total_files = max(1, len(sizes))
    total_bytes = max(1, sum(size for _, size in sizes))
    shard_count = max(1, shard_count)
    # What each folder holds, at every depth, and directly.
    below: dict[str, list[int]] = {}
    direct: dict[str, list[int]] = {}
    for path, size in sizes:
        folder = parent_of(path)
        direct.setdefault(folder, [0, 0])
        direct[folder][0] += 1
        direct[folder][1] += size
        while True:
            below.setdefault(folder, [0, 0])
            below[folder][0] += 1
            below[folder][1] += size
            if not folder:
                break
            folder = parent_of(folder)

    def weight(counts: list[int]) -> float:
        return counts[0] / total_files + counts[1] / total_bytes

    limit = 2 / shard_count
    children: dict[str, list[str]] = {}
    for folder in sorted(below):
        if folder:
            children.setdefault(parent_of(folder), []).append(folder)

    units: list[Unit] = []

    def split(folder: str) -> None:
        if folder in direct:
            counts = direct[folder]
            units.append(Unit(f"{folder}/*" if folder else "*", counts[0], counts[1]))
        for child in children.get(folder, []):
            counts = below[child]
            # A folder of files only cannot be split (its files would lose their folder).
            if weight(counts) <= limit or child not in children:
                units.append(Unit(child + "/", counts[0], counts[1]))
            else:
                split(child)

    split("")
    # Largest first, each to the lightest shard so far (ties: the earlier shard).
    loads = [(0.0, index) for index in range(shard_count)]
    shards: list[list[Unit]] = [[] for _ in range(shard_count)]
    for unit in sorted(units, key=lambda u: (-weight([u.files, u.bytes]), u.name)):
        load, index = heapq.heappop(loads)
        shards[index].append(unit)
        heapq.heappush(loads, (load + weight([unit.files, unit.bytes]), index))
    filled = [sorted(shard, key=lambda u: u.name) for shard in shards if shard]
    return sorted(filled, key=lambda shard: shard[0].name)


def shard_count_for(file_count: int, max_files: int) -> int:
    """How many shards keep each near *max_files* files."""
    return max(1, math.ceil(file_count / max(1, max_files)))


def shard_names(count: int) -> list[str]:
    width = len(str(count))
    return [f"shard-{index:0{width}d}" for index in range(1, count + 1)]


def plan_json(shards: Mapping[str, Iterable[str]]) -> str:
    """The plan file's text: the shards' units, one JSON object."""
    data = {"repodocs_plan": 1, "shards": {name: list(units) for name, units in shards.items()}}
    return json.dumps(data, indent=2, ensure_ascii=True) + "\n"


def read_plan(text: str) -> ShardMap:
    """The plan file's shards; ValueError says what is wrong with it."""
    try:
        data = json.loads(text)
    except ValueError as error:
        raise ValueError(f"it is not JSON ({error})") from None
    shards = data.get("shards") if isinstance(data, dict) else None
    if not isinstance(shards, dict) or not shards:
        raise ValueError('it has no "shards" object naming each shard\'s units')
    for name, units in shards.items():
        if name == LANDING or not isinstance(units, list):
            raise ValueError(f"shard {name!r} must name a list of units (and not be {LANDING!r})")
        for unit in units:
            if not isinstance(unit, str) or not _is_unit(unit):
                raise ValueError(
                    f"shard {name!r}: {unit!r} is not a unit (a folder such as 'lib/', "
                    "or a folder's own files such as 'src/*', or '*')"
                )
    return ShardMap({name: tuple(units) for name, units in shards.items()})


def _is_unit(unit: str) -> bool:
    if unit == "*":
        return True
    body = unit[:-2] if unit.endswith("/*") else unit[:-1] if unit.endswith("/") else ""
    # A folder's name may hold "*": the ending alone tells a folder from its own files.
    return bool(body) and all(part not in ("", ".", "..") for part in body.split("/"))
