"""The words of our pages, translated through the host's message catalog.

Pure, like the rest of ``site``: nothing here imports Sphinx. A site module writes
``_("Defined at")`` where a text is shown, ``n_("{count} file", "{count} files", n)``
where a count decides the form, and ``N_("Third-party")`` for a constant translated
later, where it is shown (``_(LABELS[kind])``). Templates name their values
(``_("Imports ({count})").format(count=n)``) so that a translation may reorder them.
The core's own texts are :class:`~sphinx_repodocs.core.phrases.Phrase` objects,
shown through ``translated``. Until the Sphinx layer installs its catalog (``use``, at
config-inited), texts stay English. ``make pot`` extracts every marked message into
the shipped catalog template.
"""

from __future__ import annotations

from collections.abc import Callable

from ..core.phrases import Phrase

Translate = Callable[[str], str]
TranslatePlural = Callable[[str, str, int], str]


def _english_plural(singular: str, plural: str, number: int) -> str:
    return singular if number == 1 else plural


_translate: Translate = str
_translate_plural: TranslatePlural = _english_plural


def use(translate: Translate, translate_plural: TranslatePlural) -> None:
    """Translate with the host's catalog from now on (in this process and its forks)."""
    global _translate, _translate_plural
    _translate, _translate_plural = translate, translate_plural


def _(message: str) -> str:
    """*message* in the site's language."""
    return _translate(message)


def n_(singular: str, plural: str, number: int) -> str:
    """The form for *number* in the site's language, its ``{count}`` filled in
    (``1,234``)."""
    return _translate_plural(singular, plural, number).replace("{count}", f"{number:,}")


def N_(message: str) -> str:
    """Marks *message* for the catalog; it is translated where it is shown."""
    return message


def translated(text: str) -> str:
    """*text* in the site's language when it is a core :class:`Phrase` (its values
    translated too), as it is otherwise. A translation that names a value its message
    does not have falls back to the English text."""
    if not isinstance(text, Phrase):
        return text
    values = {name: translated(value) for name, value in text.values}
    try:
        return _translate(text.template).format_map(values)
    except (KeyError, IndexError, ValueError):
        return str.__str__(text)
