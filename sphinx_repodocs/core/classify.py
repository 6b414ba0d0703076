"""What a file is: binary or text, its encoding, language and purpose.

Pure functions over bytes and paths; nothing here imports Sphinx.
"""

from __future__ import annotations

import codecs
import functools
import re
import tokenize
from collections.abc import Mapping
from dataclasses import dataclass
from io import BytesIO

from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from .encoding_guess import guess_encoding
from .lexer_names import lexer_for_filename
from .phrases import P_

#: How many leading bytes decide binary versus text (git looks at 8,000).
SNIFF_BYTES = 8000

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # Longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32 with BOM"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32 with BOM"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16 with BOM"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16 with BOM"),
)

#: Bytes that never occur in text in practice (C0 controls except tab, LF, VT, FF, CR, ESC).
_CONTROL_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x1B)) | {0x1C, 0x1D}


@dataclass(frozen=True, slots=True)
class Decoded:
    """The outcome of decoding a file's bytes."""

    text: str | None
    #: Python codec that decodes the file, or None for binary content.
    codec: str | None
    #: What a reader is told, e.g. "UTF-8" or "Windows-1252 (not valid UTF-8; a guess)".
    label: str


def decode(data: bytes, path: str = "", attributes: Mapping[str, str] | None = None) -> Decoded:
    """Decode *data* without ever producing mojibake silently.

    Order: git's ``binary`` attribute; a byte-order mark; a PEP 263 coding cookie for
    Python files; git's ``working-tree-encoding``; strict UTF-8; binary detection; a
    measured guess (``encoding_guess``); Windows-1252; each guess says so in its label.
    """
    attributes = attributes or {}
    if attributes.get("binary") == "set":
        return Decoded(None, None, "binary (.gitattributes marks it binary)")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec, label)
            except UnicodeDecodeError:
                return Decoded(
                    None, None, f"binary (starts with a {label} mark but does not decode)"
                )
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        return Decoded(None, None, "binary (NUL bytes)")
    if path.endswith((".py", ".pyi", ".pyw")):
        cookie = _python_coding_cookie(data)
        if cookie and cookie not in ("utf-8", "utf-8-sig"):
            try:
                return Decoded(
                    data.decode(cookie), cookie, f"{cookie} (declared by a coding cookie)"
                )
            except (UnicodeDecodeError, LookupError):
                pass
    if declared := _working_tree_encoding(attributes):
        try:
            return Decoded(
                data.decode(declared),
                declared,
                f"{declared} (declared by .gitattributes working-tree-encoding)",
            )
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "ASCII" if data.isascii() else "UTF-8")
    except UnicodeDecodeError:
        pass
    if sum(byte in _CONTROL_BYTES for byte in head) > len(head) // 20:
        return Decoded(None, None, "binary (control bytes)")
    if guessed := guess_encoding(data):
        return Decoded(data.decode(guessed[0]), *guessed)
    try:
        text = data.decode("cp1252")
        return Decoded(text, "cp1252", "Windows-1252 (not valid UTF-8; a guess)")
    except UnicodeDecodeError:
        return Decoded(data.decode("latin-1"), "latin-1", "Latin-1 (not valid UTF-8; a guess)")


def _working_tree_encoding(attributes: Mapping[str, str]) -> str | None:
    value = attributes.get("working-tree-encoding", "")
    if value in ("", "set", "unset"):
        return None
    try:
        return codecs.lookup(value).name
    except LookupError:
        return None


def _python_coding_cookie(data: bytes) -> str | None:
    lines = data.split(b"\n", 2)[:2]
    if not any(b"coding" in line for line in lines):
        return None
    try:
        encoding, _ = tokenize.detect_encoding(BytesIO(b"\n".join(lines) + b"\n").readline)
    except SyntaxError:
        return None
    return codecs.lookup(encoding).name


def normalise_newlines(text: str) -> tuple[str, str]:
    """Return *text* with \\n line ends and the name of the original convention."""
    crlf = text.count("\r\n")
    lone_cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    styles = [name for name, count in (("LF", lf), ("CRLF", crlf), ("CR", lone_cr)) if count]
    if not styles:
        style = "none"
    elif len(styles) == 1:
        style = styles[0]
    else:
        style = "mixed (" + ", ".join(styles) + ")"
    if crlf or lone_cr:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, style


def count_lines(text: str) -> int:
    """Lines as Python's tokenizer and Pygments count them (\\n only, not \\f)."""
    if not text:
        return 0
    return text.count("\n") + (0 if text.endswith("\n") else 1)


# --- language ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Language:
    """A language as shown to readers and as Pygments highlights it."""

    name: str
    lexer: str


#: What a file is when nothing names its language.
PLAIN_TEXT = Language(P_("Plain text"), "text")

#: Files whose names Pygments gives another language's lexer (``*.mod`` is Modula-2).
_NAMED_FILES = {
    "go.mod": Language(P_("Go module file"), "text"),
    "go.work": Language(P_("Go workspace file"), "text"),
    "go.sum": Language(P_("Go checksums"), "text"),
}

#: Grammar sources Pygments has no lexer for: shown as text, classed as source.
_GRAMMARS = {
    ".y": Language(P_("Yacc/Bison grammar"), "text"),
    ".yy": Language(P_("Yacc/Bison grammar"), "text"),
    ".l": Language(P_("Lex/Flex scanner"), "text"),
    ".g4": Language(P_("ANTLR grammar"), "text"),
}
#: Languages whose files are code even though they are shown as plain text.
GRAMMAR_LANGUAGES = frozenset(language.name for language in _GRAMMARS.values())


_SHEBANG = re.compile(r"^#!\s*(?:/usr/bin/env\s+(?:-S\s+)?)?(?:\S*/)?([A-Za-z]+)")
_INTERPRETERS = {
    "python": "python",
    "bash": "bash",
    "sh": "bash",
    "zsh": "zsh",
    "perl": "perl",
    "ruby": "ruby",
    "node": "javascript",
    "tclsh": "tcl",
    "awk": "awk",
}


_MODELINE = re.compile(r"-\*-\s*(?:mode:\s*)?([A-Za-z+#]+)\s*;?[^*]*-\*-")
_MODES = {
    "c++": "cpp",
    "c": "c",
    "python": "python",
    "sh": "bash",
    "makefile": "make",
    "perl": "perl",
    "ruby": "ruby",
    "javascript": "javascript",
    "js": "javascript",
}


def language_for(
    filename: str, first_line: str = "", attributes: Mapping[str, str] | None = None
) -> Language:
    """The language of a file: git's ``linguist-language`` attribute, else its name, else a
    ``#!`` line, else an Emacs mode line (``// <vector> -*- C++ -*-`` heads C++ headers
    that have no extension)."""
    if attributes and (named := _language_for_attribute(attributes.get("linguist-language"))):
        return named
    language = _language_for_name(filename)
    if language is not PLAIN_TEXT:
        return language
    if match := _SHEBANG.match(first_line):
        interpreter = match.group(1).rstrip("0123456789.")
        if alias := _INTERPRETERS.get(interpreter):
            return _language_for_alias(alias)
    if (match := _MODELINE.search(first_line)) and (alias := _MODES.get(match.group(1).lower())):
        return _language_for_alias(alias)
    return language


def _language_for_attribute(value: str | None) -> Language | None:
    """Linguist's language names are Pygments aliases once lower-cased and hyphenated
    ("C", "C++", "Objective-C", "Shell"); a name Pygments does not know is ignored."""
    if not value or value in ("set", "unset"):
        return None
    try:
        lexer_class = get_lexer_by_name(value.lower().replace(" ", "-")).__class__
    except ClassNotFound:
        return None
    return Language(lexer_class.name, lexer_class.aliases[0])


@functools.lru_cache(maxsize=64)
def _language_for_alias(alias: str) -> Language:
    lexer_class = get_lexer_by_name(alias).__class__
    return Language(lexer_class.name, alias)


def _language_for_name(filename: str) -> Language:
    if named := _NAMED_FILES.get(filename.rpartition("/")[2]):
        return named
    suffix = filename[filename.rfind(".") :] if "." in filename else ""
    if grammar := _GRAMMARS.get(suffix.lower()):
        return grammar
    found = lexer_for_filename(filename)
    if found is None or found[1] == "text":
        # Pygments' "Text only" is what we call plain text: one name in every table.
        return PLAIN_TEXT
    return Language(*found)
