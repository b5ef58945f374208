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

from oit_checker.i18n import message
from oit_checker.model import FindingStatus, ItemStatus, Report

COLUMNS = {
    "th": ("ข้อ", "ตัวชี้วัด", "รายการ", "ผล", "คะแนน", "คะแนนสูงสุด", "เหตุผล", "ข้อสังเกต", "URL"),
    "en": (
        "Item",
        "Indicator",
        "Title",
        "Status",
        "Score",
        "Max score",
        "Reasons",
        "Advisories",
        "URLs",
    ),
}
STATUS = {
    "th": {"pass": "ผ่าน", "fail": "ไม่ผ่าน", "manual": "ตรวจเอง", "missing": "ไม่ได้ส่ง"},
    "en": {"pass": "pass", "fail": "fail", "manual": "manual", "missing": "missing"},
}
FILL = {"pass": "C6EFCE", "fail": "FFC7CE", "manual": "FFEB9C", "missing": "E4DFEC"}
SUMMARY = {
    "th": (
        "หน่วยงาน",
        "เว็บไซต์หลัก",
        "เกณฑ์",
        "วันที่ตรวจ",
        "คะแนน OIT (ต่ำสุด)",
        "คะแนน OIT (สูงสุด)",
        "ตัวชี้วัด",
        "จำนวนข้อ",
        "สรุป",
        "รายการ",
    ),
    "en": (
        "Agency",
        "Main site",
        "Checklist",
        "Date",
        "OIT score (min)",
        "OIT score (max)",
        "Indicator",
        "Items",
        "Summary",
        "Items",
    ),
}


def _text(value: object) -> object:
    """Keep crawled strings as text: a leading '=' would become a formula in Excel."""
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@")):
        return "'" + value
    return value


def render_bytes(report: Report, lang: str = "th") -> bytes:
    lang = lang if lang in COLUMNS else "th"
    s = SUMMARY[lang]
    wb = Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = s[8]
    rows: list[tuple[object, ...]] = [
        (s[0], report.agency),
        (s[1], report.main_site),
        (s[2], report.checklist_id),
        (s[3], report.today.isoformat()),
        (s[4], report.oit_score),
        (s[5], report.oit_score_max),
        (),
    ]
    rows += [
        (f"{s[6]} {ind.id} {ind.title}", ind.score, ind.score_max) for ind in report.indicators
    ]
    rows.append(())
    for status in ItemStatus:
        count = sum(1 for i in report.items if i.status is status)
        rows.append((f"{s[7]}: {STATUS[lang][status.value]}", count))
    for row in rows:
        summary.append([_text(v) for v in row])
    for cell in summary["A"]:
        cell.font = Font(bold=True)
    summary.column_dimensions["A"].width = 38
    summary.column_dimensions["B"].width = 48

    items = wb.create_sheet(s[9])
    items.append(COLUMNS[lang])
    for item in report.items:
        reasons = [
            message(f.code, f.params, lang)
            for f in item.findings
            if f.status in (FindingStatus.FAIL, FindingStatus.MANUAL)
        ]
        advice = [
            message(f.code, f.params, lang) for f in item.findings if f.status is FindingStatus.WARN
        ]
        title = item.title if lang == "th" or not item.title_en else item.title_en
        items.append(
            [
                _text(v)
                for v in (
                    item.id,
                    item.indicator,
                    title,
                    STATUS[lang][item.status.value],
                    item.score,
                    item.score_max,
                    "\n".join(dict.fromkeys(reasons)),
                    "\n".join(dict.fromkeys(advice)),
                    "\n".join(item.urls),
                )
            ]
        )
        fill = PatternFill("solid", fgColor=FILL[item.status.value])
        items.cell(row=items.max_row, column=4).fill = fill
    for cell in items[1]:
        cell.font = Font(bold=True)
    items.freeze_panes = "A2"
    items.auto_filter.ref = items.dimensions
    for col in range(1, len(COLUMNS[lang]) + 1):
        letter = get_column_letter(col)
        longest = max(
            (
                max((len(line) for line in str(c.value or "").split("\n")), default=0)
                for c in items[letter]
            ),
            default=8,
        )
        items.column_dimensions[letter].width = min(max(8, longest + 2), 70)
        for c in items[letter][1:]:
            c.alignment = Alignment(wrap_text=True, vertical="top")
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
