"""Seed 001 (อบต.ขามสะแกแสง, ITA 2568; ITA-NOTES S2).

Published: O7, O12, O13, O14 and O28 scored 0 (reasons not stated); indicator 9 = 72.00,
indicator 10 = 90.00, OIT = 81.00. The site reproduces plausible causes the seeds document:
previous-year reports for the wrong year (O7, O28), the NACC sheet deleted (O12, O13), an HR plan
without its elements (O14).

Reproduced: O7, O12, O13, O14 and O28 fail — O14 because the plan names none of its elements
(the element list is inferred, ITA-NOTES §6.2, but naming none of them is the confirmed floor);
indicator 10 is exactly 90.00 with the fitted weights. Not reproducible: indicator 9 uses equal
weights because no weight set fits both 2568 seeds (docs/weights.md): computed 80.00 against
the published 72.00.
"""

from oit_checker.demo.files import make_procurement_xlsx
from tests.fidelity.agency import build, check, failing, indicator


def seed_001(scenario):
    return build(
        scenario,
        workbook=lambda item: make_procurement_xlsx(
            2568 if item == "O12" else 2567, explanation=False
        ),
        pages={
            "O7": (
                "รายงานผลการดำเนินงานประจำปี",
                ("o7-report.pdf", ["รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2566"]),
            ),
            "O14": (
                "แผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. 2568",
                ("o14-hr-plan.pdf", ["แผนการบริหารและพัฒนาทรัพยากรบุคคล พ.ศ. 2568", "วิสัยทัศน์ พันธกิจ"]),
            ),
            "O28": (
                "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส",
                (
                    "o28-report.pdf",
                    ["รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม", "ประจำปีงบประมาณ พ.ศ. 2566"],
                ),
            ),
        },
    )


def test_seed_001_verdicts_and_scores(tmp_path, scenario):
    report = check(tmp_path, scenario, seed_001(scenario))
    assert failing(report) == {"O7", "O12", "O13", "O14", "O28"}
    items = {i["id"]: i for i in report["items"]}
    for item_id, found in (("O7", "2566"), ("O28", "2566")):
        [f] = [f for f in items[item_id]["findings"] if f["status"] == "fail"]
        assert (f["code"], f["params"]["found"]) == ("mentions_year.missing", found)
    # O14 names none of the HR plan's (inferred) elements: the confirmed floor fails it.
    assert [f["code"] for f in items["O14"]["findings"] if f["status"] == "fail"] == [
        "keywords.missing"
    ]
    assert indicator(report, 10) == 90.00  # published 90.00
    assert indicator(report, 9) == 80.00  # published 72.00 (weights unknown)
    assert report["oit"]["score"] == 85.00  # published 81.00 (indicator 9 weights unknown)
