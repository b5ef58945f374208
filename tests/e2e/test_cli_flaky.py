"""A flaky 500-then-200 server and a 429 with Retry-After both pass after retrying."""

from tests.e2e.conftest import item, run_cli, submission
from tests.sites import PLAN_TEXT, RISK_TEXT, html, sequence, static

PAGE = html("O25 แผนปฏิบัติการป้องกันการทุจริต", PLAN_TEXT).encode()


def test_flaky_and_rate_limited_servers_pass(tmp_path, scenario):
    flaky = scenario.route("/o25", sequence(static(b"oops", "text/plain", 500), static(PAGE)))
    busy = scenario.route(
        "/o23",
        sequence(
            static(b"slow down", "text/plain", 429, {"Retry-After": "1"}),
            static(html("O23", RISK_TEXT).encode()),
        ),
    )
    _code, report = run_cli(
        tmp_path, submission(tmp_path, scenario.url("/"), {"O25": flaky, "O23": busy})
    )
    assert item(report, "O25")["status"] == "pass"
    assert item(report, "O23")["status"] == "pass"
    assert scenario.hits["/o25"] == 2 and scenario.hits["/o23"] == 2
