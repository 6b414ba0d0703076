"""What one build knows about the repository, kept on the Sphinx environment.

Built in the main process at ``builder-inited`` (before ``-j`` workers fork), read-only
while documents are read, and pickled with the environment so the next build can tell
which pages changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sphinx.environment import BuildEnvironment

from .model import RepoModel
from .pages import Page
from .views import ViewBuilder

_ATTRIBUTE = "repodocs_state"


@dataclass(slots=True)
class RepodocsState:
    model: RepoModel
    prefix: str
    title: str | None
    max_source_bytes: int
    pages: dict[str, Page]
    signatures: dict[str, str]
    #: Pages that exist in both this and the previous build and show something new.
    changed: set[str] = field(default_factory=set)

    def views(self) -> ViewBuilder:
        return ViewBuilder(self.model, self.prefix, self.title, self.max_source_bytes)

    @property
    def index_docname(self) -> str:
        return f"{self.prefix}/index"


def get_state(env: BuildEnvironment) -> RepodocsState | None:
    state = getattr(env, _ATTRIBUTE, None)
    return state if isinstance(state, RepodocsState) else None


def set_state(env: BuildEnvironment, state: RepodocsState) -> None:
    setattr(env, _ATTRIBUTE, state)
