"""A Markdown README as docutils nodes, built from markdown-it's tokens.

Only what Markdown means becomes a node: headings (sections, or rubrics inside lists
and quotes), paragraphs, lists, quotes, code, tables, emphasis, links and images.
Raw HTML is left out (inline tags are dropped and their text kept; HTML blocks are
counted in a note that points to the source). Every piece of text is a text node, so
writers escape it.
"""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes
from markdown_it.token import Token
from pygments.lexers import find_lexer_class_by_name
from pygments.util import ClassNotFound

from ...core.extract.markup import markdown_tokens
from ...site.text import shown
from ..i18n import n_
from .common import detach_children, replace_with
from .readme import ReadmeLinks

#: Widest column a table's colspec asks for, in characters.
_MAX_COLUMN = 60


def render(source: str, links: ReadmeLinks) -> list[nodes.Node]:
    return _Builder(links).build(markdown_tokens(source))


def code_block(text: str, language: str) -> nodes.literal_block:
    """A code block highlighted as *language* when Pygments knows it, else plain; never
    a warning (``force``), whatever the code holds."""
    block = nodes.literal_block(text, text, classes=["repodocs-readme-code"])
    block["language"] = language if _known_lexer(language) else "text"
    block["force"] = True
    return block


def heading(children: list[nodes.Node], level: int, links: ReadmeLinks) -> nodes.rubric:
    """A README heading of *level* (1 for ``#``): a heading element two levels below
    the page's title and the README's own, with an id for ``#slug`` links. Not a
    section: the page's sections are its own (a README's repeated "Install" headings
    would collide in ``autosectionlabel`` and crowd the theme's page contents)."""
    node = nodes.rubric("", "", *children, classes=["repodocs-readme-heading"])
    node["heading-level"] = min(level + 2, 6)
    links.new_id(node.astext(), node)
    return node


def _known_lexer(name: str) -> bool:
    if not name:
        return False
    try:
        find_lexer_class_by_name(name)
    except ClassNotFound:
        return False
    return True


class _Builder:
    def __init__(self, links: ReadmeLinks) -> None:
        self.links = links
        self.root = nodes.section()
        #: Open block containers (lists, quotes, paragraphs, table parts).
        self.open: list[nodes.Element] = []
        self.html_blocks = 0
        self.table: _Table | None = None

    def parent(self) -> nodes.Element:
        return self.open[-1] if self.open else self.root

    def build(self, tokens: Sequence[Token]) -> list[nodes.Node]:
        position = 0
        while position < len(tokens):
            token = tokens[position]
            if token.type == "heading_open":
                title = tokens[position + 1] if position + 1 < len(tokens) else None
                self.heading(int(token.tag[1:] or 1), (title.children or []) if title else [])
                position += 3
                continue
            self.block(token)
            position += 1
        if self.html_blocks:
            self.root.insert(
                0,
                nodes.paragraph(
                    "",
                    _html_blocks_not_shown(self.html_blocks),
                    classes=["repodocs-note"],
                ),
            )
        return detach_children(self.root)

    def heading(self, level: int, inline: list[Token]) -> None:
        self.parent().append(heading(self.inline(inline), level, self.links))

    def block(self, token: Token) -> None:
        kind = token.type
        if self.table is not None and kind not in {"table_close", "inline"}:
            self.table.token(token)
            return
        if kind == "inline":
            inline = self.inline(token.children or [])
            if self.table is not None:
                self.table.cell_content(inline)
            else:
                self.parent().extend(inline)
        elif kind == "fence":
            language = token.info.strip().split(maxsplit=1)[0] if token.info.strip() else ""
            self.parent().append(code_block(shown(token.content), language))
        elif kind == "code_block":
            self.parent().append(code_block(shown(token.content), "text"))
        elif kind == "hr":
            self.parent().append(nodes.container(classes=["repodocs-rule"]))
        elif kind == "html_block":
            self.html_blocks += 1
        elif kind == "table_open":
            self.table = _Table()
        elif kind == "table_close" and self.table is not None:
            self.parent().append(self.table.node())
            self.table = None
        elif token.nesting == 1:
            node = _container(token)
            self.parent().append(node)
            self.open.append(node)
        elif token.nesting == -1 and self.open:
            self.open.pop()

    def inline(self, children: Sequence[Token]) -> list[nodes.Node]:
        holder = nodes.inline()
        stack: list[nodes.Element] = [holder]
        for child in children:
            kind = child.type
            if kind == "text":
                stack[-1] += nodes.Text(shown(child.content))
            elif kind == "code_inline":
                stack[-1] += nodes.literal(shown(child.content), shown(child.content))
            elif kind in {"softbreak", "hardbreak"}:
                stack[-1] += nodes.Text("\n")
            elif kind in _INLINE_OPEN:
                node = _INLINE_OPEN[kind]()
                stack[-1] += node
                stack.append(node)
            elif kind == "link_open":
                link = nodes.inline()
                link["href"] = str(child.attrGet("href") or "")
                stack[-1] += link
                stack.append(link)
            elif kind.endswith("_close") and len(stack) > 1:
                closed = stack.pop()
                if kind == "link_close":
                    replace_with(closed, self.links.link(closed["href"], list(closed.children)))
            elif kind == "image":
                alt = "".join(part.content for part in child.children or ())
                in_link = any("href" in node.attributes for node in stack)
                image = self.links.image(str(child.attrGet("src") or ""), alt, in_link=in_link)
                stack[-1].extend(image)
            # html_inline: the tag is dropped; the text around and inside it stays.
        return detach_children(holder)


def _html_blocks_not_shown(count: int) -> str:
    return n_(
        "{count} HTML block of the README is not shown here; its own page shows its source.",
        "{count} HTML blocks of the README are not shown here; its own page shows its source.",
        count,
    )


def _strike() -> nodes.inline:
    return nodes.inline(classes=["repodocs-strike"])


_INLINE_OPEN = {"em_open": nodes.emphasis, "strong_open": nodes.strong, "s_open": _strike}


def _container(token: Token) -> nodes.Element:
    kind = token.type
    if kind == "paragraph_open":
        return nodes.paragraph()
    if kind == "bullet_list_open":
        return nodes.bullet_list(bullet="-")
    if kind == "ordered_list_open":
        node = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
        start = token.attrGet("start")
        if start is not None and str(start).isdigit() and int(start) != 1:
            node["start"] = int(start)
        return node
    if kind == "list_item_open":
        return nodes.list_item()
    if kind == "blockquote_open":
        return nodes.block_quote()
    return nodes.container()


class _Table:
    """A GFM table's rows, turned into a docutils table when it closes."""

    def __init__(self) -> None:
        self.head: list[list[nodes.entry]] = []
        self.body: list[list[nodes.entry]] = []
        self.in_head = False

    def token(self, token: Token) -> None:
        kind = token.type
        if kind == "thead_open":
            self.in_head = True
        elif kind == "thead_close":
            self.in_head = False
        elif kind == "tr_open":
            (self.head if self.in_head else self.body).append([])
        elif kind in {"th_open", "td_open"}:
            rows = self.head if self.in_head else self.body
            if rows:
                rows[-1].append(nodes.entry())

    def cell_content(self, inline: list[nodes.Node]) -> None:
        rows = self.head if self.in_head else self.body
        if rows and rows[-1] and inline:
            rows[-1][-1] += nodes.paragraph("", "", *inline)

    def node(self) -> nodes.table:
        columns = max((len(row) for row in self.head + self.body), default=1) or 1
        table = nodes.table(classes=["repodocs-table"])
        group = nodes.tgroup(cols=columns)
        table += group
        widths = [4] * columns
        for row in self.head + self.body:
            for column, entry in enumerate(row):
                widths[column] = min(max(widths[column], len(entry.astext())), _MAX_COLUMN)
        for width in widths:
            group += nodes.colspec(colwidth=width)
        for rows, part in ((self.head, nodes.thead()), (self.body, nodes.tbody())):
            if not rows and isinstance(part, nodes.thead):
                continue
            for cells in rows:
                row = nodes.row()
                for entry in cells + [nodes.entry() for _ in range(columns - len(cells))]:
                    row += entry
                part += row
            group += part
        return table
