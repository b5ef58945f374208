"""A clean ITA 2568 agency passes every item: the guard against false failures, which cost an
admin as much time as a missed failure."""

from tests.fidelity.agency import build, check, failing


def test_every_item_passes_and_scores_full(tmp_path, scenario):
    report = check(tmp_path, scenario, build(scenario))
    assert failing(report) == set()
    assert {i["status"] for i in report["items"]} == {"pass"}
    assert report["oit"] == {"score": 100.0, "score_max": 100.0}
    advisories = [
        (i["id"], f["code"])
        for i in report["items"]
        for f in i["findings"]
        if f["status"] == "warn"
    ]
    assert advisories == []
