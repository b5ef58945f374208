"""``xlsx_template``: the NACC procurement workbook is filed as issued.

In ITA 2568, O12 and O13 are answered on an Excel template issued by the NACC; an agency that
deleted its "คำอธิบายเพิ่มเติม" sheet scored zero on both (seed 000, ITA-NOTES §3). For each
workbook of the evidence this check verifies, as configured: the ``required_sheets`` are all
present and in the template's order; the header row of ``data_sheet`` equals ``header`` after
whitespace normalisation (or contains it in order, with ``header_mode: contains``); the
``fy_column`` holds the required fiscal year; there are at least ``min_rows`` data rows; and
``status_column`` values come from ``status_values`` (both spellings in use are accepted).
When several workbooks are linked, one that passes every rule is enough (an extra monthly file
must not fail the item); otherwise each failing rule is reported with the sheet or column.
"""

from __future__ import annotations

from typing import Literal

from oit_checker.checks._base import CheckContext, Scope, failed, not_found, passed, warned
from oit_checker.messages import Text
from oit_checker.model import DocKind, EvidenceDoc, Outcome, Sheet
from oit_checker.params import Params, YearRef, resolve_year
from oit_checker.thaidate import find_years
from oit_checker.thaitext import match_key


class XlsxTemplateParams(Params):
    required_sheets: tuple[str, ...] = ()
    data_sheet: str | None = None
    header: tuple[str, ...] = ()
    header_mode: Literal["exact", "contains"] = "exact"
    fy_column: str | None = None
    year: YearRef = "fy"
    min_rows: int = 0
    status_column: str | None = None
    status_values: tuple[str, ...] = ()


def _find_sheet(sheets: tuple[Sheet, ...], name: str) -> Sheet | None:
    key = match_key(name)
    return next((s for s in sheets if match_key(s.name) == key), None)


def _column(sheet: Sheet, name: str) -> int | None:
    key = match_key(name)
    return next((i for i, h in enumerate(sheet.header) if key and key in match_key(h)), None)


def _header_problem(sheet: Sheet, want: tuple[str, ...], mode: str) -> str | None:
    got = [match_key(h) for h in sheet.header]
    while got and not got[-1]:
        got.pop()
    keys = [match_key(w) for w in want]
    if mode == "exact":
        for i, k in enumerate(keys):
            if i >= len(got) or got[i] != k:
                return want[i]
        return None
    pos = 0
    for i, k in enumerate(keys):
        while pos < len(got) and got[pos] != k:
            pos += 1
        if pos == len(got):
            return want[i]
        pos += 1
    return None


def _judge(e: EvidenceDoc, p: XlsxTemplateParams, year: int) -> list[Outcome]:
    """Every configured rule over one workbook, in the order an admin would fix them."""
    url, sheets = e.resource.url, e.document.sheets
    out = _sheet_rules(url, sheets, p)
    data = _find_sheet(sheets, p.data_sheet) if p.data_sheet else (sheets[0] if sheets else None)
    if data is None:
        if p.data_sheet and p.data_sheet not in p.required_sheets:
            names = " | ".join(s.name for s in sheets)
            out.append(
                failed("xlsx_template.sheet_missing", url=url, sheet=p.data_sheet, evidence=names)
            )
        return out
    for rule in (_header_rule, _fy_rule, _rows_rule, _status_rule):
        found = rule(url, data, p, year)
        if found is not None:
            out.append(found)
    return out


def _sheet_rules(url: str, sheets: tuple[Sheet, ...], p: XlsxTemplateParams) -> list[Outcome]:
    """Required sheets present (the seed-000 deleted sheet) and in the template's order."""
    names = [s.name for s in sheets]
    out: list[Outcome] = []
    positions = []
    for name in p.required_sheets:
        s = _find_sheet(sheets, name)
        if s is None:
            out.append(
                failed(
                    "xlsx_template.sheet_missing", url=url, sheet=name, evidence=" | ".join(names)
                )
            )
        else:
            positions.append(names.index(s.name))
    if len(positions) == len(p.required_sheets) and positions != sorted(positions):
        out.append(
            failed(
                "xlsx_template.sheet_order",
                url=url,
                expected=" | ".join(p.required_sheets),
                evidence=" | ".join(names),
            )
        )
    return out


def _header_rule(url: str, data: Sheet, p: XlsxTemplateParams, year: int) -> Outcome | None:
    bad = _header_problem(data, p.header, p.header_mode) if p.header else None
    if bad is None:
        return None
    return failed(
        "xlsx_template.header_mismatch",
        url=url,
        sheet=data.name,
        column=bad,
        evidence=" | ".join(h for h in data.header if h),
    )


def _fy_rule(url: str, data: Sheet, p: XlsxTemplateParams, year: int) -> Outcome | None:
    if not p.fy_column:
        return None
    col = _column(data, p.fy_column)
    if col is None:
        return failed("xlsx_template.column_missing", url=url, sheet=data.name, column=p.fy_column)
    years = {
        y for row in data.rows if col < len(row) and row[col] for y, _, _ in find_years(row[col])
    }
    if not data.rows or year in years:
        return None
    shown = ", ".join(str(y) for y in sorted(years)) or "-"
    return failed(
        "xlsx_template.fy_wrong",
        url=url,
        sheet=data.name,
        column=p.fy_column,
        year=year,
        found=shown,
        evidence=shown,
    )


def _rows_rule(url: str, data: Sheet, p: XlsxTemplateParams, year: int) -> Outcome | None:
    if data.row_count >= p.min_rows:
        return None
    return failed(
        "xlsx_template.too_few_rows", url=url, sheet=data.name, rows=data.row_count, min=p.min_rows
    )


def _status_rule(url: str, data: Sheet, p: XlsxTemplateParams, year: int) -> Outcome | None:
    """Status values outside the template's drop-down (both spellings in use are allowed)."""
    if not (p.status_column and p.status_values):
        return None
    col = _column(data, p.status_column)
    if col is None:
        return None
    allowed = {match_key(v) for v in p.status_values}
    cells = (row[col] for row in data.rows if col < len(row) and row[col])
    odd = sorted({v for v in cells if match_key(v) not in allowed})
    if not odd:
        return None
    shown = ", ".join(odd[:5])
    return warned(
        "xlsx_template.status_unknown", url=url, sheet=data.name, values=shown, evidence=shown
    )


SCOPE: Scope = "item"
PARAMS = XlsxTemplateParams
MESSAGES: dict[str, Text] = {
    "xlsx_template.ok": Text(
        "ไฟล์ Excel ตรงตามแบบฟอร์ม ป.ป.ช. (ชีต: {sheets})",
        "The Excel file follows the NACC template (sheets: {sheets})",
    ),
    "xlsx_template.no_workbook": Text(
        "ไม่พบไฟล์ Excel (.xlsx) ตามแบบฟอร์มของ ป.ป.ช.",
        "No Excel (.xlsx) file in the NACC template",
        fix_th="ดาวน์โหลดแบบฟอร์ม Excel ของ ป.ป.ช. จากระบบ ITAS กรอกข้อมูล แล้วเผยแพร่เป็นไฟล์ .xlsx",
        fix_en="Download the NACC Excel template from ITAS, fill it in and publish it as an .xlsx file",
    ),
    "xlsx_template.sheet_missing": Text(
        'ไม่พบชีต "{sheet}" ในไฟล์ Excel (ห้ามลบชีตของแบบฟอร์ม ป.ป.ช.)',
        'Sheet "{sheet}" is missing (never delete NACC template sheets)',
        fix_th='ใช้ไฟล์แบบฟอร์มต้นฉบับจากระบบ ITAS ที่ยังมีชีต "{sheet}" แล้วกรอกข้อมูลใหม่',
        fix_en='Start again from the original ITAS template, which still has sheet "{sheet}", and fill it in',
    ),
    "xlsx_template.sheet_order": Text(
        "ลำดับชีตไม่ตรงแบบฟอร์ม (ต้องเป็น {expected})",
        "Sheets are not in the template's order ({expected})",
        fix_th="เรียงชีตให้ตรงแบบฟอร์มต้นฉบับ ({expected})",
        fix_en="Put the sheets back in the template's order ({expected})",
    ),
    "xlsx_template.header_mismatch": Text(
        'หัวตารางในชีต "{sheet}" ไม่ตรงแบบฟอร์ม ที่คอลัมน์ "{column}"',
        'Header of sheet "{sheet}" differs from the template at "{column}"',
        fix_th='คืนหัวตารางของชีต "{sheet}" ให้ตรงแบบฟอร์มต้นฉบับ (อย่าแก้ชื่อคอลัมน์)',
        fix_en='Restore the template header of sheet "{sheet}" (do not rename columns)',
    ),
    "xlsx_template.column_missing": Text(
        'ไม่พบคอลัมน์ "{column}" ในชีต "{sheet}"',
        'Column "{column}" not found in sheet "{sheet}"',
        fix_th='เพิ่มคอลัมน์ "{column}" กลับเข้าชีต "{sheet}" ตามแบบฟอร์ม',
        fix_en='Put column "{column}" back into sheet "{sheet}" as in the template',
    ),
    "xlsx_template.fy_wrong": Text(
        'คอลัมน์ "{column}" ไม่ใช่ปีงบประมาณ {year} (พบ {found})',
        'Column "{column}" is not fiscal year {year} (found {found})',
        fix_th='กรอกข้อมูลของปีงบประมาณ {year} ในคอลัมน์ "{column}"',
        fix_en='Enter the data of fiscal year {year} in column "{column}"',
    ),
    "xlsx_template.too_few_rows": Text(
        'ชีต "{sheet}" มีข้อมูล {rows} แถว น้อยกว่าที่กำหนด {min} แถว',
        'Sheet "{sheet}" has {rows} data rows, fewer than {min}',
        fix_th="กรอกรายการให้ครบตามแบบฟอร์ม (อย่างน้อย {min} รายการ หรือทุกรายการที่มี)",
        fix_en="List every procurement the template asks for (at least {min}, or all there are)",
    ),
    "xlsx_template.status_unknown": Text(
        "ค่าสถานะการจัดซื้อจัดจ้างไม่อยู่ในรายการของแบบฟอร์ม: {values}",
        "Procurement status values not in the template's list: {values}",
        fix_th="เลือกสถานะจากรายการของแบบฟอร์ม เช่น อยู่ระหว่างระยะสัญญา, สิ้นสุดสัญญา",
        fix_en="Pick status values from the template's list, e.g. อยู่ระหว่างระยะสัญญา, สิ้นสุดสัญญา",
    ),
}


def check(ctx: CheckContext, params: XlsxTemplateParams) -> list[Outcome]:
    year = resolve_year(params.year, ctx.fiscal_year)
    books = [e for e in ctx.readable if e.document.kind is DocKind.XLSX]
    if not books:
        return [not_found("xlsx_template", ctx, "xlsx_template.no_workbook")]
    judged = [(e, _judge(e, params, year)) for e in books]
    for e, outs in judged:
        if not any(o.status.value == "fail" for o in outs):
            return [
                *outs,
                passed(
                    "xlsx_template.ok",
                    url=e.resource.url,
                    sheets=" | ".join(s.name for s in e.document.sheets),
                ),
            ]
    return [o for _, outs in judged for o in outs]
