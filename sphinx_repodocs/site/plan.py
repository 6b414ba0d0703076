"""The page plan: every generated page, by docname, and the stub that names it.

A stub's text names its page and never changes for a given repository path, so Sphinx
sees a stub as new exactly when the file appears; everything the page shows comes from
the model when Sphinx reads it. Stubs use their own source suffix and parser, so the
host project's source format (rST or MyST) does not matter and no path is ever parsed
as markup.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from ..core.model import RepoModel
from ..core.shards import LANDING, ShardMap
from .urls import file_docname, folder_docname, keyword_docname

#: Source suffix of stub files; registered with Sphinx together with our parser.
STUB_SUFFIX = ".repodocs"
#: The file type name Sphinx uses to pick our parser.
STUB_FILETYPE = "repodocs"

PageKind = Literal["file", "folder", "keywords"]


@dataclass(frozen=True, slots=True)
class Page:
    """A generated page: which kind, and which repository path it shows."""

    kind: PageKind
    path: str

    def stub_text(self) -> str:
        # ASCII JSON: paths may hold any character, even undecodable bytes.
        return json.dumps({"kind": self.kind, "path": self.path}, ensure_ascii=True) + "\n"

    @staticmethod
    def from_stub(text: str) -> Page:
        data = json.loads(text)
        return Page(kind=data["kind"], path=data["path"])


def plan_pages(model: RepoModel, prefix: str, keyword_buckets: Iterable[str]) -> dict[str, Page]:
    """Every generated page, by docname."""
    pages = {folder_docname(prefix, path): Page("folder", path) for path in model.folders}
    pages.update({file_docname(prefix, path): Page("file", path) for path in model.files})
    pages[keyword_docname(prefix, "")] = Page("keywords", "")
    pages.update({keyword_docname(prefix, key): Page("keywords", key) for key in keyword_buckets})
    return pages


def pages_of_shard(pages: dict[str, Page], shards: ShardMap, shard: str) -> dict[str, Page]:
    """The pages one build of a shard plan writes: its units' files and folders; the
    landing's: the rest and the keyword index. Every build writes the repository
    index, each project's root page (the copies are the same page)."""

    def writes(page: Page) -> bool:
        if page.kind == "file":
            return shards.file_owner(page.path) == shard
        if page.kind == "folder":
            return page.path == "" or shards.folder_owner(page.path) == shard
        return shard == LANDING

    return {docname: page for docname, page in pages.items() if writes(page)}
