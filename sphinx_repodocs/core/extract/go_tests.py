"""The test functions of a Go ``_test.go`` file: top-level ``func TestX(t
*testing.T)``, and the file's build constraint. Pure: reads a parsed tree."""

from __future__ import annotations

import re
from typing import Any

from ..phrases import P_
from .base import TestCase
from .syntax_tree import node_line, node_text

#: ``go test``'s rule: Test, then nothing or a character that is not a lower-case letter.
_TEST_NAME = re.compile(r"^Test([^a-z].*)?$")
_TEST_PARAMETERS = re.compile(r"^\(\s*\w+\s+\*testing\.T\s*\)$")
_CONSTRAINT = re.compile(r"^//go:build\s+(.+)$")


def go_tests(root: Any, source: bytes) -> tuple[TestCase, ...]:
    """Every test function, each with the file's build constraint as its condition."""
    if b"testing" not in source:
        return ()
    constraint = ""
    found: list[TestCase] = []
    for child in root.named_children:
        comment = node_text(child, source).strip() if child.type == "comment" else ""
        if (match := _CONSTRAINT.match(comment)) and not found:
            expression = match.group(1).strip()
            constraint = P_("built only where //go:build {expression} holds", expression=expression)
        if child.type != "function_declaration":
            continue
        name = child.child_by_field_name("name")
        parameters = child.child_by_field_name("parameters")
        if name is None or parameters is None:
            continue
        text = " ".join(node_text(parameters, source).split())
        if _TEST_NAME.match(node_text(name, source)) and _TEST_PARAMETERS.match(text):
            found.append(
                TestCase(node_text(name, source), "go", node_line(child), False, constraint)
            )
    return tuple(found)
