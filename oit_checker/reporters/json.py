"""The JSON report, schema ``oit-checker/report/v1`` (DESIGN "JSON report").

The fields of DESIGN are a contract; fields added since (``code``, ``source``, ``confidence``,
``downgraded`` on findings; ``title_en``, ``weight`` on items; ``stats``) are additive, so v1
readers keep working. Output is deterministic (stable key order, UTF-8, not ASCII-escaped).
"""

from __future__ import annotations

import json as _json
from typing import Any

from oit_checker.i18n import message
from oit_checker.model import Finding, ItemResult, Report

SCHEMA = "oit-checker/report/v1"


def _finding(f: Finding, lang: str) -> dict[str, Any]:
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
    }


def _item(i: ItemResult, lang: str) -> dict[str, Any]:
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
        "findings": [_finding(f, lang) for f in i.findings],
    }


def to_dict(report: Report, lang: str = "th") -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "tool": {"name": "oit-checker", "version": report.tool_version},
        "checklist": {"id": report.checklist_id, "year": report.checklist_year},
        "agency": {"name": report.agency, "main_site": report.main_site},
        "checked_at": report.checked_at.isoformat(),
        "today": report.today.isoformat(),
        "items": [_item(i, lang) for i in report.items],
        "indicators": [
            {"id": ind.id, "title": ind.title, "score": ind.score, "score_max": ind.score_max}
            for ind in report.indicators
        ],
        "oit": {"score": report.oit_score, "score_max": report.oit_score_max},
        "stats": dict(report.stats),
        "rewrites": [{"from": a, "to": b} for a, b in report.rewrites],
        "screenshots": [{"url": u, "file": f} for u, f, _ in report.screenshots],
    }


def render(report: Report, lang: str = "th") -> str:
    return _json.dumps(to_dict(report, lang), ensure_ascii=False, indent=2, default=str) + "\n"
