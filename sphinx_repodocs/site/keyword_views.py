"""Views of the repository-wide keyword index: the jump page and one page per bucket.
Pure: nothing here imports Sphinx."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

from ..core.declarations import Declarations
from ..core.keyword_index import KeywordEntry, bucket_entries, bucket_label, left_out_counts
from ..core.model import RepoModel
from ..core.purpose import TEST_PURPOSES
from ..core.references import References
from .messages import _
from .page_link import Link
from .urls import file_docname, folder_docname, keyword_docname
from .used_by import definition_anchor

#: Purposes whose names the index leaves out unless the settings keep them.
LEFT_OUT_BY_DEFAULT = ("generated", "vendored")


@dataclass(frozen=True, slots=True)
class KeywordRow:
    name: str
    kind: str
    qualname: str
    file: Link
    line: int
    #: The definition's symbol anchor ("" for its line's), and how many lines use it.
    anchor: str = ""
    uses: int = 0
    #: Its first prototype (page and line) and how many there are.
    declaration: tuple[Link, int] | None = None
    declarations: int = 0


@dataclass(frozen=True, slots=True)
class LeftOutFile:
    """A file whose names the index leaves out, with why and how many."""

    link: Link
    purpose: str
    names: int


@dataclass(frozen=True, slots=True)
class KeywordPageView:
    """A page of the repository-wide keyword index; the jump page when ``key`` is ""."""

    key: str
    title: str
    index: Link
    #: Every bucket, for the jump bar; with entry counts on the jump page only, so that
    #: a new name re-reads its own bucket's page and the jump page, not every page.
    buckets: tuple[tuple[Link, int | None], ...]
    rows: tuple[KeywordRow, ...]
    #: Jump page only: the files whose names are not listed.
    left_out: tuple[LeftOutFile, ...] = ()


def left_out_paths(model: RepoModel, purposes: Collection[str]) -> frozenset[str]:
    return frozenset(path for path, file in model.files.items() if file.purpose in purposes)


def keyword_buckets(
    model: RepoModel, left_out: Collection[str], declarations: Declarations
) -> dict[str, tuple[KeywordEntry, ...]]:
    tests = {path for path, file in model.files.items() if file.purpose in TEST_PURPOSES}
    return bucket_entries(model.extractions, tests, left_out, declarations)


def keyword_index_link(prefix: str) -> Link:
    return Link(_("Keyword index"), keyword_docname(prefix, ""))


@dataclass(frozen=True, slots=True)
class KeywordViews:
    """Makes the index's page views from its buckets."""

    model: RepoModel
    prefix: str
    title: str
    buckets: Mapping[str, tuple[KeywordEntry, ...]]
    left_out: frozenset[str]

    def view(self, key: str, references: Callable[[], References]) -> KeywordPageView:
        """The page of bucket *key* (*references* is asked only for a bucket's rows)."""
        buckets = tuple(
            (
                Link(bucket_label(name), keyword_docname(self.prefix, name)),
                None if key else len(entries),
            )
            for name, entries in self.buckets.items()
        )
        entries = self.buckets.get(key, ())
        rows = tuple(self._row(entry, references()) for entry in entries)
        return KeywordPageView(
            key=key,
            title=_("Keyword index")
            if not key
            else _("Keyword index: {bucket}").format(bucket=bucket_label(key)),
            index=Link(self.title, folder_docname(self.prefix, "")),
            buckets=buckets,
            rows=rows,
            left_out=() if key else self._left_out_files(),
        )

    def _link(self, path: str) -> Link:
        return Link(path, file_docname(self.prefix, path))

    def _row(self, entry: KeywordEntry, references: References) -> KeywordRow:
        first = entry.declared_at[0] if entry.declared_at else None
        return KeywordRow(
            entry.name,
            entry.kind,
            entry.qualname,
            self._link(entry.path),
            entry.line,
            *definition_anchor(references, entry.path, entry.qualname, entry.line),
            declaration=(self._link(first[0]), first[1]) if first else None,
            declarations=len(entry.declared_at),
        )

    def _left_out_files(self) -> tuple[LeftOutFile, ...]:
        return tuple(
            LeftOutFile(self._link(path), self.model.files[path].purpose, count)
            for path, count in left_out_counts(self.model.extractions, self.left_out)
        )
