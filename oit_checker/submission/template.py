"""The Excel submission template: one row per item of a year's checklist, ready to fill.

Admins keep the submission in Excel; a template with the year's items, a drop-down of item
ids and the agency block the loader reads (หน่วยงาน, เว็บไซต์หลัก, เกณฑ์) means the file they
fill is one ``check`` reads as it is. ``examples/`` ships one per shipped checklist, built by
:func:`write_examples` (a test holds them equal to what this module builds).
"""

from __future__ import annotations

import io
from pathlib import Path

from oit_checker.checklist.model import Checklist

HEADER = ("ข้อ", "รายการ", "URL", "หมายเหตุ")
HOWTO = (
    "วิธีกรอก",
    "1. กรอกชื่อหน่วยงานและเว็บไซต์หลักด้านบน",
    "2. ใส่ URL ของแต่ละข้อในคอลัมน์ URL (หลาย URL ในช่องเดียวได้ ขึ้นบรรทัดใหม่ด้วย Alt+Enter)",
    "3. ข้อที่ยังไม่มีข้อมูล เว้นว่างไว้",
    "4. ตรวจไฟล์: oit-checker submission validate ไฟล์นี้.xlsx แล้วตรวจเว็บไซต์: "
    "oit-checker check ไฟล์นี้.xlsx",
)


def build(checklist: Checklist) -> bytes:
    """The template workbook for ``checklist`` as .xlsx bytes (deterministic content)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = "ITA"
    bold = Font(bold=True)
    ws.append([f"รายการ URL ที่ส่งประเมิน OIT — {checklist.title}"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["หน่วยงาน", ""])
    ws.append(["เว็บไซต์หลัก", "https://"])
    ws.append(["เกณฑ์", checklist.id])
    ws.append([])
    ws.append(list(HEADER))
    head_row = ws.max_row
    fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in ws[head_row]:
        cell.font, cell.fill = bold, fill
    for label in ("A2", "A3", "A4"):
        ws[label].font = bold
    for item in checklist.items:
        ws.append([item.id, item.title, "", ""])
    last = ws.max_row
    ids = DataValidation(
        type="list",
        formula1=f'"{",".join(i.id for i in checklist.items)}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="รหัสข้อไม่ถูกต้อง",
        error=f"เลือกรหัสข้อของ {checklist.id} จากรายการ",
    )
    ws.add_data_validation(ids)
    ids.add(f"A{head_row + 1}:A{last + 50}")  # rows below the items take extra URLs
    for col, width in zip("ABCD", (8, 60, 70, 30), strict=True):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=head_row + 1, max_row=last):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = f"A{head_row + 1}"
    help_ws = wb.create_sheet("วิธีกรอก")
    for line in HOWTO:
        help_ws.append([line])
    help_ws["A1"].font = bold
    help_ws.column_dimensions["A"].width = 110
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def csv_template(checklist: Checklist) -> str:
    """The same table as CSV (UTF-8 with BOM, so Excel on Thai Windows opens it as Thai)."""
    import csv

    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(["หน่วยงาน", ""])
    w.writerow(["เว็บไซต์หลัก", "https://"])
    w.writerow(["เกณฑ์", checklist.id])
    w.writerow(HEADER)
    for item in checklist.items:
        w.writerow([item.id, item.title, "", ""])
    return "\ufeff" + out.getvalue()


def write_examples(folder: Path) -> list[Path]:
    """One template per shipped checklist, plus a CSV for the default year."""
    from oit_checker.checklist.load import DEFAULT_CHECKLIST, load_checklist, shipped_ids

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for cid in shipped_ids():
        path = folder / f"submission-template-{cid}.xlsx"
        path.write_bytes(build(load_checklist(cid)))
        written.append(path)
    csv_path = folder / f"submission-template-{DEFAULT_CHECKLIST}.csv"
    csv_path.write_text(csv_template(load_checklist(DEFAULT_CHECKLIST)), encoding="utf-8")
    return [*written, csv_path]
