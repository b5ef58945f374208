"""The fleet dashboard in real Chromium with 8,300 agencies: it renders in Thai, the search,
score-band and changed-tonight filters and the sort work, hostile agency names stay text,
nothing is wider than a phone, and a screenshot of each view is kept (test-artifacts/)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from oit_checker.fetch.browser import ARGS
from oit_checker.model import AgencyNight, NightSummary, ReportHead
from oit_checker.reporters import dashboard
from oit_checker.reporters.base import Options

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed (.ci/run)")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
EVIL = "<img src=x onerror=\"document.title='pwned'\">"


def fleet(n: int = 8300) -> NightSummary:
    agencies = []
    for k in range(n):
        score = (k * 37) % 101
        statuses = tuple(
            (f"O{i}", "fail" if (k + i) % 7 == 0 else ("risk" if (k + i) % 11 == 0 else "pass"))
            for i in range(1, 29)
        )
        name = f"องค์การบริหารส่วนตำบลที่ {k}" if k != 5 else f"อบต.{EVIL}"
        agencies.append(
            AgencyNight(
                name=name,
                slug=f"a{k}",
                report=ReportHead(float(score), float(score), (), statuses),
                change=-5.0 if k % 50 == 0 else (2.5 if k % 60 == 0 else 0.0),
                new_failures=("O12",) if k % 50 == 0 else (),
                fixed=("O7",) if k % 60 == 0 else (),
                persisting=(),
                trend=(),
                province=PROVINCES[k % 3],
                district=f"อำเภอ{PROVINCES[k % 3]}-{k % 4}" if k % 3 else "",
                kind="เทศบาล" if k % 10 == 0 else "อบต.",
            )
        )
    return NightSummary(night="2025-03-31", agencies=tuple(agencies))


PROVINCES = ("เชียงใหม่", "ลำพูน", "แพร่")


def count(page) -> tuple[int, int]:
    matching, total = page.inner_text("#count").split(" / ")
    return int(matching), int(total)


def test_dashboard_with_8300_agencies(tmp_path):
    from playwright.sync_api import sync_playwright

    page_file = tmp_path / "index.html"
    page_file.write_text(dashboard.render(fleet(), Options("th")), encoding="utf-8")
    timings = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(page_file.as_uri())
            timings["load_ms"] = page.evaluate(
                "performance.getEntriesByType('navigation')[0].loadEventEnd"
            )
            rows = page.locator("#agencies tbody tr").count()
            assert rows == dashboard.PAGE_ROWS and count(page) == (8300, 8300)  # drawn in pages
            assert "แสดงแล้ว 200 จาก 8300" in page.inner_text("#more")
            page.click("#more")
            assert page.locator("#agencies tbody tr").count() == 2 * dashboard.PAGE_ROWS
            assert "ภาพรวม OIT คืนวันที่ 2025-03-31" in page.inner_text("h1")
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "dashboard.png"))
            t = page.evaluate("performance.now()")
            page.fill("#q", "ที่ 12")  # Thai search
            timings["search_ms"] = page.evaluate("performance.now()") - t
            found = sum(1 for k in range(8300) if "ที่ 12" in f"ที่ {k}")
            assert count(page) == (found, 8300)
            assert page.locator("#agencies tbody tr").count() == min(found, dashboard.PAGE_ROWS)
            page.fill("#q", "")
            page.select_option("#band", "85-101")
            band = page.locator("#agencies tbody tr td:nth-child(2)").all_inner_texts()
            assert band and all(float(s) >= 85 for s in band)
            page.select_option("#band", "")
            page.check("#changed")
            assert count(page)[0] == len({k for k in range(8300) if k % 50 == 0 or k % 60 == 0})
            page.uncheck("#changed")
            # province, district (narrowed to the province) and type, from the agencies file
            provinces = page.locator("#province option").all_inner_texts()[1:]
            assert provinces == ["เชียงใหม่", "แพร่", "ลำพูน"]  # Thai order: แพร่ before ลำพูน
            page.select_option("#province", "ลำพูน")
            assert count(page)[0] == sum(1 for k in range(8300) if k % 3 == 1)
            districts = page.locator("#district option").all_inner_texts()[1:]
            assert districts and all(d.startswith("อำเภอลำพูน") for d in districts)
            page.select_option("#district", "อำเภอลำพูน-2")
            page.select_option("#kind", "เทศบาล")
            want = sum(1 for k in range(8300) if k % 3 == 1 and k % 4 == 2 and k % 10 == 0)
            assert count(page)[0] == want
            shown = page.locator("#agencies tbody tr td:first-child small").all_inner_texts()
            assert shown and all("เทศบาล" in t and "ลำพูน" in t for t in shown)
            page.select_option("#province", "")
            assert page.input_value("#district") == "อำเภอลำพูน-2"  # still offered: kept
            page.select_option("#district", "")
            page.select_option("#kind", "")
            assert count(page) == (8300, 8300)

            def first() -> float:
                return float(page.inner_text("#agencies tbody tr:first-child td:nth-child(2)"))

            assert first() == 0.0  # lowest scores first by default: what needs attention
            page.click('#agencies th[data-key="score"]')
            assert first() == 100.0
            page.click('#agencies th[data-key="name"]')
            assert page.inner_text("#agencies tbody tr:first-child td").startswith("องค์การ")
            page.fill("#q", "อบต.<img")  # the hostile name, found by search: text, not markup
            assert count(page)[0] == 1 and EVIL in page.inner_text("#agencies tbody")
            assert EVIL in page.inner_text("body") and page.title() != "pwned"
            assert page.locator("img").count() == 0
            worse = page.inner_text("#worse")
            assert "O12" in worse and "(-5.00)" in worse
            phone = browser.new_page(viewport={"width": 360, "height": 740})
            phone.goto(page_file.as_uri())
            widths = phone.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            phone.screenshot(path=str(ARTIFACTS / "dashboard-phone.png"))
            assert widths[0] <= widths[1], widths
            assert phone.pdf(format="A4").startswith(b"%PDF")
        finally:
            browser.close()
    (ARTIFACTS / "dashboard-timings.json").write_text(json.dumps(timings), encoding="utf-8")


def test_agency_history_page_renders_fits_a_phone_and_prints(tmp_path):
    from playwright.sync_api import sync_playwright

    from oit_checker.model import AgencyHistory, TrendPoint
    from oit_checker.reporters import agency_history
    from tests.test_reporters import fixed_report

    nights = [f"2025-03-{d:02d}" for d in range(1, 31)]
    trend = tuple(TrendPoint(n, 60 + k % 20, 80, 3) for k, n in enumerate(nights))
    items = tuple(
        (
            i.id,
            tuple(
                (n, "fail" if (i.id == "O12" and k >= 20) else "pass") for k, n in enumerate(nights)
            ),
        )
        for i in fixed_report().items
    )
    history = AgencyHistory(trend, items)
    assert history.since("O12") == "2025-03-21" and history.since("O1") is None
    page_file = tmp_path / "a-history.html"
    page_file.write_text(
        agency_history.render("a", fixed_report(), history, Options("th")), encoding="utf-8"
    )
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 360, "height": 740})
            page.goto(page_file.as_uri())
            text = page.inner_text("body")
            widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "agency-history-phone.png"), full_page=True)
            pdf = page.pdf(format="A4")
            circles = page.locator("svg circle").count()
        finally:
            browser.close()
    assert "ตั้งแต่ 2025-03-21" in text and 'ไม่พบชีต "คำอธิบายเพิ่มเติม"' in text
    assert widths[0] <= widths[1], widths
    assert circles == 30  # one point per night
    assert pdf.startswith(b"%PDF")
