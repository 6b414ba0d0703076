"""Which hand-written pages show which repository files through our directives.

Collected while reading, so it lives on the environment with purge and merge handlers
(under ``-j`` each worker's additions are merged back for the documents it read). At
the next ``builder-inited`` a hand-written page is re-read when a file it shows has a
page whose signature changed, or has gone.
"""

from __future__ import annotations

from collections.abc import Set

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

_ATTRIBUTE = "repodocs_directive_uses"


def uses(env: BuildEnvironment) -> dict[str, set[str]]:
    """docname -> repository paths its directives show."""
    found = getattr(env, _ATTRIBUTE, None)
    if not isinstance(found, dict):
        found = {}
        setattr(env, _ATTRIBUTE, found)
    return found


def record_use(env: BuildEnvironment, docname: str, path: str) -> None:
    uses(env).setdefault(docname, set()).add(path)


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    uses(env).pop(docname, None)


def merge(app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment) -> None:
    theirs = uses(other)
    mine = uses(env)
    for docname in docnames:
        if docname in theirs:
            mine[docname] = set(theirs[docname])


def pages_showing(env: BuildEnvironment, changed_paths: Set[str]) -> set[str]:
    """Hand-written pages that show one of *changed_paths*."""
    return {docname for docname, paths in uses(env).items() if paths & changed_paths}
