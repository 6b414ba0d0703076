"""Commands a page prints, and the plan that groups them. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from .extract.base import Option

#: Most per-test commands listed; the rest run with the file's command.
MAX_TEST_COMMANDS = 25


@dataclass(frozen=True, slots=True)
class Command:
    #: What it runs, e.g. "all tests", "TestParser".
    label: str
    command: str
    #: The line it is defined on, 0 for the whole file.
    line: int


@dataclass(frozen=True, slots=True)
class RunPlan:
    #: A sentence saying what kind of run this is.
    intro: str
    commands: tuple[Command, ...]
    options: tuple[Option, ...]
    #: Tests not given their own command (beyond MAX_TEST_COMMANDS).
    more_tests: int = 0
