"""The placeholder node for blocks built when a page is written (see ``expansion``)."""

from __future__ import annotations

from docutils import nodes


class deferred(nodes.General, nodes.Element):
    """Placeholder for nodes built at write time; ``what`` names the builder."""


def make_deferred(what: str, **attributes: object) -> deferred:
    node = deferred()
    node["what"] = what
    for name, value in attributes.items():
        node[name] = value
    return node
