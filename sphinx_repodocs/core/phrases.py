"""Texts the core writes on pages, as English that keeps its message.

The core is pure and its results are cached between builds, so it does not translate:
a page is in the site's language, which can change while the model does not. A
:class:`Phrase` is its English text (a ``str``: compared, hashed, sorted, formatted and
stored as that text) that also keeps its message template and values, so that the site
layer shows it through the catalog (``site.messages.translated``, which ``site.text.shown``
applies to everything it writes). ``P_`` makes one and marks its template for
``make pot``; a value may itself be a phrase.
"""

from __future__ import annotations

import functools
from typing import Any


class Phrase(str):
    """English text with its message: ``template`` and the ``values`` it names."""

    template: str
    values: tuple[tuple[str, str], ...]

    def __new__(cls, template: str, values: tuple[tuple[str, str], ...] = ()) -> Phrase:
        text = template.format_map(dict(values)) if values else template
        phrase = super().__new__(cls, text)
        phrase.template, phrase.values = template, values
        return phrase

    def __reduce__(self) -> tuple[Any, ...]:
        return (Phrase, (self.template, self.values))


def P_(template: str, /, **values: object) -> Phrase:
    """The phrase of *template* with its ``{name}`` placeholders filled (numbers as
    they are written, ``str(value)``); one shared phrase for a template without
    values (a purpose's name is every file's)."""
    if not values:
        return _constant(template)
    return Phrase(
        template,
        tuple(
            (name, value if isinstance(value, str) else str(value))
            for name, value in values.items()
        ),
    )


@functools.cache
def _constant(template: str) -> Phrase:
    return Phrase(template)
