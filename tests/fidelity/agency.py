"""Local agency sites for the fidelity suite: realistic 2568 content, defects injected per item.

The base content is the demo agency's (``oit_checker.demo.site.PAGES``) with its deliberate
defects repaired, so a clean agency passes every item; each seed test then breaks exactly the
items its report scored zero, in the way the report describes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from oit_checker.checklist.load import load_checklist
from oit_checker.demo.files import make_pdf, make_procurement_xlsx
from oit_checker.demo.site import PAGES
from tests.e2e.conftest import run_cli, submission
from tests.sites import Scenario

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Items whose demo content carries a defect, repaired for the clean agency.
CLEAN: dict[str, tuple[str, tuple[str, list[str]] | None]] = {
    "O7": (
        "รายงานผลการดำเนินงานประจำปี",
        (
            "o7-report.pdf",
            [
                "รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2567",
                "ผลการดำเนินงานตามแผน และการใช้จ่ายงบประมาณ",
            ],
        ),
    ),
    "O9": (
        "คู่มือสำหรับประชาชน",
        (
            "o9-service.pdf",
            ["คู่มือสำหรับประชาชน งานขอรับเบี้ยยังชีพ", "ขั้นตอนการให้บริการ ระยะเวลา 1 วันทำการ ค่าธรรมเนียม ไม่มี"],
        ),
    ),
    "O21": (
        "ประกาศเจตนารมณ์ นโยบายไม่รับของขวัญ (No Gift Policy) จากการปฏิบัติหน้าที่",
        (
            "o21-no-gift.pdf",
            [
                "ประกาศเจตนารมณ์ การไม่รับของขวัญและของกำนัลทุกชนิด (No Gift Policy)",
                "กิจกรรมสร้างวัฒนธรรม No Gift Policy ประจำปี 2568",
            ],
        ),
    ),
}

Content = tuple[str, tuple[str, list[str]] | None]


def _doc(name: str, *lines: str) -> tuple[str, list[str]]:
    return name, list(lines)


# A clean ITA 2567 agency (FY 2567 = Oct 2566 – Sep 2567): current items dated 2567, reports 2566.
PAGES_2567: dict[str, Content] = {
    "O1": ("แผนผังโครงสร้างองค์กร ฝ่ายการเมืองและฝ่ายประจำ", _doc("o1.pdf", "แผนผังโครงสร้าง สำนักปลัด")),
    "O2": ("นายสมชาย ใจดี ตำแหน่ง นายกองค์การบริหารส่วนตำบล โทร 045-000-001", None),
    "O3": ("อำนาจหน้าที่ตามพระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537", None),
    "O4": ("ที่อยู่ 99 หมู่ 1 ตำบลตัวอย่าง โทรศัพท์ 045-000-000", None),
    "O5": ("ข่าวกิจกรรม ประกาศเมื่อ 15 มกราคม 2567 จัดงานวันเด็กแห่งชาติ", None),
    "O6": ("ช่องทางถาม-ตอบ (Q&A) ผ่านเว็บบอร์ดและไลน์ของหน่วยงาน", None),
    "O7": ("แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)", _doc("o7.pdf", "แผนพัฒนาท้องถิ่น พ.ศ. 2566-2570")),
    "O8": (
        "แผนดำเนินงาน",
        _doc("o8.pdf", "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2567", "รายงานความก้าวหน้า รอบ 6 เดือน"),
    ),
    "O9": ("รายงานผล", _doc("o9.pdf", "รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2566")),
    "O10": ("คู่มือการปฏิบัติงาน งานพัสดุ งานการเงิน", _doc("o10.pdf", "คู่มือการปฏิบัติงาน")),
    "O11": ("คู่มือสำหรับประชาชน", _doc("o11.pdf", "คู่มือสำหรับประชาชน ขั้นตอน ระยะเวลา")),
    "O12": ("สถิติการให้บริการ ประจำปีงบประมาณ 2567 จำนวน 812 ราย", None),
    "O13": ("ระบบ E-Service ยื่นคำร้องออนไลน์", None),
    "O14": ("รายการ", _doc("o14.pdf", "รายการการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2567")),
    "O15": ("ประกาศ", _doc("o15.pdf", "ประกาศผู้ชนะการเสนอราคา ประจำปีงบประมาณ พ.ศ. 2567")),
    "O16": ("ความก้าวหน้า", _doc("o16.pdf", "ความก้าวหน้าการจัดซื้อจัดจ้าง ปีงบประมาณ พ.ศ. 2567")),
    "O17": ("สรุปผล", _doc("o17.pdf", "สรุปผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2566")),
    "O18": ("แผนบุคคล", _doc("o18.pdf", "แผนการบริหารและพัฒนาทรัพยากรบุคคล พ.ศ. 2567-2569")),
    "O19": ("รายงานบุคคล", _doc("o19.pdf", "รายงานผลการบริหารทรัพยากรบุคคล ประจำปี พ.ศ. 2566")),
    "O20": ("ประมวลจริยธรรมของข้าราชการส่วนท้องถิ่น", None),
    "O21": ("กิจกรรมส่งเสริมจริยธรรม", _doc("o21.pdf", "โครงการอบรมคุณธรรมจริยธรรม ปี 2567")),
    "O22": ("คู่มือ", _doc("o22.pdf", "คู่มือและขั้นตอนการจัดการเรื่องร้องเรียน")),
    "O23": ("แจ้งผ่านแบบฟอร์มออนไลน์ หรือโทร 045-000-000", None),
    "O24": ("สถิติเรื่องร้องเรียน ปี 2567 จำนวน 0 เรื่อง", None),
    "O25": ("เวทีประชาคมหมู่บ้าน ปีงบประมาณ 2567", None),
    "O26": (
        "ประกาศเจตนารมณ์ ไม่รับของขวัญ",
        _doc("o26.pdf", "ประกาศเจตนารมณ์ No Gift Policy พ.ศ. 2567"),
    ),
    "O27": ("กิจกรรม", _doc("o27.pdf", "กิจกรรมสร้างวัฒนธรรม No Gift Policy ประจำปี 2567")),
    "O28": ("รายงานผล", _doc("o28.pdf", "รายงานผลการไม่รับของขวัญ (No Gift Policy)")),
    "O29": ("รายงานการรับทรัพย์สิน", _doc("o29.pdf", "ไม่มีการรับทรัพย์สินหรือของขวัญ")),
    "O30": ("ประเมินความเสี่ยง", _doc("o30.pdf", "การประเมินความเสี่ยงการทุจริต ปีงบประมาณ 2567")),
    "O31": ("รายงานผล", _doc("o31.pdf", "รายงานผลการจัดการความเสี่ยง ประจำปี พ.ศ. 2566")),
    "O32": ("แผนปฏิบัติการ", _doc("o32.pdf", "แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2566-2570")),
    "O33": ("รายงานผล", _doc("o33.pdf", "รายงานผลการป้องกันการทุจริต ประจำปี พ.ศ. 2566")),
    "O34": ("มาตรการ", _doc("o34.pdf", "มาตรการส่งเสริมความโปร่งใส")),
    "O35": ("รายงานผล", _doc("o35.pdf", "รายงานผลตามมาตรการส่งเสริมคุณธรรม ประจำปี พ.ศ. 2566")),
}


def build(
    scenario: Scenario,
    *,
    pages: dict[str, Content] | None = None,
    workbook: Callable[[str], bytes] | None = None,
    checklist: str = "ita-2568",
    missing: frozenset[str] = frozenset(),
) -> dict[str, str]:
    """Serve an agency on ``scenario``; return item → submitted URL.

    ``missing`` items are submitted but not published (their URL answers 404), the most common
    cause of a zero that the seeds do not explain.
    """
    base = {**PAGES, **CLEAN} if checklist == "ita-2568" else dict(PAGES_2567)
    content = {**base, **(pages or {})}
    make_book = workbook or (lambda item: make_procurement_xlsx(2568 if item == "O12" else 2567))
    urls: dict[str, str] = {}
    for item in load_checklist(checklist).items:
        iid = item.id.lower()
        if item.id in missing:
            urls[item.id] = scenario.url(f"/ita/{iid}-not-published.html")
            continue
        if checklist == "ita-2568" and item.id in ("O12", "O13"):
            urls[item.id] = scenario.file(f"/files/{iid}.xlsx", make_book(item.id), XLSX)
            continue
        text, doc = content[item.id]
        links = ""
        if doc is not None:
            name, lines = doc
            pdf = make_pdf([lines], title=lines[0] if lines else "")
            scenario.file(f"/files/{name}", pdf, "application/pdf")
            links = f'<ul><li><a href="/files/{name}">ดาวน์โหลดเอกสาร</a></li></ul>'
        urls[item.id] = scenario.page(
            f"/ita/{iid}.html",
            f'<!doctype html><html><head><meta charset="utf-8"><title>{item.id}</title></head>'
            f"<body><main><h1>{item.id} {item.title}</h1><p>{text}</p>{links}</main></body></html>",
        )
    return urls


def check(
    tmp_path: Path,
    scenario: Scenario,
    urls: dict[str, str],
    checklist: str = "ita-2568",
    today: str = "2025-03-31",
) -> dict:
    sub = submission(tmp_path, scenario.url("/"), urls, checklist=checklist)
    code, report = run_cli(tmp_path, sub, "--today", today)
    assert code == 0
    return report


def failing(report: dict) -> set[str]:
    return {i["id"] for i in report["items"] if i["status"] == "fail"}


def indicator(report: dict, ind: int) -> float:
    return next(i["score"] for i in report["indicators"] if i["id"] == ind)
