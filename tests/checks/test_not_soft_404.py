from tests.helpers import MAIN, ctx, doc, ev, page, res, run, statuses


def test_pass_on_a_real_page():
    text = "โครงสร้างและอำนาจหน้าที่ขององค์การบริหารส่วนตำบล " * 5
    assert statuses(run("not_soft_404", ctx(page(MAIN + "o1", text, title="O1 โครงสร้าง")))) == [
        ("pass", "not_soft_404.ok")
    ]


def test_fail_on_thai_not_found_page_with_status_200():
    c = ctx(page(MAIN + "o1", "ขออภัย ไม่พบหน้าที่คุณต้องการ", title="ไม่พบหน้า"))
    assert statuses(run("not_soft_404", c)) == [("fail", "not_soft_404.not_found")]


def test_fail_on_english_page_not_found_and_bare_404():
    for title, text in (("Page Not Found", "Sorry"), ("Error", "404 - the file is gone")):
        c = ctx(page(MAIN + "o1", text, title=title))
        assert statuses(run("not_soft_404", c)) == [("fail", "not_soft_404.not_found")], title


def test_manual_on_login_wall():
    """Content behind a login is for a person to check (DESIGN), with the reason."""
    c = ctx(ev(res(MAIN + "o1"), doc(MAIN + "o1", text="ชื่อผู้ใช้ รหัสผ่าน", password=True)))
    assert statuses(run("not_soft_404", c)) == [("manual", "not_soft_404.login_wall")]
    c = ctx(page(MAIN + "o1", "กรุณาเข้าสู่ระบบ เพื่อดูเอกสาร"))
    assert statuses(run("not_soft_404", c)) == [("manual", "not_soft_404.login_wall")]


def test_long_page_that_mentions_404_is_not_a_soft_404():
    text = "รายงานผลการดำเนินงาน ถนนสาย 404 " + "เนื้อหารายงาน " * 300
    assert statuses(run("not_soft_404", ctx(page(MAIN + "o7", text)))) == [
        ("pass", "not_soft_404.ok")
    ]
