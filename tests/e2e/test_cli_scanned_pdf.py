"""A scanned PDF without a text layer is `manual` (never `fail`), and the score shows the range."""

from oit_checker.demo.files import make_pdf
from tests.e2e.conftest import codes, item, run_cli, submission


def test_scanned_report_is_manual_and_opens_the_score_range(tmp_path, scenario):
    scan = scenario.file("/files/o26-scan.pdf", make_pdf([[]], scanned=True), "application/pdf")
    _code, report = run_cli(tmp_path, submission(tmp_path, scenario.url("/"), {"O26": scan}))
    it = item(report, "O26")
    assert it["status"] == "manual" and it["score"] == 0 and it["score_max"] == 100
    assert codes(report, "O26", "manual") == ["mentions_year.unreadable"]
    assert codes(report, "O26") == []
    ind10 = next(i for i in report["indicators"] if i["id"] == 10)
    assert ind10["score"] < ind10["score_max"]
    assert report["oit"]["score"] < report["oit"]["score_max"]
