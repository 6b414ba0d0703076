"""The test functions of a Rust file: ``#[test]`` (and ``#[tokio::test]``,
``#[async_std::test]``) functions, with their module path in the file and whether
``#[ignore]`` keeps them from running by default. Pure: reads a parsed tree."""

from __future__ import annotations

import re
from typing import Any

from ..phrases import P_
from .base import TestCase
from .syntax_tree import node_line, node_text

#: Attributes that make a function a test the test harness runs.
_TEST_ATTRIBUTE = re.compile(r"^#\[\s*(test|tokio::test|async_std::test)\s*(\(.*\))?\s*\]$", re.S)
_IGNORE = re.compile(r'^#\[\s*ignore\s*(=\s*"(?P<reason>[^"]*)")?\s*\]$')
#: Deepest inline module nesting looked into.
_MAX_DEPTH = 16


def rust_tests(root: Any, source: bytes) -> tuple[TestCase, ...]:
    """Every test function, by its path from the file's module (``tests::it_adds``)."""
    if b"test" not in source:
        return ()
    found: list[TestCase] = []
    _items(root, (), source, found)
    return tuple(found)


def _items(node: Any, scope: tuple[str, ...], source: bytes, found: list[TestCase]) -> None:
    attributes: list[str] = []
    for child in node.named_children:
        if child.type == "attribute_item":
            attributes.append(" ".join(node_text(child, source).split()))
            continue
        if child.type in ("line_comment", "block_comment"):
            continue
        if child.type == "function_item" and any(_TEST_ATTRIBUTE.match(a) for a in attributes):
            name = child.child_by_field_name("name")
            if name is not None:
                qualname = "::".join((*scope, node_text(name, source)))
                found.append(
                    TestCase(qualname, "cargo", node_line(child), False, _condition(attributes))
                )
        elif child.type == "mod_item" and len(scope) < _MAX_DEPTH:
            name = child.child_by_field_name("name")
            body = child.child_by_field_name("body")
            if name is not None and body is not None:
                _items(body, (*scope, node_text(name, source)), source, found)
        attributes = []


def _condition(attributes: list[str]) -> str:
    """Why the test does not run by default, or ""."""
    for attribute in attributes:
        if ignored := _IGNORE.match(attribute):
            if reason := ignored.group("reason"):
                return P_("ignored by default ({reason})", reason=reason)
            return P_("ignored by default")
    return ""
