"""Thai first: catalogue codes, reasons, report labels and input errors → Thai or English.

Checks never hold final prose (STYLE habit 2). Finding texts are declared beside the checks and
rendered by :mod:`oit_checker.texts`; this module holds what is shared below every stage (the
reasons a fetch fails, the words of reports, the input-error templates) and the one
``fill`` that puts params into a template.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from oit_checker.messages import en, th

CATALOGUES = {"th": (th.MESSAGES, th.REASONS), "en": (en.MESSAGES, en.REASONS)}
LABELS = {"th": th.LABELS, "en": en.LABELS}
LANGS = tuple(CATALOGUES)


class _Params(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "?"


def reason_text(reason: str, lang: str = "th", status: object = None) -> str:
    """Why a resource could not be obtained, in ``lang``; the HTTP status names the case
    ("ไม่พบหน้า (HTTP 404)") when the finding knows it, instead of the class ("HTTP 4xx")."""
    reasons = CATALOGUES.get(lang, CATALOGUES["th"])[1]
    if reason in ("http_4xx", "http_5xx") and isinstance(status, int):
        known = reasons.get(f"http_{status}")
        if known:
            return known
        if reason == "http_5xx":
            return reasons["http_5xx"].replace("5xx", str(status))
        return f"HTTP {status}"
    if reason.startswith("http_") and reason[5:].isdigit():
        return reasons.get(reason, f"HTTP {reason[5:]}")
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


def say(lang: str, th: str, en: str) -> str:
    """One line of a command's own output (status lines, summaries) in ``lang``: both texts
    stand side by side at the call site, so neither can be forgotten."""
    return en if lang == "en" else th


def source_note(source: str, lang: str = "th") -> str:
    """A rule's provenance for a report. The checklists explain each source in English
    ("S2 (title; scored 0 there)"); a Thai report shows the references only (S2, S17,
    ITA-NOTES §2.2) and the explanations stay in the English report and the checklist."""
    if lang == "en":
        return source
    import re

    refs = re.sub(r"\s*\([^()]*\)", "", source)
    refs = re.sub(r"\s*\[[^\]]*\]", "", refs)
    return "ที่มา " + re.sub(r"\s*[;,]\s*", ", ", refs).strip(" ,;")


def default_lang() -> str:
    """``OIT_LANG`` when set to a known language, else Thai."""
    import os

    lang = os.environ.get("OIT_LANG", "th")
    return lang if lang in CATALOGUES else "th"


def fill(template: str, params: Mapping[str, Any], lang: str = "th") -> str:
    """``template`` with the finding's params; ``{reason_text}`` is the reason in ``lang``."""
    values = _Params(params)
    if "reason" in params:
        values["reason_text"] = reason_text(str(params["reason"]), lang, params.get("status"))
    return template.format_map(values)


def message(code: str, params: Mapping[str, Any], lang: str = "th") -> str:
    """A catalogue message (discover's prose); finding texts are ``oit_checker.texts``."""
    template = CATALOGUES.get(lang, CATALOGUES["th"])[0].get(code)
    return code if template is None else fill(template, params, lang)
