"""Commands a page prints, and the plan that groups them. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from .extract.base import Option, TestCase
from .phrases import P_

#: Most per-test commands listed; the rest run with the file's command.
MAX_TEST_COMMANDS = 25


@dataclass(frozen=True, slots=True)
class Command:
    #: What it runs, e.g. "all tests", "TestParser" (a phrase where it has words of ours).
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


def sentences(first: str, *more: str) -> str:
    """Sentences one after the other, as one phrase (a translation may join them its
    own way)."""
    text = first
    for sentence in more:
        text = P_("{sentence} {next_sentence}", sentence=text, next_sentence=sentence)
    return text


def test_label(test: TestCase) -> str:
    """The test's name, with what it needs to run when it may be skipped."""
    if not test.condition:
        return test.name
    return P_("{test} ({condition})", test=test.name, condition=test.condition)
