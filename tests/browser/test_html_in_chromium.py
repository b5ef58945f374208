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
