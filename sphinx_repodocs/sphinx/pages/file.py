"""The page of one repository file, built as docutils nodes from its view."""

from __future__ import annotations

from docutils import nodes

from ...core.how_to_run import run_plan
from ...core.read import read_text
from ...core.test_evidence import tests_defined_sentence
from ...site.defined_names import ALL_KINDS
from ...site.views import FilePageView
from ..i18n import _
from ..nodes import make_deferred
from . import common, facts


def render_file_page(
    document: nodes.document, view: FilePageView, root: str, docname: str
) -> nodes.section:
    file = view.file
    page = common.section(document, view.title, classes=["repodocs-file-page"])
    page += common.breadcrumbs(view.breadcrumbs, docname, file.name)
    page += _metadata(document, view)
    extraction = view.extraction
    if extraction is not None and (overview := facts.overview(document, extraction.summary)):
        page += overview
    page += _purpose(document, view)
    source, anchored_lines = _source(document, view, root, docname)
    if run := facts.how_to_run(document, run_plan(file, extraction), anchored_lines):
        page += run
    if view.extraction is not None:
        keywords = common.section(document, _("Keyword Index"), searchable=False)
        keywords += make_deferred(
            "keyword-tables",
            path=view.file.path,
            target="",
            anchored=anchored_lines,
            kinds=list(ALL_KINDS),
        )
        page += keywords
    page += facts.fact_sections(document, extraction, anchored_lines)
    if view.dependencies:
        dependencies = common.section(document, _("Dependencies"), searchable=False)
        dependencies += make_deferred("dependencies", path=file.path, anchored=anchored_lines)
        page += dependencies
    if view.imported_by:
        importers = common.section(document, _("Imported By"), searchable=False)
        importers += make_deferred("imported-by", path=file.path)
        page += importers
    page += source
    if view.related or view.neighbours:
        page += _related(document, view)
    page += _cross_references(document, view)
    return page


def _metadata(document: nodes.document, view: FilePageView) -> nodes.section:
    file = view.file
    fields: list[tuple[str, nodes.Node | str | int]] = [
        (_("Path"), common.literal(file.path)),
    ]
    if file.kind == "symlink":
        fields.append((_("Kind"), "symbolic link"))
    else:
        fields.append((_("Size"), f"{file.size:,} bytes"))
    if file.lines is not None:
        fields.append((_("Lines"), file.lines))
    if file.kind in ("text", "binary"):
        fields.append((_("Language"), file.language))
        fields.append((_("Encoding"), file.encoding))
    if file.newlines and file.newlines != "none":
        fields.append((_("Line endings"), file.newlines))
    if file.extension:
        fields.append((_("Extension"), common.literal(file.extension)))
    if view.last_commit is not None:
        fields.append((_("Last commit"), facts.commit_text(view.last_commit)))
    section = common.section(document, _("Metadata"), searchable=False)
    section += common.field_list(fields)
    return section


def _purpose(document: nodes.document, view: FilePageView) -> nodes.section:
    file = view.file
    section = common.section(document, _("Purpose"), searchable=False)
    evidence = tests_defined_sentence(file, view.extraction)
    section += common.paragraph(
        nodes.strong(file.purpose, file.purpose), ": ", file.purpose_reason, ".", evidence
    )
    return section


def _source(
    document: nodes.document, view: FilePageView, root: str, docname: str
) -> tuple[nodes.section, int]:
    """The source section, and how many lines of it carry anchors."""
    file = view.file
    section = common.section(document, _("Original Source"), searchable=False)
    if file.kind == "symlink":
        if view.link_target is not None:
            section += common.paragraph(
                "A symbolic link to ",
                common.doc_link(view.link_target, docname, code=True),
                "; its target is documented on its own page.",
            )
        else:
            section += common.paragraph(
                "A symbolic link whose target is outside the repository or missing; "
                "it is not followed."
            )
        return section, 0
    if file.kind == "unreadable":
        section += common.paragraph(f"The file could not be read: {file.error}.")
        return section, 0
    if file.kind == "binary":
        section += common.paragraph(f"Not shown: the content is {file.encoding}.")
        return section, 0
    if file.lines == 0:
        section += common.paragraph("The file is empty.")
        return section, 0
    try:
        source, cut = read_text(root, file, view.max_source_bytes)
    except OSError as error:
        section += common.paragraph(f"The file could not be read: {error.strerror or error}.")
        return section, 0
    shown_lines = source.count("\n") if cut else file.lines or 0
    if cut:
        shown = (
            f"its first {shown_lines:,} of {file.lines:,} lines are shown"
            if shown_lines
            else f"the first {len(source):,} characters of its first line are shown"
        )
        section += common.paragraph(
            f"The file has {file.size:,} bytes, more than the "
            f"{view.max_source_bytes:,} set by repodocs_max_source_bytes: {shown}.",
            classes=["repodocs-note"],
        )
        shown_lines = max(shown_lines, 1)
    section += common.source_block(source, file.lexer, file.digest)
    return section, shown_lines


def _related(document: nodes.document, view: FilePageView) -> nodes.section:
    section = common.section(document, _("Related Files"), searchable=False)
    section += make_deferred("related", path=view.file.path)
    return section


def _cross_references(document: nodes.document, view: FilePageView) -> nodes.section:
    section = common.section(document, _("Cross-References"), searchable=False)
    section += make_deferred("cross-references", path=view.file.path)
    return section
