"""A folder's README on its page: rendered (Markdown, reStructuredText) or as its source.

Rendering never lets the README's markup through: Markdown becomes docutils nodes
built here from markdown-it's tokens (``readme_markdown``), reStructuredText a document
docutils parsed with only safe directives and roles (``core.extract.markup``), adopted
with its ids prefixed (``readme_rst``). Links and images go only where the page view
resolved them (``site.readme``); everything else stays text. A README that cannot be
rendered cleanly is shown as its highlighted source, with the reason.
"""

from __future__ import annotations

import re
import unicodedata

from docutils import nodes

from ...core.extract.markup import ID_PREFIX
from ...core.read import read_text
from ...site.readme import ReadmeTarget
from ...site.text import shown
from ...site.views import FolderPageView
from ..i18n import _
from ..nodes import make_line_reference, make_readme_image
from . import common


def readme_section(document: nodes.document, view: FolderPageView, root: str) -> nodes.section:
    readme = view.readme
    assert readme is not None
    section = common.section(document, readme.name, classes=["repodocs-readme"], searchable=False)
    try:
        source, cut = read_text(root, readme, view.max_source_bytes)
    except OSError as error:
        section += common.sentence(
            _("The file could not be read: {reason}."), reason=str(error.strerror or error)
        )
        return section
    if view.readme_format and not cut:
        links = ReadmeLinks(document, dict(view.readme_targets))
        rendered, problem = _render(view.readme_format, source, readme.path, links)
        if rendered is not None:
            # Rendered, it is the folder's description: found by search on this page.
            section["classes"].remove("no-search")
            section["classes"].append("repodocs-rendered")
            section.extend(rendered)
            links.resolve_anchors(section)
            return section
        section += common.sentence(
            _("Shown as its source: it could not be rendered ({problem})."),
            problem=str(problem),
            classes=["repodocs-note"],
        )
    if cut:
        section += common.sentence(
            _("Only the first {count} lines are shown."),
            count=f"{source.count(chr(10)):,}",
            classes=["repodocs-note"],
        )
    block = common.source_block(source, readme.lexer, readme.digest)
    block["linenos"] = False
    block["highlight_args"] = {}
    section += block
    return section


def _render(
    format_: str, source: str, path: str, links: ReadmeLinks
) -> tuple[list[nodes.Node] | None, str]:
    from . import readme_markdown, readme_rst

    if format_ == "markdown":
        return readme_markdown.render(source, links), ""
    return readme_rst.render(source, path, links)


def github_slug(title: str) -> str:
    """The anchor code hosts give a heading: lower case, punctuation dropped, spaces to
    hyphens."""
    lowered = unicodedata.normalize("NFC", title).strip().lower()
    return re.sub(r"[^\w\- ]", "", lowered).replace(" ", "-")


class ReadmeLinks:
    """Links, images and heading anchors of one README on its folder page."""

    def __init__(self, document: nodes.document, targets: dict[str, ReadmeTarget]) -> None:
        self.document = document
        self.targets = targets
        #: Heading anchors as written in links ("installation") -> the section's id.
        self.anchors: dict[str, str] = {}
        self._slugs: dict[str, int] = {}

    def new_id(self, title: str, node: nodes.Element) -> None:
        """Give *node*, a README heading's section, a unique id on the page, and
        remember it for ``#slug`` links (repeated titles: ``slug-1``, ``slug-2``...)."""
        slug = github_slug(title)
        seen = self._slugs.get(slug, 0)
        self._slugs[slug] = seen + 1
        anchor = f"{slug}-{seen}" if seen else slug
        base = ID_PREFIX + (nodes.make_id(anchor) or "section")
        candidate, number = base, 0
        while candidate in self.document.ids:
            number += 1
            candidate = f"{base}-{number}"
        node["ids"] = [candidate]
        self.document.ids[candidate] = node
        self.anchors.setdefault(anchor, candidate)

    def link(self, destination: str, children: list[nodes.Node]) -> list[nodes.Node]:
        """*children* linked to where *destination* goes, or left as they are."""
        target = self.targets.get(destination)
        if target is None:
            return children
        if target.kind == "external":
            if all(isinstance(child, nodes.Text) and not child.strip() for child in children):
                children = [nodes.Text(shown(target.value))]  # a link with nothing to show
            return [nodes.reference("", "", *children, refuri=target.value)]
        if target.kind == "page":
            label = "".join(child.astext() for child in children) or target.path or "/"
            return [make_line_reference(target.value, target.line, shown(label))]
        pending = nodes.inline("", "", *children, classes=["repodocs-anchor"])
        pending["anchor"] = target.value
        return [pending]

    def image(self, destination: str, alt: str, *, in_link: bool) -> list[nodes.Node]:
        """The image shown in place, or what stands for it: a link, or its text."""
        target = self.targets.get(destination)
        alt = shown(alt)
        if target is not None and target.image:
            return [make_readme_image(target.image, alt)]
        label = alt or destination
        if target is None or in_link or target.kind == "anchor":
            return [nodes.Text(alt)] if alt else []
        return self.link(destination, [nodes.Text(shown(label))])

    def resolve_anchors(self, tree: nodes.Element) -> None:
        """``#heading`` links to the README's own headings; unknown anchors stay text."""
        for pending in list(tree.findall(nodes.inline)):
            anchor = pending.get("anchor")
            if anchor is None:
                continue
            refid = self.anchors.get(anchor) or self.anchors.get(github_slug(anchor))
            if refid is None:
                common.replace_with(pending, common.detach_children(pending))
            else:
                pending.replace_self(
                    nodes.reference("", "", *pending.children, refid=refid, internal=True)
                )
