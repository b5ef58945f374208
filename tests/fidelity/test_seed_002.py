"""Seed 002 (ทต.บ้านแป้น, ITA 2563; ITA-NOTES S3): the data was not reached through the main
website, and indicators 9/10 fell to 17.80/12.50. Every item whose URL leaves the main site
fails; the same kind of page on the main site does not. ITA 2563 shares the 43-item numbering
of 2565 (ITA-NOTES §2.5), so the run uses ``ita-2565``.
"""

from pathlib import Path

from tests.fidelity.agency import check, failing
from tests.sites import Scenario, html

OFFSITE = ("O1", "O2", "O3", "O4", "O5", "O10", "O36")
ONSITE = ("O6", "O8", "O9", "O17")


def test_items_off_the_main_site_fail_and_on_site_items_do_not(tmp_path, scenario):
    with Scenario(Path(tmp_path), host="127.0.0.2") as google_sites:
        urls = {
            i: google_sites.page(
                f"/view/ita2563/{i.lower()}", html(i, "ข้อมูลของหน่วยงาน ปีงบประมาณ 2565")
            )
            for i in OFFSITE
        }
        urls |= {i: scenario.page(f"/ita/{i.lower()}", html(i, "ข้อมูลของหน่วยงาน")) for i in ONSITE}
        report = check(tmp_path, scenario, urls, checklist="ita-2565", today="2022-03-31")
    assert failing(report) == set(OFFSITE)
    for it in report["items"]:
        if it["id"] in OFFSITE:
            assert [f["code"] for f in it["findings"] if f["status"] == "fail"] == [
                "on_main_site.offsite"
            ], it["id"]
