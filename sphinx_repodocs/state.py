"""What one build knows about the repository, kept on the Sphinx environment.

Built in the main process at ``builder-inited`` (before ``-j`` workers fork), read-only
while documents are read, and pickled with the environment so the next build can tell
which pages changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sphinx.environment import BuildEnvironment

from .graph import ImportGraph
from .model import RepoModel
from .pages import Page
from .views import ViewBuilder

_ATTRIBUTE = "repodocs_state"


@dataclass
class RepodocsState:
    #: The model and graph live in memory for this build only (forked ``-j`` workers
    #: share them); a state unpickled from a previous build has neither, only the
    #: page plan and signatures to compare with. The model is cached in ``cache.py``.
    model: RepoModel
    prefix: str
    title: str | None
    max_source_bytes: int
    graph: ImportGraph = field(default_factory=lambda: ImportGraph({}, {}))
    pages: dict[str, Page] = field(default_factory=dict)
    signatures: dict[str, str] = field(default_factory=dict)
    #: Pages that exist in both this and the previous build and show something new.
    changed: set[str] = field(default_factory=set)
    #: Derived from the model, so rebuilt in each process on first use and never pickled.
    _views: ViewBuilder | None = field(default=None, repr=False, compare=False)

    def views(self) -> ViewBuilder:
        if self._views is None:
            self._views = ViewBuilder(
                self.model, self.prefix, self.title, self.max_source_bytes, self.graph
            )
        return self._views

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state.update(model=None, graph=None, _views=None)
        return state

    @property
    def index_docname(self) -> str:
        return f"{self.prefix}/index"


def get_state(env: BuildEnvironment) -> RepodocsState | None:
    state = getattr(env, _ATTRIBUTE, None)
    return state if isinstance(state, RepodocsState) else None


def set_state(env: BuildEnvironment, state: RepodocsState) -> None:
    setattr(env, _ATTRIBUTE, state)
