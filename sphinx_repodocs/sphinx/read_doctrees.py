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
