"""The repository-wide keyword index: every defined name, bucketed into pages. Pure.

Names are bucketed by first letter (A-Z, "_", and "other" for the rest); a bucket with
more than :data:`BUCKET_LIMIT` entries is split by its first two letters, so no page
grows without bound. Within a page, entries sort by name (case-folded), then path and line.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .extract.base import Extraction

#: Kinds listed in the repository-wide index: names code defines. Headings and data
#: keys stay on their file's page, or every "Introduction" would crowd the index.
INDEXED_KINDS = frozenset({"class", "function", "method", "namespace", "macro", "target"})

BUCKET_LIMIT = 2000


@dataclass(frozen=True, slots=True, order=True)
class KeywordEntry:
    sort_key: str
    name: str
    path: str
    line: int
    kind: str
    qualname: str


def _initial(name: str) -> str:
    first = name[:1].upper()
    if "A" <= first <= "Z":
        return first
    return "_" if first == "_" else "other"


def _two_letters(name: str) -> str:
    second = name[1:2].lower()
    return second if second.isascii() and (second.isalnum() or second == "_") else "other"


def bucket_entries(extractions: dict[str, Extraction]) -> dict[str, tuple[KeywordEntry, ...]]:
    """Bucket key ("A", or "T-e" once T is split) -> sorted entries."""
    by_initial: dict[str, list[KeywordEntry]] = defaultdict(list)
    for path, extraction in extractions.items():
        for symbol in extraction.symbols:
            if symbol.kind in INDEXED_KINDS:
                by_initial[_initial(symbol.name)].append(
                    KeywordEntry(
                        symbol.name.casefold(),
                        symbol.name,
                        path,
                        symbol.line,
                        symbol.kind,
                        symbol.qualname,
                    )
                )
    buckets: dict[str, tuple[KeywordEntry, ...]] = {}
    for initial, entries in by_initial.items():
        if len(entries) <= BUCKET_LIMIT:
            buckets[initial] = tuple(sorted(entries))
            continue
        split: dict[str, list[KeywordEntry]] = defaultdict(list)
        for entry in entries:
            split[f"{initial}-{_two_letters(entry.name)}"].append(entry)
        buckets.update({key: tuple(sorted(group)) for key, group in split.items()})
    return dict(sorted(buckets.items(), key=lambda item: _bucket_order(item[0])))


def _bucket_order(key: str) -> tuple[int, str]:
    initial = key.split("-", 1)[0]
    return (2 if initial == "other" else 1 if initial == "_" else 0, key)


def bucket_label(key: str) -> str:
    """ "A", "Te", "_", "other"."""
    initial, _, second = key.partition("-")
    return initial + (second if second != "other" else "…") if second else initial


def count_kinds(extractions: Iterable[Extraction]) -> tuple[tuple[str, int], ...]:
    counts: dict[str, int] = defaultdict(int)
    for extraction in extractions:
        for symbol in extraction.symbols:
            counts[symbol.kind] += 1
        if extraction.imports:
            counts["import"] += len(extraction.imports)
    return tuple(sorted(counts.items()))
