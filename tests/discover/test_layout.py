"""The layout mapper on small pages: heading forms, blocks, years, file names, problems."""

from __future__ import annotations

import pytest

from oit_checker.discover.layout import file_id, heading_id, map_page, url_year

ITEMS = [f"O{n}" for n in range(1, 29)]
BASE = "https://www.example.go.th/ita/"


def mapping(markup: str, year: int = 2568, url: str = BASE, items: list[str] = ITEMS):
    page = map_page(markup, url, year=year, item_ids=items)
    return {(m.item, m.url.removeprefix("https://www.example.go.th")) for m in page.mapped}, page


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("O1 โครงสร้าง", "O1"),
        ("o12 รายงานสรุปผล", "O12"),
        ("O 12 รายงาน", "O12"),
        ("O-12 รายงาน", "O12"),
        ("OIT 12", "O12"),
        ("oit12 รายงาน", "O12"),
        ("ข้อ O12 รายงาน", "O12"),
        ("O๑๒ รายงาน", "O12"),
        ("O1 – โครงสร้าง", "O1"),
        ("(O5) ข้อมูลการติดต่อ", "O5"),
        ("• O7 ข่าวประชาสัมพันธ์", "O7"),
        ("O12.รายงาน", "O12"),
        ("O12:รายงาน", "O12"),
    ],
)
def test_heading_forms_real_sites_use(text: str, expected: str) -> None:
    assert heading_id(text, allow_zero=False) == (expected, False)


@pytest.mark.parametrize(
    "text",
    ["Open data 5 ชุด", "O2567 ปี", "01/10/2567 ประกาศ", "ข้อมูลทั่วไป", "2568 O1", "O" + "x" * 300],
)
def test_not_headings(text: str) -> None:
    assert heading_id(text, allow_zero=True) is None


def test_zero_for_the_letter_but_never_dates() -> None:
    assert heading_id("01 โครงสร้าง", allow_zero=True) == ("O1", True)
    assert heading_id("043 การดำเนินการ", allow_zero=True) == ("O43", True)
    assert heading_id("๐๑๕ แผน", allow_zero=True) is None  # Thai digits are converted first
    assert heading_id("01 ต.ค. 2567", allow_zero=True) is None
    assert heading_id("01.10.2567", allow_zero=True) is None
    assert heading_id("01 โครงสร้าง", allow_zero=False) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.go.th/wp-content/uploads/ita2569/O12/a.pdf", "O12"),
        ("https://x.go.th/files/o13_report.pdf", "O13"),
        ("https://x.go.th/files/O11_%E0%B9%84%E0%B8%95%E0%B8%A3.xlsx", "O11"),
        ("https://x.go.th/files/oit-5.pdf", "O5"),
        ("https://x.go.th/img/logo1.png", None),
        ("https://x.go.th/files/report2567.pdf", None),
    ],
)
def test_file_names_carry_ids(url: str, expected: str | None) -> None:
    assert file_id(url) == expected


def test_url_years() -> None:
    assert url_year("https://x.go.th/ita2568") == 2568
    assert url_year("https://x.go.th/page/oit-2025/") == 2568
    assert url_year("https://x.go.th/ita/2567/o1") == 2567
    assert url_year("https://x.go.th/?page_id=4837") is None


def test_links_map_to_the_nearest_heading_and_the_footer_is_outside_every_block() -> None:
    got, page = mapping(
        "<nav><a href='/menu.pdf'>เมนู</a></nav><div class='list'>"
        "<p><strong>O1 โครงสร้าง</strong></p><p><a href='/a.pdf'>– ผัง</a></p>"
        "<p><strong>O2 ผู้บริหาร</strong></p><p><a href='/b.pdf'>– ผู้บริหาร</a></p>"
        "<p><a href='/b2.pdf'>– ประวัติ</a></p></div>"
        "<div class='widget'><a href='/calendar'>ปฏิทิน</a><a href='/faq'>คำถาม</a></div>"
    )
    assert got == {("O1", "/a.pdf"), ("O2", "/b.pdf"), ("O2", "/b2.pdf")}
    assert all(m.confidence == "high" for m in page.mapped)


def test_a_heading_that_is_itself_a_link_and_the_links_after_it() -> None:
    got, _ = mapping(
        "<ul><li><a href='/ita/o1'>O1 โครงสร้าง</a> <a href='/o1.pdf'>ดาวน์โหลด</a></li>"
        "<li><a href='/ita/o2'>O2 ข้อมูลผู้บริหาร</a></li></ul>"
    )
    assert got == {("O1", "/ita/o1"), ("O1", "/o1.pdf"), ("O2", "/ita/o2")}


def test_year_sections_keep_only_the_requested_year() -> None:
    markup = (
        "<details><summary>ITA 2569</summary><div class='body'><h2>การประเมิน ITA ปี 2569</h2>"
        "<p><strong>O1 โครงสร้าง</strong></p><p><a href='/69/o1.pdf'>ผัง</a></p></div></details>"
        "<details><summary>ITA 2568</summary><div class='body'><h2>การประเมิน ITA ปี 2568</h2>"
        "<p><strong>O1 โครงสร้าง</strong></p><p><a href='/68/o1.pdf'>ผัง</a></p></div></details>"
    )
    assert mapping(markup, 2568)[0] == {("O1", "/68/o1.pdf")}
    assert mapping(markup, 2569)[0] == {("O1", "/69/o1.pdf")}
    assert mapping(markup, 2567)[0] == set()
    assert mapping(markup)[1].years == (2568, 2569)


def test_tabs_give_their_panes_the_year_even_when_the_buttons_come_first() -> None:
    markup = (
        "<ul class='nav-tabs'><li><a href='#y69' data-toggle='tab'>ปี 2569</a></li>"
        "<li><button data-bs-target='#y68'>ปีงบประมาณ 2568</button></li></ul>"
        "<div class='tab-content'><div id='y69'><p>O1 โครงสร้าง</p><a href='/69.pdf'>x</a></div>"
        "<div id='y68'><p>O1 โครงสร้าง</p><a href='/68.pdf'>x</a></div></div>"
    )
    assert mapping(markup, 2568)[0] == {("O1", "/68.pdf")}


def test_an_analysis_of_last_years_results_does_not_switch_the_year() -> None:
    got, _ = mapping(
        "<h2>ITA 2568</h2><p><strong>O27 การวิเคราะห์ผลการประเมิน ITA ปี 2567</strong></p>"
        "<p>รายงานผลการวิเคราะห์ผลการประเมิน ITA ปี 2567</p><a href='/o27.pdf'>รายงาน</a>"
    )
    assert got == {("O27", "/o27.pdf")}


def test_table_rows_one_item_each() -> None:
    got, _ = mapping(
        "<table><tr><th>ข้อ</th><th>ชื่อ</th><th>ไฟล์</th></tr>"
        "<tr><td>OIT 1</td><td>โครงสร้าง</td><td><a href='a.pdf'><b>ผัง</b></a></td></tr>"
        "<tr><td>OIT 2</td><td>ผู้บริหาร</td><td><ul><li><a href='b.pdf'>ก</a></li>"
        "<li><a href='c.pdf'>ข</a></li></ul></td></tr></table>"
        "<p><a href='/other.pdf'>อื่น ๆ</a></p>"
    )
    assert got == {("O1", "/ita/a.pdf"), ("O2", "/ita/b.pdf"), ("O2", "/ita/c.pdf")}


def test_file_names_place_links_without_a_heading_and_flag_a_contradiction() -> None:
    got, page = mapping(
        "<p><a href='/up/o13_report.pdf'>รายงาน</a></p>"
        "<div><p><strong>O4 แผน</strong></p><p><a href='/up/O5/x.pdf'>แผน</a></p>"
        "<p><strong>O6 ข่าว</strong></p><p><a href='/n.pdf'>ข่าว</a></p></div>"
    )
    assert got == {("O13", "/up/o13_report.pdf"), ("O4", "/up/O5/x.pdf"), ("O6", "/n.pdf")}
    by_url = {m.url.rsplit("/", 1)[-1]: m for m in page.mapped}
    assert by_url["o13_report.pdf"].how == "file_name"
    assert by_url["o13_report.pdf"].confidence == "medium"
    assert by_url["x.pdf"].confidence == "low"
    assert by_url["x.pdf"].note == "file_name_disagrees:O5"


def test_problems_are_reported() -> None:
    _, page = mapping(
        "<div><p>O1 โครงสร้าง</p><a href='#'>เปิด</a><a href='javascript:void(0)'>ดู</a>"
        "<p>O2 ผู้บริหาร</p><p>O45 ข้อที่ไม่มี</p><a href='/x.pdf'>x</a>"
        "<p>O3 อำนาจหน้าที่</p><a href='/o3.pdf'>y</a></div>"
    )
    kinds = sorted((p.kind, p.item) for p in page.problems)
    assert kinds == [
        ("empty_link", "O1"),
        ("empty_link", "O1"),
        ("heading_without_link", "O1"),
        ("heading_without_link", "O2"),
        ("unknown_item", "O45"),
    ]
    assert {m.item for m in page.mapped} == {"O3"}  # /x.pdf sits under the unknown heading


def test_generic_button_labels_take_the_text_beside_them() -> None:
    _, page = mapping(
        "<div class='t'><span class='font-ita-head'>O1 โครงสร้าง</span>"
        "<div><span>แผนผังโครงสร้างองค์กร</span><a class='btn' href='/a.pdf'>เปิด</a></div></div>"
        "<div class='t'><span class='font-ita-head'>O2 ผู้บริหาร</span>"
        "<div><span>ทำเนียบผู้บริหาร</span><a class='btn' href='/b.pdf'>เปิด</a></div></div>"
    )
    assert [(m.item, m.label) for m in page.mapped] == [
        ("O1", "แผนผังโครงสร้างองค์กร"),
        ("O2", "ทำเนียบผู้บริหาร"),
    ]


def test_zero_form_needs_several_headings_on_the_page() -> None:
    single, _ = mapping("<div><p>01 สิงหาคม ประชุม</p><a href='/m.pdf'>x</a></div>")
    assert single == set()
    many, _ = mapping(
        "<div><h4>01 โครงสร้าง</h4><a href='/1.pdf'>x</a><h4>02 ผู้บริหาร</h4>"
        "<a href='/2.pdf'>x</a><h4>๐๓ อำนาจหน้าที่</h4><a href='/3.pdf'>x</a></div>"
    )
    assert many == {("O1", "/1.pdf"), ("O2", "/2.pdf"), ("O3", "/3.pdf")}


def test_a_page_without_any_year_is_used_but_says_so() -> None:
    _, page = mapping("<div><p>O1 โครงสร้าง</p><a href='/a.pdf'>x</a><p>O2 ข</p></div>")
    assert page.mapped[0].note == "year_not_stated"
    _, dated = mapping(
        "<div><p>O1 โครงสร้าง</p><a href='/a.pdf'>x</a></div>", url="https://x.go.th/ita2568"
    )
    assert dated.mapped[0].note == ""
    other, _ = mapping(
        "<div><p>O1 โครงสร้าง</p><a href='/a.pdf'>x</a></div>", url="https://x.go.th/ita2567"
    )
    assert other == set()


def test_hostile_markup_is_bounded_and_never_crashes() -> None:
    deep = "<div>" * 5000 + "<p>O1 x</p><a href='/a.pdf'>a</a>" + "</div>" * 5000
    got, _ = mapping(deep)
    assert isinstance(got, set)
    many = "<div>" + "<p>O1 x</p><a href='/a.pdf'>a</a>" * 60_000 + "</div>"
    _, page = mapping(many)
    assert len(page.mapped) == 1
    assert mapping("")[0] == set()
    assert mapping("<a href='http://[bad'>O1 x</a>")[0] == set()


SCHOOL = """<html><head><title>ITA โรงเรียนบ้านตัวอย่าง</title></head><body>
<nav><a href="/">หน้าแรก</a> <a href="/news">ข่าว</a></nav>
<h2>การเปิดเผยข้อมูลสาธารณะ</h2>
<div class="list">
<p><a href="/ita/o1.pdf">01 โครงสร้าง</a></p>
<p><a href="https://www.example.go.th/ita/exec.html">02 ข้อมูลผู้บริหาร</a></p>
<p><a href="/ita/3.pdf">๐๓ อำนาจหน้าที่</a></p>
<p><a href="/ita/plan.pdf">010 แผนปฏิบัติการประจำปี</a></p>
<p><a href="/ita/x43.pdf">043 การดำเนินการเพื่อจัดการความเสี่ยงการทุจริต</a></p>
<p><a href="#">04 แผนพัฒนา</a></p>
</div>
<footer>โทร 02-000-0000 วันที่ 01 ม.ค. 2568</footer></body></html>"""


def test_school_page_whose_linked_headings_are_zero_for_o_and_state_no_year() -> None:
    """Issue 12: `discover` found nothing on a real school ITA page whose item headings are
    themselves the links, written 01 … 043, with no year on the page."""
    items = [f"O{n}" for n in range(1, 44)]  # the O1–O43 years
    got, page = mapping(SCHOOL, year=2566, items=items)
    assert got == {
        ("O1", "/ita/o1.pdf"),
        ("O2", "/ita/exec.html"),
        ("O3", "/ita/3.pdf"),
        ("O10", "/ita/plan.pdf"),
        ("O43", "/ita/x43.pdf"),
    }
    assert {m.note for m in page.mapped} == {"year_not_stated"}  # used, and said so
    assert all(m.how == "heading_link" and m.confidence == "high" for m in page.mapped)
