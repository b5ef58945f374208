"""404, a server that never answers, a redirect loop, a trickling server and a soft-404 page
each fail the item with their reason, and the run still completes (bounded waits)."""

from tests.e2e.conftest import codes, item, run_cli, submission
from tests.sites import html, redirect, silent, trickle


def test_each_broken_url_fails_with_its_reason(tmp_path, scenario):
    urls = {
        "O1": scenario.url("/missing"),
        "O2": scenario.route("/silent", silent()),
        "O3": scenario.route("/loop-a", redirect("/loop-b")),
        "O4": scenario.page("/soft404", html("ไม่พบหน้า", "ขออภัย ไม่พบหน้าที่คุณต้องการ")),
        "O5": scenario.route("/trickle", trickle()),
    }
    scenario.route("/loop-b", redirect("/loop-a"))
    code, report = run_cli(tmp_path, submission(tmp_path, scenario.url("/"), urls))
    assert code == 0  # a broken website is a finding, never an exit code
    reasons = {}
    for item_id in urls:
        it = item(report, item_id)
        assert it["status"] == "fail", item_id
        broken = [f for f in it["findings"] if f["code"] == "reachable.broken"]
        reasons[item_id] = broken[0]["params"]["reason"] if broken else codes(report, item_id)[0]
    assert reasons == {
        "O1": "http_4xx",
        "O2": "timeout",
        "O3": "redirect_loop",
        "O4": "not_soft_404.not_found",
        "O5": "deadline",
    }
    assert scenario.hits["/silent"] == 3  # retried (OIT_RETRIES=2), then given up
    assert scenario.hits["/trickle"] == 1  # a deadline is not retried
