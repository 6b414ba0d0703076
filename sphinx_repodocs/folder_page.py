"""The page of one repository folder; the root folder's page is the repository index."""

from __future__ import annotations

from docutils import nodes

from . import render
from .history import Commit
from .inventory import read_text
from .translations import _
from .views import FolderPageView, RepoSummary


def render_folder_page(
    document: nodes.document, view: FolderPageView, root: str, docname: str
) -> nodes.section:
    page = render.section(document, view.title, classes=["repodocs-folder-page"])
    if view.breadcrumbs:
        page += render.breadcrumbs(view.breadcrumbs, docname, view.folder.name + "/")
    if view.readme_summary:
        page += render.paragraph(view.readme_summary, classes=["repodocs-overview"])
    if view.summary is not None:
        page += _summary(document, view.summary, view.built_from, docname)
    if view.folder.error:
        page += render.paragraph(
            f"The folder's entries could not be listed: {view.folder.error}.",
            classes=["repodocs-note"],
        )
    if view.folders:
        section = render.section(document, _("Folders"), searchable=False)
        section += render.table(
            ("Name", "Folders", "Files"),
            (
                (render.doc_link(row.link, docname, code=True), row.folders, row.files)
                for row in view.folders
            ),
        )
        page += section
    if view.files:
        section = render.section(document, _("Files"), searchable=False)
        section += render.table(
            ("Name", "Purpose", "Language", "Size (bytes)", "Lines"),
            (
                (
                    render.doc_link(row.link, docname, code=True),
                    row.purpose,
                    row.language,
                    row.size,
                    row.lines,
                )
                for row in view.files
            ),
        )
        page += section
    if not view.folders and not view.files and not view.folder.error:
        page += render.paragraph("The folder has no documented entries.")
    if view.keyword_counts:
        section = render.section(document, _("Keywords"), searchable=False)
        section += render.paragraph(
            "Names defined and imported by the files of this folder (not its subfolders), "
            "listed on each file's page; see also the ",
            render.doc_link(view.keyword_index, docname),
            ".",
        )
        section += render.table(("Kind", "Count"), view.keyword_counts)
        page += section
    if view.readme is not None:
        page += _readme(document, view, root)
    return page


def _summary(
    document: nodes.document, summary: RepoSummary, built_from: Commit | None, docname: str
) -> nodes.section:
    section = render.section(document, _("Overview"))
    section += render.paragraph(
        f"{summary.files:,} files in {summary.folders:,} folders have a page."
    )
    if built_from is not None:
        section += render.paragraph(
            "Built from commit ",
            render.literal(built_from.short_hash),
            f" ({built_from.date}): ",
            built_from.subject,
        )
    if summary.start_here:
        start = render.section(document, _("Where to Start"))
        start += render.bullet_list(
            (f"{what.capitalize()}: ", render.doc_link(link, docname, code=True))
            for what, link in summary.start_here
        )
        section += start
    if summary.by_language:
        languages = render.section(document, _("Languages"))
        languages += render.table(("Language", "Text files"), summary.by_language)
        section += languages
    if summary.by_purpose:
        purposes = render.section(document, _("Purposes"))
        purposes += render.table(("Purpose", "Files"), summary.by_purpose)
        section += purposes
    if summary.skipped:
        skipped = render.section(document, _("Left Out"))
        skipped += render.paragraph("Entries the scan did not document, by reason:")
        skipped += render.table(("Reason", "Entries"), summary.skipped)
        section += skipped
    return section


def _readme(document: nodes.document, view: FolderPageView, root: str) -> nodes.section:
    readme = view.readme
    assert readme is not None
    section = render.section(document, readme.name, classes=["repodocs-readme"], searchable=False)
    try:
        source, cut = read_text(root, readme, view.max_source_bytes)
    except OSError as error:
        section += render.paragraph(f"The file could not be read: {error.strerror or error}.")
        return section
    if cut:
        section += render.paragraph(
            f"Only the first {source.count(chr(10)):,} lines are shown.", classes=["repodocs-note"]
        )
    # Shown as highlighted source, never interpreted: a README is repository data.
    block = render.source_block(source, readme.lexer, readme.digest)
    block["linenos"] = False
    block["highlight_args"] = {}
    section += block
    return section
