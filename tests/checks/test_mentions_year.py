from oit_checker.model import DocKind
from tests.helpers import MAIN, child, ctx, page, run, statuses

O7 = MAIN + "ita/o7"


def test_pass_when_the_report_names_the_previous_fiscal_year():
    c = ctx(page(O7, "รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๗"))
    out = run("mentions_year", c, year="fy-1")
    assert statuses(out) == [("pass", "mentions_year.ok")]
    assert out[0].params["year"] == 2567


def test_fail_on_a_report_for_the_wrong_year_naming_what_was_found():
    c = ctx(page(O7, "รายงานผลการดำเนินงาน ประจำปี พ.ศ. 2566"))
    out = run("mentions_year", c, year="fy-1")
    assert statuses(out) == [("fail", "mentions_year.missing")]
    assert out[0].params["found"] == "2566"


def test_the_linked_document_decides_not_the_page_heading_echoing_the_title():
    c = ctx(
        page(O7, "O7 รายงานผลการดำเนินงานประจำปี พ.ศ. 2567"),
        child(O7, MAIN + "r.pdf", DocKind.PDF, "รายงานประจำปีงบประมาณ พ.ศ. 2566"),
    )
    assert statuses(run("mentions_year", c, year=2567)) == [("fail", "mentions_year.missing")]
    c = ctx(
        page(O7, "O7 รายงาน"),
        child(O7, MAIN + "r.pdf", DocKind.PDF, "รายงานประจำปีงบประมาณ พ.ศ. 2567"),
    )
    assert statuses(run("mentions_year", c, year=2567)) == [("pass", "mentions_year.ok")]


def test_plan_period_covering_the_year_counts_only_with_allow_range():
    c = ctx(page(MAIN + "o5", "แผนพัฒนาท้องถิ่น (พ.ศ. 2566 - 2570)"))
    assert statuses(run("mentions_year", c, allow_range=True)) == [("pass", "mentions_year.ok")]
    assert statuses(run("mentions_year", c)) == [("fail", "mentions_year.missing")]
    old = ctx(page(MAIN + "o5", "แผนพัฒนาท้องถิ่น พ.ศ. 2561-2565"))
    assert statuses(run("mentions_year", old, allow_range=True)) == [
        ("fail", "mentions_year.missing")
    ]


def test_scanned_document_without_the_year_is_manual_not_fail():
    c = ctx(
        page(O7, "O7 รายงาน"),
        child(O7, MAIN + "scan.pdf", DocKind.PDF, readable=False, reason="no_text_layer"),
    )
    out = run("mentions_year", c, year="fy-1")
    assert statuses(out) == [("manual", "mentions_year.unreadable")]


def test_fail_on_the_floor_when_every_year_is_before_fy_minus_1():
    """Stale evidence (2565, 2564 for ITA 2568) is a floor failure: it fails even where the
    year rule is inferred; FY−1 where FY was expected is only the rule's detail."""
    from tests.helpers import ctx as make_ctx

    old = make_ctx(child(MAIN + "o6", MAIN + "p.pdf", DocKind.PDF, "แผน พ.ศ. 2565 และ 2564"))
    out = run("mentions_year", old, year="fy")
    assert statuses(out) == [("fail", "mentions_year.missing")] and out[0].floor
    assert out[0].params["stale"] and out[0].url == MAIN + "p.pdf"
    near = make_ctx(child(MAIN + "o6", MAIN + "p.pdf", DocKind.PDF, "แผน พ.ศ. 2567"))
    out = run("mentions_year", near, year="fy")
    assert statuses(out) == [("fail", "mentions_year.missing")] and not out[0].floor
