"""Pages parsed into elements, so that tests ask what a reader gets instead of matching
substrings (standard library only)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


@dataclass
class Element:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def iter(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(
        self, tag: str | None = None, *, class_: str | None = None, **attrs: str
    ) -> list[Element]:
        """Every element (this one included) with *tag*, the class *class_*, and each
        attribute of *attrs* (``id=``, ``href=``, ...) exactly equal to its value."""
        return [
            element
            for element in self.iter()
            if (tag is None or element.tag == tag)
            and (class_ is None or class_ in element.classes)
            and all(element.attrs.get(name) == value for name, value in attrs.items())
        ]

    def find(self, tag: str | None = None, *, class_: str | None = None, **attrs: str) -> Element:
        found = self.find_all(tag, class_=class_, **attrs)
        assert found, f"no <{tag or '*'} class={class_!r} {attrs}>"
        return found[0]

    def has(self, tag: str | None = None, *, class_: str | None = None, **attrs: str) -> bool:
        return bool(self.find_all(tag, class_=class_, **attrs))

    def hrefs(self) -> list[str]:
        """The targets of the links inside, in document order."""
        return [a.attrs["href"] for a in self.find_all("a") if "href" in a.attrs]

    def link(self, href: str) -> Element:
        """The first link inside to exactly *href*."""
        return self.find("a", href=href)

    def ids(self) -> set[str]:
        return {element.attrs["id"] for element in self.iter() if "id" in element.attrs}

    def section(self, id_: str) -> Element:
        """The element inside with the id *id_* (a section, by our pages' use)."""
        found = self.by_id(id_)
        assert found is not None, f"no element with id {id_!r}"
        return found

    def own_text(self) -> str:
        """The text, less that of headerlinks (the ``¶`` Sphinx appends to headings)."""
        return "".join(
            child
            if isinstance(child, str)
            else ("" if "headerlink" in child.classes else child.own_text())
            for child in self.children
        ).strip()

    def headings(self) -> list[str]:
        """The texts of the headings inside (``h1`` to ``h6``), in document order."""
        tags = {f"h{level}" for level in range(1, 7)}
        return [element.own_text() for element in self.iter() if element.tag in tags]

    def titled(self, title: str) -> Element:
        """The section inside whose heading reads *title*."""
        found = [
            section
            for section in self.find_all("section")
            if (headings := section.headings()) and headings[0] == title
        ]
        assert found, f"no section titled {title!r}"
        return found[0]

    def between(self, start: Element, stop: Element | None = None) -> list[Element]:
        """The elements inside after *start* and before *stop* (or the end), in document
        order: what a listing's line holds, from its anchor to the next line's."""
        order = list(self.iter())
        first = next(index for index, seen in enumerate(order) if seen is start)
        last = len(order) if stop is None else self.position(stop)
        return order[first + 1 : last]

    def text_without(self, *left_out: Element) -> str:
        """The text, less that of the elements *left_out* (a listing, say)."""
        return "".join(
            child
            if isinstance(child, str)
            else ("" if any(child is out for out in left_out) else child.text_without(*left_out))
            for child in self.children
        )

    def text_before(self, stop: Element) -> str:
        """The text inside that comes before *stop*, in document order."""
        parts: list[str] = []

        def walk(node: Element) -> bool:
            for child in node.children:
                if child is stop:
                    return True
                if isinstance(child, str):
                    parts.append(child)
                elif walk(child):
                    return True
            return False

        walk(self)
        return "".join(parts)

    def position(self, element: Element) -> int:
        """Where *element* comes inside this one, in document order."""
        return next(index for index, seen in enumerate(self.iter()) if seen is element)

    def fields(self) -> dict[str, str]:
        """The terms and descriptions of the first definition list inside, by term (its
        colon left off)."""
        dl = self if self.tag == "dl" else self.find("dl")
        terms = [dt.text().strip().removesuffix(":") for dt in dl.find_all("dt")]
        return dict(zip(terms, [dd.text().strip() for dd in dl.find_all("dd")], strict=True))

    def rubrics(self) -> list[str]:
        """The texts of the rubrics inside (the small headings over our tables)."""
        return [rubric.text().strip() for rubric in self.find_all("p", class_="rubric")]

    def items(self) -> list[tuple[str, str]]:
        """(first link's target, text) of each item of the first list inside."""
        listing = self if self.tag in ("ul", "ol") else self.find("ul")
        return [((item.hrefs() or [""])[0], item.text().strip()) for item in listing.find_all("li")]

    def headers(self) -> list[str]:
        """The header cells' texts of the first table inside (this one, if a table)."""
        table = self if self.tag == "table" else self.find("table")
        return [th.text().strip() for th in table.find_all("th")]

    def rows(self) -> list[list[str]]:
        """The texts of the body rows' cells of the first table inside."""
        table = self if self.tag == "table" else self.find("table")
        body = table.find_all("tbody") or [table]
        return [
            [cell.text().strip() for cell in row.find_all("td")] for row in body[0].find_all("tr")
        ]

    def by_id(self, id_: str) -> Element | None:
        return next((element for element in self.iter() if element.attrs.get("id") == id_), None)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(element)
        if tag not in _VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(html: str) -> Element:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def main_body(html: str) -> Element:
    """The page's main body (``role="main"``), without the theme's sidebars, header and
    footer."""
    return parse_html(html).find(role="main")


def page_content(html: str) -> Element:
    """Our content on a generated page: the ``repodocs-page`` section."""
    return main_body(html).find("section", class_="repodocs-page")


def head_links(html: str) -> list[dict[str, str]]:
    """The attributes of every ``<link>`` in the page's head."""
    return [link.attrs for link in parse_html(html).find("head").find_all("link")]
