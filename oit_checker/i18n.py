"""Message codes + params → a Thai (default) or English sentence.

Checks never hold final prose (STYLE habit 2); reporters call :func:`message`. A code without
its own template falls back to the ``*.<suffix>`` template shared by all content rules
(``keywords.unreadable`` → ``*.unreadable``), then to the code itself, so a new code can never
crash a report.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from oit_checker.messages import Text, en, th

CATALOGUES = {"th": (th.MESSAGES, th.REASONS), "en": (en.MESSAGES, en.REASONS)}
LABELS = {"th": th.LABELS, "en": en.LABELS}
LANGS = tuple(CATALOGUES)


class _Params(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "?"


def reason_text(reason: str, lang: str = "th") -> str:
    reasons = CATALOGUES.get(lang, CATALOGUES["th"])[1]
    if reason.startswith("http_") and reason[5:].isdigit():
        return f"HTTP {reason[5:]}"
    return reasons.get(reason, reasons.get(reason.split(":")[0], reason))


def label(key: str, lang: str = "th") -> str:
    """A word of the reports (status names, column headers); the key itself if unknown."""
    return LABELS.get(lang, LABELS["th"]).get(key, key)


def status_label(status: str, lang: str = "th") -> str:
    """ผ่าน / ไม่ผ่าน / ตรวจเอง / ไม่ได้ส่ง (or English) for an item or finding status."""
    return label(f"status.{status}", lang)


def error_text(template: str, params: Mapping[str, Any], lang: str = "th") -> str:
    """An input error in the chosen language; the English template is the message id."""
    if lang == "th":
        template = th.ERRORS.get(template, template)
    try:
        return template.format(**params) if params else template
    except (KeyError, IndexError, ValueError):
        return template


def default_lang() -> str:
    """``OIT_LANG`` when set to a known language, else Thai."""
    import os

    lang = os.environ.get("OIT_LANG", "th")
    return lang if lang in CATALOGUES else "th"


@cache
def _texts() -> dict[str, Text]:
    """Finding texts, declared by the modules that emit them (checks, waivers)."""
    from oit_checker import checks, waivers

    return {**checks.messages(), **waivers.MESSAGES}


def _text(code: str) -> Text | None:
    texts = _texts()
    return texts.get(code) or texts.get("*." + code.split(".", 1)[-1])


def _values(params: Mapping[str, Any], lang: str) -> _Params:
    values = _Params(params)
    if "reason" in params:
        values["reason_text"] = reason_text(str(params["reason"]), lang)
    return values


def remedy(code: str, params: Mapping[str, Any], lang: str = "th") -> str:
    """How to fix what ``code`` reports, in ``lang`` ("" when there is nothing to fix)."""
    text = _text(code)
    fix = text.fix(lang) if text else ""
    return fix.format_map(_values(params, lang)) if fix else ""


def message(code: str, params: Mapping[str, Any], lang: str = "th") -> str:
    text = _text(code)
    if text is not None:
        return text.text(lang).format_map(_values(params, lang))
    messages = CATALOGUES.get(lang, CATALOGUES["th"])[0]
    template = messages.get(code)
    return code if template is None else template.format_map(_values(params, lang))
