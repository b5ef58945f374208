"""The bundled sample agency site for ``oit-checker demo`` (ITA 2568), built into a folder.

A small Thai local-government site: a home page, an ITA page, one page per item with a linked
PDF or XLSX, one page served as TIS-620. Three realistic defects from the seeds, so the
scorecard shows failures with their reasons:

* O7: the annual report linked is for 2566, not 2567 (wrong year);
* O12: the NACC workbook lost its "คำอธิบายเพิ่มเติม" sheet (seed 000);
* O21: the submitted URL was removed in a site restructure (HTTP 404).

and one scanned PDF without a text layer (O9): read by OCR where Tesseract's Thai model is
installed (it passes, and the report says it was read from a scan), otherwise ``manual`` —
never ``fail``.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from oit_checker.checklist.load import DEFAULT_CHECKLIST, load_checklist
from oit_checker.demo.files import make_pdf, make_procurement_xlsx

AGENCY = "องค์การบริหารส่วนตำบลตัวอย่าง"
HERE = Path(__file__).resolve().parent
# Scanned documents: a real page scan (drawn from Thai fonts, rotated, blurred, stamped, saved
# as a JPEG at quality 55) wrapped into an image-only PDF — read by OCR where it is installed.
SCANS = {"o9-service-scan.pdf": "o9-service-scan.jpg"}

# item → (page text, linked document: (file name, PDF lines) or None)
PAGES: dict[str, tuple[str, tuple[str, list[str]] | None]] = {
    "O1": (
        "โครงสร้างและอำนาจหน้าที่ของ อบต.ตัวอย่าง แผนผังโครงสร้างฝ่ายการเมืองและฝ่ายประจำ",
        (
            "o1-structure.pdf",
            [
                "แผนผังโครงสร้างองค์กร",
                "สำนักปลัด กองคลัง กองช่าง",
                "อำนาจหน้าที่ตามพระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล",
            ],
        ),
    ),
    "O2": (
        "ข้อมูลผู้บริหาร: นายสมชาย ใจดี ตำแหน่ง นายกองค์การบริหารส่วนตำบล โทร 045-000-001 "
        "นางสาวสมหญิง รักงาน ตำแหน่ง รองนายก",
        None,
    ),
    "O3": (
        "ข้อมูลการติดต่อ ที่อยู่ 99 หมู่ 1 ตำบลตัวอย่าง อำเภอเมือง จังหวัดศรีสะเกษ 33000 "
        "โทรศัพท์ 045-000-000 อีเมล saraban@example.go.th",
        None,
    ),
    "O4": ("ข่าวประชาสัมพันธ์ ประกาศเมื่อ 15 มกราคม 2568: อบต.ตัวอย่าง จัดกิจกรรมวันเด็กแห่งชาติ", None),
    "O5": (
        "แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)",
        ("o5-plan.pdf", ["แผนพัฒนาท้องถิ่น พ.ศ. 2566-2570", "ยุทธศาสตร์การพัฒนา เป้าหมาย ตัวชี้วัด"]),
    ),
    "O6": (
        "แผนดำเนินงานประจำปีงบประมาณ พ.ศ. 2568 และรายงานความก้าวหน้า",
        (
            "o6-plan-2568.pdf",
            [
                "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568",
                "รายงานความก้าวหน้า รอบ 6 เดือน (ต.ค. 67 - มี.ค. 68)",
            ],
        ),
    ),
    "O7": (
        "รายงานผลการดำเนินงานประจำปี",
        (
            "o7-report.pdf",
            [
                "รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2566",
                "ผลการดำเนินงานตามแผน และการใช้จ่ายงบประมาณ",
            ],
        ),
    ),
    "O8": (
        "คู่มือการปฏิบัติงานของเจ้าหน้าที่ งานธุรการ งานพัสดุ งานการเงิน",
        ("o8-manual.pdf", ["คู่มือการปฏิบัติงาน งานพัสดุ", "ขั้นตอนการจัดซื้อจัดจ้าง"]),
    ),
    "O9": ("คู่มือสำหรับประชาชน (ไฟล์สแกน)", ("o9-service-scan.pdf", [])),
    "O10": ("ระบบ E-Service ยื่นคำร้องออนไลน์ ขอรับบริการน้ำประปา ขอรับเบี้ยยังชีพ", None),
    "O11": ("ข้อมูลสถิติการให้บริการ ประจำปี 2568 จำนวนผู้รับบริการ 1,245 ราย", None),
    "O14": (
        "แผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. 2568",
        (
            "o14-hr-plan.pdf",
            [
                "แผนการบริหารและพัฒนาทรัพยากรบุคคล พ.ศ. 2568",
                "1. การสรรหาบุคลากร",
                "2. การพัฒนาบุคลากร",
                "3. การประเมินผลการปฏิบัติงานและการรักษาไว้ซึ่งบุคลากร",
            ],
        ),
    ),
    "O15": (
        "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ประจำปี พ.ศ. 2567",
        ("o15-hr-report.pdf", ["รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. 2567"]),
    ),
    "O16": ("ประมวลจริยธรรมของข้าราชการส่วนท้องถิ่น และกิจกรรมขับเคลื่อนจริยธรรม ปี 2568", None),
    "O17": (
        "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
        ("o17-complaints.pdf", ["คู่มือการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"]),
    ),
    "O18": ("ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ: แบบฟอร์มออนไลน์ โทร 045-000-000", None),
    "O19": ("ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปี พ.ศ. 2567 จำนวน 0 เรื่อง", None),
    "O20": ("การเปิดโอกาสให้เกิดการมีส่วนร่วม: เวทีประชาคมหมู่บ้าน ปีงบประมาณ 2568", None),
    "O22": ("รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา ไม่มีการรับของขวัญ", None),
    "O23": (
        "การประเมินความเสี่ยงการให้หรือรับสินบน ประจำปี พ.ศ. 2568",
        ("o23-risk-2568.pdf", ["การประเมินความเสี่ยงการให้หรือรับสินบน ประจำปีงบประมาณ พ.ศ. 2568"]),
    ),
    "O24": (
        "รายงานผลการดำเนินการจัดการความเสี่ยงการทุจริต ประจำปี พ.ศ. 2567: "
        "ดำเนินมาตรการควบคุมความเสี่ยงครบ 3 ด้าน ไม่พบเหตุการณ์ทุจริต",
        None,
    ),
    "O25": (
        "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2568",
        ("o25-anticorruption-plan.pdf", ["แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2568"]),
    ),
    "O26": (
        "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี พ.ศ. 2567: "
        "ดำเนินโครงการตามแผน 8 โครงการ ใช้งบประมาณ 45,000 บาท",
        None,
    ),
    "O27": (
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        (
            "o27-measures.pdf",
            [
                "ผลการวิเคราะห์ผลการประเมิน ITA ปี 2567",
                "แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ: มาตรการ ขั้นตอน ผู้รับผิดชอบ ระยะเวลา",
            ],
        ),
    ),
    "O28": (
        "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส ประจำปี พ.ศ. 2567: "
        "ดำเนินการตามมาตรการครบทุกข้อ จัดอบรมบุคลากร 2 ครั้ง",
        None,
    ),
}
TIS620_ITEM = "O18"
MISSING_ITEM = "O21"  # submitted URL answers 404


def _page(
    title: str,
    body: str,
    links: list[tuple[str, str]] = (),  # type: ignore[assignment]
    charset: str = "utf-8",
) -> str:
    nav = (
        '<nav class="main-menu"><a href="/">หน้าหลัก</a> <a href="/ita/2568/">ITA 2568</a> '
        '<a href="/news/">ข่าวสาร ปี 2566 2567 2568</a></nav>'
    )
    items = "".join(f'<li><a href="{html.escape(h)}">{html.escape(t)}</a></li>' for h, t in links)
    return (
        f'<!doctype html><html lang="th"><head><meta charset="{charset}">'
        f"<title>{html.escape(title)} | {AGENCY}</title></head><body>{nav}<main>"
        f"<h1>{html.escape(title)}</h1><p>{html.escape(body)}</p><ul>{items}</ul>"
        f"</main><footer>{AGENCY} โทร 045-000-000</footer></body></html>"
    )


def build(root: Path) -> dict[str, str]:
    """Write the site under ``root``; return item → path of the URL to submit."""
    checklist = load_checklist(DEFAULT_CHECKLIST)
    ita = root / "ita" / "2568"
    docs = root / "files" / "ita2568"
    ita.mkdir(parents=True, exist_ok=True)
    docs.mkdir(parents=True, exist_ok=True)
    created = dt.datetime(2025, 2, 10, 10, 0)
    submission: dict[str, str] = {}
    listing = []
    for item in checklist.items:
        iid = item.id.lower()
        if item.id in ("O12", "O13"):
            year = 2568 if item.id == "O12" else 2567
            name = f"{iid}-procurement-{year}.xlsx"
            (docs / name).write_bytes(make_procurement_xlsx(year, explanation=item.id != "O12"))
            submission[item.id] = f"/files/ita2568/{name}"
            listing.append((f"/files/ita2568/{name}", f"{item.id} {item.title}"))
            continue
        submission[item.id] = f"/ita/2568/{iid}.html"
        listing.append((submission[item.id], f"{item.id} {item.title}"))
        if item.id == MISSING_ITEM:
            continue  # removed in the site restructure: the submitted URL answers 404
        text, doc = PAGES[item.id]
        links = []
        if doc is not None:
            name, lines = doc
            scan = SCANS.get(name)
            (docs / name).write_bytes(
                make_pdf(
                    [lines or [""]],
                    title=(lines or [""])[0],
                    created=created,
                    scans=[(HERE / scan).read_bytes()] if scan else (),
                )
            )
            links.append((f"/files/ita2568/{name}", f"ดาวน์โหลดเอกสาร ({name})"))
        if item.id == TIS620_ITEM:
            page = _page(item.title, text, links, charset="tis-620").encode("cp874")
            (ita / f"{iid}.tis620.html").write_bytes(page)
            submission[item.id] = f"/ita/2568/{iid}.tis620.html"
        else:
            (ita / f"{iid}.html").write_text(_page(item.title, text, links), encoding="utf-8")
    (ita / "index.html").write_text(
        _page("การประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2568", "รายการข้อมูล OIT", listing), encoding="utf-8"
    )
    (root / "index.html").write_text(
        _page(AGENCY, "ยินดีต้อนรับ", [("/ita/2568/", "ITA 2568")]), encoding="utf-8"
    )
    return submission


def submission_yaml(origin: str, paths: dict[str, str]) -> str:
    lines = [
        f"agency: {AGENCY}",
        f"main_site: {origin}/",
        f"checklist: {DEFAULT_CHECKLIST}",
        "items:",
    ]
    lines.extend(f"  {item}: {origin}{path}" for item, path in paths.items())
    return "\n".join(lines) + "\n"
