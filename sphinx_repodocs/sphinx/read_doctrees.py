"""Generated pages' doctrees are not kept in memory from reading to writing.

Under ``-j 1`` Sphinx keeps every doctree it read in memory until the page is written,
to spare unpickling it again. For a repository that is every file's page at once: on
the standard library, 2,850 doctrees grew the build by about 580 MiB while it read,
and unpickling them all again takes 1.5 s. So once a generated page's doctree is
stored in the doctree folder it is dropped (at the next page's ``source-read``, and
the last one at ``env-updated``); the writer loads it from there, as it does for every
page under ``-j 2``, whose reading workers keep nothing. The bytes Sphinx then keeps
of each doctree it loaded go once the page is resolved (``doctree-resolved``): they
were another 28 MiB on the standard library, 225 MiB on eight copies. Hand-written
pages are left as Sphinx keeps them.

Writing a page also tied the environment's title node of the page to a document of its
own (``detach_titles``), so the write phase grew by a document per page.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from .. import compat
from .build_state import get_state


def forget_generated_doctrees(app: Sphinx, *_arguments: object) -> None:
    """source-read, env-updated, doctree-resolved: drop what Sphinx keeps of the
    generated pages' doctrees (at most the last page's at each call)."""
    state = get_state(app.env)
    if state is not None:
        compat.forget_doctrees(app.env, state.prefix + "/")


def detach_titles(
    app: Sphinx, pagename: str, templatename: str, context: object, doctree: object
) -> None:
    """html-page-context: the page's title nodes, which the environment keeps, are
    taken back out of the one-node documents Sphinx's HTML builder wrapped them in to
    render them (``render_partial`` makes the node's parent that document, which then
    lived as long as the environment: 73 MiB on the standard library, all of the write
    phase's growth). Detached, each is again the lone node the environment stored."""
    state = get_state(app.env)
    if state is None or not pagename.startswith(state.prefix + "/"):
        return
    for titles in (app.env.titles, app.env.longtitles):
        title = titles.get(pagename)
        if title is not None and title.parent is not None:
            title.parent = None
            title.document = None
