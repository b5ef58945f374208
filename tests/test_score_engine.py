"""Scoring arithmetic and the engine's stamping of inferred rules."""

import datetime as dt

from oit_checker.checklist.model import Checklist, CheckRef, Indicator, Item
from oit_checker.checks.keywords import KeywordsParams
from oit_checker.engine import run_checks
from oit_checker.evidence import ItemEvidence
from oit_checker.model import DocKind, FindingStatus, ItemStatus
from oit_checker.score import build_report, item_result
from tests.helpers import MAIN, TODAY, page

IND = (Indicator(9, "การเปิดเผยข้อมูล"), Indicator(10, "การป้องกันการทุจริต"))


def finding(status):
    from oit_checker.model import Finding

    return Finding("keywords", "O1", status, "keywords.x", {}, None, "")


def make(items):
    return Checklist("t", "ita", 2568, "t", IND, tuple(items))


def test_item_status_precedence():
    it = Item("O1", 9, "t")
    assert item_result(it, (), ()).status is ItemStatus.MISSING
    assert item_result(it, ("u",), (finding(FindingStatus.PASS),)).status is ItemStatus.PASS
    r = item_result(it, ("u",), (finding(FindingStatus.MANUAL), finding(FindingStatus.WARN)))
    assert r.status is ItemStatus.MANUAL and (r.score, r.score_max) == (0, 100)
    r = item_result(it, ("u",), (finding(FindingStatus.MANUAL), finding(FindingStatus.FAIL)))
    assert r.status is ItemStatus.FAIL and (r.score, r.score_max) == (0, 0)


def test_weighted_indicators_and_oit_reproduce_seed_001_indicator_10():
    # ITA-NOTES §1.2: with these weights, O28 = 0 alone gives indicator 10 = 90.00 (seed 001).
    weights = {
        "O21": 15,
        "O22": 10,
        "O23": 15,
        "O24": 10,
        "O25": 15,
        "O26": 10,
        "O27": 15,
        "O28": 10,
    }
    items = [Item(i, 10, i, weight=w) for i, w in weights.items()] + [Item("O1", 9, "O1")]
    results = [
        item_result(
            i, ("u",), (finding(FindingStatus.FAIL if i.id == "O28" else FindingStatus.PASS),)
        )
        for i in items
    ]
    report = build_report(
        make(items),
        results,
        tool_version="x",
        agency="a",
        main_site=MAIN,
        checked_at=dt.datetime(2025, 1, 1),
        today=TODAY,
    )
    ind = {i.id: i for i in report.indicators}
    assert ind[10].score == 90.0 and ind[9].score == 100.0
    assert report.oit_score == 95.0 == report.oit_score_max


def test_inferred_rule_never_decides_fail():
    params = KeywordsParams.model_validate({"groups": [["ไม่มีคำนี้"]]})
    firm = Item("O1", 9, "t", checks=(CheckRef("keywords", params),))
    soft = Item("O1", 9, "t", checks=(CheckRef("keywords", params, "S1", "inferred"),))
    ev = ItemEvidence((page(MAIN + "o1", "ข้อความอื่น"),), ())
    kw = dict(fiscal_year=2568, today=TODAY, main_site=MAIN)
    [f] = run_checks(firm, (MAIN + "o1",), ev, **kw)
    assert f.status is FindingStatus.FAIL and not f.downgraded
    [f] = run_checks(soft, (MAIN + "o1",), ev, **kw)
    assert f.status is FindingStatus.WARN and f.downgraded and f.source == "S1"


def test_a_failure_read_by_ocr_stands_only_at_high_confidence():
    """Absence read from an unsure scan is risk, not fail; a sure scan may fail the item;
    what OCR found passes at any confidence. Every finding on a scan says so."""
    import dataclasses

    from tests.helpers import child

    params = KeywordsParams.model_validate({"groups": [["ไม่รับของขวัญ"]]})
    firm = Item("O21", 10, "t", checks=(CheckRef("keywords", params),))
    kw = dict(fiscal_year=2568, today=TODAY, main_site=MAIN)
    url = MAIN + "o21"

    def scan(text, confidence):
        e = child(url, MAIN + "o21.pdf", DocKind.PDF, text)
        d = dataclasses.replace(e.document, ocr=True, ocr_confidence=confidence)
        return ItemEvidence((page(url, "ประกาศ"), dataclasses.replace(e, document=d)), ())

    [unsure] = run_checks(firm, (url,), scan("ประกาศเจตนารมณ์", 70.0), **kw)
    assert unsure.status is FindingStatus.WARN and unsure.downgraded and unsure.params["ocr"]
    [sure] = run_checks(firm, (url,), scan("ประกาศเจตนารมณ์", 92.0), **kw)
    assert sure.status is FindingStatus.FAIL and sure.params["ocr"]
    [found] = run_checks(firm, (url,), scan("นโยบายไม่รับของขวัญ", 55.0), **kw)
    assert found.status is FindingStatus.PASS and found.params["ocr"]
    plain = ItemEvidence((page(url, "ประกาศ"),), ())
    [f] = run_checks(firm, (url,), plain, **kw)
    assert f.status is FindingStatus.FAIL and "ocr" not in f.params


def test_a_year_failure_on_an_unconfirmed_thai_digit_year_is_risk():
    import dataclasses

    from oit_checker.checks.mentions_year import MentionsYearParams
    from tests.helpers import child

    rule = Item(
        "O20", 9, "t", checks=(CheckRef("mentions_year", MentionsYearParams.model_validate({})),)
    )
    kw = dict(fiscal_year=2568, today=TODAY, main_site=MAIN)
    url = MAIN + "o20"

    def scan(sure):
        e = child(url, MAIN + "o20.pdf", DocKind.PDF, "รายงาน ประจำปี พ.ศ. 2562")
        d = dataclasses.replace(e.document, ocr=True, ocr_confidence=95.0, ocr_years_sure=sure)
        return ItemEvidence((page(url, "รายงาน"), dataclasses.replace(e, document=d)), ())

    [f] = [f for f in run_checks(rule, (url,), scan(False), **kw) if f.check == "mentions_year"]
    assert f.status is FindingStatus.WARN and f.downgraded
    [f] = [f for f in run_checks(rule, (url,), scan(True), **kw) if f.check == "mentions_year"]
    assert f.status is FindingStatus.FAIL
