"""Confirmed floors over real sockets: each defect class an assessor scores 0, beside its
correct twin (ITA 2568, the checker's whole pipeline, the CLI's JSON report).

Each class fails (or is ``risk``) on the defective agency and passes on the twin; the same
items are submitted by both, only the content differs. No item of the twin may fail or be risk.
"""

from oit_checker.demo.files import make_pdf
from tests.e2e.conftest import item, run_cli, submission

PDF = "application/pdf"


def _page(title: str, body: str) -> str:
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body><main><h1>{title}</h1>{body}</main></body></html>"
    )


def agency(scenario, variant: str) -> dict[str, str]:
    """The same eight items; ``variant`` is "defective", "near" (details only) or "twin"."""
    bad, near = variant == "defective", variant == "near"
    s, urls = scenario, {}
    p = f"/{variant}"

    def pdf(name: str, *lines: str) -> str:
        return s.file(f"{p}/{name}", make_pdf([list(lines)], title=lines[0]), PDF)

    # no data on the page: a maintenance notice
    body = (
        "<p>อยู่ระหว่างปรับปรุงข้อมูล</p>" if bad else "<p>คู่มือการปฏิบัติงานงานพัสดุ ขั้นตอนการจัดซื้อ งานการเงิน</p>"
    )
    urls["O8"] = s.page(f"{p}/o8", _page("O8 คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่", body))
    # only a heading
    body = "" if bad else "<p>แผนผังโครงสร้าง สำนักปลัด กองคลัง กองช่าง อำนาจหน้าที่ตามพระราชบัญญัติสภาตำบล</p>"
    urls["O1"] = s.page(f"{p}/o1", _page("O1 โครงสร้างและอำนาจหน้าที่", body))
    # links that lead nowhere
    manual = pdf("o9.pdf", "คู่มือสำหรับประชาชน งานขอรับเบี้ยยังชีพ", "ขั้นตอนการให้บริการ ระยะเวลา 1 วัน")
    href = "#" if bad else manual
    body = f'<p>คู่มือสำหรับประชาชน</p><p><a href="{href}">ดาวน์โหลดคู่มือ</a></p>'
    urls["O9"] = s.page(f"{p}/o9", _page("O9 คู่มือสำหรับประชาชน", body))
    # the only document is too large to fetch (--max-size 1)
    if bad:
        report = s.file(f"{p}/o7.pdf", b"%PDF-1.4\n" + b"0" * 1_500_000, PDF)
    else:
        report = pdf(
            "o7.pdf", "รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2567", "ผลการดำเนินงาน 12 โครงการ"
        )
    body = f'<p><a href="{report}">ดาวน์โหลด</a></p>'
    urls["O7"] = s.page(f"{p}/o7", _page("O7 รายงานผลการดำเนินงานประจำปี พ.ศ. 2567", body))
    # stale evidence (2565) fails; FY−1 (2567) is the inferred rule's detail: risk
    year = "2565" if bad else ("2567" if near else "2568")
    body = f"<p>ข่าวกิจกรรม ประกาศเมื่อ 15 มกราคม {year} จัดงานวันเด็กแห่งชาติ ณ ที่ทำการ</p>"
    urls["O4"] = s.page(f"{p}/o4", _page("O4 ข่าวประชาสัมพันธ์", body))
    # the subject absent (no address, phone or e-mail at all) fails; one element missing: risk
    if bad:
        body = "<p>ยินดีให้บริการประชาชนทุกท่านในวันและเวลาราชการ</p>"
    else:
        body = "<p>ที่อยู่ 99 หมู่ 1 ตำบลตัวอย่าง โทรศัพท์ 045-000-000</p>"
        body += "" if near else "<p>อีเมล saraban@example.go.th</p>"
    urls["O3"] = s.page(f"{p}/o3", _page("O3 ข้อมูลการติดต่อ", body))
    # a two-part item with one part only (plan, no progress): risk
    lines = ["แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568", "โครงการ 15 โครงการ งบประมาณ 2,500,000 บาท"]
    if not bad:
        lines.append("รายงานความก้าวหน้า รอบ 6 เดือน (ต.ค. 67 - มี.ค. 68)")
    plan = pdf("o6.pdf", *lines)
    urls["O6"] = s.page(f"{p}/o6", _page("O6 แผนดำเนินงาน", f'<p><a href="{plan}">ดาวน์โหลด</a></p>'))
    # another agency's document
    owner = "เทศบาลตำบลบ้านแป้น" if bad else "องค์การบริหารส่วนตำบลตัวอย่าง"
    risk = pdf(
        "o23.pdf", f"การประเมินความเสี่ยงการทุจริต ประจำปี พ.ศ. 2568 {owner}", "ความเสี่ยงระดับปานกลาง"
    )
    urls["O23"] = s.page(
        f"{p}/o23", _page("O23 การประเมินความเสี่ยง", f'<p><a href="{risk}">ดาวน์โหลด</a></p>')
    )
    return urls


def verdicts(tmp_path, scenario, variant):
    sub = submission(tmp_path, scenario.url("/"), agency(scenario, variant))
    code, report = run_cli(tmp_path, sub, "--max-size", "1")
    assert code == 0
    return report


def failing_codes(report, item_id):
    return [
        (f["code"], f["confidence"])
        for f in item(report, item_id)["findings"]
        if f["status"] == "fail"
    ]


def test_each_defect_class_fails_on_the_confirmed_floor(tmp_path, scenario):
    r = verdicts(tmp_path, scenario, "defective")
    expect = {
        "O8": "has_data.placeholder",
        "O1": "has_data.empty",
        "O9": "has_data.links_nowhere",
        "O7": "has_data.no_evidence",
        "O4": "dated_within.outside",  # inferred rule, stale evidence: the floor decides
        "O3": "keywords.missing",  # inferred rule, nothing of the subject: the floor decides
        "O23": "own_agency.other",
    }
    for item_id, code in expect.items():
        assert item(r, item_id)["status"] == "fail", item_id
        assert (code, "confirmed") in failing_codes(r, item_id), item_id
    o7 = next(f for f in item(r, "O7")["findings"] if f["code"] == "has_data.no_evidence")
    assert o7["params"]["reason"] == "too_large" and o7["url"].endswith("/o7.pdf")
    o23 = next(f for f in item(r, "O23")["findings"] if f["code"] == "own_agency.other")
    assert "บ้านแป้น" in o23["message"]
    assert item(r, "O6")["status"] == "risk"  # the plan without its progress
    # every failure names the document it judged
    for it in r["items"]:
        for f in it["findings"]:
            if f["status"] == "fail":
                assert f["url"], (it["id"], f["code"])


def test_details_beyond_the_floor_are_risk(tmp_path, scenario):
    r = verdicts(tmp_path, scenario, "near")
    for item_id in ("O4", "O3"):
        it = item(r, item_id)
        assert it["status"] == "risk" and (it["score"], it["score_max"]) == (0, 100), item_id
        assert not failing_codes(r, item_id)
        assert any(f["downgraded"] for f in it["findings"])
    assert r["oit"]["score"] < r["oit"]["score_max"]


def test_the_correct_twin_passes_every_item(tmp_path, scenario):
    r = verdicts(tmp_path, scenario, "twin")
    submitted = {"O8", "O1", "O9", "O7", "O4", "O3", "O6", "O23"}
    statuses = {i["id"]: i["status"] for i in r["items"] if i["id"] in submitted}
    assert statuses == dict.fromkeys(submitted, "pass")
