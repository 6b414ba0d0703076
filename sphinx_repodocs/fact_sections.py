"""Sections of a file page that state facts found in the code, each citing its lines.

A section is made only when there is something to say: no filler sentences.
"""

from __future__ import annotations

from docutils import nodes

from . import render
from .extract.base import FACT_TITLES, Extraction, Fact
from .extract.python_facts import MAX_LINES, SECURITY_RULES
from .history import Commit
from .linking import make_line_reference
from .running import RunPlan
from .translations import _


def overview(document: nodes.document, summary: str) -> nodes.section | None:
    """The module docstring, leading comment or first paragraph, as plain text."""
    if not summary:
        return None
    section = render.section(document, _("Overview"), classes=["repodocs-overview"])
    section += render.paragraph(summary)
    return section


def commit_text(commit: Commit) -> str:
    return f"{commit.date} · {commit.short_hash} · {commit.subject}"


def how_to_run(
    document: nodes.document, plan: RunPlan | None, anchored_lines: int
) -> nodes.section | None:
    if plan is None:
        return None
    section = render.section(document, _("How to Run"), classes=["repodocs-run"], searchable=False)
    section += render.paragraph(plan.intro, " Commands run from the repository root:")
    items = []
    for command in plan.commands:
        where: list[nodes.Node | str] = []
        if command.line:
            where = [" (line ", _line(command.line, anchored_lines), ")"]
        items.append([command.label, *where, ": ", render.literal(command.command)])
    section += render.bullet_list(items)
    if plan.more_tests:
        section += render.paragraph(
            f"{plan.more_tests} more tests run with the first command; they are listed in "
            "the keyword index."
        )
    if plan.options:
        section += render.rubric(f"Command-line options ({len(plan.options)})")
        section += render.table(
            ("Option", "Help", "Line"),
            [
                (render.literal(o.flags), o.help, _line(o.line, anchored_lines))
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
    for category, title in FACT_TITLES.items():
        facts = [fact for fact in extraction.facts if fact.category == category]
        if not facts:
            continue
        section = render.section(
            document, title, classes=[f"repodocs-facts-{category}"], searchable=False
        )
        if category == "security":
            section += render.paragraph(
                f"Found by sphinx-repodocs' syntax-tree rules ({extraction.method}), which "
                "look for: " + "; ".join(SECURITY_RULES) + ".",
                classes=["repodocs-method"],
            )
        section += render.bullet_list(_fact_item(fact, anchored_lines) for fact in facts)
        sections.append(section)
    return sections


def _fact_item(fact: Fact, anchored_lines: int) -> list[nodes.Node | str]:
    cited = fact.lines[:MAX_LINES]
    item: list[nodes.Node | str] = [
        fact.text,
        f": {fact.count}, line{'s' if len(cited) > 1 else ''} ",
    ]
    for position, line in enumerate(cited):
        if position:
            item.append(", ")
        item.append(_line(line, anchored_lines))
    if len(fact.lines) > len(cited):
        item.append(", …")
    return item


def _line(line: int, anchored_lines: int) -> nodes.Node | str:
    """A link to a line of this page's source, or its number when it is not shown."""
    return make_line_reference("", line) if line <= anchored_lines else str(line)
