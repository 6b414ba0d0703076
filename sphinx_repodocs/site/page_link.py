"""A link from one generated page to another."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Link:
    """A link to another generated page: what it says and the docname it goes to."""

    label: str
    docname: str
