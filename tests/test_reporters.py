"""Golden-file tests: a fixed report renders byte-for-byte the same (fixed width, no colour)."""

import datetime as dt
import json
import os
from pathlib import Path

from oit_checker.checklist.load import load_checklist
from oit_checker.model import Finding, FindingStatus
from oit_checker.reporters import json as json_reporter
from oit_checker.reporters import table
from oit_checker.reporters.base import Options
from oit_checker.score import build_report, item_result

GOLDEN = Path(__file__).parent / "golden"
MAIN = "https://www.example.go.th/"


def fixed_report():
    c = load_checklist("ita-2568")
    results = []
    for item in c.items[:3] + c.items[11:13] + c.items[20:21]:
        if item.id == "O12":
            fs = (
                Finding(
                    "xlsx_template",
                    item.id,
                    FindingStatus.FAIL,
                    "xlsx_template.sheet_missing",
                    {"sheet": "คำอธิบายเพิ่มเติม"},
                    MAIN + "o12.xlsx",
                    "แบบ สขร.",
                    "S1",
                ),
            )
        elif item.id == "O2":
            fs = (
                Finding(
                    "keywords",
                    item.id,
                    FindingStatus.MANUAL,
                    "keywords.unreadable",
                    {"reason": "no_text_layer"},
                    MAIN + "o2.pdf",
                    "",
                ),
            )
        elif item.id == "O21":
            fs = (
                Finding(
                    "reachable",
                    item.id,
                    FindingStatus.WARN,
                    "reachable.tls_invalid",
                    {"detail": "self-signed"},
                    MAIN + "o21",
                    "",
                    "S17",
                ),
            )
        else:
            fs = (
                Finding(
                    "reachable",
                    item.id,
                    FindingStatus.PASS,
                    "reachable.ok",
                    {"status": 200},
                    MAIN + item.id,
                    "",
                ),
            )
        urls = () if item.id == "O3" else (MAIN + item.id.lower(),)
        results.append(item_result(item, urls, fs))
    return build_report(
        c,
        results,
        tool_version="0.0.0",
        agency="อบต.ตัวอย่าง",
        main_site=MAIN,
        checked_at=dt.datetime(2025, 3, 31, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))),
        today=dt.date(2025, 3, 31),
    )


def check_golden(name, text):
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):  # regenerate deliberately, then review the diff
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_table_thai_and_english():
    report = fixed_report()
    check_golden("table_th.txt", table.render(report, Options("th", width=100)))
    check_golden("table_en.txt", table.render(report, Options("en", width=100)))


def test_json_report_v1_contract():
    text = json_reporter.render(fixed_report(), Options("th"))
    check_golden("report_th.json", text)
    data = json.loads(text)
    assert data["schema"] == "oit-checker/report/v1"
    for key in ("tool", "checklist", "agency", "checked_at", "today", "items", "indicators", "oit"):
        assert key in data
    item = data["items"][0]
    for key in ("id", "indicator", "title", "status", "score", "score_max", "urls", "findings"):
        assert key in item
    f = data["items"][3]["findings"][0]
    for key in ("check", "status", "message", "url", "evidence"):
        assert key in f
    assert f["message"].startswith('ไม่พบชีต "คำอธิบายเพิ่มเติม"')
    assert {i["status"] for i in data["items"]} == {"pass", "fail", "manual", "missing"}


def test_junit_golden_and_valid_xml():
    from xml.etree import ElementTree as ET

    from oit_checker.reporters import junit

    text = junit.render(fixed_report(), Options("th"))
    check_golden("report_th.junit.xml", text)
    suite = ET.fromstring(text.split("\n", 1)[1])
    assert (
        suite.get("tests") == "6" and suite.get("failures") == "1" and suite.get("skipped") == "2"
    )
    fail = suite.find("testcase/failure")
    assert fail is not None and "คำอธิบายเพิ่มเติม" in fail.get("message")


def test_hostile_strings_are_escaped_in_junit():
    import dataclasses
    from xml.etree import ElementTree as ET

    from oit_checker.reporters import junit

    r = fixed_report()
    evil = '<script>alert("x")</script>&'
    items = tuple(dataclasses.replace(i, title=evil) for i in r.items)
    text = junit.render(dataclasses.replace(r, items=items, agency=evil), Options("en"))
    assert "<script>" not in text
    suite = ET.fromstring(text.split("\n", 1)[1])  # still well-formed
    assert suite.find("testcase").get("name").endswith(evil)


def test_json_round_trip_through_reportfile(tmp_path):
    from oit_checker.reportfile import load_report

    text = json_reporter.render(fixed_report(), Options("th"))
    p = tmp_path / "r.json"
    p.write_text(text, encoding="utf-8")
    assert json_reporter.render(load_report(p), Options("th")) == text


def test_xlsx_workbook_for_the_admin(tmp_path):
    import dataclasses

    from openpyxl import load_workbook

    from oit_checker.reporters import xlsx

    r = fixed_report()
    evil = '=HYPERLINK("http://evil")'
    r = dataclasses.replace(r, items=(dataclasses.replace(r.items[0], title=evil), *r.items[1:]))
    p = tmp_path / "r.xlsx"
    p.write_bytes(xlsx.render(r, Options("th")))
    wb = load_workbook(p)
    assert wb.sheetnames == ["สรุป", "รายการ"]
    items = wb["รายการ"]
    assert [c.value for c in items[1]][:4] == ["ข้อ", "ตัวชี้วัด", "รายการ", "ผล"]
    assert items.freeze_panes == "A2" and items.auto_filter.ref
    titles = [row[2].value for row in items.iter_rows(min_row=2)]
    assert "'" + evil in titles  # stored as text, never a formula
    statuses = {row[0].value: row[3].value for row in items.iter_rows(min_row=2)}
    assert statuses["O12"] == "ไม่ผ่าน" and statuses["O2"] == "ตรวจเอง" and statuses["O3"] == "ไม่ได้ส่ง"
    header = [c.value for c in items[1]]
    col = {h: n for n, h in enumerate(header)}
    rows = {row[0].value: row for row in items.iter_rows(min_row=2)}
    assert "คำอธิบายเพิ่มเติม" in rows["O12"][col["เหตุผล"]].value
    assert "แบบฟอร์ม" in rows["O12"][col["วิธีแก้"]].value  # how to fix, beside the reason
    assert rows["O3"][col["วิธีแก้"]].value.startswith("เผยแพร่ข้อมูลของข้อนี้")
    assert "คะแนนกรณีดีที่สุด" in header[5]  # not "คะแนนสูงสุด": a 0 there read as full marks
    order = [row[0].value for row in items.iter_rows(min_row=2)]
    first_pass = order.index(next(i for i in order if statuses[i] == "ผ่าน"))
    assert all(statuses[i] != "ผ่าน" for i in order[:first_pass])
    assert all(statuses[i] == "ผ่าน" for i in order[first_pass:])  # losing items first
    url = rows["O12"][col["URL"]]
    assert url.hyperlink is not None and url.hyperlink.target.startswith("https://")
    summary = {row[0].value: row[1].value for row in wb["สรุป"].iter_rows() if row[0].value}
    assert summary["คะแนน OIT (ต่ำสุด)"] == 70.0 and summary["คะแนน OIT (สูงสุด)"] == 80.0
    en = load_workbook(__import__("io").BytesIO(xlsx.render(r, Options("en"))))
    assert en.sheetnames == ["Summary", "Items"]


PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "</td></tr><script>x()</script>",
    "' onmouseover='alert(1)",
]


def test_html_golden_and_self_contained():
    from oit_checker.reporters import html

    text = html.render(fixed_report(), Options("th"))
    check_golden("report_th.html", text)
    assert "<script" not in text and "http://" not in text.split("<body>")[0]
    assert "คะแนน OIT 70.00–80.00" in text and "ข้อสังเกต (ยังไม่ยืนยัน)" in text


def test_html_escapes_every_crawled_string():
    import dataclasses

    from oit_checker.model import Finding, FindingStatus
    from oit_checker.reporters import html

    r = fixed_report()
    items = []
    for i, payload in zip(r.items, PAYLOADS * 2, strict=False):
        f = Finding(
            "keywords",
            i.id,
            FindingStatus.FAIL,
            "keywords.missing",
            {"missing": payload, "count": 1},
            payload,
            payload,
            source=payload,
        )
        items.append(
            dataclasses.replace(
                i, title=payload, urls=(payload, "https://x.go.th/" + payload), findings=(f,)
            )
        )
    text = html.render(
        dataclasses.replace(r, items=tuple(items), agency=PAYLOADS[0]), Options("en")
    )
    assert (
        "<script>" not in text
        and "<img" not in text
        and "onerror=alert" not in text.replace("onerror=alert(1)&gt;", "")
    )
    assert 'href="javascript:' not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_every_reporter_renders_waived_and_rewritten_reports(tmp_path):
    import dataclasses

    from oit_checker import reporters
    from oit_checker.model import Finding, FindingStatus

    r = fixed_report()
    waived = Finding(
        "reachable",
        "O1",
        FindingStatus.WARN,
        "reachable.broken",
        {"reason": "http_4xx"},
        MAIN + "o1",
        "",
        waived="ปิดปรับปรุง",
        waived_until="2025-04-30",
    )
    items = (dataclasses.replace(r.items[0], findings=(waived,)), *r.items[1:])
    r = dataclasses.replace(
        r, items=items, rewrites=(("https://www.example.go.th", "http://localhost:8000"),)
    )
    for name in reporters.NAMES:
        for lang in ("th", "en"):
            out = reporters.render(name, r, Options(lang))
            assert out, name
    table_th = reporters.render("table", r, Options("th"))
    assert "ยกเว้นถึง 2025-04-30: ปิดปรับปรุง" in table_th and "http://localhost:8000" in table_th
    assert "http://localhost:8000" in reporters.render("html", r, Options("en"))


def test_markdown_golden_for_pull_request_comments():
    from oit_checker.reporters import markdown

    text = markdown.render(fixed_report(), Options("th"))
    check_golden("report_th.md", text)
    assert "**คะแนน OIT 70.00–80.00**" in text
    rows = [line for line in text.splitlines() if line.startswith("| O")]
    assert len(rows) == 6 and any("ไม่ผ่าน" in r and "คำอธิบายเพิ่มเติม" in r for r in rows)


def test_markdown_escapes_crawled_strings():
    import dataclasses

    from oit_checker.reporters import markdown

    r = fixed_report()
    evil = "x | ![img](http://evil/p.png) <script>alert(1)</script>\n[link](javascript:x)"
    items = tuple(dataclasses.replace(i, title=evil) for i in r.items)
    text = markdown.render(dataclasses.replace(r, items=items, agency=evil), Options("en"))
    import re

    assert "<script>" not in text and not re.search(r"(?<!\\)\]\(", text)  # no link/image
    rows = [line for line in text.splitlines() if line.startswith("| O")]
    assert len(rows) == 6  # a "|" or newline in a title never breaks the table
    assert all(line.count(" | ") - line.count("\\|") == 4 for line in rows)


def risk_report():
    """O13 fails an inferred rule: ``risk``, 0 in the score, full in the maximum."""
    r = fixed_report()
    c = load_checklist("ita-2568")
    f = Finding(
        "keywords",
        "O13",
        FindingStatus.WARN,
        "keywords.missing",
        {"missing": "วิธีการจัดซื้อจัดจ้าง", "count": 1},
        MAIN + "o13.pdf",
        "",
        "ITA-NOTES §3",
        confidence="inferred",
        downgraded=True,
    )
    o13 = item_result(c.item("O13"), (MAIN + "o13",), (f,))
    items = tuple(o13 if i.id == "O13" else i for i in r.items)
    return build_report(
        c,
        list(items),
        tool_version="0.0.0",
        agency=r.agency,
        main_site=MAIN,
        checked_at=r.checked_at,
        today=r.today,
    )


def test_every_reporter_shows_risk():
    from xml.etree import ElementTree as ET

    from openpyxl import load_workbook

    from oit_checker import reporters

    r = risk_report()
    o13 = next(i for i in r.items if i.id == "O13")
    assert o13.status.value == "risk" and (o13.score, o13.score_max) == (0.0, 100.0)
    assert r.oit_score < r.oit_score_max
    for lang, word in (("th", "เสี่ยง"), ("en", "risk")):
        for name in ("table", "html", "markdown"):
            assert word in reporters.render(name, r, Options(lang)), (name, lang)
    data = json.loads(reporters.render("json", r, Options("th")))
    assert next(i for i in data["items"] if i["id"] == "O13")["status"] == "risk"
    suite = ET.fromstring(str(reporters.render("junit", r, Options("en"))).split("\n", 1)[1])
    case = next(c for c in suite.iter("testcase") if c.get("name").startswith("O13 "))
    assert case.find("failure").get("type") == "risk"
    book = load_workbook(__import__("io").BytesIO(reporters.render("xlsx", r, Options("th"))))
    statuses = {row[0].value: row[3].value for row in book["รายการ"].iter_rows(min_row=2)}
    assert statuses["O13"] == "เสี่ยง"


def test_a_report_written_before_risk_still_loads(tmp_path):
    """Old v1 files (no risk anywhere, no floor fields) load as baselines unchanged."""
    from oit_checker.reportfile import load_report

    old = json.loads((GOLDEN / "report_th.json").read_text(encoding="utf-8"))
    p = tmp_path / "old.json"
    p.write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    assert {i.status.value for i in load_report(p).items} == {"pass", "fail", "manual", "missing"}
