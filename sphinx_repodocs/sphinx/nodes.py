"""Every node class of ours, and how to make one. Their visitors are in ``visitors``.

None of them reaches a writer unresolved except where a visitor is registered:
``line_reference`` becomes a reference or text at ``doctree-resolved`` (``write_time``),
``deferred`` becomes HTML where an HTML writer meets it and nodes otherwise, and
``highlighted_source`` is a literal block every builder knows, ``file_tree`` is an
empty container on HTML pages, and ``readme_image`` an image on HTML pages and its text
elsewhere (``readme_images``), ``picture`` an SVG file and its ``<object>`` on HTML
pages and nothing elsewhere (``pictures``).
"""

from __future__ import annotations

from docutils import nodes

from ..site.text import shown


class deferred(nodes.General, nodes.Element):
    """Placeholder for blocks built when the page is written: ``what`` names one of
    ``site.deferred.BLOCKS``; its other attributes are that block's arguments."""


def make_deferred(what: str, **arguments: object) -> deferred:
    node = deferred()
    node["what"] = what
    for name, value in arguments.items():
        node[name] = value
    return node


class line_reference(nodes.Inline, nodes.TextElement):
    """A link to ``line`` of the page ``target`` ("" is the current page; line 0 is the
    page itself). Blocks built at write time use it for page links too, since Sphinx has
    already resolved its own cross-references by then."""


def make_line_reference(target: str, line: int, text: str | None = None) -> line_reference:
    label = text if text is not None else str(line)
    node = line_reference(label, label)
    node["target"] = target
    node["line"] = line
    return node


def make_page_reference(target: str, label: str, *, code: bool = False) -> nodes.Node:
    node = make_line_reference(target, 0, shown(label))
    if code:
        return nodes.literal("", "", node, classes=["repodocs-path"])
    return node


class file_tree(nodes.General, nodes.Element):
    """Where the repository's file tree goes on a generated page: ``kind`` and ``path``
    name the page. HTML writers write an empty container our script fills (and moves
    into the theme's sidebar); other writers skip it. ``line_url`` is a file's link to
    a line on its code host (``{line}`` for the number, or ""), for the script that
    points the page's host link at the line in the address, and ``line_label`` that
    link's text then (``{line}`` for the number)."""


def make_file_tree(
    kind: str, path: str, title: str, line_url: str = "", line_label: str = ""
) -> file_tree:
    node = file_tree()
    node["kind"], node["path"], node["title"] = kind, path, title
    node["line_url"], node["line_label"] = line_url, line_label
    return node


class highlighted_source(nodes.literal_block):
    """A repository file's source. Every builder shows it as a literal block; HTML
    writers take its highlighted HTML from the cache when it is there."""


class readme_image(nodes.General, nodes.Inline, nodes.Element):
    """A README's image, copied into the site as ``name``: HTML writers show it from
    the builder's image folder; other builders get its ``alt`` text at write time."""


def make_readme_image(name: str, alt: str) -> readme_image:
    node = readme_image()
    node["name"], node["alt"] = name, alt
    return node


class picture(nodes.General, nodes.Element):
    """A picture of the page's relations or sizes, drawn when the page is written:
    ``what`` names one of ``pictures.KINDS``, ``path`` the page's file or folder."""


def make_picture(what: str, path: str) -> picture:
    node = picture()
    node["what"], node["path"] = what, path
    return node
