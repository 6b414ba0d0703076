"""Summaries and overviews from docstrings and doc comments: the first sentence, whole,
as plain text (``core.extract.docstring_text``), through the extractors."""

from __future__ import annotations

import textwrap

import pytest

from sphinx_repodocs.core.extract.docstring_text import (
    MAX_SUMMARY,
    docstring_overview,
    docstring_summary,
)
from sphinx_repodocs.core.extract.python import extract_python
from sphinx_repodocs.core.extract.treesitter import extract_treesitter

from .conftest import require_grammar


@pytest.mark.parametrize(
    ("docstring", "summary"),
    [
        # Click's ParameterSource: the role becomes its text, the sentence is whole.
        (
            "This is an :class:`~enum.IntEnum` that indicates the source of a\n"
            "parameter's value.\n\nUse :meth:`click.Context.get_parameter_source`.",
            "This is an IntEnum that indicates the source of a parameter's value.",
        ),
        # Click's _BaseCommand: only a directive.
        (
            ".. deprecated:: 8.2\n    Will be removed in Click 9.0. Use ``Command`` instead.",
            "Deprecated since 8.2. Will be removed in Click 9.0.",
        ),
        (".. versionadded:: 3.1", "New in 3.1."),
        (".. note::\n\n    Internal.\n\nThe real summary. More.", "The real summary."),
        (
            "Return the default, e.g. the first one. Then more.",
            "Return the default, e.g. the first one.",
        ),
        (":func:`join <os.path.join>` with **care** and *args.", "join with care and *args."),
        ("See `the docs <https://example.org>`_ and `Name`_.", "See the docs and Name."),
        ("Markdown [links](https://example.org) and `code`.", "Markdown links and code."),
        ("Build it::\n\n    make\n", "Build it:"),
        ("Parameters\n----------\nx : int", ""),
        ("Sum.\n\nParameters\n----------\nx : int", "Sum."),
        (">>> f()\n1", ""),
        ("Version 3.8. The next sentence.", "Version 3.8."),
        (":param x: the value", ""),
        ("", ""),
    ],
)
def test_docstring_summary(docstring, summary):
    assert docstring_summary(docstring) == summary


def test_a_long_sentence_is_cut_at_a_clause_not_mid_word():
    sentence = "Read " + ", ".join(f"item{n} of the list" for n in range(40)) + "."
    summary = docstring_summary(sentence)
    assert len(summary) <= MAX_SUMMARY and summary.endswith("of the list…")


def test_module_overview_is_its_first_paragraph_as_text():
    docstring = "The :mod:`json` helpers. Two\nsentences.\n\nMore."
    assert docstring_overview(docstring) == "The json helpers. Two sentences."


def test_python_extraction_uses_them():
    source = textwrap.dedent(
        '''\
        """Helpers for :class:`Thing`."""


        class Thing:
            """A :class:`~a.b.Base` that holds
            a value.

            .. versionchanged:: 2.0
            """
        '''
    )
    found = extract_python(source, "m.py")
    assert found.summary == "Helpers for Thing."
    assert [s.summary for s in found.symbols] == ["A Base that holds a value."]


def test_doc_comments_lose_javadoc_and_markdown_markup():
    require_grammar("java")
    source = (
        "class A {\n"
        "    /** Returns the {@link Map} of {@code names}. See [docs](x). */\n"
        "    int run() { return 1; }\n"
        "}\n"
    )
    found = extract_treesitter(source, "java")
    assert found is not None
    assert {s.name: s.summary for s in found.symbols}["run"] == "Returns the Map of names."
