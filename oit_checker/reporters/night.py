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
