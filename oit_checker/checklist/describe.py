"""Plain-language descriptions of checklist rules for ``checklists show`` (Thai or English).

Pure formatting of a rule's parameters: what an admin must have on the website for the rule to
pass, so a checklist can be reviewed by people who do not read YAML.
"""

from __future__ import annotations

from typing import Any

from oit_checker.checklist.model import CheckRef
from oit_checker.checks import resolve_year


def _year(ref: str, fy: int) -> str:
    return str(resolve_year(ref, fy))


def describe(ref: CheckRef, fiscal_year: int, lang: str = "th") -> str:
    p: Any = ref.params
    th = lang == "th"
    match ref.id:
        case "reachable":
            return "ทุก URL ที่ส่งต้องเปิดได้" if th else "every submitted URL must open"
        case "on_main_site":
            return (
                "ทุก URL ที่ส่งต้องอยู่บนเว็บไซต์หลักของหน่วยงาน"
                if th
                else "every submitted URL must be on the agency's main website"
            )
        case "not_soft_404":
            return (
                "หน้าเว็บต้องไม่ใช่หน้า 'ไม่พบหน้า' หรือหน้าเข้าสู่ระบบ"
                if th
                else "pages must not be 'not found' or login pages"
            )
        case "has_data":
            return (
                "URL ต้องนำไปสู่ข้อมูลของข้อนี้ (ไม่ใช่หน้าว่าง หน้าอยู่ระหว่างปรับปรุง หรือลิงก์ที่เปิดไม่ได้)"
                if th
                else "the URL must lead to this item's data (not an empty or placeholder page, "
                "nor links that do not open)"
            )
        case "own_agency":
            return (
                "เอกสารต้องเป็นของหน่วยงานเอง (ไม่ใช่เอกสารที่ระบุชื่อหน่วยงานอื่น)"
                if th
                else "the evidence must be this agency's own (not a document naming another agency)"
            )
        case "file_type":
            kinds = ", ".join(k.value for k in p.kinds)
            return f"ต้องมีไฟล์รูปแบบ {kinds}" if th else f"a {kinds} file is required"
        case "mentions_year":
            y = _year(p.year, fiscal_year)
            if p.allow_range:
                return (
                    f"ต้องระบุปี พ.ศ. {y} หรือช่วงปีที่ครอบคลุม {y}"
                    if th
                    else f"must state {y} (BE) or a period covering it"
                )
            return f"ต้องระบุปี พ.ศ. {y}" if th else f"must state the year {y} (BE)"
        case "dated_within":
            if p.within_days is not None:
                return (
                    f"ต้องมีวันที่ภายใน {p.within_days} วันก่อนวันตรวจ"
                    if th
                    else f"must carry a date within {p.within_days} days"
                )
            y = _year(p.year, fiscal_year)
            return f"ต้องมีวันที่อยู่ในปีงบประมาณ {y}" if th else f"must carry a date in fiscal year {y}"
        case "keywords":
            groups = "; ".join(" / ".join(g.any) for g in p.groups)
            return f"ต้องมีองค์ประกอบ: {groups}" if th else f"required elements: {groups}"
        case "xlsx_template":
            parts = []
            if p.required_sheets:
                sheets = ", ".join(p.required_sheets)
                parts.append(f"ต้องมีชีต {sheets}" if th else f"sheets {sheets} kept")
            if p.header:
                parts.append("หัวตารางตามแบบฟอร์ม" if th else "template header row")
            if p.fy_column:
                y = _year(p.year, fiscal_year)
                parts.append(f"คอลัมน์ {p.fy_column} = {y}" if th else f"{p.fy_column} = {y}")
            if p.min_rows:
                parts.append(f"อย่างน้อย {p.min_rows} แถว" if th else f"at least {p.min_rows} rows")
            head = "ไฟล์ Excel ตามแบบฟอร์ม ป.ป.ช." if th else "NACC Excel template"
            return f"{head}: {', '.join(parts)}" if parts else head
    return ref.id
