"""The performance targets (issue 20), each met, missed, or not measured by this run.

The ratios compare builds of the same run; a target whose builds were not asked for
says so rather than passing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

Row = Mapping[str, Any]
#: A target: what it says, and how to read its measure off the run (None: not measured).
Target = tuple[str, Callable[[Sequence[Row]], tuple[float, str] | None], float, bool]

#: Memory per file counts as flat when the largest tree's is within this of the smallest's.
FLAT = 1.25


def _find(sizes: Sequence[Row], copies: int, project: str, jobs: int, scenario: str) -> Row | None:
    for size in sizes:
        if size["copies"] == copies:
            for row in size["builds"]:
                if (row["project"], row["jobs"], row["scenario"]) == (project, jobs, scenario):
                    found: Row = row
                    return found
    return None


def _ratio_to_floor(scenario: str, key: str) -> Callable[[Sequence[Row]], tuple[float, str] | None]:
    def measure(sizes: Sequence[Row]) -> tuple[float, str] | None:
        ours = _find(sizes, 1, "repodocs", 1, scenario)
        floor = _find(sizes, 1, "floor-lean", 1, scenario)
        if ours is None or floor is None or not floor[key]:
            return None
        value = ours[key] / floor[key]
        return value, f"{value:.2f}x ({ours[key]:,} / {floor[key]:,})"

    return measure


def _speedup(sizes: Sequence[Row]) -> tuple[float, str] | None:
    one = _find(sizes, 1, "repodocs", 1, "fresh")
    two = _find(sizes, 1, "repodocs", 2, "fresh")
    if one is None or two is None or not two["seconds"]:
        return None
    value = one["seconds"] / two["seconds"]
    return value, f"{value:.2f}x ({one['seconds']} s / {two['seconds']} s)"


def _at_eight(scenario: str, key: str) -> Callable[[Sequence[Row]], tuple[float, str] | None]:
    def measure(sizes: Sequence[Row]) -> tuple[float, str] | None:
        row = _find(sizes, 8, "repodocs", 1, scenario)
        if row is None:
            return None
        return float(row[key]), f"{row[key]:,}"

    return measure


def kib_per_file(row: Row, files: int) -> float:
    """What the build's peak memory grew by past Sphinx's start (Python, Sphinx and the
    extensions loaded), per file of the tree."""
    started = row["phases"][0]["peak_mib"] if row.get("phases") else 0
    return float((row["peak_mib"] - started) * 1024 / max(files, 1))


def _flat(sizes: Sequence[Row]) -> tuple[float, str] | None:
    per_file = []
    for size in sorted(sizes, key=lambda size: size["copies"]):
        row = _find(sizes, size["copies"], "repodocs", 1, "fresh")
        if row is not None:
            per_file.append((size["copies"], kib_per_file(row, size["files"])))
    if len(per_file) < 2:
        return None
    value = per_file[-1][1] / per_file[0][1]
    shown = ", ".join(f"x{copies}: {kib:.0f}" for copies, kib in per_file)
    return value, f"{value:.2f}x (KiB per file {shown})"


TARGETS: list[Target] = [
    ("fresh <= 1.0x the lean floor", _ratio_to_floor("fresh", "seconds"), 1.0, True),
    ("no-change <= 1.5x the lean floor", _ratio_to_floor("no-change", "seconds"), 1.5, True),
    ("one-file edit <= 2x the lean floor", _ratio_to_floor("edit", "seconds"), 2.0, True),
    ("peak memory <= 1.5x the lean floor", _ratio_to_floor("fresh", "peak_mib"), 1.5, True),
    ("-j 2 fresh >= 1.5x faster than -j 1", _speedup, 1.5, False),
    ("x8 fresh <= 300 s", _at_eight("fresh", "seconds"), 300, True),
    ("x8 peak <= 2,048 MiB", _at_eight("fresh", "peak_mib"), 2048, True),
    ("x8 no-change <= 10 s", _at_eight("no-change", "seconds"), 10, True),
    (f"memory per file flat (largest tree <= {FLAT}x the smallest)", _flat, FLAT, True),
]


def print_targets(sizes: Sequence[Row]) -> None:
    print()
    print("targets (-j 1 unless said; ratios within this run):")
    for text, measure, bound, at_most in TARGETS:
        found = measure(sizes)
        if found is None:
            print(f"  {text}: not measured by this run")
            continue
        value, shown = found
        met = value <= bound if at_most else value >= bound
        print(f"  {text}: {shown}: {'met' if met else 'MISSED'}")
