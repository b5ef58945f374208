"""Read a saved JSON report (schema ``oit-checker/report/v1``) back into the frozen ``Report``.

Used by ``--baseline`` (compare with an earlier run) and by ``oit-checker report`` (re-render
without crawling). A file that is not a v1 report is an input error naming the file (exit 2).
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
from oit_checker.reporters.json import SCHEMA


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
        return from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise ReportFileError(
            "not a JSON report: {detail}",
            file=file,
            params={"detail": f"{type(exc).__name__}: {exc}"},
        ) from exc


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
