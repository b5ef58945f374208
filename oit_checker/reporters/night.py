"""The night's own outputs: ``summary.json`` and the digest of what got worse (the index page
is the fleet dashboard, :mod:`oit_checker.reporters.dashboard`).

Like every reporter these only format a frozen value (:class:`NightSummary`); the nightly
command decides where they go. ``summary.json`` and the webhook payload are contracts for the
people who script around the night: their keys only grow.
"""

from __future__ import annotations

import json
from typing import Any

from oit_checker.model import AgencyNight, NightSummary


def _base(site_url: str) -> str:
    """The prefix of dashboard links: absolute when the night knows where ``--out`` is served."""
    return site_url.rstrip("/") + "/" if site_url else ""


def agency_entry(a: AgencyNight, site_url: str = "") -> dict[str, Any]:
    """One agency as ``summary.json`` and the webhook carry it (``dashboard``: its history
    page, absolute when the night knows where ``--out`` is served)."""
    stats = dict(a.report.stats)
    base = _base(site_url)
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
        "dashboard": f"{base}{a.slug}-history.html",
        **{
            k: v
            for k, v in (("province", a.province), ("district", a.district), ("type", a.kind))
            if v
        },
    }


def summary_json(night: NightSummary) -> str:
    data = {
        "night": night.night,
        "agencies": [agency_entry(a) for a in night.agencies],
        "errors": [{"agency": name, "error": error} for name, error in night.errors],
        "skipped_rows": list(night.skipped_rows),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def webhook_payload(night: NightSummary, site_url: str = "") -> dict[str, Any]:
    base = _base(site_url)
    return {
        "night": night.night,
        "dashboard": f"{base}index.html",
        "worse": [agency_entry(a, site_url) for a in night.worse],
    }


def mail(night: NightSummary, lang: str = "th", site_url: str = "") -> tuple[str, str]:
    """Subject and body of the night's one digest: every agency that got worse, what broke,
    and links into the dashboard (absolute with ``site_url``)."""
    base = _base(site_url)
    th = lang != "en"
    lines = []
    for a in night.worse:
        new = ", ".join(a.new_failures) or "-"
        lines.append(
            f"- {a.name}: OIT {a.report.oit_score:.2f} ({a.change or 0:+.2f}); "
            + (f"ไม่ผ่านใหม่: {new}" if th else f"new failures: {new}")
        )
        lines.append(f"  {base}{a.slug}-history.html")
    n = len(night.worse)
    subject = (
        f"OIT {night.night}: {n} หน่วยงานมีผลแย่ลง"
        if th
        else f"OIT {night.night}: {n} agencies got worse"
    )
    head = f"ภาพรวมทั้งหมด: {base}index.html" if th else f"The whole fleet: {base}index.html"
    return subject, "\n".join([head, "", *lines])
