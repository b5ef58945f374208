"""``dated_within``: the evidence carries a date inside the required time window.

Indicators 9 and 10 assess *current* information (ITA-NOTES, S1): a plan or report whose dates
all fall outside the fiscal year the item is about is out of date. The window is fiscal year
``year`` (default ``fy``: 1 October N−1 … 30 September N) or, with ``within_days``, the last N
days before ``--today`` (for news). Dates come from the text (Thai, BE, CE, numeric and ISO
forms, "ปีงบประมาณ 2568"), ``<time>`` and meta tags, and PDF/XLSX metadata; HTTP
``Last-Modified`` only when ``sources`` includes ``http`` (many servers set it to "now").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from oit_checker.checks._base import CheckContext, Scope, not_found, passed, substance
from oit_checker.messages import Text
from oit_checker.model import Outcome
from oit_checker.params import Params, YearRef, resolve_year
from oit_checker.thaidate import ce_to_be, fiscal_year_bounds

ALL_SOURCES = ("text", "time", "meta", "pdf_meta", "xlsx_meta", "url")


class DatedWithinParams(Params):
    year: YearRef = "fy"
    within_days: int | None = None
    sources: tuple[str, ...] = ALL_SOURCES


def thai_date(d: dt.date) -> str:
    """``2024-10-15`` → ``15/10/2567`` (BE), the form an admin reads at a glance."""
    return f"{d.day}/{d.month}/{ce_to_be(d.year)}"


SCOPE: Scope = "item"
PARAMS = DatedWithinParams
MESSAGES: dict[str, Text] = {
    "dated_within.ok": Text(
        "มีวันที่อยู่ในช่วง {window}: {date}", "Carries a date within {window}: {date}"
    ),
    "dated_within.outside": Text(
        "ไม่พบวันที่ในช่วง {window} (วันที่ล่าสุดที่พบ {latest})",
        "No date within {window} (latest date found {latest})",
        fix_th="เผยแพร่ข้อมูลที่ลงวันที่อยู่ในช่วง {window}",
        fix_en="Publish data dated within {window}",
    ),
}


def check(ctx: CheckContext, params: DatedWithinParams) -> list[Outcome]:
    if params.within_days is not None:
        start, end = ctx.today - dt.timedelta(days=params.within_days), ctx.today
        window = f"{thai_date(start)}–{thai_date(end)}"
    else:
        fy = resolve_year(params.year, ctx.fiscal_year)
        start, end = fiscal_year_bounds(fy)
        window = f"FY {fy} ({thai_date(start)}–{thai_date(end)})"
    latest: dt.date | None = None
    for e in substance(ctx):
        for found in e.document.dates:
            if found.source not in params.sources:
                continue
            if found.start <= end and found.end >= start:
                return [
                    passed(
                        "dated_within.ok",
                        url=e.resource.url,
                        window=window,
                        date=found.raw,
                        evidence=found.raw,
                    )
                ]
            if found.end <= ctx.today and (latest is None or found.end > latest):
                latest = found.end
    shown = thai_date(latest) if latest else "-"
    # Floor: the newest date is older than FY−1 began — not current under any reading.
    stale = latest is not None and latest < fiscal_year_bounds(ctx.fiscal_year - 1)[0]
    out = not_found(
        "dated_within", ctx, "dated_within.outside", window=window, latest=shown, evidence=shown
    )
    stale = stale and out.code == "dated_within.outside"
    judged = substance(ctx)
    where = judged[0].resource.url if judged else None
    return [replace(out, url=out.url or where, floor=stale, params={**out.params, "stale": stale})]
