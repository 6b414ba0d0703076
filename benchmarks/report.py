"""The benchmark's tables: each scenario side by side with the floors and the ratios,
the phases of each build, the scale rows, and the performance targets met or missed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .targets import kib_per_file, print_targets


def print_report(results: Mapping[str, Any]) -> None:
    sizes: Sequence[Mapping[str, Any]] = results["sizes"]
    for size in sizes:
        _print_size(results, size)
    if len(sizes) > 1:
        _print_scale(sizes)
    print_targets(sizes)


def _keyed(builds: Sequence[Mapping[str, Any]]) -> dict[tuple[str, int, str], Mapping[str, Any]]:
    return {(row["project"], row["jobs"], row["scenario"]): row for row in builds}


def _print_size(results: Mapping[str, Any], size: Mapping[str, Any]) -> None:
    builds: Sequence[Mapping[str, Any]] = size["builds"]
    by_key = _keyed(builds)
    print()
    print(
        f"Tree: {results['tree']} x {size['copies']}: {size['files']:,} files, "
        f"{size['folders']:,} folders, {_bytes(size.get('bytes'))}; {results['cores']} cores; "
        f"one-file edit: {size['edit_target']}"
    )
    header = (
        f"{'scenario':<10} {'-j':>2} {'repodocs s':>10} {'lean s':>8} {'ratio':>6} "
        f"{'theme s':>8} {'ratio':>6} {'repodocs MiB':>12} {'lean MiB':>8} {'ratio':>6}"
    )
    print(header)
    print("-" * len(header))
    jobs = sorted({row["jobs"] for row in builds if row["project"] != "doxygen"})
    scenarios = [s for s in ("fresh", "no-change", "edit", "add", "kept-cache") if _any(builds, s)]
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
    doxygen = by_key.get(("doxygen", 1, "fresh"))
    ours = by_key.get(("repodocs", 1, "fresh"))
    if doxygen:
        ratio = _ratio(ours, doxygen, "seconds")
        versus = f"; sphinx-repodocs -j 1 fresh {ratio}x its time" if ours else ""
        print(
            f"doxygen {doxygen['version']} (*.py *.c *.h, source browser, one thread): fresh "
            f"{doxygen['seconds']:.1f} s, {doxygen['peak_mib']:,} MiB, "
            f"{doxygen['pages']:,} pages, exit {doxygen['returncode']}{versus}"
        )
    _print_phases(builds)
    _print_scan(size.get("scan"))


def _print_phases(builds: Sequence[Mapping[str, Any]]) -> None:
    """Where each build's time went, phase by phase (``benchmarks.phases``)."""
    timed = [row for row in builds if row.get("phases")]
    if not timed:
        return
    names = [phase["phase"] for phase in timed[0]["phases"]]
    print()
    header = f"{'phases: seconds (peak MiB)':<30}" + "".join(f"{name:>15}" for name in names)
    print(header + f"{'exit':>10}")
    print("-" * (len(header) + 10))
    for row in timed:
        by_name = {phase["phase"]: phase for phase in row["phases"]}
        cells = "".join(
            f"{by_name[name]['seconds']:>8.1f} ({by_name[name]['peak_mib']:>4})"
            if name in by_name
            else f"{'-':>15}"
            for name in names
        )
        after = row["seconds"] - sum(phase["seconds"] for phase in row["phases"])
        label = f"{row['project']} -j {row['jobs']} {row['scenario']}"
        print(f"{label:<30}{cells}{after:>10.1f}")


def _print_scale(sizes: Sequence[Mapping[str, Any]]) -> None:
    """sphinx-repodocs at each size: time and memory, and memory per file."""
    print()
    header = (
        f"{'scale':<8} {'files':>8} {'-j':>2} {'fresh s':>8} {'peak MiB':>9} {'KiB/file':>9} "
        f"{'no-change s':>11} {'edit s':>7} {'lean fresh s':>12} {'lean MiB':>9}"
    )
    print(header)
    print("-" * len(header))
    for size in sizes:
        by_key = _keyed(size["builds"])
        for j in sorted({row["jobs"] for row in size["builds"] if row["project"] == "repodocs"}):
            fresh = by_key.get(("repodocs", j, "fresh"))
            if fresh is None:
                continue
            per_file = kib_per_file(fresh, size["files"])
            lean = by_key.get(("floor-lean", j, "fresh"))
            print(
                f"{'x' + str(size['copies']):<8} {size['files']:>8,} {j:>2} "
                f"{fresh['seconds']:>8.1f} {fresh['peak_mib']:>9,} {per_file:>9.0f} "
                f"{_seconds(by_key.get(('repodocs', j, 'no-change'))):>11} "
                f"{_seconds(by_key.get(('repodocs', j, 'edit'))):>7} "
                f"{_seconds(lean):>12} {_mib(lean):>9}"
            )


def _print_scan(scan: Mapping[str, Any] | None) -> None:
    if not scan:
        return
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
