"""Run one ``sphinx-build`` in its own process and measure it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import phases
from .projects import Project


@dataclass(frozen=True)
class Run:
    seconds: float
    #: Largest resident set of the build or any of its ``-j`` workers, in MiB.
    peak_mib: float
    returncode: int
    warnings: int
    #: The main process's phases (``benchmarks.phases``): name, seconds, peak MiB then.
    phases: list[dict[str, object]] = field(default_factory=list)


def sphinx_build(project: Project, jobs: int, log: Path) -> Run:
    """Build *project* with the HTML builder at ``-j jobs``; output goes to *log*."""
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-q",
        "-j",
        str(jobs),
        "-d",
        str(project.doctreedir),
        str(project.srcdir),
        str(project.outdir),
    ]
    return measured(command, log)


def measured(command: list[str], log: Path, cwd: Path | None = None) -> Run:
    """Run *command* with its output appended to *log*: its time, peak memory, exit
    status, warnings and (for a Sphinx build) its phases."""
    with tempfile.TemporaryDirectory() as scratch, log.open("ab") as output:
        phases_file = Path(scratch) / "phases.json"
        environment = dict(os.environ)
        environment[phases.VARIABLE] = str(phases_file)
        environment[phases.START_VARIABLE] = repr(time.time())
        start_of_run = output.tell()
        output.write(f"\n$ {' '.join(command)}\n".encode())
        output.flush()
        start = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=output, stderr=subprocess.STDOUT, env=environment, cwd=cwd
        )
        # wait4 reports the peak of the child and every descendant it waited for.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        found = json.loads(phases_file.read_text()) if phases_file.exists() else {}
    process.returncode = os.waitstatus_to_exitcode(status)
    with log.open("rb") as output:
        output.seek(start_of_run)
        warnings = output.read().count(b"WARNING:")
    # ru_maxrss carries the benchmark's own peak over the fork: the build's own figure
    # (benchmarks.phases) where it has one. Doxygen has none: its figure is right only
    # because it needs far more than the benchmark holds (1.4 GiB against ~0.2).
    peak = found.get("peak_mib") or usage.ru_maxrss / 1024
    return Run(seconds, peak, process.returncode, warnings, found.get("phases", []))


def file_size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None
