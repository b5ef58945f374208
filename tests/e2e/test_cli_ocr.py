"""Scans judged end to end: a scanned No Gift announcement (O21, ITA 2568) and its failing
twins, over real sockets. The no-OCR behaviour (and its one-line hint) runs everywhere; the
OCR verdicts need Tesseract with the Thai model (.ci/run installs it).
"""

from __future__ import annotations

import pytest

from oit_checker.cli import main
from oit_checker.extract import ocr
from tests import scans
from tests.e2e.conftest import TODAY, item, run_cli, submission

needs_ocr = pytest.mark.skipif(
    bool(ocr.problem()) or scans.font_path() is None,
    reason="Tesseract with the Thai model, or fonts-thai-tlwg, not installed (.ci/run does)",
)


def scan_pdf(**kw) -> bytes:
    img = scans.page(scans.no_gift_lines(**kw), rotate=1.2, blur=0.7, stamp=True)
    return scans.image_pdf([img], quality=60)


def o21(tmp_path, scenario, data: bytes, *flags: str, item_id: str = "O21") -> dict:
    url = scenario.file("/files/scan.pdf", data, "application/pdf")
    code, report = run_cli(
        tmp_path, submission(tmp_path, scenario.url("/"), {item_id: url}), *flags
    )
    assert code == 0
    return item(report, item_id)


@needs_ocr
def test_a_scanned_announcement_passes_and_says_it_was_read_from_a_scan(tmp_path, scenario):
    it = o21(tmp_path, scenario, scan_pdf(), "--ocr", "auto")
    assert it["status"] == "pass", it["findings"]
    content = [f for f in it["findings"] if f["check"] == "keywords"]
    assert content and all("อ่านจากภาพสแกน" in f["message"] for f in content)


@needs_ocr
@pytest.mark.parametrize(
    ("twin", "kw"),
    [
        ("an element missing", {"activity": False}),
        ("another agency's announcement", {"agency": "องค์การบริหารส่วนตำบลหนองบัวแดง"}),
    ],
)
def test_the_failing_twins_do_not_pass(tmp_path, scenario, twin, kw):
    it = o21(tmp_path, scenario, scan_pdf(**kw), "--ocr", "auto")
    assert it["status"] in ("fail", "risk"), (twin, it["findings"])
    losing = [f for f in it["findings"] if f["status"] == "fail" or f["downgraded"]]
    assert losing and all(f["params"].get("ocr") for f in losing), twin


@needs_ocr
def test_a_scan_of_the_wrong_year_is_stale(tmp_path, scenario):
    """O20 (participation, FY 2568) must mention its year: 2568 passes, 2565 does not."""
    right = o21(tmp_path, scenario, scan_pdf(), "--ocr", "auto", item_id="O20")
    assert right["status"] == "pass", right["findings"]
    old = o21(tmp_path, scenario, scan_pdf(year_be=2565), "--ocr", "auto", item_id="O20")
    assert old["status"] in ("fail", "risk"), old["findings"]
    assert any("อ่านจากภาพสแกน" in f["message"] for f in old["findings"] if f["status"] != "pass")


def test_without_ocr_a_scan_is_manual_with_one_line_on_how_to_enable(
    tmp_path, scenario, monkeypatch, capsys
):
    monkeypatch.setattr(ocr, "problem", lambda: "tesseract is not installed")
    it = o21(
        tmp_path,
        scenario,
        scans.image_pdf([scans.page(["x"])])
        if scans.font_path()
        else __import__("oit_checker.demo.files", fromlist=["make_pdf"]).make_pdf(
            [[]], scanned=True
        ),
        "--ocr",
        "auto",
    )
    assert it["status"] == "manual"
    err = capsys.readouterr().err
    hint = [line for line in err.splitlines() if "tesseract-ocr-tha" in line]
    assert len(hint) == 1 and "ภาพสแกน 1 ไฟล์" in hint[0]


def test_ocr_always_without_tesseract_is_a_usage_error(tmp_path, scenario, monkeypatch, capsys):
    monkeypatch.setattr(ocr, "problem", lambda: "tesseract is not installed")
    sub = submission(tmp_path, scenario.url("/"), {"O21": scenario.url("/x.pdf")})
    assert main(["check", str(sub), "--today", TODAY, "--ocr", "always"]) == 2
    assert "tesseract-ocr-tha" in capsys.readouterr().err
    assert scenario.hits["/x.pdf"] == 0  # refused before the crawl


@needs_ocr
def test_an_org_chart_posted_as_a_picture_is_read(tmp_path, scenario):
    chart = scenario.file("/files/chart.png", scans.png(scans.org_chart()), "image/png")
    logo = scenario.file("/img/logo.png", scans.png(scans.org_chart()), "image/png")
    page = scenario.page(
        "/ita/o1",
        f'<html><head><title>O1</title></head><body><header><img src="{logo}"></header>'
        f'<h1>โครงสร้าง</h1><p><img src="{chart}" alt="โครงสร้าง"></p></body></html>',
    )
    sub = submission(tmp_path, scenario.url("/"), {"O1": page})
    _code, report = run_cli(tmp_path, sub, "--ocr", "auto")
    o1 = item(report, "O1")
    assert o1["status"] == "pass", o1["findings"]
    assert scenario.hits["/files/chart.png"] == 1 and scenario.hits["/img/logo.png"] == 0
    _code, report = run_cli(tmp_path, sub, "--ocr", "never")
    assert item(report, "O1")["status"] != "pass"  # the words are only in the picture
    assert scenario.hits["/files/chart.png"] == 1  # not fetched without OCR


@needs_ocr
def test_the_runs_ocr_budget_bounds_the_work(tmp_path, scenario, monkeypatch):
    """A run whose OCR seconds are spent leaves further scans manual (never fail); extractions
    already running finish, so the bound is the budget plus one document per worker."""
    scan = scenario.file("/files/a.pdf", scan_pdf(), "application/pdf")
    sub = submission(tmp_path, scenario.url("/"), {"O21": scan})
    _code, report = run_cli(tmp_path, sub, "--ocr", "auto")
    assert item(report, "O21")["status"] == "pass"
    monkeypatch.setenv("OIT_OCR_RUN_SECONDS", "0")
    _code, report = run_cli(tmp_path, sub, "--ocr", "auto")
    assert item(report, "O21")["status"] == "manual"
