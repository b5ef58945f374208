"""The saved-report format, schema ``oit-checker/report/v1`` (DESIGN "JSON report"): one owner.

Writer and reader live together so they cannot drift: :func:`to_dict` is what ``--format
json`` dumps and what history stores; :func:`from_dict` and :func:`load_report` read it back
for ``--baseline``, ``oit-checker report`` and history; :func:`migrate` is the one place where
documents written by older releases are brought up to the current shape before reading.

The fields of DESIGN are a contract; fields added since (``code``, ``source``, ``confidence``,
``downgraded``, ``waived`` on findings; ``title_en``, ``weight`` on items; ``stats``,
``rewrites``, ``screenshots``) are additive, so v1 readers keep working. A file that is not a
v1 report is an input error naming the file (exit 2).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from oit_checker.errors import InputError, read_problem
from oit_checker.model import (
    Finding,
    FindingStatus,
    IndicatorResult,
    ItemResult,
    ItemStatus,
    Report,
)
from oit_checker.reportdoc import SCHEMA_ID, FindingDoc, ReportDoc
from oit_checker.texts import message, remedy
from oit_checker.validation import dotted

SCHEMA = SCHEMA_ID


class ReportFileError(InputError):
    """A saved report is unreadable or not a v1 report."""


def load_report(path: str | Path) -> Report:
    file = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        template, params = read_problem(exc)
        raise ReportFileError(template, file=file, params=params) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReportFileError(
            "not a JSON report: {detail}", file=file, params={"detail": str(exc)}
        ) from exc
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ReportFileError(
            "not an oit-checker report (schema {schema})",
            file=file,
            field="schema",
            params={"schema": SCHEMA},
        )
    try:
        return from_dict(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ReportFileError(
            "not a JSON report: {detail}",
            file=file,
            field=dotted(tuple(first["loc"])),
            params={"detail": first["msg"]},
        ) from None


def _finding_dict(f: Finding, lang: str) -> dict[str, Any]:
    return {
        "check": f.check,
        "status": f.status.value,
        "message": message(f.code, f.params, lang),
        "url": f.url,
        "evidence": f.evidence,
        "code": f.code,
        "params": f.params,
        "source": f.source,
        "waived": ({"reason": f.waived, "expires": f.waived_until} if f.waived else None),
        "confidence": f.confidence,
        "downgraded": f.downgraded,
        "remedy": remedy(f.code, f.params, lang) if _needs_fix(f) else "",
    }


def _needs_fix(f: Finding) -> bool:
    """Failures, risks (downgraded failures) and what a person must check carry a remedy."""
    return f.status in (FindingStatus.FAIL, FindingStatus.MANUAL) or f.downgraded


def _item_dict(i: ItemResult, lang: str) -> dict[str, Any]:
    return {
        "id": i.id,
        "indicator": i.indicator,
        "title": i.title,
        "title_en": i.title_en,
        "weight": i.weight,
        "status": i.status.value,
        "score": i.score,
        "score_max": i.score_max,
        "urls": list(i.urls),
        "findings": [_finding_dict(f, lang) for f in i.findings],
    }


def to_dict(report: Report, lang: str = "th") -> dict[str, Any]:
    """The v1 document of ``report``; ``message`` texts are in ``lang``."""
    return {
        "schema": SCHEMA,
        "tool": {"name": "oit-checker", "version": report.tool_version},
        "checklist": {"id": report.checklist_id, "year": report.checklist_year},
        "agency": {"name": report.agency, "main_site": report.main_site},
        "checked_at": report.checked_at.isoformat(),
        "today": report.today.isoformat(),
        "items": [_item_dict(i, lang) for i in report.items],
        "indicators": [
            {"id": ind.id, "title": ind.title, "score": ind.score, "score_max": ind.score_max}
            | ({"title_en": ind.title_en} if ind.title_en else {})
            for ind in report.indicators
        ],
        "oit": {"score": report.oit_score, "score_max": report.oit_score_max},
        "stats": dict(report.stats),
        "rewrites": [{"from": a, "to": b} for a, b in report.rewrites],
        "screenshots": [{"url": u, "file": f} for u, f, _ in report.screenshots],
    }


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """A document of any supported release in the current v1 shape.

    v1 is the only schema so far and every field added since the first release has a default
    in :func:`from_dict`, so v1 documents need no rewriting; a future v2 converts here, once,
    and every reader (baseline, ``report``, history) benefits.
    """
    return data


def _finding(item: str, f: FindingDoc) -> Finding:
    return Finding(
        check=f.check,
        item=item,
        status=FindingStatus(f.status),
        code=f.code or f.check,
        params=dict(f.params),
        url=f.url,
        evidence=f.evidence,
        source=f.source,
        confidence=f.confidence,
        downgraded=f.downgraded,
        waived=f.waived.reason if f.waived else "",
        waived_until=f.waived.expires if f.waived else "",
    )


def validated(d: Any) -> ReportDoc:
    """``d`` checked against the v1 models; raises pydantic's ``ValidationError``."""
    return ReportDoc.model_validate(migrate(d) if isinstance(d, dict) else d)


def from_dict(d: dict[str, Any]) -> Report:
    """A report from its JSON v1 form (as stored in the history database)."""
    doc = validated(d)
    items = tuple(
        ItemResult(
            id=i.id,
            indicator=i.indicator,
            title=i.title,
            title_en=i.title_en,
            weight=i.weight,
            status=ItemStatus(i.status),
            score=i.score,
            score_max=i.score_max,
            urls=tuple(i.urls),
            findings=tuple(_finding(i.id, f) for f in i.findings),
        )
        for i in doc.items
    )
    indicators = tuple(
        IndicatorResult(x.id, x.title, x.score, x.score_max, x.title_en) for x in doc.indicators
    )
    return Report(
        tool_version=doc.tool.version,
        checklist_id=doc.checklist.id,
        checklist_year=doc.checklist.year,
        agency=doc.agency.name,
        main_site=doc.agency.main_site,
        checked_at=doc.checked_at,
        today=doc.today,
        items=items,
        indicators=indicators,
        oit_score=doc.oit.score,
        oit_score_max=doc.oit.score_max,
        stats=tuple(doc.stats.items()),
        rewrites=tuple((r.from_, r.to) for r in doc.rewrites),
    )
