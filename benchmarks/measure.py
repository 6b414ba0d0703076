"""Run one ``sphinx-build`` in its own process and measure it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .projects import Project


@dataclass(frozen=True)
class Run:
    seconds: float
    #: Largest resident set of the build or any of its ``-j`` workers, in MiB.
    peak_mib: float
    returncode: int
    warnings: int


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
    with log.open("ab") as output:
        start_of_run = output.tell()
        output.write(f"\n$ {' '.join(command)}\n".encode())
        output.flush()
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
        # wait4 reports the peak of the child and every descendant it waited for.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    with log.open("rb") as output:
        output.seek(start_of_run)
        warnings = output.read().count(b"WARNING:")
    return Run(seconds, usage.ru_maxrss / 1024, process.returncode, warnings)


def file_size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None
