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

import datetime as dt
import json
from pathlib import Path
from typing import Any

from oit_checker.errors import InputError
from oit_checker.model import (
    Finding,
    FindingStatus,
    IndicatorResult,
    ItemResult,
    ItemStatus,
    Report,
)
from oit_checker.texts import message, remedy

SCHEMA = "oit-checker/report/v1"


class ReportFileError(InputError):
    """A saved report is unreadable or not a v1 report."""


def load_report(path: str | Path) -> Report:
    file = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ReportFileError(
            "cannot read file: {detail}", file=file, params={"detail": exc.strerror or str(exc)}
        ) from exc
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
        return from_dict(migrate(data))
    except (KeyError, TypeError, ValueError) as exc:
        raise ReportFileError(
            "not a JSON report: {detail}",
            file=file,
            params={"detail": f"{type(exc).__name__}: {exc}"},
        ) from exc


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


def _finding(item: str, f: dict[str, Any]) -> Finding:
    waived = f.get("waived") or {}
    return Finding(
        check=f["check"],
        item=item,
        status=FindingStatus(f["status"]),
        code=f.get("code") or f["check"],
        params=dict(f.get("params") or {}),
        url=f.get("url"),
        evidence=f.get("evidence") or "",
        source=f.get("source") or "",
        confidence=f.get("confidence") or "confirmed",
        downgraded=bool(f.get("downgraded")),
        waived=waived.get("reason", ""),
        waived_until=waived.get("expires", ""),
    )


def from_dict(d: dict[str, Any]) -> Report:
    """A report from its JSON v1 form (as stored in the history database)."""
    d = migrate(d)
    items = tuple(
        ItemResult(
            id=i["id"],
            indicator=int(i["indicator"]),
            title=i.get("title", ""),
            title_en=i.get("title_en", ""),
            weight=float(i.get("weight", 1)),
            status=ItemStatus(i["status"]),
            score=float(i["score"]),
            score_max=float(i["score_max"]),
            urls=tuple(i.get("urls") or ()),
            findings=tuple(_finding(i["id"], f) for f in i.get("findings") or ()),
        )
        for i in d["items"]
    )
    indicators = tuple(
        IndicatorResult(int(x["id"]), x.get("title", ""), float(x["score"]), float(x["score_max"]))
        for x in d["indicators"]
    )
    return Report(
        tool_version=d["tool"]["version"],
        checklist_id=d["checklist"]["id"],
        checklist_year=int(d["checklist"]["year"]),
        agency=d["agency"]["name"],
        main_site=d["agency"]["main_site"],
        checked_at=dt.datetime.fromisoformat(d["checked_at"]),
        today=dt.date.fromisoformat(d["today"]),
        items=items,
        indicators=indicators,
        oit_score=float(d["oit"]["score"]),
        oit_score_max=float(d["oit"]["score_max"]),
        stats=tuple((str(k), float(v)) for k, v in (d.get("stats") or {}).items()),
        rewrites=tuple((r["from"], r["to"]) for r in d.get("rewrites") or ()),
    )
