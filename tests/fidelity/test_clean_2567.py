"""A clean ITA 2567 agency passes every item with no advisories."""

from tests.fidelity.agency import build, check, failing


def test_every_item_passes(tmp_path, scenario):
    urls = build(scenario, checklist="ita-2567")
    report = check(tmp_path, scenario, urls, checklist="ita-2567", today="2024-03-31")
    assert failing(report) == set()
    advisories = [
        (i["id"], f["code"])
        for i in report["items"]
        for f in i["findings"]
        if f["status"] != "pass"
    ]
    assert advisories == []
    assert report["oit"] == {"score": 100.0, "score_max": 100.0}
