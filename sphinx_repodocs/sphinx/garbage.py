"""When the garbage collector runs during a build.

The model is frozen out of the collector's generations from the end of ``builder-inited``
(``events.prepare_pages``); a full collection runs while writing when memory grows
(``collect_written``); and what a build leaves is frozen at its end
(``freeze_what_is_left``), so exit does not collect it, until a next build in the same
process unfreezes it.
"""

from __future__ import annotations

import gc
import sys

from docutils import nodes
from sphinx.application import Sphinx

from .build_state import get_state

#: A full garbage collection runs while writing when the process's peak memory has
#: grown by this much since the last one (``collect_written``).
COLLECT_AFTER_GROWTH = 8 * 1024 * 1024


def collect_written(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """doctree-resolved: a full collection when the peak memory has grown by
    ``COLLECT_AFTER_GROWTH`` since the last. A written doctree is garbage in cycles
    (every node points to its parent) that only a full collection frees, and CPython
    runs one only when the objects that reached the oldest generation since the last
    are a quarter of those it kept: with a build's doctrees in memory that waits so
    long that the standard library's build grew by about 120 MiB while writing. By
    growth rather than by count, it collects only when the heap has no room left:
    collecting every 200 documents cost 9% of the build's time. Where the peak is not
    known (no ``resource`` module), nothing is collected."""
    state = get_state(app.env)
    peak = _peak_bytes()
    if state is None or peak is None:
        return
    if not state.collected_at_peak:
        state.collected_at_peak = peak
    elif peak - state.collected_at_peak >= COLLECT_AFTER_GROWTH:
        gc.collect()
        state.collected_at_peak = _peak_bytes() or peak


def _peak_bytes() -> int | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak) if sys.platform == "darwin" else int(peak) * 1024


def freeze_what_is_left(app: Sphinx, exception: BaseException | None) -> None:
    """build-finished (last): nothing the build leaves is collected again. At exit
    CPython collects every object left only for the process to give its memory back
    whole: 1.4 s of a 5 s no-change build of the standard library. A process that runs
    another build hands them back to the collector when it starts (``prepare_pages``)."""
    gc.freeze()


def free_earlier_builds() -> None:
    """From ``prepare_pages``: in a process that ran a build before this one, collect
    what that build left (frozen at its end); nothing to do in a new process."""
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
