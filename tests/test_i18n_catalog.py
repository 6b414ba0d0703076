"""Our page texts go through the ``sphinx_repodocs`` catalog: the shipped template lists
every marked message, and pages built with a catalog that translates every message
keep no English word of ours."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from sphinx.testing.util import SphinxTestApp

from sphinx_repodocs.sphinx.build_state import get_state
from sphinx_repodocs.sphinx.i18n import CATALOG, LOCALE_DIR

from .conftest import RST_CONF, RST_INDEX, write_tree
from .html_tree import Element, page_content, parse_html

ROOT = Path(__file__).parent.parent
SHIPPED = LOCALE_DIR / f"{CATALOG}.pot"


def load_catalog_tool():
    spec = importlib.util.spec_from_file_location("catalog", ROOT / "tools" / "catalog.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_template_lists_every_marked_message():
    extracted = {message.id for message in load_catalog_tool().extract() if message.id}
    with SHIPPED.open("rb") as shipped:
        listed = {message.id for message in read_po(shipped) if message.id}
    assert extracted, "no message is marked"
    assert extracted == listed, "the shipped .pot is out of date: run `make pot`"


# -- a catalog that translates every message -------------------------------------------

_PLACEHOLDER = re.compile(r"(\{\w+\}|%\(\w+\)[sdr])")
_LOOKALIKE = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐ",
)


def pseudo(message: str) -> str:
    """*message* with every letter replaced by a look-alike, its placeholders kept."""
    parts = _PLACEHOLDER.split(message)
    return "".join(
        part if index % 2 else part.translate(_LOOKALIKE) for index, part in enumerate(parts)
    )


def english_words(messages: list[str]) -> set[str]:
    return {
        word.lower()
        for message in messages
        for word in re.findall(r"[A-Za-z]{3,}", _PLACEHOLDER.sub(" ", message))
    }


def write_pseudo_catalog(folder: Path) -> list[str]:
    """A compiled catalog translating every message of the template; its msgids."""
    with SHIPPED.open("rb") as shipped:
        template = read_po(shipped)
    catalog = Catalog(locale="de", domain=CATALOG)
    ids: list[str] = []
    for message in template:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            catalog.add(message.id, tuple(pseudo(form) for form in message.id))
            ids.extend(message.id)
        else:
            catalog.add(message.id, pseudo(message.id))
            ids.append(message.id)
    target = folder / "de" / "LC_MESSAGES" / f"{CATALOG}.mo"
    target.parent.mkdir(parents=True)
    with target.open("wb") as out:
        write_mo(out, catalog)
    return ids


#: A repository whose own words are few and not ours: a page's English words that are
#: neither in the repository nor translated are ours, left in English. It has what
#: brings the core's sentences: a test, a script with options and a shell call, a
#: generated and a vendored file, a secret, imports both ways.
REPO = {
    "qz/__init__.py": "",
    "qz/wq.py": (
        "class Zqx:\n    def vrk(self):\n        return 1\n\n\ndef jjv():\n    return Zqx()\n"
    ),
    "qz/kk.py": "from qz.wq import jjv\n\n\ndef brz():\n    return jjv()\n",
    "qz/rr.py": (
        "import argparse\nimport subprocess\n\n\ndef zmn():\n"
        "    pp = argparse.ArgumentParser()\n"
        '    pp.add_argument("--qqq", help="zzv")\n'
        "    pp.parse_args()\n"
        '    subprocess.run("ls", shell=True)\n\n\n'
        'if __name__ == "__main__":\n    zmn()\n'
    ),
    "qz/zz_pb2.py": "def qvq():\n    return 2\n",
    "qz/cc.h": "int qqf(void);\n",
    "qz/cc.c": '#include "cc.h"\n\nint qqf(void) { return 1; }\n',
    "qz/ll.yaml": "- name: zqv\n- name: vqz\n",
    "tests/test_wq.py": "from qz.wq import jjv\n\n\ndef test_jjv():\n    assert jjv()\n",
    "vendor/vv/vvz.py": "def vzv():\n    return 3\n",
    "mm.py": "import qz.kk\n\nqz.kk.brz()\n",
    ".env": "QQ=1\n",
    "docs/conf.py": RST_CONF
    + 'repodocs_title = "qqv"\nlanguage = "de"\nlocale_dirs = ["locales"]\n',
    "docs/index.rst": RST_INDEX,
}
#: The repository's own words, which stay as they are.
REPOSITORY_WORDS = {
    word.lower()
    for path, content in REPO.items()
    for word in re.findall(r"[A-Za-z]{3,}", path + " " + content)
}

#: Names that are not words to translate: the grammar packages (``tree-sitter-c``).
NAMES = {"tree", "sitter"}

PAGES = (
    "_repodocs/index.html",
    "_repodocs/qz/index.html",
    "_repodocs/qz/wq.py.html",
    "_repodocs/qz/kk.py.html",
    "_repodocs/qz/rr.py.html",
    "_repodocs/qz/zz_pb2.py.html",
    "_repodocs/qz/cc.h.html",
    "_repodocs/qz/ll.yaml.html",
    "_repodocs/tests/test_wq.py.html",
    "_repodocs/vendor/vv/vvz.py.html",
    "_repodocs/~keywords/index.html",
)


@pytest.fixture(scope="module")
def translated_site(tmp_path_factory) -> tuple[Path, list[str], set[str]]:
    root = write_tree(tmp_path_factory.mktemp("i18n") / "repo", REPO)
    ids = write_pseudo_catalog(root / "docs" / "locales")
    classified: set[str] = set()

    def keep_classification(app, exception) -> None:
        # Language names are names ("Python", "C++"): they stay as they are.
        state = get_state(app.env)
        classified.update(file.language for file in state.model.files.values())

    app = SphinxTestApp("html", srcdir=root / "docs")
    try:
        app.connect("build-finished", keep_classification, priority=100)
        app.build()
    finally:
        app.cleanup()
    return Path(app.outdir), ids, english_words(sorted(classified))


def our_text(element: Element) -> str:
    """The text of our content, less code and listings (repository content)."""
    parts: list[str] = []

    def walk(node: Element) -> None:
        if node.tag in ("code", "pre") or "highlight" in " ".join(node.classes):
            return
        for child in node.children:
            if isinstance(child, str):
                parts.append(child)
            else:
                walk(child)

    walk(element)
    return " ".join(parts)


@pytest.mark.parametrize("page", PAGES)
def test_a_translated_page_keeps_no_english_word_of_ours(translated_site, page):
    outdir, ids, classified = translated_site
    html = (outdir / page).read_text(encoding="utf-8")
    content = page_content(html)
    words = {word.lower() for word in re.findall(r"[A-Za-z]{3,}", our_text(content))}
    left = sorted((words & english_words(ids)) - classified - REPOSITORY_WORDS - NAMES)
    assert left == [], f"English words of ours on {page}: {left}"
    # The check has translated text to look at.
    assert re.search("[ȧƀƈḓḗ]", our_text(content))


def test_pictures_are_translated_too(translated_site):
    outdir, ids, classified = translated_site
    pictures = sorted((outdir / "_repodocs").rglob("*.svg"))
    assert pictures
    for picture in pictures:
        svg = parse_html(picture.read_text(encoding="utf-8"))
        texts = " ".join(
            element.text() for element in svg.iter() if element.tag in ("text", "title")
        )
        words = {word.lower() for word in re.findall(r"[A-Za-z]{3,}", texts)}
        left = sorted((words & english_words(ids)) - classified - REPOSITORY_WORDS - NAMES)
        assert left == [], picture.name


def test_plural_forms(translated_site):
    """Guard of ``compat.translate_plural``: a catalog's plural forms are found, and
    the count is filled in."""
    outdir, _ids, _classified = translated_site
    index = (outdir / "_repodocs" / "index.html").read_text(encoding="utf-8")
    plural = pseudo("{count} files").removeprefix("{count}")
    assert re.search(r"\d" + re.escape(plural), index), "no plural form of 'files'"
    assert "{count}" not in index
