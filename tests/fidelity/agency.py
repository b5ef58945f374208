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


def build(
    scenario: Scenario,
    *,
    pages: dict[str, Content] | None = None,
    workbook: Callable[[str], bytes] | None = None,
) -> dict[str, str]:
    """Serve a 2568 agency on ``scenario``; return item → submitted URL."""
    content = {**PAGES, **CLEAN, **(pages or {})}
    make_book = workbook or (lambda item: make_procurement_xlsx(2568 if item == "O12" else 2567))
    urls: dict[str, str] = {}
    for item in load_checklist("ita-2568").items:
        iid = item.id.lower()
        if item.id in ("O12", "O13"):
            urls[item.id] = scenario.file(f"/files/{iid}.xlsx", make_book(item.id), XLSX)
            continue
        text, doc = content[item.id]
        links = ""
        if doc is not None:
            name, lines = doc
            scenario.file(
                f"/files/{name}",
                make_pdf([lines], title=lines[0] if lines else ""),
                "application/pdf",
            )
            links = f'<ul><li><a href="/files/{name}">ดาวน์โหลดเอกสาร</a></li></ul>'
        urls[item.id] = scenario.page(
            f"/ita/2568/{iid}.html",
            f'<!doctype html><html><head><meta charset="utf-8"><title>{item.id}</title></head>'
            f"<body><main><h1>{item.id} {item.title}</h1><p>{text}</p>{links}</main></body></html>",
        )
    return urls


def check(tmp_path: Path, scenario: Scenario, urls: dict[str, str]) -> dict:
    code, report = run_cli(tmp_path, submission(tmp_path, scenario.url("/"), urls))
    assert code == 0
    return report


def failing(report: dict) -> set[str]:
    return {i["id"] for i in report["items"] if i["status"] == "fail"}


def indicator(report: dict, ind: int) -> float:
    return next(i["score"] for i in report["indicators"] if i["id"] == ind)
