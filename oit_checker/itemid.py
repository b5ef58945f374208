"""Item ids as people write them: ``O12``, ``o12``, ``O 12``, ``O-12``, ``O012``, ``OIT 12``,
``ข้อ O12``, Thai digits (``O๑๒``), and the letter O typed as a zero (``012``, ``๐๑๒``: OCR'd
score tables of the seeds write O12 this way). All become ``O12``.
"""

from __future__ import annotations

import re

from oit_checker.thaitext import thai_digits_to_arabic

_ID = re.compile(r"^(?:ข้อ\s*)?(?:(?P<o>[oO]|oit|OIT|Oit)\s*[-–.:]?\s*)?(?P<n>\d{1,3})$")


def normalize_item_id(raw: str) -> str | None:
    """``"O 012"`` → ``"O12"``; ``None`` when the string is not an item id."""
    s = thai_digits_to_arabic(str(raw)).strip().replace("\u00a0", " ")
    m = _ID.match(s)
    if not m:
        return None
    digits = m["n"]
    if not m["o"] and len(digits) > 1 and digits.startswith("0"):
        digits = digits[1:]  # the leading zero stood for the letter O
    n = int(digits)
    return f"O{n}" if 0 < n < 100 else None
