"""Fleet dashboard at country scale: build time and page weight for 8,300 agencies, and in
headless Chromium the load, search and filter times (medians of 5 runs).

    python bench/dashboard_bench.py [--agencies 8300]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from oit_checker.fetch.browser import ARGS
from oit_checker.model import AgencyNight, NightSummary, ReportHead
from oit_checker.reporters import dashboard
from oit_checker.reporters.base import Options


def fleet(n: int) -> NightSummary:
    out = []
    for k in range(n):
        score = float((k * 37) % 101)
        statuses = tuple((f"O{i}", "fail" if (k + i) % 7 == 0 else "pass") for i in range(1, 29))
        out.append(
            AgencyNight(
                f"องค์การบริหารส่วนตำบลที่ {k}",
                f"a{k}",
                ReportHead(score, score, (), statuses),
                -5.0 if k % 50 == 0 else 0.0,
                ("O12",) if k % 50 == 0 else (),
                (),
                (),
                (),
                province=f"จังหวัดที่ {k % 77}",  # 77 provinces, about 900 districts
                district=f"อำเภอที่ {k % 900}",
                kind=("อบต.", "เทศบาลตำบล", "เทศบาลเมือง", "กรม", "โรงเรียน")[k % 5],
            )
        )
    items = tuple(
        (f"O{i}", tuple((f"2025-03-{d:02d}", (n * i) % (n // 3), n) for d in range(17, 32)))
        for i in range(1, 29)
    )
    return NightSummary("2025-03-31", tuple(out), item_trend=items)


def main() -> None:
    from playwright.sync_api import sync_playwright

    ap = argparse.ArgumentParser()
    ap.add_argument("--agencies", type=int, default=8300)
    n = ap.parse_args().agencies
    night = fleet(n)
    builds = []
    for _ in range(5):
        t = time.perf_counter()
        page = dashboard.render(night, Options("th"))
        builds.append(time.perf_counter() - t)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "index.html"
        path.write_text(page, encoding="utf-8")
        weight = path.stat().st_size
        loads, searches, bands, provinces = [], [], [], []
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
            for _ in range(5):
                tab = browser.new_page(viewport={"width": 1280, "height": 900})
                tab.goto(path.as_uri())
                loads.append(
                    tab.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
                )
                searches.append(
                    tab.evaluate(
                        "(()=>{const q=document.getElementById('q');const t=performance.now();"
                        "q.value='ที่ 12';q.dispatchEvent(new Event('input'));"
                        "return performance.now()-t})()"
                    )
                )
                bands.append(
                    tab.evaluate(
                        "(()=>{const q=document.getElementById('q');q.value='';"
                        "const b=document.getElementById('band');b.value='85-101';"
                        "const t=performance.now();b.dispatchEvent(new Event('input'));"
                        "return performance.now()-t})()"
                    )
                )
                provinces.append(
                    tab.evaluate(
                        "(()=>{const b=document.getElementById('band');b.value='';"
                        "const p=document.getElementById('province');p.value=p.options[5].value;"
                        "const t=performance.now();p.dispatchEvent(new Event('input'));"
                        "return performance.now()-t})()"
                    )
                )
                tab.close()
            browser.close()
    print(
        f"{n} agencies: build {statistics.median(builds) * 1000:.0f} ms, page "
        f"{weight / 1024:.0f} KB; Chromium load {statistics.median(loads):.0f} ms, "
        f"Thai search {statistics.median(searches):.0f} ms, score-band filter "
        f"{statistics.median(bands):.0f} ms, province filter "
        f"{statistics.median(provinces):.0f} ms (medians of 5)"
    )


if __name__ == "__main__":
    main()
