"""A workbook for the admin to forward: a summary sheet and an items sheet.

Thai column names by default (English with ``--lang en``), frozen header row, filters on the
items table, widths that fit the content. Cell values are written as data, never formulas:
a crawled title starting with "=" is stored as text (openpyxl would otherwise write a formula).
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from oit_checker.i18n import label, status_label
from oit_checker.model import FindingStatus, ItemStatus, Report
from oit_checker.reporters.base import (
    Options,
    doc_name,
    fix_of,
    indicator_title,
    losing,
    safe,
    text_of,
    title_of,
)
from oit_checker.score import at_stake, worst_first

COLUMNS = (
    "col.item",
    "col.indicator",
    "col.title",
    "col.status",
    "col.score",
    "col.max_score",
    "col.at_stake",
    "col.reasons",
    "col.fix",
    "col.advisories",
    "col.url",
)
URL_COL = COLUMNS.index("col.url") + 1
FILL = {
    "pass": "C6EFCE",
    "fail": "FFC7CE",
    "risk": "FFD8A8",
    "manual": "FFEB9C",
    "missing": "E4DFEC",
}
BINARY = True


def _text(value: object) -> object:
    """Keep crawled strings as text: a leading '=' would become a formula in Excel, and
    control characters are illegal in a workbook (openpyxl refuses the whole file)."""
    if isinstance(value, str):
        value = safe(value)
        if value.startswith(("=", "+", "-", "@")):
            return "'" + value
    return value


def render(report: Report, options: Options) -> bytes:
    wb = Workbook()
    summary = wb.active
    assert summary is not None
    _summary(summary, report, options.lang)
    _items(wb.create_sheet(label("sheet.items", options.lang)), report, options.lang)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _summary(summary: Worksheet, report: Report, lang: str) -> None:
    """Agency, scores and counts per status: what the admin forwards to the director."""

    def t(key: str) -> str:
        return label(key, lang)

    summary.title = t("sheet.summary")
    rows: list[tuple[object, ...]] = [
        (t("agency"), report.agency),
        (t("main_site"), report.main_site),
        (t("checklist"), report.checklist_id),
        (t("today"), report.today.isoformat()),
        (t("oit.min"), report.oit_score),
        (t("oit.max"), report.oit_score_max),
        (),
    ]
    rows += [
        (f"{t('indicator')} {ind.id} {indicator_title(ind, lang)}", ind.score, ind.score_max)
        for ind in report.indicators
    ]
    rows.append(())
    for status, count in report.counts:
        rows.append((f"{t('items.count')}: {status_label(status.value, lang)}", count))
    for row in rows:
        summary.append([_text(v) for v in row])
    for cell in summary["A"]:
        cell.font = Font(bold=True)
    summary.column_dimensions["A"].width = 38
    summary.column_dimensions["B"].width = 48


def _items(items: Worksheet, report: Report, lang: str) -> None:
    """One row per item: status, score, reasons, advisories, URLs; filtered and frozen.

    Linear in the number of items: rows are addressed by their index (openpyxl's
    ``max_row`` and column slices scan every cell, which made 56,000 items never finish)
    and widths are measured while the rows are written.
    """
    header = [label(c, lang) for c in COLUMNS]
    items.append(header)
    widths = [len(h) for h in header]
    wrap = Alignment(wrap_text=True, vertical="top")
    stake = at_stake(report)
    for row, item in enumerate(worst_first(report), start=2):
        reasons = [
            text_of(f, lang) + (f" [{doc_name(f.url)}]" if f.url else "")
            for f in item.findings
            if losing(f) or f.status is FindingStatus.MANUAL
        ]
        remedies = [fix_of(f, lang) for f in item.findings]
        if item.status is ItemStatus.MISSING:
            remedies.append(label("missing.fix", lang))
        advice = [
            text_of(f, lang)
            for f in item.findings
            if f.status is FindingStatus.WARN and not f.downgraded
        ]
        values = [
            _text(v)
            for v in (
                item.id,
                item.indicator,
                title_of(item, lang),
                status_label(item.status.value, lang),
                item.score,
                item.score_max,
                stake[item.id],
                "\n".join(dict.fromkeys(reasons)),
                "\n".join(dict.fromkeys(r for r in remedies if r)),
                "\n".join(dict.fromkeys(advice)),
                "\n".join(item.urls),
            )
        ]
        items.append(values)
        first = next((u for u in item.urls if u.startswith(("http://", "https://"))), None)
        if first:  # a cell holds one link: the first URL (the others are listed below it)
            cell = items.cell(row=row, column=URL_COL)
            cell.hyperlink = first
            cell.font = Font(color="0B57D0", underline="single")
        for col, value in enumerate(values, start=1):
            items.cell(row=row, column=col).alignment = wrap
            text = str(value) if value is not None else ""
            widths[col - 1] = max(
                widths[col - 1], max((len(line) for line in text.split("\n")), default=0)
            )
        items.cell(row=row, column=4).fill = PatternFill("solid", fgColor=FILL[item.status.value])
    for col in range(1, len(COLUMNS) + 1):
        items.cell(row=1, column=col).font = Font(bold=True)
        items.column_dimensions[get_column_letter(col)].width = min(max(8, widths[col - 1] + 2), 70)
    items.freeze_panes = "A2"
    items.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(report.items) + 1}"
