"""Small builders of docutils nodes shared by the page renderers.

Repository text only ever becomes the text of a node (``nodes.Text``, literal blocks):
never markup, never raw HTML.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeAlias

from docutils import nodes
from sphinx import addnodes

from ...site.block_types import template_parts
from ...site.page_link import Link
from ...site.text import shown
from ...site.urls import LINE_ANCHOR_PREFIX
from ..nodes import highlighted_source

BREADCRUMB_SEPARATOR = " \N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK} "

#: Classes every generated block carries, for the stylesheet and for themes.
CSS_PREFIX = "repodocs"


def text(value: str | int) -> nodes.Text:
    return nodes.Text(shown(value) if isinstance(value, str) else f"{value:,}")


def sentence(
    template: str, *, classes: Sequence[str] = (), **values: nodes.Node | str | int
) -> nodes.paragraph:
    """A paragraph of a translated *template*, each ``{name}`` filled with its value
    (a node, such as a link, or text), wherever the translation puts it."""
    return nodes.paragraph("", "", *inline(template, **values), classes=list(classes))


def inline(template: str, **values: nodes.Node | str | int) -> list[nodes.Node]:
    """The nodes of a translated *template*, each ``{name}`` filled with its value."""
    return [
        part if isinstance(part, nodes.Node) else text(part)
        for part in template_parts(str(template), **values)
    ]


def literal(value: str) -> nodes.literal:
    return nodes.literal(shown(value), shown(value))


def doc_link(link: Link, current_docname: str, *, code: bool = False) -> nodes.Element:
    """A cross-reference to another page that every builder resolves (``std:doc``).

    With *code*, the link sits inside a literal, since ``std:doc`` resolution replaces
    the reference's own children with plain text.
    """
    label = shown(link.label)
    ref = addnodes.pending_xref(
        "",
        nodes.inline(label, label),
        refdomain="std",
        reftype="doc",
        reftarget="/" + link.docname,
        refexplicit=True,
        refdoc=current_docname,
        refwarn=True,
    )
    if code:
        return nodes.literal("", "", ref, classes=[f"{CSS_PREFIX}-path"])
    return ref


def paragraph(*children: nodes.Node | str, classes: Sequence[str] = ()) -> nodes.paragraph:
    node = nodes.paragraph(classes=list(classes))
    for child in children:
        node += text(child) if isinstance(child, str) else child
    return node


def section(
    document: nodes.document, title: str, *, classes: Sequence[str] = (), searchable: bool = True
) -> nodes.section:
    """A titled section whose id docutils derives from the title (and keeps unique).

    Sections that every generated page has ("Metadata", ...) are kept out of the search
    index, or a search for such a word would list every page of the repository.
    """
    title = str(title)  # a translation (sphinx.locale) is a lazy proxy until now
    node = nodes.section(classes=[*classes, *(() if searchable else ("no-search",))])
    node += nodes.title(shown(title), shown(title))
    node["names"].append(nodes.fully_normalize_name(shown(title)))
    document.note_implicit_target(node, node)
    return node


def field_list(fields: Iterable[tuple[str, nodes.Node | str | int]]) -> nodes.field_list:
    result = nodes.field_list(classes=[f"{CSS_PREFIX}-metadata"])
    for label, value in fields:
        name = str(label)  # a translation (sphinx.locale) is a lazy proxy until now
        body_paragraph = nodes.paragraph()
        body_paragraph += value if isinstance(value, nodes.Node) else text(value)
        result += nodes.field(
            "", nodes.field_name(name, name), nodes.field_body("", body_paragraph)
        )
    return result


#: Column widths, in characters, that tables are given (see ``table``).
_MIN_COLUMN, _MAX_COLUMN = 4, 60

Cell: TypeAlias = nodes.Node | str | int | None


def rubric(title: str) -> nodes.rubric:
    return nodes.rubric(shown(title), shown(title))


def table(
    headers: Sequence[str], rows: Iterable[Sequence[Cell]], *, classes: Sequence[str] = ()
) -> nodes.table:
    """A plain table; numeric columns are whatever the caller passes as ints.

    Column widths follow the content (text, LaTeX and man writers size columns by
    them; a one-character column sends Sphinx 8.2's text writer into an endless loop).
    """
    result = nodes.table(classes=[f"{CSS_PREFIX}-table", *classes])
    group = nodes.tgroup(cols=len(headers))
    result += group
    head = nodes.thead()
    head += _row(headers)
    body = nodes.tbody()
    widths = [len(header) for header in headers]
    for row in rows:
        row_node = _row(row)
        body += row_node
        for column, entry in enumerate(row_node.children):
            widths[column] = max(widths[column], len(entry.astext()))
    for width in widths:
        group += nodes.colspec(colwidth=min(max(width, _MIN_COLUMN), _MAX_COLUMN))
    group += head
    group += body
    return result


def _row(cells: Sequence[Cell]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        if cell is not None and cell != "":
            entry += paragraph(cell if isinstance(cell, (nodes.Node, str)) else text(cell))
        row += entry
    return row


def bullet_list(items: Iterable[nodes.Node | Sequence[nodes.Node | str]]) -> nodes.bullet_list:
    result = nodes.bullet_list()
    for item in items:
        children = [item] if isinstance(item, nodes.Node) else list(item)
        result += nodes.list_item("", paragraph(*children))
    return result


def source_block(source: str, lexer: str, digest: str, path: str = "") -> nodes.literal_block:
    """Highlighted source with line numbers and an anchor per line, kept out of search.

    *digest* is the file's SHA-256: HTML writers find its highlighting cached under it;
    *path* names the repository file whose links the listing gets ("" for none).
    """
    block = highlighted_source(source, source, classes=[f"{CSS_PREFIX}-source", "no-search"])
    block["language"] = lexer
    block["digest"] = digest
    block["path"] = path
    block["linenos"] = True
    # force: never warn (and so never fail a -W build) when a file does not lex cleanly.
    block["force"] = True
    block["highlight_args"] = {"lineanchors": LINE_ANCHOR_PREFIX, "anchorlinenos": True}
    return block


def breadcrumbs(links: Sequence[Link], current_docname: str, last: str | None) -> nodes.paragraph:
    """The way up from a generated page: repository, its folders, then the page itself."""
    node = nodes.paragraph(classes=[f"{CSS_PREFIX}-breadcrumbs", "no-search"])
    for position, link in enumerate(links):
        if position:
            node += nodes.Text(BREADCRUMB_SEPARATOR)
        node += doc_link(link, current_docname)
    if last is not None:
        if links:
            node += nodes.Text(BREADCRUMB_SEPARATOR)
        node += nodes.strong(shown(last), shown(last))
    return node


def detach_children(node: nodes.Element) -> list[nodes.Node]:
    """*node*'s children, taken out of it."""
    children = list(node.children)
    node.children = []
    for child in children:
        child.parent = None
    return children


def replace_with(node: nodes.Element, replacement: list[nodes.Node]) -> None:
    """Put *replacement* (possibly nothing) where *node* is. docutils hands *node*'s
    ids and classes to the first replacement, and refuses to drop them when that is
    text: its ids then stay on an inline around the replacement, its classes go."""
    for child in replacement:
        child.parent = None
    if not replacement:
        node.parent.remove(node)
        return
    if not isinstance(replacement[0], nodes.Element):
        if node["ids"]:
            replacement = [nodes.inline("", "", *replacement, ids=node["ids"])]
        for attribute in node.basic_attributes:
            node[attribute] = []
    node.replace_self(replacement)
