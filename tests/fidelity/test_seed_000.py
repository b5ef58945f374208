"""Seed 000 (อบต.บึงมะลู, ITA 2568; ITA-NOTES S1).

Published: O12 and O13 scored 0 (the "คำอธิบายเพิ่มเติม" sheet was deleted), O14 scored 0 (HR plan
missing elements), O21 scored 0 (the URL did not cover every No Gift element), O27 scored 0 (no
statement of how the ITA analysis is put into practice); indicator 9 = 70.75, indicator 10 = 70.00.

Reproduced: O12, O13, O21 and O27 fail with those reasons and indicator 10 is exactly 70.00.
O14 fails too: S1 confirms that missing elements cost the item but not *which* elements the
NACC requires (ITA-NOTES §6.2), so the element list is inferred — yet the plan names none of
them at all, which is the confirmed floor (the item's subject absent); one element missing
would be `risk`. Indicator 9 cannot match: its weights are unknown (docs/weights.md).
"""

from oit_checker.demo.files import make_procurement_xlsx
from tests.fidelity.agency import build, check, failing, indicator


def seed_000(scenario):
    return build(
        scenario,
        workbook=lambda item: make_procurement_xlsx(
            2568 if item == "O12" else 2567, explanation=False
        ),
        pages={
            "O14": (
                "แผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. 2568",
                (
                    "o14-hr-plan.pdf",
                    ["แผนการบริหารและพัฒนาทรัพยากรบุคคล พ.ศ. 2568", "วิสัยทัศน์ พันธกิจ ของงานบุคคล"],
                ),
            ),
            "O21": ("ประกาศเจตนารมณ์ นโยบายไม่รับของขวัญ (No Gift Policy)", None),
            "O27": (
                "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
                (
                    "o27-measures.pdf",
                    ["ผลการวิเคราะห์ผลการประเมิน ITA ปี 2567", "จุดแข็ง จุดอ่อน ของหน่วยงาน"],
                ),
            ),
        },
    )


def test_seed_000_verdicts(tmp_path, scenario):
    report = check(tmp_path, scenario, seed_000(scenario))
    assert failing(report) == {"O12", "O13", "O14", "O21", "O27"}
    items = {i["id"]: i for i in report["items"]}
    for item_id in ("O12", "O13"):
        [f] = [f for f in items[item_id]["findings"] if f["status"] == "fail"]
        assert f["code"] == "xlsx_template.sheet_missing"
        assert f["params"]["sheet"] == "คำอธิบายเพิ่มเติม"
    [o21] = [f for f in items["O21"]["findings"] if f["status"] == "fail"]
    assert o21["params"]["missing"] == "สร้างวัฒนธรรม"
    [o27] = [f for f in items["O27"]["findings"] if f["status"] == "fail"]
    assert o27["params"]["missing"] == "นำไปสู่การปฏิบัติ"
    # O14: none of the (inferred) elements at all: the confirmed floor fails it, with its source.
    o14 = [f for f in items["O14"]["findings"] if f["status"] == "fail"]
    assert [f["code"] for f in o14] == ["keywords.missing"] and o14[0]["params"]["none"]
    assert o14[0]["confidence"] == "confirmed" and o14[0]["source"].startswith("S1")
    assert indicator(report, 10) == 70.00  # published 70.00
    assert indicator(report, 9) == 85.00  # published 70.75 (weights unknown)
