"""What a finding says, in Thai or English, and how to fix it: code + params → sentence.

The sentences are declared by the modules that emit the codes — each check's ``MESSAGES``
(and the shared ``*.<suffix>`` answers of content rules), and the waivers' — so this module
sits above them and gathers their catalogues; reporters and the report file call it. A code
without its own text falls back to the ``*.<suffix>`` text shared by all content rules
(``keywords.unreadable`` → ``*.unreadable``), then to the code itself, so a new code can never
crash a report.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from oit_checker.i18n import fill
from oit_checker.messages import Text


@cache
def catalogue() -> dict[str, Text]:
    """Every finding code with its texts (the registry loads here, on the first sentence, so
    that building the command line never pays for every check's models)."""
    from oit_checker import checks, waivers

    return {**checks.messages(), **waivers.MESSAGES}


def _text(code: str) -> Text | None:
    texts = catalogue()
    return texts.get(code) or texts.get("*." + code.split(".", 1)[-1])


def message(code: str, params: Mapping[str, Any], lang: str = "th") -> str:
    """The finding's sentence in ``lang``."""
    text = _text(code)
    said = code if text is None else fill(text.text(lang), params, lang)
    if params.get("ocr"):  # the finding rests on text read from a scan (engine's OCR policy)
        said += " (อ่านจากภาพสแกน)" if lang == "th" else " (read from a scan by OCR)"
    return said


def remedy(code: str, params: Mapping[str, Any], lang: str = "th") -> str:
    """How to fix what ``code`` reports, in ``lang`` ("" when there is nothing to fix)."""
    text = _text(code)
    if text is not None and text.by_reason and params.get("reason"):
        from oit_checker.messages import en, th

        fixes = th.REASON_FIXES if lang != "en" else en.REASON_FIXES
        reason, status = str(params["reason"]), params.get("status")
        for key in (f"http_{status}" if isinstance(status, int) else "", reason):
            if key in fixes:
                return fixes[key]
    fix = text.fix(lang) if text else ""
    return fill(fix, params, lang) if fix else ""
