"""The page of one repository folder; the root folder's page is the repository index."""

from __future__ import annotations

from docutils import nodes

from ...site.messages import N_
from ...site.pictures import index_pictures
from ...site.repo_summary import RepoSummary
from ...site.views import FolderPageView
from ..i18n import _, n_
from ..nodes import make_picture
from . import common
from .readme import readme_section


def render_folder_page(
    document: nodes.document, view: FolderPageView, root: str, docname: str
) -> nodes.section:
    page = common.section(document, view.title, classes=["repodocs-page", "repodocs-folder-page"])
    if view.breadcrumbs:
        page += common.breadcrumbs(view.breadcrumbs, docname, view.folder.name + "/")
    if view.readme_summary:
        page += common.paragraph(view.readme_summary, classes=["repodocs-overview"])
    if view.summary is not None:
        page += _summary(document, view, view.summary, docname)
    if view.folder.error:
        page += common.sentence(
            _("The folder's entries could not be listed: {reason}."),
            reason=view.folder.error,
            classes=["repodocs-note"],
        )
    if view.dependency_map is not None:
        section = common.section(document, _("Dependency Map"), searchable=False)
        section += make_picture("map", view.folder.path)
        page += section
    if view.folders:
        section = common.section(document, _("Folders"), searchable=False)
        section += common.table(
            (_("Name"), _("Folders"), _("Files")),
            (
                (common.doc_link(row.link, docname, code=True), row.folders, row.files)
                for row in view.folders
            ),
        )
        page += section
    if view.files:
        section = common.section(document, _("Files"), searchable=False)
        section += common.table(
            (_("Name"), _("Purpose"), _("Language"), _("Size (bytes)"), _("Lines")),
            (
                (
                    common.doc_link(row.link, docname, code=True),
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
        page += common.paragraph(_("The folder has no documented entries."))
    if view.keyword_counts:
        page += _keywords(document, view, docname)
    if view.readme is not None:
        page += readme_section(document, view, root)
    return page


def _keywords(document: nodes.document, view: FolderPageView, docname: str) -> nodes.section:
    """How many names and import statements the folder's own files hold, by kind."""
    section = common.section(document, _("Keywords"), searchable=False)
    section += common.sentence(
        _(
            "Counted where they are written, in this folder's own files (not its "
            "subfolders): the names they define or declare (a name in two places counts "
            "twice, a C prototype and its definition too) and their import statements. "
            "Each file's page lists them; the {keyword_index} lists the repository's code "
            "names."
        ),
        keyword_index=common.doc_link(view.keyword_index, docname),
    )
    section += common.table(
        (_("What"), _("Count")),
        [(_counted(kind), count) for kind, count in view.keyword_counts],
    )
    return section


#: What a keyword count counts, by kind.
COUNTED = {
    "class": N_("class names"),
    "function": N_("function names"),
    "method": N_("method names"),
    "namespace": N_("namespace names"),
    "constant": N_("constant names"),
    "macro": N_("macro names"),
    "heading": N_("heading names"),
    "key": N_("key names"),
    "target": N_("target names"),
    "variable": N_("variable names"),
    "import": N_("import statements"),
}


def _counted(kind: str) -> str:
    """What a keyword count counts: "class names", "import statements"."""
    return _(COUNTED[kind]) if kind in COUNTED else f"{kind} names"


def _provenance(view: FolderPageView) -> nodes.paragraph | None:
    """What the site was built from: a commit, or the digest of what it documents."""
    if (built_from := view.built_from) is not None:
        return common.sentence(
            _("Built from commit {commit} ({date}): {subject}"),
            commit=common.literal(built_from.short_hash),
            date=built_from.date,
            subject=built_from.subject,
        )
    if (origin := view.provenance) is not None:
        return common.sentence(
            _(
                "Built on {date} (UTC), not from a git commit. The digest of the {files} "
                "(SHA-256 over each path and the SHA-256 of its content, in path order) is "
                "{digest}."
            ),
            date=origin.date,
            files=n_("{count} documented file", "{count} documented files", origin.files),
            digest=common.literal(origin.digest),
            classes=["repodocs-provenance"],
        )
    return None


def _summary(
    document: nodes.document, view: FolderPageView, summary: RepoSummary, docname: str
) -> nodes.section:
    section = common.section(document, _("Overview"))
    section += common.sentence(
        _("{files} in {folders} have a page."),
        files=n_("{count} file", "{count} files", summary.files),
        folders=n_("{count} folder", "{count} folders", summary.folders),
    )
    if (provenance := _provenance(view)) is not None:
        section += provenance
    if summary.start_here:
        start = common.section(document, _("Where to Start"))
        start += common.bullet_list(
            (
                _("{what}: ").format(what=what[:1].upper() + what[1:]),
                common.doc_link(link, docname, code=True),
            )
            for what, link in summary.start_here
        )
        section += start
    charts = index_pictures(view)
    if summary.by_language:
        languages = common.section(document, _("Languages"))
        if "languages" in charts:
            languages += make_picture("languages", "")
        languages += common.table((_("Language"), _("Text files")), summary.by_language)
        section += languages
    if summary.by_purpose:
        purposes = common.section(document, _("Purposes"))
        if "purposes" in charts:
            purposes += make_picture("purposes", "")
        purposes += common.table((_("Purpose"), _("Files")), summary.by_purpose)
        section += purposes
    if "treemap" in charts:
        sizes = common.section(document, _("Folders by Lines"), searchable=False)
        sizes += make_picture("treemap", "")
        section += sizes
    if summary.skipped:
        skipped = common.section(document, _("Left Out"))
        skipped += common.paragraph(_("Entries the scan did not document, by reason:"))
        skipped += common.table((_("Reason"), _("Entries")), summary.skipped)
        section += skipped
    return section
