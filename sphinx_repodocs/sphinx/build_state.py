"""What one build knows about the repository, kept on the Sphinx environment.

Built in the main process at ``builder-inited`` (before ``-j`` workers fork), read-only
while documents are read, and pickled with the environment so the next build can tell
which pages changed.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

from sphinx.environment import BuildEnvironment

from .. import __version__
from ..core.code_host import SourceLinks
from ..core.git_history import History
from ..core.imports import ImportGraph, build_graph
from ..core.model import RepoModel
from ..core.references import References, resolve_references
from ..site.plan import Page
from ..site.views import ViewBuilder

_ATTRIBUTE = "repodocs_state"


@dataclass
class RepodocsState:
    #: The model and graph live in memory for this build only (forked ``-j`` workers
    #: share them); a state unpickled from a previous build has neither, only the
    #: page plan and signatures to compare with. The model is cached by ``core.model_cache``.
    model: RepoModel
    prefix: str
    title: str | None
    max_source_bytes: int
    python_paths: tuple[str, ...] = ()
    include_dirs: tuple[str, ...] = ()
    #: Purposes whose files' names the keyword index leaves out.
    index_left_out: tuple[str, ...] = ()
    #: The build's date (UTC), which the repository index tells outside git.
    build_date: str = ""
    pages: dict[str, Page] = field(default_factory=dict)
    #: In one build of a shard plan, the pages the other builds write (links to them
    #: are made as if this build wrote them).
    sibling_pages: frozenset[str] = frozenset()
    signatures: dict[str, str] = field(default_factory=dict)
    #: Pages that exist in both this and the previous build and show something new.
    changed: set[str] = field(default_factory=set)
    #: Generated pages hold only their title (the ``repodocs-inventory`` builder).
    outline_only: bool = False
    #: Last commits; kept between builds (same HEAD, same history).
    history: History = field(default_factory=History)
    #: Links to the files on their code host, at the commit the site is built from.
    source_links: SourceLinks | None = None
    #: Where the model and highlighted sources are kept (``repodocs_cache_dir``, else
    #: the doctree folder; set by ``prepare_pages``); not a setting pages show.
    cache_dir: str = ""
    #: Which model the plan and signatures were made from (``model_fingerprint``): a
    #: shard's two stages share a cache folder but not a model.
    model_key: str = ""
    #: In a build of a shard plan, which shard of which plan (who writes each page).
    shard_key: str = ""
    #: Derived from the model, so rebuilt in each process on first use and never pickled.
    _graph: ImportGraph | None = field(default=None, repr=False, compare=False)
    _references: References | None = field(default=None, repr=False, compare=False)
    _views: ViewBuilder | None = field(default=None, repr=False, compare=False)
    _memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)
    #: The process's peak memory at the last collection while writing
    #: (``garbage.collect_written``).
    collected_at_peak: int = field(default=0, repr=False, compare=False)

    @property
    def settings_key(self) -> Hashable:
        """Every setting that changes what pages show besides the model, and which
        model the pages were planned from."""
        return (
            __version__,
            self.model_key,
            self.shard_key,
            self.prefix,
            self.title,
            self.max_source_bytes,
            self.python_paths,
            self.include_dirs,
            self.index_left_out,
            self.history.head_id,
            "" if self.history.head is not None else self.build_date,
            self.source_links,
        )

    @property
    def graph(self) -> ImportGraph:
        if self._graph is None:
            self._graph = build_graph(self.model, self.python_paths, self.include_dirs)
        return self._graph

    def use_graph(self, graph: ImportGraph) -> None:
        """The model's import graph, already built (it is derived, never pickled)."""
        self._graph = graph

    @property
    def references(self) -> References:
        """Every file's links to definitions, and who uses each (derived, never pickled)."""
        if self._references is None:
            self._references = resolve_references(self.model, self.graph, self.python_paths)
        return self._references

    def views(self) -> ViewBuilder:
        if self._views is None:
            self._views = ViewBuilder(
                self.model,
                self.prefix,
                self.title,
                self.max_source_bytes,
                self.graph,
                self.history,
                self.source_links,
                lambda: self.references,
                self.index_left_out,
                self.build_date,
            )
        return self._views

    def memo(self) -> dict[str, object]:
        """Per-process cache of values derived from the model (e.g. the objects list)."""
        return self._memo

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state.update(model=None, _graph=None, _references=None, _views=None, _memo={})
        return state

    @property
    def index_docname(self) -> str:
        return f"{self.prefix}/index"


def get_state(env: BuildEnvironment) -> RepodocsState | None:
    state = getattr(env, _ATTRIBUTE, None)
    return state if isinstance(state, RepodocsState) else None


def set_state(env: BuildEnvironment, state: RepodocsState) -> None:
    setattr(env, _ATTRIBUTE, state)
