"""Page views: exactly the inputs each generated page renders, and their signatures.

A renderer reads only its view (plus the file text, whose digest the view holds), so a
page's signature, a hash of its view, changes exactly when what the page shows changes.
Pure: nothing here imports Sphinx.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import posixpath
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

from ..core import run_context as runs
from ..core.code_host import SourceLinks
from ..core.declarations import Declarations, pair_declarations
from ..core.extract.base import Extraction, Symbol
from ..core.git_history import Commit, History
from ..core.imports import Dependency, ImportGraph
from ..core.keyword_index import KeywordEntry, count_kinds
from ..core.model import RepoFile, RepoFolder, RepoModel
from ..core.provenance import Provenance, provenance
from ..core.provenance import build_date as provenance_date
from ..core.references import References
from ..core.related import RelatedFinder
from ..core.symbols import SymbolIndex
from .entry_rows import FileRow, FolderRow, entry_rows
from .folder_map import FilePair, file_pairs, folder_map, pairs_by_folder
from .keyword_views import (
    LEFT_OUT_BY_DEFAULT,
    KeywordPageView,
    KeywordViews,
    keyword_buckets,
    keyword_index_link,
    left_out_paths,
)
from .page_link import Link
from .plan import Page
from .readme import ReadmeTarget, readme_format, readme_targets
from .repo_summary import RepoSummary, repo_summary
from .svg_graph import ColumnGraph
from .urls import file_docname, folder_docname
from .used_by import UseSnippets, use_counter


@dataclass(frozen=True, slots=True)
class DependencyRow:
    dependency: Dependency
    #: The page it resolves to, when it resolves to a documented file or folder.
    link: Link | None


#: A prototype, (qualified name, line), and its definition's page and line.
DefinedAt = tuple[tuple[str, int], tuple[Link, int]]


@dataclass(frozen=True, slots=True)
class FilePageView:
    file: RepoFile
    title: str
    breadcrumbs: tuple[Link, ...]
    #: The files before and after it in its folder, by name (the theme's prev/next).
    previous: Link | None
    next: Link | None
    link_target: Link | None
    max_source_bytes: int
    extraction: Extraction | None
    dependencies: tuple[DependencyRow, ...]
    imported_by: tuple[tuple[Link, int], ...]
    #: Ranked: tests, tested code, imports, importers; each with its reason.
    related: tuple[tuple[Link, str], ...]
    #: The last commit that touched the file (git checkouts with history on).
    last_commit: Commit | None
    #: The file on its code host at the commit the site was built from, and the host.
    source_url: str = ""
    source_host: str = ""
    #: A line's link there, ``{line}`` for its number; "" when the host's links name no
    #: line or the work tree changed the file (its lines may not be the commit's).
    source_line_url: str = ""
    #: Digests of the listing's links (where each goes) and of the lines that use the
    #: file's definitions (with the text of those shown): the page's references.
    links: str = ""
    used_by: str = ""
    #: How many of its definitions are used.
    used_count: int = 0
    #: What its test commands depend on beyond the file.
    run_context: runs.RunContext = runs.NO_CONTEXT
    #: Its prototypes paired with their definitions: (qualified name, line) -> the
    #: definition's page and line.
    defined_at: tuple[DefinedAt, ...] = ()


@dataclass(frozen=True, slots=True)
class FolderPageView:
    folder: RepoFolder
    title: str
    breadcrumbs: tuple[Link, ...]
    folders: tuple[FolderRow, ...]
    files: tuple[FileRow, ...]
    readme: RepoFile | None
    summary: RepoSummary | None
    max_source_bytes: int
    #: Definitions and import statements in the folder's own files, by kind.
    keyword_counts: tuple[tuple[str, int], ...]
    keyword_index: Link
    #: What the folder's README says first (its overview).
    readme_summary: str
    #: "markdown" or "rst" when the README is shown rendered, "" as source.
    readme_format: str
    #: The README's links and images that go somewhere, with where.
    readme_targets: tuple[tuple[str, ReadmeTarget], ...]
    #: The commit the site was built from: repository index only.
    built_from: Commit | None
    #: Without a commit (no checkout, or history off): the build date and file digest.
    provenance: Provenance | None = None
    #: Its entries and the imports between them and across its edge (``folder_map``).
    dependency_map: ColumnGraph | None = None


PageView = FilePageView | FolderPageView | KeywordPageView


class ViewBuilder:
    """Builds page views from one model; shared by signatures and renderers."""

    def __init__(
        self,
        model: RepoModel,
        prefix: str,
        title: str | None,
        max_source_bytes: int,
        graph: ImportGraph | None = None,
        history: History | None = None,
        source_links: SourceLinks | None = None,
        references: Callable[[], References] | None = None,
        left_out_purposes: Collection[str] = LEFT_OUT_BY_DEFAULT,
        build_date: str = "",
    ):
        self.model = model
        #: Resolved only when a view needs it (a build whose model did not change
        #: asks for the domain's objects, which need no references).
        self._resolve = references if references is not None else lambda: References(model)
        self._reference_digests: dict[str, tuple[str, str]] = {}
        self.source_links = source_links
        self.history = history if history is not None else History()
        # A page's write-time blocks ask for its view several times in a row.
        self.file_view = functools.lru_cache(maxsize=16)(self._file_view)
        # A folder page's pictures ask for its view again when the page is written.
        self.folder_view = functools.lru_cache(maxsize=4)(self._folder_view)
        self.graph = graph if graph is not None else ImportGraph({}, {})
        self.prefix = prefix
        self.title = title or model.name
        self.max_source_bytes = max_source_bytes
        #: The purposes whose files' names the keyword index does not list.
        self.left_out_purposes = frozenset(left_out_purposes)
        #: The day the site is built (``core.provenance``), told outside git.
        self.build_date = build_date or provenance_date()

    def view(self, page: Page) -> PageView:
        if page.kind == "file":
            return self.file_view(page.path)
        if page.kind == "keywords":
            return self.keyword_view(page.path)
        return self.folder_view(page.path)

    @functools.cached_property
    def references(self) -> References:
        return self._resolve()

    @functools.cached_property
    def snippets(self) -> UseSnippets:
        return UseSnippets(self.model, self.max_source_bytes)

    @functools.cached_property
    def _pairs_by_folder(self) -> dict[str, list[FilePair]]:
        return pairs_by_folder(file_pairs(self.graph))

    @functools.cached_property
    def related_finder(self) -> RelatedFinder:
        return RelatedFinder(self.model, self.graph)

    def _file_link(self, path: str) -> Link:
        return Link(path, file_docname(self.prefix, path))

    def _dependency_row(self, dependency: Dependency) -> DependencyRow:
        link = None
        if dependency.target is not None:
            if dependency.target_is_folder:
                link = Link(dependency.target + "/", folder_docname(self.prefix, dependency.target))
            else:
                link = self._file_link(dependency.target)
        return DependencyRow(dependency, link)

    @functools.cached_property
    def symbol_index(self) -> SymbolIndex:
        return SymbolIndex(self.model.extractions, self.declarations)

    @functools.cached_property
    def declarations(self) -> Declarations:
        return pair_declarations(self.model, lambda: self.graph)

    @functools.cached_property
    def _keyword_views(self) -> KeywordViews:
        left_out = left_out_paths(self.model, self.left_out_purposes)
        buckets = keyword_buckets(self.model, left_out, self.declarations)
        return KeywordViews(self.model, self.prefix, self.title, buckets, left_out)

    @property
    def keyword_buckets(self) -> Mapping[str, tuple[KeywordEntry, ...]]:
        return self._keyword_views.buckets

    def keyword_view(self, key: str) -> KeywordPageView:
        return self._keyword_views.view(key, lambda: self.references)

    def use_count(self, path: str) -> Callable[[Symbol], int | None]:
        return use_counter(self.references, path)

    def _breadcrumbs(self, folder: str) -> tuple[Link, ...]:
        crumbs = [Link(self.title, folder_docname(self.prefix, ""))]
        if folder:
            parts = folder.split("/")
            for depth in range(1, len(parts) + 1):
                crumbs.append(
                    Link(parts[depth - 1], folder_docname(self.prefix, "/".join(parts[:depth])))
                )
        return tuple(crumbs)

    def _file_view(self, path: str) -> FilePageView:
        file = self.model.files[path]
        folder = self.model.folders[file.folder]
        names = folder.files
        position = bisect.bisect_left(names, file.name)  # the scan sorts names
        previous, following = (
            Link(names[at], file_docname(self.prefix, posixpath.join(folder.path, names[at])))
            if 0 <= at < len(names)
            else None
            for at in (position - 1, position + 1)
        )
        target = None
        if file.link_target:
            if file.link_target in self.model.files:
                target = Link(file.link_target, file_docname(self.prefix, file.link_target))
            elif file.link_target in self.model.folders:
                target = Link(file.link_target + "/", folder_docname(self.prefix, file.link_target))
        return FilePageView(
            file=file,
            title=path,
            breadcrumbs=self._breadcrumbs(folder.path),
            previous=previous,
            next=following,
            link_target=target,
            max_source_bytes=self.max_source_bytes,
            extraction=self.model.extractions.get(path),
            dependencies=tuple(
                self._dependency_row(d) for d in self.graph.dependencies.get(path, ())
            ),
            imported_by=tuple(
                (self._file_link(i.path), i.line) for i in self.graph.imported_by.get(path, ())
            ),
            related=tuple(
                (self._file_link(r.path), r.reason) for r in self.related_finder.related(path)
            ),
            last_commit=self.history.last_commits.get(path),
            links=self._digests(path)[0],
            used_by=self._digests(path)[1],
            used_count=self.references.used_count(path),
            run_context=runs.file_run_context(file, self.model, self.graph, self.run_facts),
            defined_at=self._defined_at.get(path, ()),
            **self._source(path),
        )

    @functools.cached_property
    def _defined_at(self) -> dict[str, tuple[tuple[tuple[str, int], tuple[Link, int]], ...]]:
        found: dict[str, list[tuple[tuple[str, int], tuple[Link, int]]]] = {}
        for (path, qualname, line), (home, _, home_line) in sorted(self.declarations.home.items()):
            found.setdefault(path, []).append(
                ((qualname, line), (self._file_link(home), home_line))
            )
        return {path: tuple(pairs) for path, pairs in found.items()}

    @functools.cached_property
    def run_facts(self) -> runs.RepositoryRunFacts:
        return runs.RepositoryRunFacts(self.model)

    def _digests(self, path: str) -> tuple[str, str]:
        """Digests of *path*'s links and of its definitions' uses, made once."""
        found = self._reference_digests.get(path)
        if found is None:
            references = self.references
            found = (references.digest_out(path), references.digest_in(path, self._shown_digests))
            self._reference_digests[path] = found
        return found

    def _shown_digests(self, paths: list[str]) -> str:
        """The content hashes of *paths*: a used line's text is shown from them."""
        return ",".join(self.model.files[p].digest for p in paths if p in self.model.files)

    def _source(self, path: str) -> dict[str, str]:
        """The file's link to its code host: files in the commit only (tracked)."""
        links = self.source_links
        if links is None or path not in self.history.tracked:
            return {}
        source = {"source_url": links.for_file(path), "source_host": links.host}
        if path not in self.history.modified:
            source["source_line_url"] = links.for_lines(path)
        return source

    def _folder_view(self, path: str) -> FolderPageView:
        folder = self.model.folders[path]
        folder_rows, file_rows = entry_rows(self.model, self.prefix, folder)
        readme = self.model.files.get(folder.readme) if folder.readme else None
        readme_extraction = self.model.extractions.get(folder.readme) if folder.readme else None
        shown_readme = readme if readme is not None and readme.kind == "text" else None
        rendered_as = readme_format(shown_readme) if shown_readme is not None else ""
        return FolderPageView(
            folder=folder,
            title=path + "/" if path else self.title,
            breadcrumbs=self._breadcrumbs(folder.parent or "") if path else (),
            folders=folder_rows,
            files=file_rows,
            readme=shown_readme,
            summary=None
            if path
            else repo_summary(self.model, self.prefix, keyword_index_link(self.prefix)),
            max_source_bytes=self.max_source_bytes,
            keyword_counts=count_kinds(
                extraction
                for name in folder.files
                if (extraction := self.model.extractions.get(posixpath.join(path, name)))
                is not None
            ),
            keyword_index=keyword_index_link(self.prefix),
            readme_summary=readme_extraction.summary if readme_extraction is not None else "",
            readme_format=rendered_as,
            readme_targets=readme_targets(
                self.model, shown_readme.path, self.prefix, self.max_source_bytes
            )
            if shown_readme is not None and rendered_as
            else (),
            built_from=None if path else self.history.head,
            provenance=None
            if path or self.history.head is not None
            else provenance(self.model, self.build_date),
            dependency_map=folder_map(
                path, self._pairs_by_folder.get(path, ()), self.prefix, self.model.folders
            ),
        )


def signature(view: PageView) -> str:
    """A digest of everything the page shows."""
    return hashlib.sha256(repr(view).encode("utf-8", "surrogateescape")).hexdigest()[:32]


def all_signatures(builder: ViewBuilder, pages: dict[str, Page]) -> dict[str, str]:
    return {docname: signature(builder.view(page)) for docname, page in pages.items()}
