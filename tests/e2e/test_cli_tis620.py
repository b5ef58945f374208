"""A TIS-620 page (header label, or only a meta tag) reads as Thai and its rules pass."""

from tests.e2e.conftest import item, run_cli, submission
from tests.sites import html, static


def test_tis620_pages_read_correctly(tmp_path, scenario):
    body = "แจ้งเรื่องร้องเรียนการทุจริตผ่านแบบฟอร์มออนไลน์ หรือโทร ๐๔๕-๐๐๐-๐๐๐"
    labelled = scenario.page("/o18.php", html("O18", body, charset="tis-620"), charset="tis-620")
    meta_only = scenario.route(
        "/o17.php",
        static(
            html("O17", "แนวปฏิบัติและขั้นตอนการจัดการเรื่องร้องเรียน", charset="windows-874").encode(
                "cp874"
            ),
            "text/html",
        ),
    )
    _code, report = run_cli(
        tmp_path, submission(tmp_path, scenario.url("/"), {"O18": labelled, "O17": meta_only})
    )
    assert item(report, "O18")["status"] == "pass"
    assert item(report, "O17")["status"] == "pass"
    found = next(f for f in item(report, "O18")["findings"] if f["check"] == "keywords")
    assert (found["status"], found["evidence"]) == ("pass", "แบบฟอร์ม")
    o17 = next(f for f in item(report, "O17")["findings"] if f["check"] == "keywords")
    assert (o17["status"], o17["evidence"]) == ("pass", "ขั้นตอน")
