"""Headings of prose files: Markdown with markdown-it, reStructuredText with docutils.

Neither parser runs anything a file asks for: Markdown has no directives, and rST is
parsed with no directive or role registered (``compat.no_docutils_directives_or_roles``),
file insertion and raw output off, so ``.. include::`` reads nothing and no Sphinx
directive runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from docutils import nodes, utils
from docutils.parsers import rst
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ...compat import no_docutils_directives_or_roles
from ..phrases import P_
from .base import Extraction, ParseProblem, Symbol
from .markup import (
    has_ancestor,
    is_readme,
    markdown_references,
    markdown_tokens,
    parse_rst,
    rst_references,
    safe_settings,
)

MARKDOWN_METHOD = P_("markdown-it-py (CommonMark)")
RST_METHOD = P_("docutils, with directives and includes disabled")


def extract_markdown(text: str, path: str = "") -> Extraction:
    tokens = MarkdownIt("commonmark").parse(text)
    symbols = []
    summary = ""
    for position, token in enumerate(tokens):
        if token.type == "heading_open" and token.map is not None:
            title = tokens[position + 1].content.strip() if position + 1 < len(tokens) else ""
            if title:
                symbols.append(
                    Symbol(
                        kind="heading",
                        name=title,
                        qualname=title,
                        line=token.map[0] + 1,
                        detail=token.tag,
                    )
                )
        elif token.type == "paragraph_open" and not summary and position + 1 < len(tokens):
            summary = " ".join(_plain_text(tokens[position + 1].children or ()).split())
    return Extraction(
        method=MARKDOWN_METHOD,
        symbols=tuple(symbols),
        summary=summary,
        references=markdown_references(markdown_tokens(text)) if is_readme(path) else (),
    )


def extract_rst(text: str, path: str = "") -> Extraction:
    document = utils.new_document(path or "<file>", safe_settings())
    try:
        with no_docutils_directives_or_roles():
            rst.Parser().parse(text, document)
    except Exception as error:  # docutils raises many kinds on malformed input
        return Extraction(
            method=RST_METHOD, problem=ParseProblem(f"{type(error).__name__}: {error}")
        )
    symbols = []
    for depth, section in _sections(document, 1):
        title = section.next_node(nodes.title)
        if title is None:
            continue
        name = " ".join(title.astext().split())
        line = _title_line(title)
        if name and line:
            symbols.append(
                Symbol(kind="heading", name=name, qualname=name, line=line, detail=f"h{depth}")
            )
    symbols.sort(key=lambda symbol: symbol.line)
    summary = next(
        (
            " ".join(paragraph.astext().split())
            for paragraph in document.findall(nodes.paragraph)
            # Not docutils' report of a problem (an unknown directive, say).
            if not has_ancestor(paragraph, nodes.system_message)
        ),
        "",
    )
    return Extraction(
        method=RST_METHOD,
        symbols=tuple(symbols),
        summary=summary,
        references=_rst_references(text, path) if is_readme(path) else (),
    )


def _rst_references(text: str, path: str) -> tuple[str, ...]:
    """Where a README links, as the rendering parse sees it (with its directives)."""
    parsed = parse_rst(text, path)
    return rst_references(parsed.document) if parsed.document is not None else ()


def _plain_text(children: Iterable[Token]) -> str:
    """What a Markdown paragraph reads as: its text, without the markup (raw HTML and
    link destinations left out; an image stands as its alt text)."""
    parts = []
    for child in children:
        if child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
        elif child.type == "image":
            parts.append(_plain_text(child.children or ()))
    return "".join(parts)


def _sections(node: nodes.Element, depth: int) -> Iterator[tuple[int, nodes.section]]:
    for child in node.children:
        if isinstance(child, nodes.section):
            yield depth, child
            yield from _sections(child, depth + 1)
        elif isinstance(child, nodes.Element) and not isinstance(child, nodes.system_message):
            yield from _sections(child, depth)


def _title_line(title: nodes.title) -> int | None:
    # docutils records the line after the underline on sections; the title's own text
    # node knows its line when it has one.
    line: int | None = title.line if title.line is not None else title.parent.line
    if line is None:
        return None
    # For a title with an underline, docutils reports the underline's line.
    return max(1, line - 1)
