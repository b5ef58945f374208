from oit_checker.model import DocKind
from tests.helpers import MAIN, child, ctx, page, run, statuses

O27 = MAIN + "o27"
GROUPS = [["ผลการวิเคราะห์"], ["นำไปสู่การปฏิบัติ", "แนวทางการนำผลการวิเคราะห์ไปปฏิบัติ"]]


def test_pass_when_every_element_is_present_across_page_and_documents():
    c = ctx(
        page(O27, "มาตรการส่งเสริมคุณธรรม ผลการวิเคราะห์ผลการประเมิน"),
        child(O27, MAIN + "m.pdf", DocKind.PDF, "แนวทางการนำผลการวิเคราะห์ไปปฏิบัติ"),
    )
    assert statuses(run("keywords", c, groups=GROUPS)) == [("pass", "keywords.ok")]


def test_fail_seed_000_measures_without_putting_the_analysis_into_practice():
    c = ctx(page(O27, "มาตรการส่งเสริมคุณธรรม ผลการวิเคราะห์ผลการประเมิน ITA"))
    out = run("keywords", c, groups=GROUPS)
    assert statuses(out) == [("fail", "keywords.missing")]
    assert out[0].params["missing"] == "นำไปสู่การปฏิบัติ"


def test_matching_survives_pdf_artefacts_and_thai_digits():
    text = "แผนการ ดํา เนินงาน ประจำ ปี ขั้นขั้ ตอน การปฏิบัติงาน ปี ๒๕๖๘ การบร\ufffdหาร"
    c = ctx(child(MAIN + "o6", MAIN + "p.pdf", DocKind.PDF, text))
    groups = [["ดำเนินงาน"], ["ประจำปี"], ["ขั้นตอน"], ["2568"], ["การบริหาร"]]
    assert statuses(run("keywords", c, groups=groups)) == [("pass", "keywords.ok")]


def test_labelled_groups_and_min_groups():
    c = ctx(page(MAIN + "o3", "ที่อยู่ 1 ถนน โทร 02"))
    groups = [{"label": "ที่อยู่", "any": ["ที่อยู่"]}, {"label": "อีเมล", "any": ["e-mail"]}, ["โทร"]]
    out = run("keywords", c, groups=groups)
    assert statuses(out) == [("fail", "keywords.missing")] and out[0].params["missing"] == "อีเมล"
    assert statuses(run("keywords", c, groups=groups, min_groups=2)) == [("pass", "keywords.ok")]


def test_nothing_obtained_fails_with_the_reason():
    from oit_checker.model import ErrorKind
    from tests.helpers import ev, res

    c = ctx(ev(res(O27, 404, error=ErrorKind.HTTP_4XX)))
    out = run("keywords", c, groups=GROUPS)
    assert statuses(out) == [("fail", "keywords.no_evidence")]
    assert out[0].params["reason"] == "http_4xx"


def test_fail_when_the_element_appears_only_in_the_echoed_item_title():
    from dataclasses import replace

    title = "ประกาศเจตนารมณ์และการสร้างวัฒนธรรม ตามนโยบาย No Gift Policy จากการปฏิบัติหน้าที่"
    groups = [["ประกาศเจตนารมณ์"], ["สร้างวัฒนธรรม", "กิจกรรม"]]
    echo_only = replace(
        ctx(page(MAIN + "o21", f"O21 {title}\nประกาศเจตนารมณ์ไม่รับของขวัญ")), item_title=title
    )
    out = run("keywords", echo_only, groups=groups)
    assert statuses(out) == [("fail", "keywords.missing")]
    assert out[0].params["missing"] == "สร้างวัฒนธรรม"
    real = replace(
        ctx(page(MAIN + "o21", f"O21 {title}\nประกาศเจตนารมณ์ และภาพกิจกรรม")), item_title=title
    )
    assert statuses(run("keywords", real, groups=groups)) == [("pass", "keywords.ok")]


def test_pass_when_a_short_title_is_itself_the_element():
    from dataclasses import replace

    c = replace(
        ctx(page(MAIN + "o3", "O3 อำนาจหน้าที่\nอำนาจหน้าที่ตามพระราชบัญญัติ")), item_title="อำนาจหน้าที่"
    )
    assert statuses(run("keywords", c, groups=[["อำนาจหน้าที่"]])) == [("pass", "keywords.ok")]


def test_fail_on_the_floor_when_none_of_the_elements_is_there():
    """No address, telephone or e-mail in any form: the subject is absent (floor); one of the
    three missing is the rule's detail (risk where the rule is inferred)."""
    groups = [["ที่อยู่"], ["โทรศัพท์", "โทร"], ["อีเมล", "email"]]
    none = run("keywords", ctx(page(MAIN + "o3", "ยินดีต้อนรับสู่เว็บไซต์")), groups=groups)
    assert statuses(none) == [("fail", "keywords.missing")] and none[0].floor
    some = run("keywords", ctx(page(MAIN + "o3", "ที่อยู่ 99 หมู่ 1 โทร 045-000-000")), groups=groups)
    assert statuses(some) == [("fail", "keywords.missing")] and not some[0].floor
    assert some[0].params["missing"] == "อีเมล"


def test_fail_stays_fail_when_another_linked_document_crashed_its_reader():
    """A hostile file's crash is not a scan that might hold the element: the rest decides."""
    c = ctx(
        page(O27, "มาตรการส่งเสริมคุณธรรม ผลการวิเคราะห์ผลการประเมิน ITA"),
        child(O27, MAIN + "bomb.xlsx", DocKind.OTHER, readable=False, reason="crashed"),
    )
    assert statuses(run("keywords", c, groups=GROUPS)) == [("fail", "keywords.missing")]
    scan = child(O27, MAIN + "scan.pdf", DocKind.PDF, readable=False, reason="no_text_layer")
    c = ctx(page(O27, "มาตรการส่งเสริมคุณธรรม ผลการวิเคราะห์ผลการประเมิน ITA"), scan)
    assert statuses(run("keywords", c, groups=GROUPS)) == [("manual", "keywords.unreadable")]


def scanned(text: str, ocr: bool = True):
    import dataclasses

    e = child(MAIN + "o1", MAIN + "chart.png", DocKind.IMAGE, text)
    return dataclasses.replace(e, document=dataclasses.replace(e.document, ocr=ocr))


def test_text_read_by_ocr_is_matched_without_tone_marks():
    """Tesseract dropped the mai ek of หน้าที่: a scan still holds the element; typed text
    is matched as strictly as before."""
    groups = [["โครงสร้าง"], ["อำนาจหน้าที่"]]
    text = "แผนผังโครงสร้างอำนาจหน้าทีองค์การบริหารส่วนตำบลตัวอย่าง"
    assert statuses(run("keywords", ctx(scanned(text)), groups=groups)) == [("pass", "keywords.ok")]
    typed = run("keywords", ctx(scanned(text, ocr=False)), groups=groups)
    assert statuses(typed) == [("fail", "keywords.missing")]
    assert statuses(run("keywords", ctx(scanned("แผนผังโครงสร้าง")), groups=groups)) == [
        ("fail", "keywords.missing")
    ]
