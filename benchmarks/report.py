"""The benchmark's table: each scenario side by side with the floors, and the ratios."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def print_report(results: Mapping[str, Any]) -> None:
    builds: Sequence[Mapping[str, Any]] = results["builds"]
    by_key = {(row["project"], row["jobs"], row["scenario"]): row for row in builds}
    print()
    print(
        f"Tree: {results['tree']}: {results['files']:,} files, {results['folders']:,} folders; "
        f"{results['cores']} cores; one-file edit: {results['edit_target']}"
    )
    header = (
        f"{'scenario':<10} {'-j':>2} {'repodocs s':>10} {'lean s':>8} {'ratio':>6} "
        f"{'theme s':>8} {'ratio':>6} {'repodocs MiB':>12} {'lean MiB':>8} {'ratio':>6}"
    )
    print(header)
    print("-" * len(header))
    jobs = sorted({row["jobs"] for row in builds})
    scenarios = [s for s in ("fresh", "no-change", "edit", "add") if _any(builds, s)]
    for scenario in scenarios:
        for j in jobs:
            ours = by_key.get(("repodocs", j, scenario))
            lean = by_key.get(("floor-lean", j, scenario))
            theme = by_key.get(("floor-theme", j, scenario))
            print(
                f"{scenario:<10} {j:>2} {_seconds(ours):>10} {_seconds(lean):>8} "
                f"{_ratio(ours, lean, 'seconds'):>6} {_seconds(theme):>8} "
                f"{_ratio(ours, theme, 'seconds'):>6} {_mib(ours):>12} {_mib(lean):>8} "
                f"{_ratio(ours, lean, 'peak_mib'):>6}"
            )
    print()
    for project in ("repodocs", "floor-lean", "floor-theme"):
        for j in jobs:
            fresh = by_key.get((project, j, "fresh"))
            if fresh is None:
                continue
            rate = fresh["pages"] / fresh["seconds"] if fresh["seconds"] else 0.0
            print(
                f"{project:<12} -j {j}: fresh {fresh['pages']:,} pages, {rate:.1f} pages/s, "
                f"searchindex.js {_bytes(fresh['searchindex_bytes'])}, "
                f"environment.pickle {_bytes(fresh['env_bytes'])}, "
                f"{fresh['warnings']} warnings, exit {fresh['returncode']}"
            )
    for project in ("repodocs", "floor-lean", "floor-theme"):
        one, two = by_key.get((project, 1, "fresh")), by_key.get((project, 2, "fresh"))
        if one and two and two["seconds"]:
            speedup = one["seconds"] / two["seconds"]
            print(f"{project:<12} fresh speed-up -j 2 over -j 1: {speedup:.2f}x")
    scan = results.get("scan")
    if scan:
        files = scan["files"]
        print()
        print(
            f"scan phase ({files:,} files): walk {scan['walk']:.2f} s; "
            f"cold {scan['cold']:.2f} s ({files / scan['cold']:.0f} files/s), "
            f"{scan['cold_two_processes']:.2f} s with two processes; "
            f"warm {scan['warm']:.2f} s ({files / scan['warm']:.0f} files/s); "
            f"graph+views+signatures {scan['plan']:.2f} s; "
            f"read-and-parse floor {scan['read_and_parse']:.2f} s "
            f"(cold/floor {scan['cold'] / scan['read_and_parse']:.2f}x); "
            f"model pickle {_bytes(scan['model_bytes'])}"
        )


def _any(builds: Sequence[Mapping[str, Any]], scenario: str) -> bool:
    return any(row["scenario"] == scenario for row in builds)


def _seconds(row: Mapping[str, Any] | None) -> str:
    return f"{row['seconds']:.1f}" if row else "-"


def _mib(row: Mapping[str, Any] | None) -> str:
    return f"{row['peak_mib']:,}" if row else "-"


def _ratio(ours: Mapping[str, Any] | None, floor: Mapping[str, Any] | None, key: str) -> str:
    if not ours or not floor or not floor[key]:
        return "-"
    return f"{ours[key] / floor[key]:.2f}"


def _bytes(size: int | None) -> str:
    if size is None:
        return "-"
    return f"{size / 1_048_576:.1f} MiB"
