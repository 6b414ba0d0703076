"""Shards' HTML sites merged into one: the pages laid under one root, one search index,
one ``objects.inv``.

Shards use the URL layout of a single build, so their pages do not collide: a path two
sites both hold (the repository index, the theme's files, the search page) must hold the
same bytes, or the merge stops and says which. The search indexes are merged by
docname, the inventories line by line.
"""

from __future__ import annotations

import filecmp
import html
import json
import os
import re
import shutil
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

SEARCH_INDEX = "searchindex.js"
INVENTORY = "objects.inv"
#: A merged site's marker: a merge may write over a folder holding it.
MERGED_MARKER = ".repodocs-merged"
#: What a site holds that is not for readers (doctrees when built into the site,
#: Sphinx's record of its configuration).
LEFT_OUT = frozenset({".doctrees", ".buildinfo"})
_INDEX_HEAD, _INDEX_TAIL = "Search.setIndex(", ")"
#: A line of an inventory: name, domain:role, priority, URI, display name (Sphinx's).
#: The role must be ``domain:role``, so that a name with spaces and numbers (a folder
#: such as ``photos from 2019/``) is not split inside the name.
_INVENTORY_LINE = re.compile(rb"(.+?)\s+(\S+:\S+)\s+(-?\d+)\s+?(\S*)\s+(.*)")


class MergeError(Exception):
    """Sites that cannot be merged, with why."""


@dataclass
class MergeReport:
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    pages: int = 0
    conflicts: list[str] = field(default_factory=list)


def _site_files(site: Path) -> Iterator[str]:
    for folder, subfolders, files in os.walk(site):
        subfolders[:] = sorted(name for name in subfolders if name not in LEFT_OUT)
        relative = Path(folder).relative_to(site).as_posix()
        for name in sorted(files):
            if name not in LEFT_OUT:
                yield name if relative == "." else f"{relative}/{name}"


def merge_sites(sites: Sequence[Path], output: Path) -> MergeReport:
    """Merge the HTML *sites* into *output* (empty, missing, or an earlier merge)."""
    try:
        return _merge_sites(sites, output)
    except (OSError, ValueError, zlib.error) as error:
        raise MergeError(f"the sites cannot be read or written: {error}") from None


def _merge_sites(sites: Sequence[Path], output: Path) -> MergeReport:
    _check_output(output, sites)
    report = MergeReport()
    sources: dict[str, Path] = {}
    for site in sites:
        for needed in (SEARCH_INDEX, INVENTORY):
            if not (site / needed).is_file():
                raise MergeError(f"{site} is not a Sphinx HTML site (it has no {needed})")
        for relative in _site_files(site):
            if relative in (SEARCH_INDEX, INVENTORY):
                continue
            first = sources.setdefault(relative, site)
            if first is not site and not filecmp.cmp(first / relative, site / relative, False):
                report.conflicts.append(f"{relative} ({first} and {site})")
    if report.conflicts:
        raise MergeError(
            "these files differ between the sites, which must be shards of one plan built "
            "by one release: " + "; ".join(report.conflicts[:5])
        )
    indexes = [_load_index(site / SEARCH_INDEX) for site in sites]
    docnames = sorted({name for index in indexes for name in index["docnames"]})
    inventory = merge_inventories([(site / INVENTORY).read_bytes() for site in sites], docnames)
    index = merge_search_indexes(indexes, inventory_order(inventory, docnames))
    report.pages = len(index["docnames"])
    texts = {
        SEARCH_INDEX: (_INDEX_HEAD + _dump(index) + _INDEX_TAIL).encode(),
        INVENTORY: inventory,
        MERGED_MARKER: b"sphinx-repodocs merged site\n",
    }
    _write(output, sources, texts, report)
    return report


def _check_output(output: Path, sites: Sequence[Path]) -> None:
    if output.exists() and (
        not output.is_dir() or (any(output.iterdir()) and not (output / MERGED_MARKER).exists())
    ):
        raise MergeError(f"{output} is not empty and not a merged site: choose an empty folder")
    for site in sites:
        if output.resolve() == site.resolve() or output.resolve() in site.resolve().parents:
            raise MergeError(f"the output {output} must not hold a site it merges ({site})")


def _write(
    output: Path, sources: dict[str, Path], texts: dict[str, bytes], report: MergeReport
) -> None:
    wanted = set(sources) | set(texts)
    if output.is_dir():
        for relative in list(_site_files(output)):
            if relative not in wanted:
                (output / relative).unlink()
                report.removed += 1
    for relative, site in sorted(sources.items()):
        target = output / relative
        if target.is_file() and filecmp.cmp(site / relative, target, False):
            report.unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(site / relative, target)
        report.written += 1
    for relative, data in texts.items():
        target = output / relative
        if target.is_file() and target.read_bytes() == data:
            report.unchanged += 1
            continue
        target.write_bytes(data)
        report.written += 1


def _load_index(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    if not (text.startswith(_INDEX_HEAD) and text.endswith(_INDEX_TAIL)):
        raise MergeError(f"{path} is not a Sphinx search index")
    data: dict[str, Any] = json.loads(text[len(_INDEX_HEAD) : -len(_INDEX_TAIL)])
    return data


def _dump(data: dict[str, Any]) -> str:
    # As Sphinx writes it (sphinx.search._JavaScriptIndex).
    return json.dumps(data, separators=(",", ":"), sort_keys=True)


def merge_search_indexes(
    indexes: Sequence[dict[str, Any]],
    order: dict[tuple[str, str, int, str, str], int] | None = None,
) -> dict[str, Any]:
    """One search index of several sites' (Sphinx's format). A page several sites hold
    is taken from the first; documents are numbered in docname order, as Sphinx does."""
    versions = {_dump({"v": index.get("envversion")}) for index in indexes}
    if len(versions) > 1:
        raise MergeError("the sites were built by different Sphinx releases or extensions")
    owner: dict[str, tuple[int, int]] = {}
    for which, index in enumerate(indexes):
        for number, docname in enumerate(index["docnames"]):
            owner.setdefault(docname, (which, number))
    docnames = sorted(owner)
    numbers = {docname: new for new, docname in enumerate(docnames)}
    # For each site: its document number -> the merged number, None for a page another
    # site's copy stands for.
    renumber = [
        [
            numbers[name] if owner[name] == (which, old) else None
            for old, name in enumerate(index["docnames"])
        ]
        for which, index in enumerate(indexes)
    ]
    merged: dict[str, Any] = {"docnames": docnames, "envversion": indexes[0].get("envversion")}
    for key in ("filenames", "titles"):
        merged[key] = [indexes[owner[name][0]][key][owner[name][1]] for name in docnames]
    for key in ("terms", "titleterms"):
        merged[key] = _merge_terms([index.get(key, {}) for index in indexes], renumber)
    for key in ("alltitles", "indexentries"):
        merged[key] = _merge_places([index.get(key, {}) for index in indexes], renumber)
    merged.update(_merge_objects(indexes, renumber, docnames, order or {}))
    return merged


def _merge_terms(
    tables: Sequence[dict[str, Any]], renumber: list[list[int | None]]
) -> dict[str, Any]:
    found: dict[str, set[int]] = {}
    for table, numbers in zip(tables, renumber, strict=True):
        for term, documents in table.items():
            places = found.setdefault(term, set())
            for old in [documents] if isinstance(documents, int) else documents:
                if (new := numbers[old]) is not None:
                    places.add(new)
    return {
        term: (next(iter(places)) if len(places) == 1 else sorted(places))
        for term, places in found.items()
        if places
    }


def _merge_places(
    tables: Sequence[dict[str, Any]], renumber: list[list[int | None]]
) -> dict[str, Any]:
    found: dict[str, list[list[Any]]] = {}
    for table, numbers in zip(tables, renumber, strict=True):
        for key, places in table.items():
            for place in places:
                if (new := numbers[place[0]]) is not None:
                    found.setdefault(key, []).append([new, *place[1:]])
    # Sphinx lists a title's places in docname order (document numbers' order).
    return {key: sorted(places, key=lambda place: place[0]) for key, places in found.items()}


def _merge_objects(
    indexes: Sequence[dict[str, Any]],
    renumber: list[list[int | None]],
    docnames: list[str],
    order: dict[tuple[str, str, int, str, str], int],
) -> dict[str, Any]:
    """Objects in the order Sphinx lists them (the inventory's: domain, then sorted
    objects), their types numbered in order of first use, as Sphinx numbers them."""
    labels: dict[str, list[str]] = {}
    found: list[tuple[int, str, str, list[Any]]] = []
    for index, numbers in zip(indexes, renumber, strict=True):
        old_types = index.get("objtypes", {})
        for number, name in old_types.items():
            labels.setdefault(name, index["objnames"][number])
        for prefix, entries in index.get("objects", {}).items():
            for document, kind, prio, anchor, name in entries:
                if (new := numbers[document]) is None:
                    continue
                kind_name = old_types[str(kind)]
                shown = f"{prefix}.{name}" if prefix else name
                rank = order.get((docnames[new], kind_name, prio, anchor, shown), len(order))
                found.append((rank, kind_name, prefix, [new, prio, anchor, name]))
    found.sort(key=lambda item: item[0])  # stable: unranked objects keep their order
    type_numbers: dict[str, int] = {}
    objects: dict[str, list[list[Any]]] = {}
    for _rank, kind_name, prefix, (document, prio, anchor, name) in found:
        kind = type_numbers.setdefault(kind_name, len(type_numbers))
        objects.setdefault(prefix, []).append([document, kind, prio, anchor, name])
    return {
        "objects": objects,
        "objtypes": {str(number): name for name, number in type_numbers.items()},
        "objnames": {str(number): labels[name] for name, number in type_numbers.items()},
    }


def inventory_order(
    inventory: bytes, docnames: Sequence[str]
) -> dict[tuple[str, str, int, str, str], int]:
    """Each object's place in an inventory, keyed as the search index holds it
    (docname, domain:type, priority, short anchor, escaped display name)."""
    by_uri = _pages_by_uri(docnames)
    order: dict[tuple[str, str, int, str, str], int] = {}
    for number, line in enumerate(_inventory_lines(inventory)):
        found = _INVENTORY_LINE.match(line)
        if found is None:
            continue
        fullname, kind, prio, uri, shown = (part.decode() for part in found.groups())
        path, _, anchor = uri.partition("#")
        if anchor.endswith("$"):
            anchor = anchor[:-1] + fullname
        docname = by_uri.get(path)
        if docname is None:
            continue
        short = (
            ""
            if anchor == fullname
            else "-"
            if anchor == f"{kind.partition(':')[2]}-{fullname}"
            else anchor
        )
        key = (docname, kind, int(prio), short, html.escape(fullname if shown == "-" else shown))
        order.setdefault(key, number)
    return order


def _inventory_lines(data: bytes) -> list[bytes]:
    parts = data.split(b"\n", 4)
    if len(parts) < 5 or parts[0] != b"# Sphinx inventory version 2":
        raise MergeError("an objects.inv is not in Sphinx's version 2 format")
    return [line for line in zlib.decompress(parts[4]).split(b"\n") if line]


def merge_inventories(inventories: Sequence[bytes], docnames: Sequence[str]) -> bytes:
    """One ``objects.inv`` (version 2) of several: the first one's header and every line
    once, in Sphinx's order (by domain, then each object's name, display name, type,
    page, anchor and priority)."""
    header: bytes | None = None
    lines: set[bytes] = set()
    for data in inventories:
        head = b"\n".join(data.split(b"\n", 4)[:4])
        if header is None:
            header = head
        elif head.split(b"\n")[1:2] != header.split(b"\n")[1:2]:
            raise MergeError("the sites' objects.inv name different projects")
        lines.update(_inventory_lines(data))
    assert header is not None
    pages = _pages_by_uri(docnames)

    def order(line: bytes) -> tuple[Any, ...]:
        found = _INVENTORY_LINE.match(line)
        if found is None:
            return (b"", line)
        fullname, kind, prio, uri, shown = found.groups()
        path, _, anchor = uri.partition(b"#")
        if anchor.endswith(b"$"):
            anchor = anchor[:-1] + fullname
        domain, _, role = kind.partition(b":")
        page = pages.get(path.decode(), path.decode())
        return (
            domain,
            fullname,
            fullname if shown == b"-" else shown,
            role,
            page,
            anchor,
            int(prio),
        )

    body = b"".join(line + b"\n" for line in sorted(lines, key=order))
    return header + b"\n" + zlib.compress(body, 9)


def _pages_by_uri(docnames: Sequence[str]) -> dict[str, str]:
    """Each page's docname by its address as inventories write it: the HTML builder's
    and the dirhtml one's."""
    pages = {quote(name) + ".html": name for name in docnames}  # quoted, as Sphinx does
    for name in docnames:  # dirhtml's, unquoted
        index = name == "index" or name.endswith("/index")
        pages[name.removesuffix("index") if index else name + "/"] = name
    return pages
