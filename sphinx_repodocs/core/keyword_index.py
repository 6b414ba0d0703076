"""The repository-wide keyword index: every name the code defines, bucketed into pages.
Pure.

Names are bucketed by first letter (A-Z, "_", and "other" for the rest). A bucket with
more than :data:`BUCKET_LIMIT` entries is split by the next letter of its names, and
again, until every page fits: "T", then "T-e", "T-es", ... Names that are exactly a
split bucket's prefix get the bucket's key with "~"; more names than fit on one page
that are all the same name are cut into "~1", "~2", ... So no page grows without
bound, and a new name re-reads only its own bucket's page. Test functions and methods
(names starting with "test" in test files) are listed on their files' pages only, so
the index holds the code's vocabulary. Files whose purpose is left out (vendored and
generated code, unless the settings keep them) are counted, not listed: their pages keep
their own tables. A C or C++ prototype paired with its definition
(``core.declarations``) is noted on the definition's entry, not listed again. Within a
page, entries sort by name (case-folded), then path and line.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass

from .declarations import NO_DECLARATIONS, Declarations
from .extract.base import Extraction, Symbol
from .phrases import P_

#: Kinds listed in the repository-wide index: names code defines. Headings and data
#: keys stay on their file's page, or every "Introduction" would crowd the index.
INDEXED_KINDS = frozenset(
    {"class", "function", "method", "namespace", "macro", "target", "variable", "constant"}
)

#: Most entries on one page of the index (about 1 MB of HTML at the most).
BUCKET_LIMIT = 2000
#: Longest prefix a key spells out; names sharing a longer one are cut into numbered
#: pages (generated code can share hundreds of characters).
MAX_PREFIX = 24


@dataclass(frozen=True, slots=True, order=True)
class KeywordEntry:
    sort_key: str
    name: str
    path: str
    line: int
    kind: str
    qualname: str
    #: The prototypes of this definition elsewhere (or earlier), as (path, line).
    declared_at: tuple[tuple[str, int], ...] = ()


def _initial(name: str) -> str:
    first = name[:1]
    if first.isascii() and first.isalpha():
        return first.upper()
    return "_" if first == "_" else "other"


def _letter(name: str, position: int) -> str:
    """The key letter for *name*'s character at *position*: itself lowercased, or "-"
    for a character no docname may hold."""
    char = name[position].lower()
    return char if char.isascii() and (char.isalnum() or char == "_") else "-"


def is_test(entry: KeywordEntry, test_files: Collection[str]) -> bool:
    """A test function or method: its file is a test and its name starts with "test"."""
    return (
        entry.path in test_files
        and entry.kind in ("function", "method")
        and entry.name.startswith("test")
    )


def indexed(symbol: Symbol) -> bool:
    return symbol.kind in INDEXED_KINDS


def bucket_entries(
    extractions: dict[str, Extraction],
    test_files: Collection[str] = (),
    left_out: Collection[str] = (),
    declarations: Declarations = NO_DECLARATIONS,
) -> dict[str, tuple[KeywordEntry, ...]]:
    """Bucket key ("A"; "T-e" once T is split; "T-e~" for the names "Te") -> sorted
    entries, in index order. Files in *left_out* are not listed."""
    by_initial: dict[str, list[KeywordEntry]] = defaultdict(list)
    for path, extraction in extractions.items():
        if path in left_out:
            continue
        for symbol in extraction.symbols:
            if not indexed(symbol):
                continue
            place = (path, symbol.qualname, symbol.line)
            home = declarations.home.get(place)
            if home is not None and home[0] not in left_out:
                continue  # noted on its definition's entry
            declared = tuple(
                (where, line)
                for where, _, line in declarations.declared_at.get(place, ())
                if where not in left_out
            )
            entry = KeywordEntry(
                symbol.name.casefold(),
                symbol.name,
                path,
                symbol.line,
                symbol.kind,
                symbol.qualname,
                declared,
            )
            if not is_test(entry, test_files):
                by_initial[_initial(symbol.name)].append(entry)
    buckets: dict[str, tuple[KeywordEntry, ...]] = {}
    for initial, entries in by_initial.items():
        for key, group in _split(initial, entries, 1):
            buckets[key] = tuple(sorted(group))
    return dict(sorted(buckets.items(), key=lambda item: _bucket_order(item[0])))


def left_out_counts(
    extractions: Mapping[str, Extraction], left_out: Collection[str]
) -> tuple[tuple[str, int], ...]:
    """The left-out files that define indexed names, and how many, by path."""
    counts = (
        (path, sum(1 for s in extractions[path].symbols if indexed(s)))
        for path in sorted(left_out)
        if path in extractions
    )
    return tuple((path, count) for path, count in counts if count)


def _split(
    key: str, entries: list[KeywordEntry], depth: int
) -> Iterator[tuple[str, list[KeywordEntry]]]:
    """Buckets of at most BUCKET_LIMIT entries whose names share their first *depth*
    characters (the bucket *key*)."""
    if len(entries) <= BUCKET_LIMIT:
        yield key, entries
        return
    if depth >= MAX_PREFIX:
        yield from _numbered(key, entries)
        return
    groups: dict[str, list[KeywordEntry]] = defaultdict(list)
    for entry in entries:
        groups[_letter(entry.name, depth) if len(entry.name) > depth else ""].append(entry)
    separator = "-" if depth == 1 else ""
    for letter, group in sorted(groups.items()):
        if letter:
            yield from _split(f"{key}{separator}{letter}", group, depth + 1)
        elif len(group) <= BUCKET_LIMIT:
            yield f"{key}~", group
        else:  # one name defined more often than a page holds
            yield from _numbered(key, group)


def _numbered(key: str, entries: list[KeywordEntry]) -> Iterator[tuple[str, list[KeywordEntry]]]:
    ordered = sorted(entries)
    for number, start in enumerate(range(0, len(ordered), BUCKET_LIMIT), start=1):
        yield f"{key}~{number}", ordered[start : start + BUCKET_LIMIT]


def _bucket_order(key: str) -> tuple[int, str]:
    initial = key.split("-", 1)[0].split("~", 1)[0]
    # "Te" exactly, then "Tea": the "~" marker sorts before every letter; numbered
    # pages in their numbers' order.
    ordered = re.sub(r"~(\d+)$", lambda m: f" {int(m[1]):06d}", key).replace("~", " ")
    return (2 if initial == "other" else 1 if initial == "_" else 0, ordered)


def bucket_label(key: str) -> str:
    """ "A", "Te", "Te (exactly)", "init (2)", "_", "other"."""
    letters, _, exact = key.partition("~")
    initial, _, rest = letters.partition("-")
    rest = rest.replace("-", "…")
    if initial != "other":
        label = initial + rest
    else:
        label = P_("other {rest}", rest=rest) if rest else P_("other")
    if not exact and key.endswith("~"):
        return P_("{bucket} (exactly)", bucket=label)
    return P_("{bucket} ({number})", bucket=label, number=exact) if exact else label


def count_kinds(extractions: Iterable[Extraction]) -> tuple[tuple[str, int], ...]:
    counts: dict[str, int] = defaultdict(int)
    for extraction in extractions:
        for symbol in extraction.symbols:
            counts[symbol.kind] += 1
        if extraction.imports:
            counts["import"] += len(extraction.imports)
    return tuple(sorted(counts.items()))
