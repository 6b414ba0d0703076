"""A guess at the encoding of text that is not UTF-8, with charset-normalizer.

Accepted only where it is measured to be right: the guessed decoding must be free of
the noise charset-normalizer measures (its "chaos" at most :data:`MAX_CHAOS`), and a
guess that Windows-1252 ties (the same noise, or the same text) gives way to it, as
short Western text is where guesses between Latin code pages go wrong (measured:
"naïve" read as Windows-1250 "naďve"). An ISO 8859 file with no byte in 0x80-0x9F
keeps its ISO code page when it ties with the Windows one. Pure; nothing runs.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

#: Largest chaos accepted; every right guess measured had 0.0 and wrong ones ≥ 0.1.
MAX_CHAOS = 0.05
#: How much of a file the guess reads.
GUESS_BYTES = 256 * 1024
#: Fewer non-ASCII bytes than this are too little evidence (measured: "café" in
#: Windows-1252 is guessed as two Chinese characters).
MIN_NON_ASCII = 16
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_C1_BYTES = re.compile(rb"[\x80-\x9f]")
#: Windows code pages and the ISO 8859 part each extends (same letters off 0x80-0x9F).
_ISO_SIBLINGS = {"cp1250": "iso8859-2", "cp1252": "latin-1", "cp1253": "iso8859-7"}
_NAMES = {
    "cp1250": "Windows-1250",
    "cp1251": "Windows-1251",
    "cp1253": "Windows-1253",
    "cp1254": "Windows-1254",
    "cp1255": "Windows-1255",
    "cp1256": "Windows-1256",
    "cp1257": "Windows-1257",
    "koi8-r": "KOI8-R",
    "koi8-u": "KOI8-U",
    "gb18030": "GB18030",
    "big5": "Big5",
    "cp932": "Shift JIS (cp932)",
    "shift_jis": "Shift JIS",
    "euc_jp": "EUC-JP",
    "euc_jis_2004": "EUC-JP",
    "cp949": "EUC-KR (cp949)",
    "euc_kr": "EUC-KR",
    "iso8859-2": "ISO-8859-2",
    "iso8859-5": "ISO-8859-5",
    "iso8859-7": "ISO-8859-7",
}


def guess_encoding(data: bytes) -> tuple[str, str] | None:
    """(codec, label) for *data*, or None where Windows-1252 is the better floor."""
    sample = data[:GUESS_BYTES]
    if len(_NON_ASCII.findall(sample)) < MIN_NON_ASCII:
        return None
    matches = list(from_bytes(sample))
    if not matches:
        return None
    best = matches[0]
    codec = codecs.lookup(best.encoding).name
    if best.chaos > MAX_CHAOS or codec in ("cp1252", "latin-1", "ascii", "utf-8"):
        return None
    by_codec = {codecs.lookup(m.encoding).name: m.chaos for m in matches}
    if by_codec.get("cp1252", 1.0) <= best.chaos or _same_as_cp1252(sample, codec):
        return None
    sibling = _ISO_SIBLINGS.get(codec)
    if sibling and by_codec.get(sibling, 1.0) <= best.chaos and not _C1_BYTES.search(sample):
        codec = sibling
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    if _implausible(text):
        return None
    language = f", {best.language}" if best.language and best.language != "Unknown" else ""
    name = _NAMES.get(codec, codec)
    return codec, f"{name} (not valid UTF-8; a guess by charset-normalizer{language})"


#: Half-width katakana: what Cyrillic or Latin bytes read as Shift JIS look like
#: (measured: a one-line KOI8-R sentence guessed as Shift JIS).
_HALF_WIDTH_KANA = re.compile("[\uff61-\uff9f]")


def _implausible(text: str) -> bool:
    """Most of the non-ASCII characters are half-width katakana, which real Japanese
    text uses rarely."""
    foreign = sum(1 for character in text if ord(character) > 127)
    return foreign > 0 and len(_HALF_WIDTH_KANA.findall(text)) * 2 > foreign


def _same_as_cp1252(data: bytes, codec: str) -> bool:
    try:
        return data.decode("cp1252") == data.decode(codec)
    except UnicodeDecodeError:
        return False
