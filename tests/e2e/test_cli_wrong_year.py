"""A report for the wrong year fails (ITA 2568 O7 wants the 2567 report; seed 001 lost O7)."""

from oit_checker.demo.files import make_pdf
from tests.e2e.conftest import codes, item, run_cli, submission


def setup(scenario, year):
    scenario.file(
        "/files/o7.pdf",
        make_pdf([[f"รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {year}"]]),
        "application/pdf",
    )
    return scenario.page(
        "/ita/o7.html",
        "<html><body><h1>O7 รายงานผลการดำเนินงานประจำปี พ.ศ. 2567"
        '</h1><a href="/files/o7.pdf">ดาวน์โหลด</a></body></html>',
    )


def test_report_for_2566_fails_naming_the_year_found(tmp_path, scenario):
    _code, report = run_cli(
        tmp_path, submission(tmp_path, scenario.url("/"), {"O7": setup(scenario, 2566)})
    )
    assert item(report, "O7")["status"] == "fail"
    assert codes(report, "O7") == ["mentions_year.missing"]
    f = item(report, "O7")["findings"][-1]
    assert f["params"]["found"] == "2566" and "2567" in f["message"]


def test_report_for_2567_passes(tmp_path, scenario):
    _code, report = run_cli(
        tmp_path, submission(tmp_path, scenario.url("/"), {"O7": setup(scenario, 2567)})
    )
    assert item(report, "O7")["status"] == "pass"
