"""Golden-file tests: a fixed report renders byte-for-byte the same (fixed width, no colour)."""

import datetime as dt
import json
import os
from pathlib import Path

from oit_checker.checklist.load import load_checklist
from oit_checker.model import Finding, FindingStatus
from oit_checker.reporters import json as json_reporter
from oit_checker.reporters import table
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
    check_golden("table_th.txt", table.render(report, "th", width=100))
    check_golden("table_en.txt", table.render(report, "en", width=100))


def test_json_report_v1_contract():
    text = json_reporter.render(fixed_report(), "th")
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
