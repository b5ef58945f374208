"""Thai text normalisation, in one place (DESIGN "Thai text").

Two layers:

* :func:`normalize` produces the text every rule sees: Thai digits → Arabic, ``ํา`` → ``ำ``,
  legacy private-use glyphs of Thai fonts mapped back to their characters, zero-width and
  no-break spaces folded, whitespace collapsed. It keeps the text readable for evidence.
* :func:`match_key` is stricter and only for matching: it also removes every space (Thai has
  no spaces between words and pdfium inserts some, e.g. after ``ำ``), lower-cases Latin, and
  collapses the repeated clusters that mark-positioning fonts produce in PDF text
  (``ขั้นขั้ ตอน`` → ``ขั้นตอน``).

:func:`contains` matches a phrase against a key, treating U+FFFD and unknown private-use
characters (what older PDFs carry in place of vowels) as a wildcard for one Thai vowel or mark.
"""

from __future__ import annotations

import re
from functools import lru_cache

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

# Positional variants of Thai marks in the private-use area used by Windows/Mac Thai fonts
# (U+F700–U+F71A); PDFs made with such fonts carry them instead of the real characters.
_PUA_THAI = {
    0xF700: "\u0e10",
    0xF701: "\u0e34",
    0xF702: "\u0e35",
    0xF703: "\u0e36",
    0xF704: "\u0e37",
    0xF705: "\u0e48",
    0xF706: "\u0e49",
    0xF707: "\u0e4a",
    0xF708: "\u0e4b",
    0xF709: "\u0e4c",
    0xF70A: "\u0e48",
    0xF70B: "\u0e49",
    0xF70C: "\u0e4a",
    0xF70D: "\u0e4b",
    0xF70E: "\u0e4c",
    0xF70F: "\u0e0d",
    0xF710: "\u0e31",
    0xF711: "\u0e4d",
    0xF712: "\u0e47",
    0xF713: "\u0e48",
    0xF714: "\u0e49",
    0xF715: "\u0e4a",
    0xF716: "\u0e4b",
    0xF717: "\u0e4c",
    0xF718: "\u0e38",
    0xF719: "\u0e39",
    0xF71A: "\u0e3a",
}
_ZERO_WIDTH = {0x200B: None, 0x200C: None, 0x200D: None, 0x2060: None, 0xFEFF: None, 0x00AD: None}
_SPACES = {
    # every Unicode space that ``\s`` knows becomes a plain space (line separators a line
    # break), so that after the table only " ", "\n", "\t" and "\r" remain to collapse
    0x1680: " ",
    0x2000: " ",
    0x2001: " ",
    0x2004: " ",
    0x2005: " ",
    0x2006: " ",
    0x2008: " ",
    0x205F: " ",
    0x2028: "\n",
    0x2029: "\n",
    0x00A0: " ",
    0x2007: " ",
    0x202F: " ",
    0x3000: " ",
    0x2002: " ",
    0x2003: " ",
    0x2009: " ",
    0x200A: " ",
}
_TABLE: dict[int, str | None] = {**_PUA_THAI, **_ZERO_WIDTH, **_SPACES}
_TABLE.update({ord(t): a for t, a in zip("๐๑๒๓๔๕๖๗๘๙", "0123456789", strict=True)})
# ``str.translate`` with a dict looks up every character (1.2 ms for a 15,000-character PDF,
# most of ``normalize``); a character class finds the few that change at C speed.
_TABLE_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TABLE)) + "]")


def _table_sub(m: re.Match[str]) -> str:
    return _TABLE[ord(m.group())] or ""


_WS = re.compile(r"[ \t\r\f\v]+")
_NIKHAHIT_TONE_AA = re.compile("\u0e4d([\u0e48-\u0e4b])\u0e32")
_AM_SPACE = re.compile("\u0e33 (?=[\u0e01-\u0e4e])")
_NL = re.compile(r"\s*\n\s*")
# Thai consonant followed by one or more above/below marks: the unit that gets repeated.
_REPEAT = re.compile(r"(([\u0e01-\u0e2e][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+)[\u0e01-\u0e2e]?)\2")
_WILDCARD_CHARS = "\ufffd\ue000-\uf8ff"
_THAI_MARKS = set(
    "\u0e31\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a"
    "\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e\u0e40\u0e41\u0e42\u0e43\u0e44"
    "\u0e30\u0e32\u0e45"
)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def normalize(text: str) -> str:
    """Readable normalised text: what every rule and every evidence string sees."""
    if not text:
        return ""
    # C0/C1 control characters carry no text and break terminals, XML and workbooks.
    text = _CONTROL.sub("", text)
    out = text if text.isascii() else _TABLE_RE.sub(_table_sub, text)
    if "\u0e4d" in out:
        # ำ typed or extracted as nikhahit + sara aa, with or without a tone mark between.
        out = out.replace("\u0e4d\u0e32", "\u0e33")
        out = _NIKHAHIT_TONE_AA.sub("\\1\u0e33", out)
    if "\u0e33 " in out:
        # pdfium's space after sara am inside a word ("ประจำ ปี").
        out = _AM_SPACE.sub("\u0e33", out)
    # Most text is already tidy (extraction's, when a rule normalises again): the collapsing
    # substitutions rewrite every single space and line break, so run them only where there
    # is something to collapse (``in`` scans at memchr speed, 30× faster than the regexes).
    if "  " in out or "\t" in out or "\r" in out:
        out = _WS.sub(" ", out)
    if " \n" in out or "\n " in out or "\n\n" in out:
        out = _NL.sub("\n", out)
    return out.strip()


def thai_digits_to_arabic(text: str) -> str:
    return text.translate(THAI_DIGITS)


@lru_cache(maxsize=64)
def match_key(text: str) -> str:
    """Lossy key for matching: no spaces, Latin lower-cased, repeated clusters collapsed.

    A small cache: the same texts are keyed by several rules of one item (and Python caches a
    string's hash, so a repeat costs nothing), but a large one would keep whole documents of
    finished agencies alive in a long nightly run.
    """
    out = normalize(text).lower()
    out = out.replace(" ", "").replace("\n", "")  # the only whitespace normalize leaves
    n = 1
    while n:  # "ขั้นขั้ขั้ตอน" needs two passes; a clean text (the usual) only the first
        out, n = _REPEAT.subn(r"\1", out)
    return out


_MARKS = re.compile("[\u0e47-\u0e4e]")


def ocr_loose(key: str) -> str:
    """A match key without Thai tone marks and signs (U+0E47–U+0E4E), for text read by OCR.

    Tesseract drops or swaps these small marks most often ("หน้าที่" read as "หน้าที"), and
    they never tell two ITA elements apart; comparing without them on *both* sides keeps a
    dropped mark from reading as a missing element.
    """
    return _MARKS.sub("", key)


@lru_cache(maxsize=4096)
def _phrase_regex(key: str) -> re.Pattern[str]:
    parts = []
    for ch in key:
        if ch in _THAI_MARKS:
            parts.append(f"(?:{re.escape(ch)}|[{_WILDCARD_CHARS}])")
        else:
            parts.append(re.escape(ch))
    return re.compile("".join(parts))


def contains(haystack_key: str, phrase: str) -> bool:
    """True when ``phrase`` occurs in a text already turned into a :func:`match_key`."""
    needle = match_key(phrase)
    if not needle:
        return True
    if needle in haystack_key:
        return True
    if not _wild(haystack_key):
        return False
    return _phrase_regex(needle).search(haystack_key) is not None


_WILD = re.compile(f"[{_WILDCARD_CHARS}]")


@lru_cache(maxsize=16)
def _wild(haystack_key: str) -> bool:
    """Does a text hold characters a PDF font left unmapped? Asked once per text, not once
    per phrase it lacks: the scan of a whole document for each missing element was 5 % of a
    night's main process (py-spy). A small cache, as for :func:`match_key`."""
    return _WILD.search(haystack_key) is not None
