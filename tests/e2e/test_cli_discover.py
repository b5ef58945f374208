"""`oit-checker discover` against local sites in four real layouts, over real sockets.

Each layout asserts the item → URL mapping: at least 95 % of the links an admin would submit
are mapped to the right item and, on these clean layouts, no link is mapped to a wrong item.
The written YAML must load as a submission and pass `check`'s validation. (The script-drawn
layout needs Chromium: tests/browser/test_discover_spa.py.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from oit_checker.checklist.load import load_checklist
from oit_checker.cli import main
from oit_checker.submission.load import load_submission, validate_against
from tests import discover_sites
from tests.discover_sites import Site, accuracy
from tests.e2e.conftest import TODAY
from tests.sites import Scenario


def discover(tmp: Path, site: Site, *extra: str) -> tuple[int, Path]:
    out = tmp / "submission.yaml"
    code = main(
        [
            "discover",
            site.home,
            "--year",
            str(site.year),
            "-o",
            str(out),
            "--today",
            TODAY,
            "--browser",
            "never",
            *extra,
        ]
    )
    return code, out


def mapped(path: Path) -> dict[str, set[str]]:
    sub = load_submission(path)
    validate_against(sub, load_checklist(sub.checklist or ""))
    return {item.id: set(item.urls) for item in sub.items}


@pytest.mark.parametrize("layout", ["wordpress", "cms", "table", "zero_ids"])
def test_layouts_map_links_to_the_right_items(layout, tmp_path, scenario):
    site: Site = getattr(discover_sites, layout)(scenario)
    code, out = discover(tmp_path, site)
    assert code == 0
    right, wrong = accuracy(site, mapped(out))
    assert right >= 0.95, f"{layout}: only {right:.0%} of links mapped to the right item"
    assert wrong == []
    text = out.read_text(encoding="utf-8")
    assert f'checklist: "ita-{site.year}"' in text
    for item in site.absent:  # listed for the admin, commented out
        assert f"#  {item}:" in text


def test_wordpress_takes_the_2568_accordion_and_never_the_2569_one(tmp_path, scenario):
    site = discover_sites.wordpress(scenario)
    _, out = discover(tmp_path, site)
    urls = {u for us in mapped(out).values() for u in us}
    assert not any("ita2569" in u or "/sdc_download/2569" in u for u in urls)
    assert len(mapped(out)) == 28


def test_cms_reports_its_defects_and_comments_each_item(tmp_path, scenario, capsys):
    site = discover_sites.cms(scenario)
    _, out = discover(tmp_path, site)
    err = capsys.readouterr().err
    assert "O5: ลิงก์ว่างหรือ #" in err
    assert "มีหัวข้อ O9 แต่ไม่มีลิงก์" in err
    assert "detail/6 (2567)" in err  # the 2567 page was seen and not used
    text = out.read_text(encoding="utf-8")
    assert 'พบใต้หัวข้อ "O1 โครงสร้าง' in text
    assert "#  O28:" in text and "หน้า ITA ไม่กล่าวถึงข้อนี้" in text
    assert "/ita_year/detail/6" not in "".join(u for us in mapped(out).values() for u in us)
    assert "(สูง)" in text


def test_english_comments_and_json_output(tmp_path, scenario, capsys):
    site = discover_sites.cms(scenario)
    code, out = discover(tmp_path, site, "--lang", "en")
    assert code == 0
    assert 'found under "O1' in out.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["discover", site.home, "--year", "2568", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "oit-checker/discovery/v1"
    assert data["missing"] == ["O5", "O9", "O28"]
    assert {p["kind"] for p in data["problems"]} >= {"empty_link", "heading_without_link"}


def test_the_written_file_is_what_check_reads(tmp_path, scenario):
    site = discover_sites.table(scenario)
    _, out = discover(tmp_path, site)
    report = tmp_path / "r.json"
    code = main(["check", str(out), "--today", TODAY, "--format", "json", "-o", str(report)])
    assert code == 0
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["checklist"]["id"] == "ita-2568"
    assert {i["id"] for i in data["items"] if i["urls"]} == set(site.expected)


def test_ita_page_on_google_sites_is_reported_not_followed(tmp_path, scenario, capsys):
    scenario.page(
        "/",
        discover_sites.page(
            "โรงเรียนตัวอย่าง",
            '<p><a href="https://sites.google.com/view/school-ita/ita-2568">ITA 2568</a></p>',
        ),
    )
    site = Site(scenario.url("/"), 2568, {})
    code, out = discover(tmp_path, site)
    err = capsys.readouterr().err
    assert code == 0
    assert "หน้า ITA ไม่ได้อยู่บนเว็บไซต์หลัก: https://sites.google.com/view/school-ita" in err
    assert "ไม่พบหน้า ITA ของปี 2568" in err
    assert "# ! หน้า ITA ไม่ได้อยู่บนเว็บไซต์หลัก" in out.read_text(encoding="utf-8")


def test_robots_txt_is_respected_unless_the_admin_says_otherwise(tmp_path, scenario, capsys):
    site = discover_sites.cms(scenario)
    scenario.file("/robots.txt", b"User-agent: *\nDisallow: /ita_year\n", "text/plain")
    _, out = discover(tmp_path, site)
    assert scenario.hits["/ita_year"] == 0 and scenario.hits["/ita_year/detail/7"] == 0
    assert "robots.txt ไม่อนุญาต" in capsys.readouterr().err
    _, out = discover(tmp_path, site, "--ignore-robots")
    assert accuracy(site, mapped(out))[0] >= 0.95


def test_the_crawl_is_bounded_in_pages_and_depth(tmp_path, scenario):
    # A site with no ITA page and an endless chain of pages, each linking to 5 more.
    from tests.sites import html

    def chain(handler, s):
        n = int(handler.path.rsplit("/", 1)[-1] or 0)
        links = "".join(f'<a href="/p/{n * 5 + k}">หน้า {n * 5 + k}</a>' for k in range(1, 6))
        handler.send_body(200, html("หน้า", links).encode())

    for n in range(0, 2000):
        scenario.route(f"/p/{n}", chain)
    scenario.page("/", discover_sites.page("หน่วยงาน", '<a href="/p/0">เริ่ม</a>'))
    site = Site(scenario.url("/"), 2568, {})
    code, _ = discover(tmp_path, site, "--max-pages", "40")
    assert code == 0
    pages = sum(v for k, v in scenario.hits.items() if k.startswith("/p/"))
    assert pages <= 40
    scenario.hits.clear()
    discover(tmp_path, site, "--max-depth", "2")
    deepest = max(int(k.rsplit("/", 1)[-1]) for k in scenario.hits if k.startswith("/p/"))
    assert deepest <= 5  # home (0) → /p/0 (1) → /p/1…5 (2); nothing deeper


def test_a_dead_site_is_a_finding_and_bad_input_exits_2(tmp_path, capsys):
    code, _ = discover(tmp_path, Site("http://127.0.0.1:9/", 2568, {}))
    assert code == 0
    assert "เปิดหน้าแรกของเว็บไซต์ไม่ได้" in capsys.readouterr().err
    assert main(["discover", "not a url", "--year", "2568"]) == 2
    assert "URL เว็บไซต์หลัก" in capsys.readouterr().err
    assert main(["discover", "https://x.go.th/", "--year", "2599"]) == 2
    assert main(["discover", "https://x.go.th/"]) == 2
    assert main(["discover", "https://x.go.th/", "--year", "ปีนี้"]) == 2
    with pytest.raises(SystemExit) as exc:
        main(["discover", "https://x.go.th/", "--year", "2568", "--browser", "x"])
    assert exc.value.code == 2


def test_hostile_page_text_cannot_inject_yaml(tmp_path):
    with Scenario(tmp_path) as s:
        evil = 'x"\nmain_site: https://evil.example/\n# '
        s.page(
            "/",
            discover_sites.page(
                evil,
                "<div><p>O1 โครงสร้าง</p>"
                '<a href="/a.pdf">ผัง"\n  O2: https://evil.example/</a>'
                '<p>O2 ผู้บริหาร</p><a href="/b.pdf">ข</a><p>O3 อำนาจ</p>'
                '<a href="/c.pdf">ค</a></div>',
            ),
        )
        code, out = discover(tmp_path, Site(s.url("/"), 2568, {}))
        assert code == 0
        sub = load_submission(out)
        assert sub.main_site == s.url("/")
        assert all("evil" not in u for item in sub.items for u in item.urls)


def test_a_page_flooded_with_links_still_leads_to_the_ita_page(tmp_path, scenario):
    flood = "".join(f'<a href="/n/{i}">ข่าว {i}</a>' for i in range(6000))
    scenario.page("/", discover_sites.page("หน่วยงาน", flood + '<a href="/ita2568">ITA 2568</a>'))
    items = "".join(f'<p>O{n} หัวข้อ</p><a href="/d/o{n}.pdf">เอกสาร</a>' for n in range(1, 16))
    scenario.page("/ita2568", discover_sites.page("ITA 2568", f"<div>{items}</div>"))
    site = Site(
        scenario.url("/"), 2568, {f"O{n}": {scenario.url(f"/d/o{n}.pdf")} for n in range(1, 16)}
    )
    code, out = discover(tmp_path, site, "--max-pages", "5")
    assert code == 0
    assert accuracy(site, mapped(out)) == (1.0, [])
    assert sum(v for k, v in scenario.hits.items() if k.startswith("/n/")) <= 3


def test_school_page_with_linked_zero_form_headings_and_no_year(tmp_path, scenario: Scenario):
    """Issue 12: a real school ITA page — the headings are the links, `01 …` to `043 …`, and
    the page states no year: every item is found for the requested year, with the note."""
    links = "".join(f'<p><a href="/ita/doc{n}.pdf">0{n} หัวข้อที่ {n}</a></p>' for n in range(1, 44))
    home = scenario.page(
        "/", '<html><body><a href="/ita/">ITA</a> การประเมินคุณธรรมและความโปร่งใส</body></html>'
    )
    scenario.page(
        "/ita/", f"<html><head><title>ITA</title></head><body><h1>OIT</h1>{links}</body></html>"
    )
    for n in range(1, 44):
        scenario.file(f"/ita/doc{n}.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
    out = tmp_path / "s.yaml"
    code = main(
        ["discover", home, "--year", "2566", "-o", str(out), "--today", TODAY, "--browser", "never"]
    )
    assert code == 0
    sub = load_submission(out)
    validate_against(sub, load_checklist("ita-2566"))
    assert {i.id: i.urls for i in sub.items} == {
        f"O{n}": (scenario.url(f"/ita/doc{n}.pdf"),) for n in range(1, 44)
    }
    assert "หน้านี้ไม่ระบุปี" in out.read_text("utf-8")
