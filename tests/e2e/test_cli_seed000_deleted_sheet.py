"""Seed 000 (อบต.บึงมะลู, ITA 2568): O12 and O13 scored 0 because the "คำอธิบายเพิ่มเติม"
sheet of the NACC workbook was deleted."""

from oit_checker.demo.files import make_procurement_xlsx
from tests.e2e.conftest import codes, item, run_cli, submission

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_workbooks_without_the_explanation_sheet_fail_naming_it(tmp_path, scenario):
    o12 = scenario.file("/ita/o12.xlsx", make_procurement_xlsx(2568, explanation=False), XLSX)
    o13 = scenario.file("/ita/o13.xlsx", make_procurement_xlsx(2567, explanation=False), XLSX)
    code, report = run_cli(
        tmp_path, submission(tmp_path, scenario.url("/"), {"O12": o12, "O13": o13})
    )
    assert code == 0
    for item_id in ("O12", "O13"):
        it = item(report, item_id)
        assert it["status"] == "fail" and it["score"] == 0
        assert codes(report, item_id) == ["xlsx_template.sheet_missing"]
        finding = next(f for f in it["findings"] if f["code"] == "xlsx_template.sheet_missing")
        assert "คำอธิบายเพิ่มเติม" in finding["message"]


def test_workbooks_as_issued_pass(tmp_path, scenario):
    o12 = scenario.file("/ita/o12.xlsx", make_procurement_xlsx(2568), XLSX)
    page = scenario.page(
        "/ita/o13.html",
        '<html><body><h1>O13</h1><a href="/ita/o13.xlsx">รายงาน 2567</a></body></html>',
    )
    scenario.file("/ita/o13.xlsx", make_procurement_xlsx(2567), XLSX)
    _code, report = run_cli(
        tmp_path, submission(tmp_path, scenario.url("/"), {"O12": o12, "O13": page})
    )
    assert item(report, "O12")["status"] == "pass"
    assert item(report, "O13")["status"] == "pass"  # workbook linked from a page
