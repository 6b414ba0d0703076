"""The repository index's charts: a bar of shares (languages by lines, purposes by
files) and a treemap of folders by lines.

Our own layout: a bar is a row of widths, and the treemap is the squarified layout
(Bruls, Huizing and van Wijk, 2000), a few dozen lines; a charting library would add
script and styles we would have to strip. Every chart is 960 pixels wide and scales
down with the page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from . import svg
from .colours import text_on
from .messages import _, n_, translated
from .repo_sizes import SizedFolder

WIDTH = 960.0
#: The most shares a bar shows; the rest are one "Other".
BAR_CAP = 10
_BAR_HEIGHT = 12.0
_LEGEND_ROW = 20.0
_LEGEND_COLUMNS = 4
_TREEMAP_HEIGHT = 420.0
_HEADING = 18.0  # a top-level folder's label strip, when its box is tall enough


_PAD = 10.0
_BAR_TOP = _PAD + 18  # below the caption
_BAR_CLIP = '<clipPath id="bar"><rect x="10" y="28" width="940" height="12" rx="6"/></clipPath>'


@dataclass(frozen=True, slots=True)
class Share:
    name: str
    amount: int
    colour: str


def capped_shares(
    amounts: Sequence[tuple[str, int]], colour: Callable[[str], str]
) -> tuple[Share, ...]:
    """The largest shares, most first, and one grey "Other" for the rest."""
    shares = [Share(name, amount, colour(name)) for name, amount in amounts if amount > 0]
    if len(shares) <= BAR_CAP:
        return tuple(shares)
    rest = sum(share.amount for share in shares[BAR_CAP - 1 :])
    return (*shares[: BAR_CAP - 1], Share(_("Other"), rest, "#8c959f"))


def _percent(amount: int, total: int) -> str:
    share = 100 * amount / total
    return f"{share:.1f}%" if share >= 0.1 else "<0.1%"


def share_bar(
    title: str, caption: str, amount: Callable[[int], str], shares: Sequence[Share]
) -> svg.Picture:
    """A bar of *shares* (each a width by its amount, which *amount* says with its unit:
    "1,234 lines") under its *caption*, and a legend below."""
    total = sum(share.amount for share in shares)
    n = svg.number
    body = [svg.text(_PAD, _PAD + 11, caption, "dim") + "\n", '<g clip-path="url(#bar)">\n']
    x = _PAD
    for share in shares:
        width = (WIDTH - 2 * _PAD) * share.amount / total
        tip = _("{name}: {amount} ({share})").format(
            name=translated(share.name),
            amount=amount(share.amount),
            share=_percent(share.amount, total),
        )
        body.append(
            f'<rect x="{n(x)}" y="{n(_BAR_TOP)}" width="{n(width + 0.5)}" '
            f'height="{n(_BAR_HEIGHT)}" '
            f'fill="{share.colour}"><title>{svg.xml_text(tip)}</title></rect>\n'
        )
        x += width
    body.append("</g>\n")
    column_width = (WIDTH - 2 * _PAD) / _LEGEND_COLUMNS
    for position, share in enumerate(shares):
        row, column = divmod(position, _LEGEND_COLUMNS)
        left = _PAD + column * column_width
        baseline = _BAR_TOP + _BAR_HEIGHT + 22 + row * _LEGEND_ROW
        body.append(
            f'<circle class="swatch" cx="{n(left + 5)}" cy="{n(baseline - 4)}" r="5" '
            f'fill="{share.colour}"/>'
        )
        # The share first, right-aligned in a column of its own, then the name: the
        # width of a name in a proportional font is not known here.
        share_end = left + 58
        body.append(svg.text(share_end, baseline, _percent(share.amount, total), "dim", "end"))
        body.append(svg.text(share_end + 6, baseline, svg.fitted(share.name, 24)) + "\n")
    rows = -(-len(shares) // _LEGEND_COLUMNS)
    height = _BAR_TOP + _PAD + _BAR_HEIGHT + 12 + rows * _LEGEND_ROW
    parts = ", ".join(
        f"{translated(share.name)} {_percent(share.amount, total)}" for share in shares
    )
    return svg.document(WIDTH, height, title, f"{title}: {parts}.", body, definitions=_BAR_CLIP)


@dataclass(frozen=True, slots=True)
class _Rect:
    x: float
    y: float
    width: float
    height: float


def _worst(row: Sequence[float], side: float) -> float:
    """The worst aspect ratio of *row*'s areas laid along a side of length *side*."""
    total = sum(row)
    return max(
        max(side * side * area / (total * total), total * total / (side * side * area))
        for area in row
    )


def squarified(areas: Sequence[float], within: _Rect) -> list[_Rect]:
    """Rectangles for *areas* (largest first, summing to *within*'s area), in order,
    each as near a square as the squarified layout makes it."""
    placed: list[_Rect] = []
    rest = within
    index = 0
    while index < len(areas):
        side = min(rest.width, rest.height)
        row = [areas[index]]
        index += 1
        while index < len(areas) and _worst([*row, areas[index]], side) <= _worst(row, side):
            row.append(areas[index])
            index += 1
        placed_row, rest = _lay_row(row, rest)
        placed.extend(placed_row)
    return placed


def _lay_row(row: Sequence[float], rest: _Rect) -> tuple[list[_Rect], _Rect]:
    """*row* along the shorter side of *rest*, and what of *rest* is left."""
    total = sum(row)
    placed: list[_Rect] = []
    if rest.width >= rest.height:  # a column on the left
        thickness = total / rest.height if rest.height else 0.0
        y = rest.y
        for area in row:
            height = area / thickness if thickness else 0.0
            placed.append(_Rect(rest.x, y, thickness, height))
            y += height
        return placed, _Rect(rest.x + thickness, rest.y, rest.width - thickness, rest.height)
    thickness = total / rest.width if rest.width else 0.0
    x = rest.x
    for area in row:
        width = area / thickness if thickness else 0.0
        placed.append(_Rect(x, rest.y, width, thickness))
        x += width
    return placed, _Rect(rest.x, rest.y + thickness, rest.width, rest.height - thickness)


def _boxes(entries: Sequence[SizedFolder], within: _Rect) -> list[tuple[SizedFolder, _Rect]]:
    total = sum(entry.lines for entry in entries)
    if not total:
        return []
    scale = within.width * within.height / total
    rects = squarified([entry.lines * scale for entry in entries], within)
    return list(zip(entries, rects, strict=True))


def _label(
    entry: SizedFolder, rect: _Rect, colour: str, baseline: float, *, strip: bool = False
) -> str:
    """The entry's name and lines where they fit in *rect*, else nothing; in one line
    when it is the strip above the boxes of what the entry holds."""
    columns = int((rect.width - 8) / (12 * 0.62))
    if columns < 4 or rect.height < 16:
        return ""
    tone = "on-light" if colour == "#000000" else "on-dark"
    size = lines(entry.lines)
    name = f"{entry.label} \u00b7 {size}" if strip else entry.label
    label = svg.text(rect.x + 4, baseline, svg.fitted(name, columns), f"mono {tone}")
    if not strip and rect.height >= 34 and svg.text_width(size, 11) <= rect.width - 8:
        label += svg.text(rect.x + 4, baseline + 14, size, f"small {tone}")
    return label


def _cell(
    entry: SizedFolder, rect: _Rect, fill: str, uri: Callable[[str], str], *, strip: bool = False
) -> str:
    n = svg.number
    shape = (
        f'<rect class="cell" x="{n(rect.x)}" y="{n(rect.y)}" width="{n(rect.width)}" '
        f'height="{n(rect.height)}" fill="{fill}"/>'
    )
    content = shape + _label(entry, rect, text_on(fill), rect.y + 14, strip=strip)
    if entry.language:
        tip = n_(
            "{label}: {count} line, mostly {language}",
            "{label}: {count} lines, mostly {language}",
            entry.lines,
        ).format(label=entry.label, language=translated(entry.language))
    else:
        tip = n_("{label}: {count} line", "{label}: {count} lines", entry.lines)
        tip = tip.format(label=entry.label)
    if entry.docname:
        return svg.link(uri(entry.docname), content, tip)
    return f"<g><title>{svg.xml_text(tip)}</title>{content}</g>\n"


_TREEMAP_STYLE = svg.THEME_STYLE + (
    ".cell{stroke:#ffffff;stroke-width:1}.small{font-size:11px}"
    ".on-light{fill:#000000}.on-dark{fill:#ffffff}"
    "a:hover .cell,a:focus .cell{stroke-width:2.5}"
    ".frame{fill:none;stroke:#ffffff;stroke-width:3}"
    "@media (prefers-color-scheme:dark){.cell,.frame{stroke:#0d1117}}\n"
)


def treemap(
    entries: Sequence[SizedFolder], colour: Callable[[str], str], uri: Callable[[str], str]
) -> svg.Picture:
    """*entries* (the root's folders, each with its own) as nested boxes by lines,
    coloured by each box's main language, each a link to its folder's page."""
    body: list[str] = []
    for entry, rect in _boxes(entries, _Rect(0, 0, WIDTH, _TREEMAP_HEIGHT)):
        fill = colour(entry.language) if entry.language else "#8c959f"
        if entry.children and rect.height > 3 * _HEADING and rect.width > 60:
            body.append(_cell(entry, rect, fill, uri, strip=True))
            inner = _Rect(rect.x + 2, rect.y + _HEADING, rect.width - 4, rect.height - _HEADING - 2)
            for child, child_rect in _boxes(entry.children, inner):
                child_fill = colour(child.language) if child.language else "#8c959f"
                body.append(_cell(child, child_rect, child_fill, uri))
        else:
            body.append(_cell(entry, rect, fill, uri))
        n = svg.number
        body.append(
            f'<rect class="frame" x="{n(rect.x)}" y="{n(rect.y)}" width="{n(rect.width)}" '
            f'height="{n(rect.height)}"/>\n'
        )
    total = sum(entry.lines for entry in entries)
    largest = ", ".join(f"{entry.label} {_percent(entry.lines, total)}" for entry in entries[:5])
    description = n_(
        "Folders by lines of text, {count} in all; the largest: {largest}.",
        "Folders by lines of text, {count} in all; the largest: {largest}.",
        total,
    ).format(largest=largest)
    title = _("Folders by lines")
    return svg.document(WIDTH, _TREEMAP_HEIGHT, title, description, body, style=_TREEMAP_STYLE)


def lines(count: int) -> str:
    """ "1 line", "1,234 lines"."""
    return n_("{count} line", "{count} lines", count)


def files(count: int) -> str:
    """ "1 file", "1,234 files"."""
    return n_("{count} file", "{count} files", count)
