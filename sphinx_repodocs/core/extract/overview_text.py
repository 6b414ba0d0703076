"""Which comment paragraphs describe a file. Pure.

A file's head often says everything but what the file is: a licence (who may use it),
a banner of ASCII art, an RCS keyword, lint and editor directives, notes to whoever
edits it next. None of them is an overview.
"""

from __future__ import annotations

import re

#: Phrases of licence texts and copyright notices, anywhere in a paragraph.
_LICENCE = re.compile(
    r"copyright|\(c\)\s*\d|©|spdx-license-identifier|all rights reserved"
    r"|licen[cs]ed (under|as|to)|under the terms of|redistribution and use"
    r"|redistributions? (of|in) |permission (to use|is hereby granted)"
    r"|free software|public licen[cs]e|without (any )?warranty|warranties"
    r"|\bas is\b[\"'`]*\s*(basis|and|,)|source code form is subject"
    r"|available under .{0,40}(terms|licen[cs]e)|you may (not )?use this file"
    r"|apache\.org/licenses|opensource\.org/licenses|governing permissions"
    r"|this (file|software|program) is (part of|licensed|distributed)",
    re.IGNORECASE,
)
#: RCS and CVS keywords: ``$OpenBSD: alerts.c,v 1.35 ... $``, ``$Id$``.
_RCS_KEYWORD = re.compile(r"^\$[A-Za-z]+(:[^$]*)?\$$")
#: Notes to the next editor, not descriptions: "Do not edit", "Keep this in sync".
_INSTRUCTION = re.compile(
    r"^(note to maintainers|maintainers?:|please (keep|do not|don't|update|make sure)"
    r"|keep (this|these|it|in sync)|do not (edit|modify|change|remove|touch)"
    r"|don't (edit|modify|change|remove)|(todo|fixme|xxx|hack)\b|remember to"
    r"|if you (change|modify|update|edit|add)|when (you )?(updating|changing|modifying|adding)"
    r"|to update\b|update this)"
    r"|\b(this|the) (next|following) line\b|\bline below\b"
    r"|\b(auto-?)?generated (via|by|from|with)\b|\bdo not edit\b",
    re.IGNORECASE,
)
#: Directives to linters, formatters and editors, one per line.
_DIRECTIVE = re.compile(
    r"^(eslint[- ]|jshint\b|jslint\b|globals? [\w$, ]+$|pylint:|noqa\b|type: ?ignore"
    r"|mypy:|fmt: ?(off|on|skip)|isort:|shellcheck |clang-format (off|on)|nolint"
    r"|prettier-ignore|@ts-(nocheck|check|ignore|expect-error)|@flow\b|cspell:"
    r"|markdownlint|yamllint |rubocop:|checkstyle:|cppcheck-suppress|coverity"
    r"|#?region\b|#?endregion\b|vim?:|ex:|kate:|-\*-.*-\*-$|code: language=|@jsx )",
    re.IGNORECASE,
)
#: The line a copyright notice starts on: what follows it in its paragraph is the
#: notice; what comes before it is often the file's one-line title (GNU's style).
_NOTICE_LINE = re.compile(
    r"^((portions )?(copyright\b|\(c\)|©)|spdx-license-identifier|all rights reserved)",
    re.IGNORECASE,
)
_URL = re.compile(r"\b[a-z][a-z+.-]*://\S+|<\S+@\S+>|\S+@\S+\.\w+", re.IGNORECASE)
#: A line of one repeated punctuation character (a box's border): ``*****``, ``#==#``.
_DECORATION = re.compile(r"^[\W_]{3,}$")


def is_decoration(line: str) -> bool:
    return bool(_DECORATION.match(line)) and len(set(line.replace(" ", ""))) <= 3


def is_directive(line: str) -> bool:
    return bool(_DIRECTIVE.match(line))


def before_notice(lines: list[str]) -> list[str]:
    """A paragraph's lines up to its copyright notice, if it has one."""
    for at, line in enumerate(lines):
        if _NOTICE_LINE.match(line):
            return lines[:at]
    return lines


def describes(paragraph: str) -> bool:
    """Whether a comment paragraph (its lines joined) may say what the file is."""
    if not paragraph or _RCS_KEYWORD.match(paragraph):
        return False
    if len("".join(_URL.findall(paragraph))) * 2 >= len(paragraph):
        return False  # a list of links
    if _LICENCE.search(paragraph) or _INSTRUCTION.search(paragraph):
        return False
    visible = paragraph.replace(" ", "")
    letters = sum(char.isalpha() for char in visible)
    # ASCII art: mostly strokes; a real sentence is mostly letters.
    return letters >= 3 and letters >= 0.6 * len(visible)
