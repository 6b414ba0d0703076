"""The repository's file tree, as the data every page's tree view loads. Pure.

One file per build (``repodocs-tree.js`` in ``_static``), so that a page's size does
not grow with the repository: a page holds an empty container, and our script builds
the tree from this data, folder by folder as they are opened. The data is a script
assigning a JSON value, since browsers do not let a page opened from ``file://``
fetch a JSON file.

A folder is ``[name, segment, folders, files]`` and a file is its name, or ``[name,
segment]`` when its docname segment differs from its name (``urls.encode_segment``);
the root folder's name is "". Names are data: the script sets them as text.
"""

from __future__ import annotations

import json

from ..core.model import RepoModel
from .text import shown
from .urls import encode_segment

#: The file the data is written to, in the HTML output's ``_static`` folder.
TREE_DATA = "repodocs-tree.js"

Entry = str | list[object]


def _file_entry(name: str) -> Entry:
    segment = encode_segment(name)
    return name if segment == name else [shown(name), segment]


def _folder_entry(model: RepoModel, path: str) -> list[object]:
    folder = model.folders[path]
    children = [_folder_entry(model, f"{path}/{name}" if path else name) for name in folder.folders]
    segment = encode_segment(folder.name) if path else ""
    return [shown(folder.name), segment, children, [_file_entry(name) for name in folder.files]]


def tree_data(model: RepoModel, prefix: str) -> dict[str, object]:
    return {"prefix": prefix, "root": _folder_entry(model, "")}


def tree_script(model: RepoModel, prefix: str) -> str:
    """The content of :data:`TREE_DATA`: ASCII, the same bytes for the same tree."""
    data = json.dumps(tree_data(model, prefix), ensure_ascii=True, separators=(",", ":"))
    return f"window.repodocsTree = {data};\n"
