"""``has_data``: the confirmed floor — the submitted URL must lead to this item's data."""

from oit_checker.checks._base import CheckContext
from oit_checker.model import DocKind, ErrorKind, Link
from tests.helpers import MAIN, TODAY, child, doc, ev, page, res, run, statuses

O7 = MAIN + "ita/o7"
TITLE = "รายงานผลการดำเนินงานประจำปี พ.ศ. 2567"


def ctx(*evidence, offsite=()):
    return CheckContext("O7", 2568, TODAY, MAIN, tuple(evidence), None, offsite, TITLE)


def test_pass_on_a_page_with_its_own_data():
    c = ctx(page(O7, f"O7 {TITLE}\nผลการดำเนินงาน 12 โครงการ ใช้งบประมาณ 1.2 ล้านบาท"))
    assert statuses(run("has_data", c)) == [("pass", "has_data.ok")]


def test_pass_on_a_title_page_whose_linked_report_has_text():
    c = ctx(
        page(O7, f"O7 {TITLE}\nดาวน์โหลด"),
        child(O7, MAIN + "r.pdf", DocKind.PDF, "รายงานผลการดำเนินงาน ประจำปีงบประมาณ 2567"),
    )
    assert statuses(run("has_data", c)) == [("pass", "has_data.ok")]


def test_fail_on_a_placeholder_page():
    out = run("has_data", ctx(page(O7, f"{TITLE}\nอยู่ระหว่างปรับปรุงข้อมูล")))
    assert statuses(out) == [("fail", "has_data.placeholder")] and out[0].floor
    assert out[0].url == O7 and "ปรับปรุง" in out[0].params["notice"]


def test_fail_on_coming_soon_in_english():
    out = run("has_data", ctx(page(O7, "O7 รายงานผลการดำเนินงาน\nComing soon!")))
    assert statuses(out) == [("fail", "has_data.placeholder")]


def test_fail_on_a_page_that_only_echoes_the_title_with_small_changes():
    # "พ.ศ." dropped, the year kept, the id in front: still only the heading.
    out = run("has_data", ctx(page(O7, "O7 รายงานผลการดำเนินงาน ประจำปี 2567")))
    assert statuses(out) == [("fail", "has_data.empty")] and out[0].floor


def test_fail_when_the_download_buttons_lead_nowhere():
    d = doc(O7, DocKind.HTML, f"{TITLE}\nดาวน์โหลดรายงาน")
    d = d.__class__(
        **{**{f: getattr(d, f) for f in d.__dataclass_fields__}, "dead_links": ("ดาวน์โหลดรายงาน",)}
    )
    out = run("has_data", ctx(ev(res(O7), d)))
    assert statuses(out) == [("fail", "has_data.links_nowhere")]
    assert out[0].params["links"] == "ดาวน์โหลดรายงาน"


def test_fail_when_the_only_document_is_too_large_naming_it():
    big = ev(res(MAIN + "big.pdf", None, error=ErrorKind.TOO_LARGE), depth=1, submitted=O7)
    out = run("has_data", ctx(page(O7, f"O7 {TITLE}\nดาวน์โหลด"), big))
    assert statuses(out) == [("fail", "has_data.no_evidence")]
    assert out[0].params["reason"] == "too_large" and MAIN + "big.pdf" in out[0].params["links"]


def test_manual_for_a_scan_and_for_content_on_another_host():
    scan = child(O7, MAIN + "s.pdf", DocKind.PDF, readable=False, reason="no_text_layer")
    assert statuses(run("has_data", ctx(page(O7, TITLE), scan))) == [
        ("manual", "has_data.unreadable")
    ]
    off = (Link("https://drive.google.com/file/d/x", "รายงาน"),)
    assert statuses(run("has_data", ctx(page(O7, TITLE), offsite=off))) == [
        ("manual", "has_data.offsite_unchecked")
    ]


def test_a_short_title_that_is_itself_the_content_is_not_taken_for_an_echo():
    c = CheckContext(
        "O3",
        2567,
        TODAY,
        MAIN,
        (page(MAIN + "o3", "O3 อำนาจหน้าที่\nอำนาจหน้าที่ตามพระราชบัญญัติสภาตำบล พ.ศ. 2537"),),
        None,
        (),
        "อำนาจหน้าที่",
    )
    assert statuses(run("has_data", c)) == [("pass", "has_data.ok")]


def test_dead_links_are_read_from_real_markup():
    from oit_checker.extract.html import parse
    from oit_checker.settings import RunSettings

    markup = (
        "<html><body><nav><a href='#'>เมนู</a></nav><main><h1>O7</h1>"
        "<a href='#'>ดาวน์โหลดรายงาน</a> <a href='javascript:void(0)'>เปิดไฟล์</a>"
        "<a>ดาวน์โหลดคู่มือ</a><a name='top'>ด้านบน</a><a href='#part2'>ส่วนที่ 2</a>"
        "</main></body></html>"
    )
    d = parse(markup, O7, RunSettings())
    assert d.dead_links == ("ดาวน์โหลดรายงาน", "เปิดไฟล์", "ดาวน์โหลดคู่มือ")
