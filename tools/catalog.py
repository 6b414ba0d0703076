"""The catalog template of sphinx-repodocs' page texts: every message marked with
``_``, ``n_`` (singular and plural), ``N_`` or ``P_`` (the core's phrases) in the
package, read by Babel (a dependency of Sphinx) without importing or running the code.

Usage: ``python tools/catalog.py sphinx_repodocs/locale/sphinx_repodocs.pot``
(``make pot``). ``tests/test_i18n_catalog.py`` checks that the shipped template lists
exactly what the sources mark.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import write_po

PACKAGE = Path(__file__).resolve().parent.parent / "sphinx_repodocs"
#: The markers and which arguments are messages (``n_``: singular, plural).
KEYWORDS: dict[str, tuple[int, ...] | None] = {"_": None, "N_": None, "n_": (1, 2), "P_": (1,)}


def extract() -> Catalog:
    """Every marked message of the package, sorted, with no source locations (so that
    moving code does not change the template)."""
    version = re.search(r'__version__ = "([^"]+)"', (PACKAGE / "__init__.py").read_text())
    catalog = Catalog(
        project="sphinx-repodocs",
        version=version[1] if version else None,
        copyright_holder="sphinx-repodocs developers",
        domain="sphinx_repodocs",
        fuzzy=False,
    )
    found = extract_from_dir(
        PACKAGE,
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=(),
        strip_comment_tags=True,
    )
    for _filename, _lineno, message, _comments, _context in found:
        catalog.add(message)
    return catalog


def main(target: Path) -> None:
    catalog = extract()
    with target.open("wb") as out:
        write_po(out, catalog, no_location=True, sort_output=True, width=88)
    print(f"{target}: {len(catalog)} messages")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
