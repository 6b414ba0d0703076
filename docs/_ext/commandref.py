"""The command reference, generated from the command's own argument parser.

``.. command-reference:: sphinx_repodocs.cli:build_parser`` (or the MyST form) imports
the function, calls it, and renders what the parser holds: the usage line, the
description, every argument of every group (its flags, metavar and help, with
``%(default)s`` and the like expanded as ``--help`` expands them) and the epilog. Nothing
is copied by hand, so an option added to the parser is in the next build of the docs.

argparse has no public API that lists a parser's arguments: ``_action_groups`` and
``_group_actions`` are what its own help formatter reads, and have been since Python 3.2.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from typing import Any, ClassVar, cast

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective


def load_parser(target: str) -> argparse.ArgumentParser:
    """``module:function`` -> the parser that function returns."""
    module_name, _, function_name = target.partition(":")
    if not function_name:
        raise ValueError(f"expected module:function, not {target!r}")
    function = cast(
        Callable[[], argparse.ArgumentParser],
        getattr(importlib.import_module(module_name), function_name),
    )
    parser = function()
    if not isinstance(parser, argparse.ArgumentParser):
        raise TypeError(f"{target} returned {type(parser).__name__}, not an ArgumentParser")
    return parser


def invocation(action: argparse.Action) -> list[str]:
    """How the argument is written: ``-o OUTPUT``, ``--output OUTPUT``, ``path``."""
    if not action.option_strings:
        return [action.metavar if isinstance(action.metavar, str) else action.dest]
    if action.nargs == 0:
        return list(action.option_strings)
    metavar = action.metavar if isinstance(action.metavar, str) else action.dest.upper()
    if action.nargs == "?":
        metavar = f"[{metavar}]"
    elif action.nargs in ("*", "+"):
        metavar = f"{metavar} ..."
    return [f"{flag} {metavar}" for flag in action.option_strings]


def help_text(parser: argparse.ArgumentParser, action: argparse.Action) -> str:
    """The help as ``--help`` prints it: ``%(default)s``, ``%(prog)s`` ... expanded."""
    if not action.help or action.help == argparse.SUPPRESS:
        return ""
    values: dict[str, Any] = {**vars(action), "prog": parser.prog}
    for name, value in list(values.items()):
        if hasattr(value, "__name__"):
            values[name] = value.__name__
    if isinstance(values.get("choices"), (list, tuple, set, frozenset)):
        values["choices"] = ", ".join(str(choice) for choice in values["choices"])
    try:
        return action.help % values
    except (KeyError, TypeError, ValueError):
        return action.help


def _prose(parser: argparse.ArgumentParser, text: str) -> list[nodes.Element]:
    """A description or epilog: as written when the parser's formatter keeps it as
    written (``RawDescriptionHelpFormatter``) and its lines matter, else paragraphs."""
    formatter = parser.formatter_class
    raw = isinstance(formatter, type) and issubclass(
        formatter, argparse.RawDescriptionHelpFormatter
    )
    if raw and "\n" in text.strip():
        written = text.strip("\n")
        block = nodes.literal_block(written, written)
        block["language"] = "text"
        return [block]
    return [
        nodes.paragraph(block, " ".join(block.split()))
        for block in text.split("\n\n")
        if block.strip()
    ]


def render(parser: argparse.ArgumentParser) -> list[nodes.Node]:
    """The reference of *parser*, as docutils nodes."""
    usage = parser.format_usage().strip("\n")
    # rawsource == text: a literal block Sphinx highlights (as plain text), not a parsed one.
    block = nodes.literal_block(usage, usage)
    block["language"] = "text"
    result: list[nodes.Node] = [block]
    if parser.description:
        result += _prose(parser, parser.description)
    for group in parser._action_groups:
        actions = [action for action in group._group_actions if action.help != argparse.SUPPRESS]
        if not actions:
            continue
        rubric = nodes.rubric(group.title or "", (group.title or "").capitalize())
        rubric["classes"].append("command-reference-group")
        result.append(rubric)
        if group.description:
            result += _prose(parser, group.description)
        listing = nodes.definition_list(classes=["command-reference"])
        for action in actions:
            term = nodes.term()
            for position, written in enumerate(invocation(action)):
                if position:
                    term += nodes.Text(", ")
                term += nodes.literal(written, written)
            definition = nodes.definition()
            definition += nodes.paragraph("", help_text(parser, action) or "(no help)")
            listing += nodes.definition_list_item("", term, definition)
        result.append(listing)
    if parser.epilog:
        result += _prose(parser, parser.epilog)
    return result


class CommandReference(SphinxDirective):
    """``command-reference:: module:function``: the function's parser, rendered."""

    required_arguments = 1
    has_content = False
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {}

    def run(self) -> list[nodes.Node]:
        target = self.arguments[0].strip()
        module_name = target.partition(":")[0]
        module = importlib.import_module(module_name)
        if module.__file__:
            self.env.note_dependency(module.__file__)  # the page is re-read when it changes
        # The help texts are what --help prints: no curly quotes, no "--" made a dash.
        self.state.document.settings.smart_quotes = False
        return render(load_parser(target))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("command-reference", CommandReference)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
