"""Sections of a file page that state facts found in the code, each citing its lines.

A section is made only when there is something to say: no filler sentences.
"""

from __future__ import annotations

from docutils import nodes

from ...core.commands import RunPlan
from ...core.extract.base import MAX_CITED_LINES, SECURITY_RULES, Extraction, Fact
from ...core.git_history import Commit
from ...site.block_types import has_anchor
from ...site.messages import translated
from ..i18n import _, n_
from ..nodes import make_line_reference
from . import common

#: Section titles of fact categories, in page order.
FACT_SECTION_TITLES = {
    "pattern": _("Code Patterns"),
    "security": _("Security-Relevant Code"),
    "performance": _("Performance-Relevant Code"),
}


def overview(summary: str) -> nodes.paragraph:
    """The module docstring, leading comment or first paragraph, as plain text (what a
    search result quotes for the page)."""
    return common.paragraph(summary, classes=["repodocs-overview"])


def commit_text(commit: Commit) -> str:
    return f"{commit.date} · {commit.short_hash} · {commit.subject}"


def how_to_run(
    document: nodes.document, plan: RunPlan | None, anchored_lines: int
) -> nodes.section | None:
    if plan is None:
        return None
    section = common.section(document, _("How to Run"), classes=["repodocs-run"], searchable=False)
    section += common.paragraph(plan.intro, " ", _("Commands run from the repository root:"))
    items = []
    for command in plan.commands:
        where: list[nodes.Node | str] = []
        if command.line:
            where = [
                " ",
                *common.inline(_("(line {line})"), line=_line(command.line, anchored_lines)),
            ]
        items.append([command.label, *where, ": ", common.literal(command.command)])
    section += common.bullet_list(items)
    if plan.more_tests:
        section += common.paragraph(
            n_(
                "{count} more test runs with the first command; it is listed under Symbols.",
                "{count} more tests run with the first command; they are listed under Symbols.",
                plan.more_tests,
            )
        )
    if plan.options:
        section += common.rubric(
            _("Command-line options ({count})").format(count=f"{len(plan.options):,}")
        )
        section += common.table(
            (_("Option"), _("Help"), _("Line")),
            [
                (common.literal(o.flags), o.help, _line(o.line, anchored_lines))
                for o in plan.options
            ],
            classes=["repodocs-options"],
        )
    return section


def fact_sections(
    document: nodes.document, extraction: Extraction | None, anchored_lines: int
) -> list[nodes.section]:
    """One section per category of facts the file has."""
    if extraction is None or not extraction.facts:
        return []
    sections = []
    for category, title in FACT_SECTION_TITLES.items():
        facts = [fact for fact in extraction.facts if fact.category == category]
        if not facts:
            continue
        section = common.section(
            document, title, classes=[f"repodocs-facts-{category}"], searchable=False
        )
        if category == "security":
            section += common.sentence(
                _(
                    "Found by sphinx-repodocs' syntax-tree rules ({method}), which look for: "
                    "{rules}."
                ),
                method=extraction.method,
                rules="; ".join(translated(rule) for rule in SECURITY_RULES),
                classes=["repodocs-method"],
            )
        section += common.bullet_list(_fact_item(fact, anchored_lines) for fact in facts)
        sections.append(section)
    return sections


def _fact_item(fact: Fact, anchored_lines: int) -> list[nodes.Node | str]:
    cited = fact.lines[:MAX_CITED_LINES]
    lines = n_("line", "lines", len(cited))
    item: list[nodes.Node | str] = [fact.text, f": {fact.count}, {lines} "]
    for position, line in enumerate(cited):
        if position:
            item.append(", ")
        item.append(_line(line, anchored_lines))
    if len(fact.lines) > len(cited):
        item.append(", …")
    return item


def _line(line: int, anchored_lines: int) -> nodes.Node | str:
    """A link to a line of this page's source, or its number when it is not shown."""
    return make_line_reference("", line) if has_anchor(line, anchored_lines) else str(line)
