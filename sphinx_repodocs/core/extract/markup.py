"""READMEs parsed to be shown rendered: Markdown and reStructuredText, configured once.

Nothing a README asks for runs. Markdown (markdown-it-py, CommonMark with tables and
strikethrough) has no directives; its HTML is recognised so that it can be left out,
never passed on. reStructuredText is parsed by docutils with file insertion and raw
output off and with only :data:`SAFE_DIRECTIVES` and :data:`SAFE_ROLES` known (not
Sphinx's, not the host project's: ``compat.docutils_lookups``), then docutils' own
reference transforms; a README that makes docutils warn is not rendered at all.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from docutils import frontend, nodes, utils
from docutils.parsers import rst
from docutils.parsers.rst import Directive, roles
from docutils.parsers.rst.directives import admonitions, body, images, tables
from docutils.parsers.rst.directives import misc as misc_directives
from docutils.parsers.rst.languages import en
from docutils.transforms import references
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ...compat import docutils_lookups

#: README file names whose page is their folder's, lower-cased, most preferred first.
README_NAMES = ("readme.md", "readme.rst", "readme.txt", "readme", "readme.markdown")

#: Lexers of the README formats that are rendered.
MARKDOWN_LEXER = "markdown"
RST_LEXER = "restructuredtext"


def is_readme(path: str) -> bool:
    return path.rpartition("/")[2].lower() in README_NAMES


# -- Markdown -----------------------------------------------------------------------------


@functools.cache
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def markdown_tokens(text: str) -> list[Token]:
    """The block tokens of *text*; ``inline`` tokens carry their children."""
    return _markdown().parse(text)


def markdown_references(tokens: Sequence[Token]) -> tuple[str, ...]:
    """Link and image destinations, in order of first use."""
    found: dict[str, None] = {}
    for token in tokens:
        for child in token.children or ():
            if child.type == "link_open":
                found.setdefault(str(child.attrGet("href") or ""))
            elif child.type == "image":
                found.setdefault(str(child.attrGet("src") or ""))
    found.pop("", None)
    return tuple(found)


# -- reStructuredText ---------------------------------------------------------------------


class _Nothing(Directive):  # type: ignore[misc]  # docutils has no type hints
    """``contents``, ``sectnum``, Sphinx's ``highlight``: nothing to show on our page
    (the theme lists the page's sections)."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = None

    def run(self) -> list[nodes.Node]:
        return []


#: Canonical docutils directive names a README may use -> the class that runs it.
#: Left out: include, raw, csv-table (reads files and URLs), meta and title (change the
#: page's head), class, role and default-role (change how later text is read, globally),
#: date (changes every build), math (needs a math renderer the host may not have),
#: header and footer (the theme's).
SAFE_DIRECTIVES: dict[str, type[Directive]] = {
    "attention": admonitions.Attention,
    "caution": admonitions.Caution,
    "danger": admonitions.Danger,
    "error": admonitions.Error,
    "hint": admonitions.Hint,
    "important": admonitions.Important,
    "note": admonitions.Note,
    "tip": admonitions.Tip,
    "warning": admonitions.Warning,
    "admonition": admonitions.Admonition,
    "topic": body.Topic,
    "sidebar": body.Sidebar,
    "line-block": body.LineBlock,
    "parsed-literal": body.ParsedLiteral,
    "code": body.CodeBlock,
    "rubric": body.Rubric,
    "epigraph": body.Epigraph,
    "highlights": body.Highlights,
    "pull-quote": body.PullQuote,
    "compound": body.Compound,
    "container": body.Container,
    "image": images.Image,
    "figure": images.Figure,
    "table": tables.RSTTable,
    "list-table": tables.ListTable,
    "replace": misc_directives.Replace,
    "unicode": misc_directives.Unicode,
    "contents": _Nothing,
    "sectnum": _Nothing,
    # Sphinx's spellings, common in READMEs written for Sphinx projects.
    "code-block": body.CodeBlock,
    "sourcecode": body.CodeBlock,
    "highlight": _Nothing,
}

_RoleFunction = Callable[..., Any]

#: Canonical docutils role names a README may use (no raw, no math, nothing of Sphinx's).
SAFE_ROLES: dict[str, _RoleFunction] = {
    name: roles.GenericRole(name, node_class)
    for name, node_class in (
        ("emphasis", nodes.emphasis),
        ("strong", nodes.strong),
        ("literal", nodes.literal),
        ("subscript", nodes.subscript),
        ("superscript", nodes.superscript),
        ("title-reference", nodes.title_reference),
        ("abbreviation", nodes.abbreviation),
        ("acronym", nodes.acronym),
    )
} | {
    "code": roles.code_role,
    "pep-reference": roles.pep_reference_role,
    "rfc-reference": roles.rfc_reference_role,
}

_TRANSFORMS = (
    references.Substitutions,
    references.PropagateTargets,
    references.AnonymousHyperlinks,
    references.IndirectHyperlinks,
    references.Footnotes,
    references.ExternalTargets,
    references.InternalTargets,
    references.DanglingReferences,
)

#: Prefix of every id in a rendered README, so that none meets the page's own.
ID_PREFIX = "readme-"


def _directive(name: str, *_args: object) -> tuple[type[Directive] | None, list[nodes.Node]]:
    key = name.lower()
    canonical = en.directives.get(key, key)
    return SAFE_DIRECTIVES.get(canonical), []


def _role(name: str, *_args: object) -> tuple[_RoleFunction | None, list[nodes.Node]]:
    key = name.lower()
    canonical = en.roles.get(key, "") if key else "title-reference"
    return SAFE_ROLES.get(canonical), []


@dataclass(frozen=True, slots=True)
class ParsedRst:
    """A README parsed with docutils: its document, or why it is not rendered."""

    document: nodes.document | None
    problem: str = ""


def safe_settings() -> Any:
    """docutils settings for a repository's reStructuredText: no file or raw inclusion,
    no report printed and no halt (problems are read from the document)."""
    settings = frontend.get_default_settings(rst.Parser)
    settings.report_level = 5
    settings.halt_level = 5
    settings.file_insertion_enabled = False
    settings.raw_enabled = False
    settings.line_length_limit = 100_000
    return settings


def has_ancestor(node: nodes.Node, kind: type[nodes.Element]) -> bool:
    """Whether a node of *kind* holds *node* (at any depth)."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, kind):
            return True
        parent = parent.parent
    return False


def parse_rst(text: str, path: str = "") -> ParsedRst:
    """Parse *text* as a README; ``document`` is None when docutils warned or failed."""
    settings = safe_settings()
    settings.syntax_highlight = "none"
    settings.id_prefix = ID_PREFIX
    document = utils.new_document(path or "<readme>", settings)
    problems: list[str] = []

    def observe(message: nodes.system_message) -> None:
        if message["level"] >= utils.Reporter.WARNING_LEVEL and not problems:
            line = message.get("line")
            where = f"line {line}: " if line else ""
            problems.append(where + " ".join(message.astext().split()))

    document.reporter.attach_observer(observe)
    try:
        with docutils_lookups(_directive, _role):
            rst.Parser().parse(text, document)
            document.transformer.add_transforms(list(_TRANSFORMS))
            document.transformer.apply_transforms()
    except Exception as error:  # docutils raises many kinds on malformed input
        return ParsedRst(None, f"{type(error).__name__}: {error}")
    if problems:
        return ParsedRst(None, problems[0])
    return ParsedRst(document)


def rst_references(document: nodes.document) -> tuple[str, ...]:
    """Link and image destinations, in order of first use."""
    found: dict[str, None] = {}
    for node in document.findall(nodes.Element):
        if isinstance(node, nodes.reference) and node.get("refuri"):
            found.setdefault(node["refuri"])
        elif isinstance(node, nodes.image) and node.get("uri"):
            found.setdefault(node["uri"])
    return tuple(found)
