"""Each URL is fetched once per run however many items use it; the table output is Thai."""

from oit_checker.cli import main
from tests.e2e.conftest import TODAY, run_cli, submission
from tests.sites import html


def test_shared_url_is_fetched_once(tmp_path, scenario):
    shared = scenario.page("/ita", html("ITA 2568", "ร้องเรียน", [("/doc.pdf", "เอกสาร")]))
    scenario.file("/doc.pdf", b"%PDF-1.4 not really", "application/pdf")
    sub = submission(tmp_path, scenario.url("/"), {"O17": shared, "O18": shared})
    run_cli(tmp_path, sub)
    assert scenario.hits["/ita"] == 1 and scenario.hits["/doc.pdf"] == 1


def test_table_output_thai_by_default_and_english_on_request(tmp_path, scenario, capsys):
    url = scenario.url("/gone")
    sub = submission(tmp_path, scenario.url("/"), {"O1": url})
    assert main(["check", str(sub), "--today", TODAY]) == 0
    out = capsys.readouterr().out
    assert "ไม่ผ่าน" in out and "ไม่ได้ส่ง" in out and "เปิด URL ไม่ได้" in out
    assert main(["check", str(sub), "--today", TODAY, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "The URL does not open" in out and "missing" in out
