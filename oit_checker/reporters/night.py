"""The night's own outputs: the index page, ``summary.json`` and the digest of what got worse.

Like every reporter these only format a frozen value (:class:`NightSummary`); the nightly
command decides where they go. ``summary.json`` and the webhook payload are contracts for the
people who script around the night: their keys only grow.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from oit_checker.model import AgencyNight, NightSummary, TrendPoint
from oit_checker.reporters.base import Options


def sparkline(points: tuple[TrendPoint, ...], width: int = 120, height: int = 24) -> str:
    """An inline SVG polyline of the OIT score over nights (nothing for a single night)."""
    if len(points) < 2:
        return ""
    step = width / (len(points) - 1)
    coords = " ".join(
        f"{i * step:.1f},{height - p.oit_score / 100 * height:.1f}" for i, p in enumerate(points)
    )
    return (
        f'<svg width="{width}" height="{height}" role="img" aria-label="trend">'
        f'<polyline fill="none" stroke="#0b57d0" stroke-width="2" points="{coords}"/></svg>'
    )


def agency_entry(a: AgencyNight) -> dict[str, Any]:
    """One agency as ``summary.json`` and the webhook carry it."""
    stats = dict(a.report.stats)
    return {
        "agency": a.name,
        "oit": a.report.oit_score,
        "oit_max": a.report.oit_score_max,
        "change": a.change,
        "new_failures": list(a.new_failures),
        "fixed": list(a.fixed),
        "persisting": list(a.persisting),
        "documents_unchanged": int(stats.get("not_modified", 0)),
        "documents_changed": int(stats.get("changed", 0)),
        "report": f"{a.slug}.html",
    }


def summary_json(night: NightSummary) -> str:
    data = {
        "night": night.night,
        "agencies": [agency_entry(a) for a in night.agencies],
        "errors": [{"agency": name, "error": error} for name, error in night.errors],
        "skipped_rows": list(night.skipped_rows),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def webhook_payload(night: NightSummary) -> dict[str, Any]:
    return {"night": night.night, "worse": [agency_entry(a) for a in night.worse]}


def mail(night: NightSummary) -> tuple[str, str]:
    """Subject and body of the night's one e-mail about the agencies that got worse."""
    lines = [
        f"{a.name}: OIT {a.report.oit_score:.2f} ({a.change or 0:+.2f}); new failures: "
        f"{', '.join(a.new_failures) or '-'}"
        for a in night.worse
    ]
    return f"OIT {night.night}: {len(night.worse)} หน่วยงานมีผลแย่ลง", "\n".join(lines)


def index_html(night: NightSummary, options: Options) -> str:
    rows = []
    for a in night.agencies:
        delta = "" if a.change is None else f"{a.change:+.2f}"
        rows.append(
            f'<tr><td><a href="{escape(a.slug)}.html">{escape(a.name)}</a></td>'
            f"<td>{a.report.oit_score:.2f}</td><td>{escape(delta)}</td>"
            f"<td>{sparkline(a.trend)}</td></tr>"
        )
    title = escape(night.night)
    return (
        '<!doctype html><html lang="th"><head><meta charset="utf-8">'
        f"<title>OIT {title}</title></head><body><h1>OIT {title}</h1>"
        "<table><tr><th>หน่วยงาน</th><th>OIT</th><th>เปลี่ยนแปลง</th><th>แนวโน้ม</th></tr>"
        + "".join(rows)
        + "</table></body></html>\n"
    )
