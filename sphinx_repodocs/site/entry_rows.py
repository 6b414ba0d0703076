"""The rows of a folder page's Folders and Files tables."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..core.model import RepoFolder, RepoModel
from .page_link import Link
from .urls import file_docname, folder_docname


@dataclass(frozen=True, slots=True)
class FileRow:
    """One row of a folder page's file table."""

    link: Link
    purpose: str
    language: str
    size: int
    lines: int | None


@dataclass(frozen=True, slots=True)
class FolderRow:
    """One row of a folder page's folder table."""

    link: Link
    folders: int
    files: int


def entry_rows(
    model: RepoModel, prefix: str, folder: RepoFolder
) -> tuple[tuple[FolderRow, ...], tuple[FileRow, ...]]:
    """The rows of a folder's Folders and Files tables."""
    folder_rows = []
    for name in folder.folders:
        child = model.folders[posixpath.join(folder.path, name)]
        folder_rows.append(
            FolderRow(
                Link(name + "/", folder_docname(prefix, child.path)),
                folders=len(child.folders),
                files=len(child.files),
            )
        )
    file_rows = []
    for name in folder.files:
        file = model.files[posixpath.join(folder.path, name)]
        file_rows.append(
            FileRow(
                Link(name, file_docname(prefix, file.path)),
                purpose=file.purpose,
                language=file.language,
                size=file.size,
                lines=file.lines,
            )
        )
    return tuple(folder_rows), tuple(file_rows)
