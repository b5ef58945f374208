"""Script-drawn sites in real headless Chromium: discover maps an SPA, check reads its pages.

The SPA (tests/discover_sites.spa) is an empty shell saying "กำลังโหลดข้อมูล..." that draws its
menu and one route per item from a JSON file. Without a browser such pages are `manual`, never
`fail` — tested with a Chromium path that does not exist, so that part runs everywhere.
"""

from __future__ import annotations

import json
import shutil

import pytest

from oit_checker.cli import main
from oit_checker.submission.load import load_submission
from tests import discover_sites
from tests.discover_sites import accuracy
from tests.e2e.conftest import TODAY, submission

needs_chromium = pytest.mark.skipif(
    shutil.which("chromium") is None, reason="Chromium not installed (.ci/run installs it)"
)


def check_o1(tmp_path, scenario, *flags: str) -> dict:
    sub = submission(tmp_path, scenario.url("/"), {"O1": scenario.url("/ITA/O1")})
    out = tmp_path / "r.json"
    args = ["check", str(sub), "--today", TODAY, "--format", "json", "-o", str(out), *flags]
    assert main(args) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    return next(i for i in report["items"] if i["id"] == "O1") | {"stats": report["stats"]}


@needs_chromium
def test_discover_maps_a_single_page_app_through_the_browser(tmp_path, scenario, capsys):
    site = discover_sites.spa(scenario)
    out = tmp_path / "s.yaml"
    code = main(["discover", site.home, "--year", "2568", "-o", str(out), "--today", TODAY])
    assert code == 0
    got = {i.id: set(i.urls) for i in load_submission(out).items}
    right, wrong = accuracy(site, got)
    assert right >= 0.95 and wrong == []
    assert "วาดด้วยเบราว์เซอร์ 2" in capsys.readouterr().err  # home and /ITA, not every route


@needs_chromium
def test_check_reads_a_script_drawn_evidence_page_and_follows_its_links(tmp_path, scenario):
    discover_sites.spa(scenario)
    item = check_o1(tmp_path, scenario)
    assert item["status"] != "manual"
    assert "script_drawn" not in json.dumps(item, ensure_ascii=False)
    assert item["stats"]["rendered"] >= 1
    assert scenario.hits["/files/O1.html"] == 1  # the link only exists once the page is drawn


def test_without_a_browser_script_drawn_pages_are_manual_never_fail(
    tmp_path, scenario, monkeypatch, capsys
):
    site = discover_sites.spa(scenario)
    never = check_o1(tmp_path, scenario, "--browser", "never")
    assert never["status"] == "manual"
    assert scenario.hits["/files/O1.html"] == 0
    monkeypatch.setenv("OIT_BROWSER_PATH", "/nonexistent/chromium")
    missing = check_o1(tmp_path, scenario)
    assert missing["status"] == "manual"
    assert not any(f["status"] == "fail" for f in missing["findings"])
    capsys.readouterr()
    assert main(["discover", site.home, "--year", "2568", "--today", TODAY]) == 0
    err = capsys.readouterr().err
    assert "ไม่มีเบราว์เซอร์ให้แสดงผล" in err
    assert "ไม่พบหน้า ITA ของปี 2568" in err
