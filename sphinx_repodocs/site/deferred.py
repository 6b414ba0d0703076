"""What each write-time placeholder of a page builds: its blocks, from the page views.

A page holds a small placeholder naming one of :data:`BLOCKS` and its arguments (plain
values: a path, a bucket key, a line count); the blocks are built when the page is
written. The page's signature covers the same inputs, so it is re-read (and so
re-written) exactly when they change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .block_types import Block
from .defined_names import keyword_jump_bar, keyword_rows_table, keyword_tables
from .relations import dependency_tables, imported_by_table, related_blocks
from .urls import file_docname
from .used_by import used_by_blocks
from .views import ViewBuilder

BlockMaker = Callable[[ViewBuilder, Mapping[str, Any]], list[Block]]


def _keyword_tables(views: ViewBuilder, arguments: Mapping[str, Any]) -> list[Block]:
    path = arguments["path"]
    extraction = views.model.extractions.get(path)
    if extraction is None:
        return []
    return keyword_tables(
        extraction,
        arguments["target"],
        anchored_lines=arguments["anchored"],
        kinds=arguments["kinds"],
        path=path,
        uses=views.use_count(path) if extraction.uses is not None else None,
        defined_at=dict(views.file_view(path).defined_at),
    )


def _keyword_rows(views: ViewBuilder, arguments: Mapping[str, Any]) -> list[Block]:
    return [keyword_rows_table(views.keyword_view(arguments["key"]))]


def _keyword_jump_bar(views: ViewBuilder, arguments: Mapping[str, Any]) -> list[Block]:
    return [keyword_jump_bar(views.keyword_view(arguments["key"]), arguments["page"])]


def _dependencies(views: ViewBuilder, arguments: Mapping[str, Any]) -> list[Block]:
    return dependency_tables(views.file_view(arguments["path"]), arguments["anchored"])


def _imported_by(views: ViewBuilder, arguments: Mapping[str, Any]) -> list[Block]:
    return [imported_by_table(views.file_view(arguments["path"]))]


def _used_by(views: ViewBuilder, arguments: Mapping[str, Any]) -> list[Block]:
    path = arguments["path"]
    page = arguments.get("page") or file_docname(views.prefix, path)
    return used_by_blocks(views.references, views.snippets, views.prefix, path, page)


def _related(views: ViewBuilder, arguments: Mapping[str, Any]) -> list[Block]:
    return related_blocks(views.file_view(arguments["path"]))


BLOCKS: dict[str, BlockMaker] = {
    "keyword-tables": _keyword_tables,
    "keyword-rows": _keyword_rows,
    "keyword-jump-bar": _keyword_jump_bar,
    "dependencies": _dependencies,
    "imported-by": _imported_by,
    "related": _related,
    "used-by": _used_by,
}


def deferred_blocks(views: ViewBuilder, what: str, arguments: Mapping[str, Any]) -> list[Block]:
    """The blocks of the placeholder *what* with its *arguments*."""
    return BLOCKS[what](views, arguments)
