"""Internal addresses are never contacted unless the main site lives there: a submitted
cloud-metadata URL is a failure of the item, found without a connection attempt."""

import time

from tests.e2e.conftest import item, run_cli, submission
from tests.sites import PLAN_TEXT, html


def test_a_metadata_url_is_refused_and_named(tmp_path, scenario):
    page = scenario.page("/ita/o25", html("O25 แผนปฏิบัติการป้องกันการทุจริต", PLAN_TEXT))
    sub = submission(
        tmp_path,
        scenario.url("/"),
        {"O25": page, "O1": "http://169.254.169.254/latest/meta-data/"},
    )
    started = time.monotonic()
    code, report = run_cli(tmp_path, sub)
    assert code == 0 and item(report, "O25")["status"] == "pass"
    o1 = item(report, "O1")
    assert o1["status"] == "fail"
    broken = [f for f in o1["findings"] if f["code"] == "reachable.broken"]
    assert broken and broken[0]["params"]["reason"] == "blocked_address"
    assert "169.254.169.254" in broken[0]["evidence"]
    assert "ที่อยู่เครือข่ายภายใน" in broken[0]["message"]
    # refused before connecting: no connect time-out was waited for (a liveness bound)
    assert time.monotonic() - started < 60
