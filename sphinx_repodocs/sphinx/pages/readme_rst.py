"""A reStructuredText README as nodes of its folder page.

docutils parses it alone, with only safe directives and roles, and resolves its own
references (``core.extract.markup.parse_rst``). Its nodes then join the page: comments,
substitution definitions and external targets go; every id is made unique on the page
(references, footnotes and backlinks follow); links and images go where the page view
resolved them; code blocks are highlighted only in a language Pygments knows.
A README with citations is shown as source: Sphinx gathers citations site-wide, and two
READMEs citing ``[Ref]`` would collide.
"""

from __future__ import annotations

from docutils import nodes

from ...core.extract.markup import has_ancestor, parse_rst
from ..i18n import _
from .common import detach_children, replace_with
from .readme import ReadmeLinks, github_slug
from .readme_markdown import code_block

_DROPPED = (nodes.comment, nodes.substitution_definition, nodes.system_message, nodes.pending)
#: The only classes a README's own nodes keep (``:align:``); ``:class:`` options and
#: ``container`` or ``class`` arguments are dropped, so that a README cannot borrow the
#: theme's or our own styles.
_KEPT_CLASSES = frozenset(
    f"align-{where}" for where in ("left", "center", "right", "top", "middle", "bottom")
)


def render(source: str, path: str, links: ReadmeLinks) -> tuple[list[nodes.Node] | None, str]:
    parsed = parse_rst(source, path)
    document = parsed.document
    if document is None:
        return None, parsed.problem
    if next(iter(document.findall(nodes.citation)), None) is not None:
        return None, _("it has citations")
    for node in list(document.findall(lambda node: isinstance(node, _DROPPED))):
        node.parent.remove(node)
    for target in list(document.findall(nodes.target)):
        # External targets, and internal ones whose ids docutils moved to what follows.
        if target.get("refuri") or not target["ids"]:
            target.parent.remove(target)
    languages = {}
    for node in document.findall(nodes.Element):
        classes = node["classes"]
        if isinstance(node, nodes.literal_block) and "code" in classes[:-1]:
            languages[id(node)] = classes[classes.index("code") + 1]
        node["classes"] = [name for name in classes if name in _KEPT_CLASSES]
    renamed = _unique_ids(document, links)
    for section in document.findall(nodes.section):
        title = section.next_node(nodes.title)
        if title is not None and section["ids"]:
            links.anchors.setdefault(github_slug(title.astext()), section["ids"][0])
    for node in document.findall(nodes.Element):
        if node.get("refid") in renamed:
            node["refid"] = renamed[node["refid"]]
        if node.get("backrefs"):
            node["backrefs"] = [renamed.get(backref, backref) for backref in node["backrefs"]]
    for reference in list(document.findall(nodes.reference)):
        if reference.get("refuri") is not None:
            replace_with(reference, links.link(reference["refuri"], detach_children(reference)))
    for image in list(document.findall(nodes.image)):
        in_link = has_ancestor(image, nodes.reference)
        shown = links.image(image.get("uri", ""), image.get("alt", ""), in_link=in_link)
        if not isinstance(image.parent, nodes.TextElement):
            shown = [nodes.paragraph("", "", *shown)] if shown else []
        replace_with(image, shown)
    for figure in list(document.findall(nodes.figure)):
        if figure.next_node(nodes.image) is None:  # its image became a link or text
            _unwrap_figure(figure)
    for block in list(document.findall(nodes.literal_block)):
        language = languages.get(id(block), "text")
        replace_with(block, [code_block(block.astext(), language)])
    for transition in list(document.findall(nodes.transition)):
        replace_with(transition, [nodes.container(classes=["repodocs-rule"])])
    _inline_in_paragraphs(document)
    _sections_to_headings(document, 1)
    return detach_children(document), ""


def _sections_to_headings(parent: nodes.Element, depth: int) -> None:
    """Each section becomes its heading followed by its body, as Markdown's do
    (``readme_markdown.heading``), keeping the section's ids for its links."""
    for section in [child for child in parent.children if isinstance(child, nodes.section)]:
        _sections_to_headings(section, depth + 1)
        body = detach_children(section)
        title = body.pop(0) if body and isinstance(body[0], nodes.title) else None
        heading = nodes.rubric("", "", classes=["repodocs-readme-heading"], ids=section["ids"])
        heading["heading-level"] = min(depth + 2, 6)
        if isinstance(title, nodes.title):
            heading.extend(detach_children(title))
        section["ids"] = []
        replace_with(section, [heading, *body])


def _unwrap_figure(figure: nodes.figure) -> None:
    """A figure without its image: what it held (the image's link or text, the
    caption as a paragraph, the legend's body) in its place."""
    content: list[nodes.Node] = []
    for child in detach_children(figure):
        if isinstance(child, nodes.caption):
            content.append(nodes.paragraph("", "", *detach_children(child)))
        elif isinstance(child, nodes.legend):
            content.extend(detach_children(child))
        else:
            content.append(child)
    replace_with(figure, content)


def _inline_in_paragraphs(document: nodes.document) -> None:
    """Inline nodes left at block level (an image with a ``:target:`` is a reference
    around an image there; Sphinx's HTML writer allows nothing else in it) go into a
    paragraph of their own."""
    for parent in list(document.findall(nodes.Element)):
        if isinstance(parent, nodes.TextElement):
            continue
        for child in list(parent.children):
            if isinstance(child, (nodes.Inline, nodes.Text)):
                paragraph = nodes.paragraph()
                parent.replace(child, paragraph)
                paragraph += child


def _unique_ids(document: nodes.document, links: ReadmeLinks) -> dict[str, str]:
    """Every id in *document* unique on the page; old id -> new id where renamed."""
    page_ids = links.document.ids
    renamed: dict[str, str] = {}
    for node in document.findall(nodes.Element):
        node["names"] = []
        node["dupnames"] = []
        new_ids = []
        for old in node["ids"]:
            candidate, number = old, 0
            while candidate in page_ids:
                number += 1
                candidate = f"{old}-{number}"
            page_ids[candidate] = node
            if candidate != old:
                renamed[old] = candidate
            new_ids.append(candidate)
        node["ids"] = new_ids
    return renamed
