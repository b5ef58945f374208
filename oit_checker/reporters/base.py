"""The one reporter contract: ``render(report, options) -> str | bytes`` (lychee's formatters).

A reporter module exposes ``render`` and ``BINARY`` (True when it returns bytes, which then
need ``-o PATH``). It only formats the frozen Report: statuses, scores, counts and ranges are
the Report's, words are ``messages/`` labels and finding texts come from ``i18n``. Adding a
format costs one module, one line in the registry and one golden test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from oit_checker.i18n import label
from oit_checker.model import (
    Finding,
    FindingStatus,
    IndicatorResult,
    ItemResult,
    ItemStatus,
    Report,
)
from oit_checker.texts import message, remedy


@dataclass(frozen=True, slots=True)
class Options:
    """How to render: language, colour (terminal only) and width (terminal only)."""

    lang: str = "th"
    color: bool = False
    width: int = 120


class Reporter(Protocol):
    BINARY: bool

    def render(self, report: Report, options: Options) -> str | bytes: ...


# The status colours and the script-free Content-Security-Policy every HTML page shares
STATUS_COLOURS = {
    "pass": "#1e7b34",
    "fail": "#b3261e",
    "risk": "#c25e00",
    "manual": "#8a6d00",
    "missing": "#6b4f9e",
}
STATIC_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def safe(value: object) -> str:
    """Text without C0/C1 control characters: valid in XML 1.0 and workbooks, inert in a
    terminal (a crawled ``\\x1b[2J`` must not clear the admin's screen)."""
    return _UNSAFE.sub("", str(value))


def score_range(score: float, score_max: float) -> str:
    """``70.00`` when nothing is left to a person, else ``70.00–80.00``."""
    return f"{score:.2f}" if score == score_max else f"{score:.2f}–{score_max:.2f}"


def title_of(item: ItemResult, lang: str) -> str:
    """The item's title in the report's language (Thai when no English title exists)."""
    return item.title if lang == "th" or not item.title_en else item.title_en


def indicator_title(ind: IndicatorResult, lang: str) -> str:
    """An indicator's title in the report's language (Thai when no English title exists)."""
    return ind.title if lang == "th" or not ind.title_en else ind.title_en


def notes(item: ItemResult) -> list[tuple[Finding, str]]:
    """What a report lists for an item: every finding but passes, each with its tag —
    ``"waived"``, ``"advisory"`` (a warn: advice or an inferred rule) or ``""`` (firm)."""
    out = []
    for f in item.findings:
        if f.status is FindingStatus.PASS:
            continue
        tag = "waived" if f.waived else ("advisory" if f.status is FindingStatus.WARN else "")
        out.append((f, tag))
    return out


def text_of(f: Finding, lang: str) -> str:
    """A finding's sentence in ``lang``."""
    return message(f.code, f.params, lang)


def losing(f: Finding) -> bool:
    """A finding that costs the item its points (a failed rule, or an inferred one: risk)."""
    return not f.waived and (f.status is FindingStatus.FAIL or f.downgraded)


def fix_of(f: Finding, lang: str) -> str:
    """How to fix what ``f`` reports ("" for findings that cost nothing)."""
    if not (losing(f) or f.status is FindingStatus.MANUAL):
        return ""
    return remedy(f.code, f.params, lang)


def doc_name(url: str | None) -> str:
    """The document a finding judged, as an admin recognises it: its file name (decoded),
    else the page's path."""
    if not url:
        return ""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    name = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1]) if parts.path.strip("/") else ""
    return name or parts.netloc


@dataclass(frozen=True, slots=True)
class Fix:
    """One line of "แก้ก่อนส่ง": an item that loses points, what was found, how to fix it."""

    item: ItemResult
    points: float  # OIT points back when fixed
    what: str
    how: str
    url: str | None


def fixes(report: Report, lang: str) -> list[Fix]:
    """Every item that loses points, worst first (most points at stake), each with its
    findings' remedies; one line per distinct remedy."""
    from oit_checker.score import at_stake, worst_first

    stake = at_stake(report)
    out: list[Fix] = []
    for item in worst_first(report):
        if item.status is ItemStatus.PASS:
            break
        if item.status is ItemStatus.MISSING:
            what, how = label("missing.what", lang), label("missing.fix", lang)
            out.append(Fix(item, stake[item.id], what, how, None))
            continue
        seen: set[str] = set()
        for f in item.findings:
            how = fix_of(f, lang)
            if not how or how in seen:
                continue
            seen.add(how)
            out.append(Fix(item, stake[item.id], text_of(f, lang), how, f.url))
    return out
