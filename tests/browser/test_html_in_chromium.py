"""The HTML report in real headless Chromium: Thai renders, nothing executes, a screenshot is
kept as a test artefact (test-artifacts/report.png). `.ci/run` installs Debian's Chromium."""

import dataclasses
import shutil
from pathlib import Path

import pytest

from oit_checker.fetch.browser import ARGS
from oit_checker.reporters import html
from oit_checker.reporters.base import Options
from tests.test_reporters import PAYLOADS, fixed_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium not installed (.ci/run installs it)"
)
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def test_report_renders_in_chromium_and_runs_nothing(tmp_path):
    from playwright.sync_api import sync_playwright

    r = fixed_report()
    items = (dataclasses.replace(r.items[0], title=PAYLOADS[0] + PAYLOADS[1]), *r.items[1:])
    page_file = tmp_path / "report.html"
    page_file.write_text(
        html.render(dataclasses.replace(r, items=items), Options("th")), encoding="utf-8"
    )
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            dialogs: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(page_file.as_uri())
            text = page.inner_text("body")
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
            images = page.evaluate("document.images.length")
        finally:
            browser.close()
    assert "คะแนน OIT 70.00–80.00" in text
    assert 'ไม่พบชีต "คำอธิบายเพิ่มเติม"' in text and "ไม่ผ่าน" in text
    assert PAYLOADS[0] in text  # shown as text …
    assert dialogs == [] and images == 0  # … never executed, no injected <img>


def test_report_fits_a_phone_and_prints_to_a4(tmp_path):
    """Issue 12: the page scrolled sideways on a phone. At 360 px nothing is wider than the
    screen, the "แก้ก่อนส่ง" box comes before the table, and it prints to A4 pages."""
    from playwright.sync_api import sync_playwright

    r = fixed_report()
    long_url = "https://www.example.go.th/" + "ก" * 30 + "/" + "x" * 200 + ".pdf"
    items = (dataclasses.replace(r.items[0], urls=(long_url,)), *r.items[1:])
    page_file = tmp_path / "report.html"
    page_file.write_text(
        html.render(dataclasses.replace(r, items=items), Options("th")), encoding="utf-8"
    )
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 360, "height": 740})
            page.goto(page_file.as_uri())
            widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            order = page.evaluate(
                "document.querySelector('.fixes').compareDocumentPosition("
                "document.querySelector('table')) & Node.DOCUMENT_POSITION_FOLLOWING"
            )
            first_fix = page.inner_text(".fixes li")
            labelled = page.evaluate(
                "getComputedStyle(document.querySelector('td[data-label]'), '::before').content"
            )
            page.screenshot(path=str(ARTIFACTS / "report-phone.png"), full_page=True)
            pdf = page.pdf(format="A4")
        finally:
            browser.close()
    assert widths[0] <= widths[1], widths  # no sideways scrolling
    assert order and first_fix.startswith("O12")  # most points at stake first
    assert "วิธีแก้" in first_fix and "ข้อ" in labelled
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 1
