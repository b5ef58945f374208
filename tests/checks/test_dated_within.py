import datetime as dt

from oit_checker.model import DocKind, FoundDate
from tests.helpers import MAIN, child, ctx, page, run, statuses


def d(y, m, day, source="text", raw="x"):
    x = dt.date(y, m, day)
    return FoundDate(x, x, source, raw)


def test_pass_when_a_date_falls_in_fiscal_year_2568():
    c = ctx(page(MAIN + "o4", "ข่าว", dates=(d(2024, 10, 1),)))
    assert statuses(run("dated_within", c)) == [("pass", "dated_within.ok")]


def test_fail_when_every_date_is_outside_the_fiscal_year():
    c = ctx(page(MAIN + "o4", "ข่าว", dates=(d(2024, 9, 30), d(2023, 5, 1))))
    out = run("dated_within", c)
    assert statuses(out) == [("fail", "dated_within.outside")]
    assert out[0].params["latest"] == "30/9/2567"


def test_fiscal_year_span_overlaps_the_window():
    fy = FoundDate(dt.date(2024, 10, 1), dt.date(2025, 9, 30), "text", "ปีงบประมาณ 2568")
    assert statuses(run("dated_within", ctx(page(MAIN + "o6", "x", dates=(fy,))))) == [
        ("pass", "dated_within.ok")
    ]


def test_within_days_uses_today():
    recent = ctx(page(MAIN + "o4", "x", dates=(d(2025, 3, 1),)))
    old = ctx(page(MAIN + "o4", "x", dates=(d(2024, 1, 1),)))
    assert statuses(run("dated_within", recent, within_days=90)) == [("pass", "dated_within.ok")]
    assert statuses(run("dated_within", old, within_days=90)) == [("fail", "dated_within.outside")]


def test_http_last_modified_is_ignored_unless_asked_for():
    c = ctx(page(MAIN + "o4", "x", dates=(d(2025, 1, 1, source="http"),)))
    assert statuses(run("dated_within", c)) == [("fail", "dated_within.outside")]
    assert statuses(run("dated_within", c, sources=["http"])) == [("pass", "dated_within.ok")]


def test_document_dates_decide_over_the_page():
    c = ctx(
        page(MAIN + "o4", "x", dates=(d(2025, 1, 1),)),
        child(MAIN + "o4", MAIN + "a.pdf", DocKind.PDF, "x", dates=(d(2022, 1, 1),)),
    )
    assert statuses(run("dated_within", c)) == [("fail", "dated_within.outside")]
