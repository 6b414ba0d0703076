"""Which pictures a page shows, and each drawn from the page's view.

A picture is drawn from its page's view alone (the file's dependencies and importers,
the folder's dependency map, the index's summary), so the page's signature, a hash of
its view, is the hash of the picture's input: the picture is drawn again exactly when
its page is written again. Pure: nothing here imports Sphinx.
"""

from __future__ import annotations

from collections.abc import Callable

from . import svg_charts, svg_graph
from .colours import language_colour, purpose_colour
from .messages import _
from .neighbourhood import neighbourhood
from .svg import Picture
from .views import FolderPageView, ViewBuilder

#: Every kind of picture, in the order a page may show them; each is written beside
#: its page as ``NAME~KIND.svg`` (``~`` and a letter that is no hex digit: no page's
#: file name can take that form, see ``urls.encode_segment``).
KINDS = ("imports", "map", "languages", "purposes", "treemap")
#: The kinds drawn at a fixed width that shrink with the page (graphs keep their size).
CHARTS = frozenset({"languages", "purposes", "treemap"})


def index_pictures(view: FolderPageView) -> tuple[str, ...]:
    """The charts the repository index shows (none on other folder pages)."""
    summary = view.summary
    if summary is None:
        return ()
    shown = {
        "languages": bool(summary.lines_by_language),
        "purposes": bool(summary.by_purpose),
        "treemap": any(entry.lines for entry in summary.folder_sizes),
    }
    return tuple(kind for kind, drawn in shown.items() if drawn)


def draw(views: ViewBuilder, what: str, path: str, uri: Callable[[str], str]) -> Picture | None:
    """The picture *what* of the page of *path*; *uri* gives a docname's link from it."""
    if what == "imports":
        graph = neighbourhood(views.file_view(path))
        return svg_graph.draw(graph, uri) if graph is not None else None
    view = views.folder_view(path)
    if what == "map":
        return svg_graph.draw(view.dependency_map, uri) if view.dependency_map else None
    summary = view.summary
    if summary is None or what not in index_pictures(view):
        return None
    if what == "languages":
        shares = svg_charts.capped_shares(summary.lines_by_language, language_colour)
        caption = _("Lines of text by language (generated and vendored files left out)")
        title = _("Languages by lines of text")
        return svg_charts.share_bar(title, caption, svg_charts.lines, shares)
    if what == "purposes":
        shares = svg_charts.capped_shares(summary.by_purpose, purpose_colour)
        title, caption = _("Purposes by files"), _("Files by purpose")
        return svg_charts.share_bar(title, caption, svg_charts.files, shares)
    return svg_charts.treemap(summary.folder_sizes, language_colour, uri)
