"""Doxygen on the same tree, when ``doxygen`` is installed: the peer a C-family team would
pick instead. Its source browser gives every file a highlighted, cross-linked listing.

Doxygen has no incremental mode, so only its fresh build is measured. It reads the
Python, C and C header files (``*.py *.c *.h``), extracts every name, writes HTML only,
with one thread, no diagrams and no search engine (ours has one, so this flatters it).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from .measure import Run, measured

DOXYFILE = """\
PROJECT_NAME = benchmark
OUTPUT_DIRECTORY = {output}
INPUT = {tree}
RECURSIVE = YES
FILE_PATTERNS = *.py *.c *.h
EXTRACT_ALL = YES
EXTRACT_PRIVATE = YES
EXTRACT_STATIC = YES
SOURCE_BROWSER = YES
INLINE_SOURCES = NO
REFERENCED_BY_RELATION = YES
REFERENCES_RELATION = YES
GENERATE_HTML = YES
GENERATE_LATEX = NO
SEARCHENGINE = NO
HAVE_DOT = NO
CLASS_GRAPH = NO
NUM_PROC_THREADS = 1
QUIET = YES
WARNINGS = NO
WARN_IF_UNDOCUMENTED = NO
"""


def doxygen_available() -> bool:
    return shutil.which("doxygen") is not None


def doxygen_version() -> str:
    found = subprocess.run(["doxygen", "--version"], capture_output=True, text=True, check=False)
    return found.stdout.strip()


def doxygen_fresh(tree: Path, workdir: Path, log: Path) -> tuple[Run, Path]:
    """A fresh Doxygen build of *tree*; the run and its HTML folder."""
    output = workdir / "doxygen-out"
    if output.exists():
        shutil.rmtree(output)
    output.mkdir(parents=True)
    doxyfile = workdir / "Doxyfile"
    doxyfile.write_text(DOXYFILE.format(output=output, tree=tree), encoding="utf-8")
    doxygen = shutil.which("doxygen") or "doxygen"
    return measured([doxygen, str(doxyfile)], log, cwd=workdir), output / "html"
