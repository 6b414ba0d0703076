"""The benchmark's own parts: the phase recorder in a real build, and the targets table.

The benchmark measures; these tests check that what it prints is read off the right
builds (they time nothing).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import phases
from benchmarks.targets import print_targets

ROOT = Path(__file__).resolve().parent.parent


def test_phases_are_recorded_in_build_order(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nextensions = ['benchmarks.phases']\n"
    )
    (source / "index.rst").write_text("Title\n=====\n\nText.\n")
    written = tmp_path / "phases.json"
    environment = {phases.VARIABLE: str(written), phases.START_VARIABLE: "0"}
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-q",
        "-b",
        "html",
        str(source),
        str(tmp_path / "out"),
    ]
    subprocess.run(command, check=True, env={**_environment(), **environment})
    written_data = json.loads(written.read_text())
    rows = written_data["phases"]
    assert [row["phase"] for row in rows] == [
        "startup",
        "prepare",
        "outdated",
        "read",
        "write",
        "finish",
    ]
    assert all(row["seconds"] >= 0 and row["peak_mib"] > 0 for row in rows[1:])
    # Measured from the start the benchmark gave (the epoch here): the first phase holds it.
    assert rows[0]["seconds"] > 1e9
    # The build's peak is its own (since exec), at least each phase's.
    assert written_data["peak_mib"] >= max(row["peak_mib"] for row in rows) - 1


def _environment() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if not key.startswith("REPODOCS")}


def _row(
    project: str, scenario: str, seconds: float, peak: int, jobs: int = 1
) -> dict[str, object]:
    return {
        "project": project,
        "jobs": jobs,
        "scenario": scenario,
        "seconds": seconds,
        "peak_mib": peak,
        "phases": [{"phase": "startup", "seconds": 0.5, "peak_mib": 50}],
    }


def test_targets_compare_the_right_builds(capsys: pytest.CaptureFixture[str]) -> None:
    one = {
        "copies": 1,
        "files": 1000,
        "builds": [
            _row("repodocs", "fresh", 90.0, 300),
            _row("floor-lean", "fresh", 100.0, 250),
            _row("repodocs", "no-change", 4.0, 100),
            _row("floor-lean", "no-change", 1.0, 90),
            _row("repodocs", "fresh", 50.0, 300, jobs=2),
        ],
    }
    eight = {"copies": 8, "files": 8000, "builds": [_row("repodocs", "fresh", 320.0, 1800)]}
    print_targets([one, eight])
    printed = capsys.readouterr().out
    assert "fresh <= 1.0x the lean floor: 0.90x (90.0 / 100.0): met" in printed
    assert "no-change <= 1.5x the lean floor: 4.00x (4.0 / 1.0): MISSED" in printed
    assert "one-file edit <= 2x the lean floor: not measured by this run" in printed
    assert "peak memory <= 1.5x the lean floor: 1.20x (300 / 250): met" in printed
    assert "-j 2 fresh >= 1.5x faster than -j 1: 1.80x (90.0 s / 50.0 s): met" in printed
    assert "x8 fresh <= 300 s: 320.0: MISSED" in printed
    assert "x8 peak <= 2,048 MiB: 1,800: met" in printed
    assert "x8 no-change <= 10 s: not measured by this run" in printed
    # Growth past the start, per file: 250 MiB for 1,000 files, 1,750 MiB for 8,000.
    assert "(KiB per file x1: 256, x8: 224): met" in printed
