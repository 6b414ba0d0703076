"""Byte ranges of a source, sorted and merged, to ask whether a position is in one."""

from __future__ import annotations

import bisect
from dataclasses import dataclass


@dataclass(frozen=True)
class Spans:
    """Byte ranges, sorted and merged, to ask whether a position is inside one."""

    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, ranges: list[tuple[int, int]]) -> Spans:
        starts: list[int] = []
        ends: list[int] = []
        for start, end in sorted(ranges):
            if ends and start <= ends[-1]:
                ends[-1] = max(ends[-1], end)
            else:
                starts.append(start)
                ends.append(end)
        return cls(starts, ends)

    def holds(self, position: int) -> bool:
        at = bisect.bisect_right(self.starts, position) - 1
        return at >= 0 and position < self.ends[at]
