"""The page of one repository file, built around its source.

Title and breadcrumbs, one summary line (language, lines, size, purpose, last commit),
the overview, a jump bar to the page's parts, then the source; How to Run comes before
the source only when it is short. Everything else follows the source: the names the
file defines, its dependencies and importers, facts, related files, and the details
(exact size, encoding, line endings, extension).
"""

from __future__ import annotations

from docutils import nodes

from ...core.commands import RunPlan
from ...core.how_to_run import run_plan
from ...core.model import RepoFile
from ...core.read import read_text
from ...core.test_evidence import tests_defined_sentence
from ...site.defined_names import ALL_KINDS, IMPORTS
from ...site.neighbourhood import has_neighbourhood, imports_repository_entries
from ...site.text import shown
from ...site.views import FilePageView
from ..i18n import _, n_
from ..nodes import make_deferred, make_picture
from . import common, facts

#: How to Run goes before the source when it has at most this many commands and no
#: options table (a test file's run, a small script); a longer one follows the source.
SHORT_RUN_COMMANDS = 3


#: A part of the page: its jump-bar label, how many entries it has, its sections.
Part = tuple[str, int | None, list[nodes.section]]


def render_file_page(
    document: nodes.document, view: FilePageView, root: str, docname: str
) -> nodes.section:
    file = view.file
    page = common.section(document, view.title, classes=["repodocs-page", "repodocs-file-page"])
    page += common.breadcrumbs(view.breadcrumbs, docname, file.name)
    page += _summary(view)
    if view.extraction is not None and view.extraction.summary:
        page += facts.overview(view.extraction.summary)
    source, anchored_lines = _source(document, view, root, docname)
    plan = run_plan(file, view.extraction, view.run_context)
    run = facts.how_to_run(document, plan, anchored_lines)
    before: list[Part] = []
    after = _parts_after_source(document, view, anchored_lines)
    if run is not None and plan is not None:
        part: Part = (_("How to run"), len(plan.commands), [run])
        if _is_short(plan):
            before.append(part)
        else:  # after the facts, before the related files
            after.insert(len(after) - (1 if view.related else 0), part)
    if before or after:
        page += _jump_bar([*before, (_("Source"), None, [source]), *after])
    for _label, _count, sections in before:
        page += sections
    page += source
    for _label, _count, sections in after:
        page += sections
    page += _details(document, view.file)
    return page


def _parts_after_source(
    document: nodes.document, view: FilePageView, anchored_lines: int
) -> list[Part]:
    """Symbols, dependencies, importers, facts and related files, those the file has."""
    path = view.file.path
    parts: list[Part] = []
    # The picture opens Dependencies when the file imports repository files, else
    # Imported By.
    neighbourhood = [make_picture("imports", path)] if has_neighbourhood(view) else []
    imports_files = imports_repository_entries(view)
    if view.extraction is not None:
        symbols = _symbols(document, view, anchored_lines)
        parts.append((_("Symbols"), len(view.extraction.symbols), [symbols]))
    if view.used_by:
        used = common.section(document, _("References"), searchable=False)
        used += make_deferred("used-by", path=path)
        parts.append((_("References"), view.used_count, [used]))
    if view.dependencies:
        dependencies = common.section(document, _("Dependencies"), searchable=False)
        if imports_files:
            dependencies += neighbourhood
            neighbourhood = []
        dependencies += make_deferred("dependencies", path=path, anchored=anchored_lines)
        parts.append((_("Dependencies"), len(view.dependencies), [dependencies]))
    if view.imported_by:
        importers = common.section(document, _("Imported By"), searchable=False)
        importers += neighbourhood
        importers += make_deferred("imported-by", path=path)
        parts.append((_("Imported by"), len(view.imported_by), [importers]))
    if found := facts.fact_sections(document, view.extraction, anchored_lines):
        count = len(view.extraction.facts) if view.extraction is not None else 0
        parts.append((_("Facts"), count, found))
    if view.related:
        related = common.section(document, _("Related Files"), searchable=False)
        related += make_deferred("related", path=path)
        parts.append((_("Related"), len(view.related), [related]))
    return parts


def _is_short(plan: RunPlan) -> bool:
    return len(plan.commands) <= SHORT_RUN_COMMANDS and not plan.options and not plan.more_tests


def _summary(view: FilePageView) -> nodes.paragraph:
    """One line: language, lines, size, purpose with its reason, last commit."""
    file = view.file
    parts: list[list[nodes.Node | str]] = []
    if file.kind == "symlink":
        parts.append([_("symbolic link")])
    elif file.kind == "submodule":
        parts.append([_("git submodule")])
    else:
        if file.kind in ("text", "binary"):
            parts.append([file.language])
        if file.lines is not None:
            parts.append([n_("{count} line", "{count} lines", file.lines)])
        parts.append([_human_size(file.size)])
    evidence = tests_defined_sentence(file, view.extraction)
    parts.append([nodes.strong("", shown(file.purpose)), ": ", file.purpose_reason, ".", evidence])
    if (commit := view.last_commit) is not None:
        parts.append(
            common.inline(
                _("last commit {commit} ({date}): {subject}"),
                commit=common.literal(commit.short_hash),
                date=commit.date,
                subject=commit.subject,
            )
        )
    if view.source_url:
        label = _("view on {host}").format(host=view.source_host)
        link = nodes.reference(label, label, refuri=view.source_url, classes=["repodocs-host-link"])
        parts.append([link])
    line = nodes.paragraph(classes=["repodocs-summary", "no-search"])
    for position, part in enumerate(parts):
        if position:
            line += nodes.Text(" · ")
        for piece in part:
            line += common.text(piece) if isinstance(piece, str) else piece
    return line


def _human_size(size: int) -> str:
    if size < 1024:
        return n_("{count} byte", "{count} bytes", size)
    if size < 1024 * 1024:
        return _("{size} KiB").format(size=f"{size / 1024:.1f}")
    return _("{size} MiB").format(size=f"{size / (1024 * 1024):.1f}")


def _jump_bar(parts: list[Part]) -> nodes.paragraph:
    """Links to the page's parts, in page order, with how many entries each has."""
    bar = nodes.paragraph(classes=["repodocs-jump-bar", "no-search"])
    for position, (label, count, sections) in enumerate(parts):
        if position:
            bar += nodes.Text(" · ")
        text = (
            str(label)
            if count is None
            else _("{part} ({count})").format(part=label, count=f"{count:,}")
        )
        bar += nodes.reference("", text, refid=sections[0]["ids"][0], internal=True)
    return bar


def _symbols(document: nodes.document, view: FilePageView, anchored_lines: int) -> nodes.section:
    """The names the file defines; its imports too, unless the Dependencies section
    lists them (languages whose imports are resolved)."""
    section = common.section(document, _("Symbols"), searchable=False)
    kinds = [kind for kind in ALL_KINDS if kind != IMPORTS or not view.dependencies]
    section += make_deferred(
        "keyword-tables", path=view.file.path, target="", anchored=anchored_lines, kinds=kinds
    )
    return section


def _details(document: nodes.document, file: RepoFile) -> nodes.section:
    """What the summary line rounds or leaves out: exact size, encoding, line endings."""
    fields: list[tuple[str, nodes.Node | str | int]] = []
    if file.kind not in ("symlink", "submodule"):
        fields.append((_("Size"), n_("{count} byte", "{count} bytes", file.size)))
    if file.submodule_commit:
        fields.append((_("Commit"), nodes.literal("", file.submodule_commit)))
    if file.kind in ("text", "binary"):
        fields.append((_("Encoding"), file.encoding))
    if file.newlines and file.newlines != "none":
        fields.append((_("Line endings"), file.newlines))
    if file.extension:
        fields.append((_("Extension"), common.literal(file.extension)))
    section = common.section(document, _("Details"), searchable=False)
    section += common.field_list(fields)
    return section


def _why_no_listing(view: FilePageView, docname: str) -> nodes.paragraph | None:
    """What the Source section says instead of a listing: a link, a submodule, a file
    that cannot be read, binary or empty; None when there is a listing."""
    file = view.file
    if file.kind == "symlink":
        if view.link_target is not None:
            return common.sentence(
                _("A symbolic link to {target}; its target is documented on its own page."),
                target=common.doc_link(view.link_target, docname, code=True),
            )
        else:
            return common.paragraph(
                _(
                    "A symbolic link whose target is outside the repository or missing; "
                    "it is not followed."
                )
            )
    if file.kind == "submodule":
        return common.sentence(
            _(
                "A git submodule: another repository, at commit {commit}. "
                "Its content is not documented here."
            ),
            commit=file.submodule_commit or "",
        )
    if file.kind == "unreadable":
        if file.purpose == "secret":
            return common.sentence(_("Not shown: {reason}."), reason=file.error or "")
        else:
            return common.sentence(
                _("The file could not be read: {reason}."), reason=file.error or ""
            )
    if file.kind == "binary":
        return common.sentence(_("Not shown: the content is {encoding}."), encoding=file.encoding)
    if file.lines == 0:
        return common.paragraph(_("The file is empty."))
    return None


def _source(
    document: nodes.document, view: FilePageView, root: str, docname: str
) -> tuple[nodes.section, int]:
    """The source section, and how many lines of it carry anchors."""
    file = view.file
    section = common.section(document, _("Source"), searchable=False)
    note = _why_no_listing(view, docname)
    if note is not None:
        section += note
        return section, 0
    try:
        source, cut = read_text(root, file, view.max_source_bytes)
    except OSError as error:
        section += common.sentence(
            _("The file could not be read: {reason}."), reason=str(error.strerror or error)
        )
        return section, 0
    shown_lines = source.count("\n") if cut else file.lines or 0
    if cut:
        shown = (
            _("its first {shown} of {lines} lines are shown").format(
                shown=f"{shown_lines:,}", lines=f"{file.lines:,}"
            )
            if shown_lines
            else _("the first {count} characters of its first line are shown").format(
                count=f"{len(source):,}"
            )
        )
        section += common.sentence(
            _(
                "The file has {size} bytes, more than the {limit} set by "
                "repodocs_max_source_bytes: {shown}."
            ),
            size=f"{file.size:,}",
            limit=f"{view.max_source_bytes:,}",
            shown=shown,
            classes=["repodocs-note"],
        )
        shown_lines = max(shown_lines, 1)
    section += common.source_block(source, file.lexer, file.digest, file.path)
    return section, shown_lines
