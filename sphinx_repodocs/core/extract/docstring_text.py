"""Docstrings and doc comments as a reader's text: summaries and overviews. Pure.

A summary is the first sentence of the first paragraph, never cut mid-phrase; an
overview is the first paragraph. Both are plain text: rST roles become their text
(``:class:`~enum.IntEnum``` → ``IntEnum``), inline literals, emphasis and links lose
their markup (rST, Markdown, Javadoc's ``{@link}``), version directives become words
(``.. deprecated:: 8.2`` → "Deprecated since 8.2.") and other directives are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

#: Longest summary kept, in characters; a longer sentence is cut at a clause boundary.
MAX_SUMMARY = 300

#: Characters every kind of inline markup read here starts with.
_MARKUP = ("`", "*", "[", "{@")
_ROLE = re.compile(r"(?::[\w.+-]+)+:`([^`]+)`")
_LITERAL = re.compile(r"``(.+?)``")
_LINK = re.compile(r"`([^`<]+?)\s*<[^`>]*>`__?")
_REFERENCE = re.compile(r"`([^`]+)`__?")
_INTERPRETED = re.compile(r"`([^`]+)`")
_STRONG = re.compile(r"(?<![\w*])\*\*(?=\S)(.+?)(?<=\S)\*\*(?![\w*])")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*]+?)(?<=\S)\*(?![\w*])")
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]+)\]\([^)\s]*\)")
_JAVADOC = re.compile(r"\{@(?:link|linkplain|code|literal|value)\s+([^}]*)\}")
_DIRECTIVE = re.compile(r"^\.\.\s+([\w:-]+)::\s*(.*)$")
_UNDERLINE = re.compile(r"^([=\-~^\"'`#*+])\1{2,}$")
_FIELD = re.compile(r"^:[\w ]+[\w.*]*:(\s|$)")
#: Version directives, in words.
_VERSION_WORDS = {
    "deprecated": "Deprecated since {}.",
    "versionadded": "New in {}.",
    "versionchanged": "Changed in {}.",
    "version-deprecated": "Deprecated since {}.",
    "version-added": "New in {}.",
    "version-changed": "Changed in {}.",
}
#: A version note as :func:`paragraphs` words it.
_VERSION_NOTE = re.compile(r"^(Deprecated since|New in|Changed in) \S*\.( |$)")
#: A sentence ends at ".", "!" or "?" before a space and anything but a lower-case word.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[^a-z])")
_ABBREVIATION = re.compile(r"(\b(e\.g|i\.e|etc|vs|cf|approx|no|fig|eq)|\b[A-Z])\.$", re.I)


def plain_text(text: str) -> str:
    """*text* without its inline markup, on one line."""
    if not any(mark in text for mark in _MARKUP):
        return " ".join(text.split())
    text = _ROLE.sub(lambda m: _role_text(m.group(1)), text)
    text = _LITERAL.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REFERENCE.sub(r"\1", text)
    text = _INTERPRETED.sub(r"\1", text)
    text = _STRONG.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\1", text)
    text = _MARKDOWN_LINK.sub(r"\1", text)
    text = _JAVADOC.sub(lambda m: _javadoc_text(m.group(1)), text)
    return " ".join(text.split())


def _role_text(content: str) -> str:
    """``text <target>`` → text; ``~a.b.C`` → C; ``!name`` → name."""
    if (bracket := content.rfind("<")) > 0 and content.endswith(">"):
        return content[:bracket].strip()
    if content.startswith("~"):
        return content[1:].rpartition(".")[2]
    return content.lstrip("!")


def _javadoc_text(content: str) -> str:
    target, _, label = content.strip().partition(" ")
    return label.strip() or target


def _paragraphs(docstring: str) -> Iterator[str]:
    """The docstring's paragraphs as plain text, as far as they are asked for: a version
    directive in words with its text's first sentence; other directives (with their
    indented bodies), literal blocks, doctests and field lists left out."""
    indented_skipped = False
    for block in re.split(r"\n\s*\n", docstring.strip()):
        lines = block.splitlines()
        if not lines:
            continue
        if lines[0].startswith((" ", "\t")) and indented_skipped:
            continue  # a directive's or a literal block's body (or the first's indent)
        first = lines[0].strip()
        indented_skipped = True
        if directive := _DIRECTIVE.match(first):
            words = _VERSION_WORDS.get(directive.group(1))
            if words is not None:
                body = first_sentence(plain_text(" ".join(lines[1:])))
                yield " ".join(filter(None, (words.format(directive.group(2)), body)))
            continue
        if first.startswith(">>>") or (len(lines) > 1 and _UNDERLINE.match(lines[1].strip())):
            continue  # a doctest, a section heading (NumPy's "Parameters")
        indented_skipped = block.rstrip().endswith("::")
        kept = []
        for line in lines:
            if _FIELD.match(line.strip()) or _DIRECTIVE.match(line.strip()):
                break
            kept.append(line)
        joined = " ".join(kept)
        if text := plain_text(joined[:-1] if joined.endswith("::") else joined):
            yield text


def first_sentence(text: str) -> str:
    """The first sentence of *text*; past :data:`MAX_SUMMARY` characters, cut at its
    last clause or word boundary with "…"."""
    for end in _SENTENCE_END.finditer(text):
        candidate = text[: end.start()]
        if not _ABBREVIATION.search(candidate.rstrip("\"')]")):
            text = candidate
            break
    if len(text) <= MAX_SUMMARY:
        return text
    cut = text[:MAX_SUMMARY]
    for boundary in ("; ", ", ", " "):
        if (at := cut.rfind(boundary)) > MAX_SUMMARY // 2:
            return cut[:at].rstrip(",;:") + "…"
    return cut[: MAX_SUMMARY - 1] + "…"


def docstring_summary(docstring: str | None) -> str:
    """The summary of a definition's docstring: its first paragraph's first sentence
    (a version note in words, when the docstring opens with one)."""
    first = next(_paragraphs(docstring), "") if docstring else ""
    if _VERSION_NOTE.match(first):
        return first  # already the note and its first sentence
    return first_sentence(first)


def docstring_overview(docstring: str | None) -> str:
    """A module docstring's first paragraph, as plain text."""
    return next(_paragraphs(docstring), "") if docstring else ""
