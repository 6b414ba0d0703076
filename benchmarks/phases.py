"""A Sphinx extension the benchmark adds to every project it builds: when a build ends,
it writes when each phase of the main process ended, and the process's peak memory then.

It reads nothing of the project and changes nothing; it only listens. The file it writes
is named by the ``REPODOCS_BENCH_PHASES`` environment variable (no variable, no file).
Phases, each ending at the event named:

- ``startup``: Python, Sphinx and the extensions loaded, configuration read (``config-inited``);
- ``prepare``: the builder set up, the environment loaded; for sphinx-repodocs the scan,
  the model and the page plan (the last ``builder-inited`` handler);
- ``outdated``: which pages to read (``env-before-read-docs``);
- ``read``: the pages read (``env-updated``);
- ``write``: the pages written (``html-collect-pages``, the first step of ``finish``);
- ``finish``: indices, static files, ``searchindex.js`` and ``objects.inv`` (``build-finished``).

Memory is the process's peak resident set since it started the build (``VmHWM``),
not ``ru_maxrss``: Linux carries that over from the benchmark process across the
fork and exec, so every build would seem to need at least what the benchmark held.
At the end the file also gives the build's peak: its own or its ``-j`` workers'.
"""

from __future__ import annotations

import json
import os
import resource
import time
from typing import Any

from sphinx.application import Sphinx

VARIABLE = "REPODOCS_BENCH_PHASES"
#: Set by the benchmark just before it starts the build (``time.time()``).
START_VARIABLE = "REPODOCS_BENCH_START"
#: Last among handlers of the same event.
LAST = 10_000


class _Marks:
    def __init__(self) -> None:
        self.marks: list[tuple[str, float, float]] = []

    def mark(self, phase: str) -> None:
        self.marks.append((phase, time.time(), own_peak_mib()))

    def write(self, path: str) -> None:
        start = float(os.environ.get(START_VARIABLE, "0") or 0)
        rows: list[dict[str, object]] = []
        previous = start
        for phase, moment, peak in self.marks:
            if any(row["phase"] == phase for row in rows):
                continue  # an event emitted twice (a second html-collect-pages)
            rows.append(
                {"phase": phase, "seconds": round(moment - previous, 3), "peak_mib": round(peak)}
            )
            previous = moment
        workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        build_peak = max(own_peak_mib(), workers)
        with open(path, "w", encoding="utf-8") as output:
            json.dump({"phases": rows, "peak_mib": round(build_peak)}, output)


def own_peak_mib() -> float:
    """This process's peak resident set since its last exec, in MiB (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def setup(app: Sphinx) -> dict[str, Any]:
    path = os.environ.get(VARIABLE)
    if path:
        marks = _Marks()
        app.connect("config-inited", lambda app, config: marks.mark("startup"), priority=LAST)
        app.connect("builder-inited", lambda app: marks.mark("prepare"), priority=LAST)
        app.connect(
            "env-before-read-docs",
            lambda app, env, docnames: marks.mark("outdated"),
            priority=LAST,
        )
        app.connect("env-updated", lambda app, env: marks.mark("read"), priority=LAST)
        app.connect("html-collect-pages", lambda app: _collect(marks), priority=0)

        def finished(app: Sphinx, exception: BaseException | None) -> None:
            marks.mark("finish")
            marks.write(path)

        app.connect("build-finished", finished, priority=LAST)
    return {"parallel_read_safe": True, "parallel_write_safe": True}


def _collect(marks: _Marks) -> list[Any]:
    marks.mark("write")
    return []
