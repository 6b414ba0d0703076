"""What the repository index says beyond a folder page: counts by language and
purpose, what the scan left out, and where to start."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..core.model import RepoModel
from .messages import _
from .page_link import Link
from .repo_sizes import SizedFolder, folder_sizes, lines_by_language, ranked
from .urls import file_docname, folder_docname


@dataclass(frozen=True, slots=True)
class RepoSummary:
    """What the repository index says beyond a folder page."""

    files: int
    folders: int
    by_language: tuple[tuple[str, int], ...]
    by_purpose: tuple[tuple[str, int], ...]
    skipped: tuple[tuple[str, int], ...]
    start_here: tuple[tuple[str, Link], ...]
    #: What the index's charts draw: lines by language, and folders by lines.
    lines_by_language: tuple[tuple[str, int], ...] = ()
    folder_sizes: tuple[SizedFolder, ...] = ()


#: Purposes whose files are not counted in the Languages table: release signatures
#: and keys are armoured text, not a language the repository is written in.
NOT_A_LANGUAGE = frozenset({"signature or key"})


def repo_summary(model: RepoModel, prefix: str, keyword_index: Link) -> RepoSummary:
    files = model.files.values()
    languages = Counter(
        file.language
        for file in files
        if file.kind == "text" and file.purpose not in NOT_A_LANGUAGE
    )
    purposes = Counter(file.purpose for file in files)
    root = model.folders[""]
    start_here: list[tuple[str, Link]] = []
    if root.readme:
        start_here.append((_("read me"), Link(root.readme, file_docname(prefix, root.readme))))
    for name in root.files:
        if model.files[name].purpose == "build":
            start_here.append((_("build definition"), Link(name, file_docname(prefix, name))))
    start_here.append((_("names defined in the code"), keyword_index))
    for name in root.folders:
        if name.lower() in {"doc", "docs", "documentation"}:
            start_here.append((_("documentation"), Link(name + "/", folder_docname(prefix, name))))
    return RepoSummary(
        files=len(model.files),
        folders=len(model.folders),
        by_language=ranked(languages),
        by_purpose=ranked(purposes),
        skipped=tuple(sorted((reason, len(paths)) for reason, paths in model.skipped.items())),
        start_here=tuple(start_here),
        lines_by_language=lines_by_language(model),
        folder_sizes=folder_sizes(model, prefix),
    )
