"""``own_agency``: another agency's document is not this agency's data (a confirmed floor)."""

from oit_checker.checks._base import CheckContext
from oit_checker.model import DocKind
from tests.helpers import MAIN, TODAY, child, page, run, statuses

O23 = MAIN + "ita/o23"


def ctx(*evidence, agency="องค์การบริหารส่วนตำบลโนนคูณ"):
    return CheckContext("O23", 2568, TODAY, MAIN, tuple(evidence), None, (), "", agency)


def plan(text):
    return child(O23, MAIN + "plan.pdf", DocKind.PDF, text)


def test_pass_when_the_document_names_the_agency_in_either_form():
    for text in ("ประกาศ อบต.โนนคูณ เรื่อง แผนปฏิบัติการ", "องค์การบริหารส่วนตำบลโนนคูณ อำเภอเมือง"):
        assert statuses(run("own_agency", ctx(page(O23, "แผน"), plan(text)))) == [
            ("pass", "own_agency.ok")
        ]


def test_fail_on_a_neighbours_plan_that_never_names_the_agency():
    out = run("own_agency", ctx(page(O23, "แผนปฏิบัติการ"), plan("ประกาศเทศบาลตำบลบ้านแป้น เรื่อง แผน")))
    assert statuses(out) == [("fail", "own_agency.other")] and out[0].floor
    assert out[0].params["other"].startswith("เทศบาลตำบลบ้านแป้น") and out[0].url == MAIN + "plan.pdf"


def test_fail_with_the_abbreviated_agency_name_of_the_submission():
    out = run(
        "own_agency",
        ctx(plan("องค์การบริหารส่วนตำบลหนองบัว ประกาศเจตนารมณ์"), agency="อบต.โนนคูณ"),
    )
    assert statuses(out) == [("fail", "own_agency.other")]


def test_pass_when_another_agency_is_named_beside_this_one_or_none_at_all():
    both = plan("โครงการร่วมกับเทศบาลตำบลบ้านแป้น จัดโดย อบต.โนนคูณ")
    assert statuses(run("own_agency", ctx(both))) == [("pass", "own_agency.ok")]
    assert statuses(run("own_agency", ctx(plan("แผนปฏิบัติการป้องกันการทุจริต")))) == [
        ("pass", "own_agency.ok")
    ]
    phone = plan("นายกองค์การบริหารส่วนตำบล โทร 045-000-000")  # a title, not another agency
    assert statuses(run("own_agency", ctx(phone))) == [("pass", "own_agency.ok")]


def test_no_answer_when_the_agency_kind_is_unknown():
    assert run("own_agency", ctx(plan("เทศบาลตำบลบ้านแป้น"), agency="กรมตัวอย่าง")) == []


def scan(text):
    import dataclasses

    e = plan(text)
    return dataclasses.replace(e, document=dataclasses.replace(e.document, ocr=True))


def test_ocr_misreading_the_own_name_is_not_another_agency():
    for misread in ("ประกาศองค์การบริหารส่วนตำบลโนนคุณ", "ประกาศองค์การบริหารส่วนตําบลโนนคูน"):
        assert statuses(run("own_agency", ctx(page(O23, "แผน"), scan(misread)))) == [
            ("pass", "own_agency.ok")
        ], misread
    other = run("own_agency", ctx(page(O23, "แผน"), scan("ประกาศเทศบาลตำบลบ้านแป้น เรื่อง แผน")))
    assert statuses(other) == [("fail", "own_agency.other")]
