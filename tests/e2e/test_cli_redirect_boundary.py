"""The main site is a boundary: a redirect to another host (a metadata address, another site
on the machine) is a failure of the item and is never followed — the other host sees nothing."""

from pathlib import Path

from tests.e2e.conftest import codes, item, run_cli, submission
from tests.sites import PLAN_TEXT, Scenario, html, redirect


def test_a_redirect_off_the_main_site_fails_and_is_not_followed(tmp_path, scenario):
    with Scenario(Path(tmp_path), host="127.0.0.2") as other:
        target = other.page("/ita/o25", html("O25 แผนปฏิบัติการป้องกันการทุจริต", PLAN_TEXT))
        away = scenario.route("/ita/o25", redirect(target))
        doc = other.page("/o23.pdf", "<html><body>เอกสาร</body></html>")
        page = scenario.page(
            "/ita/o23",
            html("O23", "การประเมินความเสี่ยง", links=[(scenario.url("/get/o23"), "ดาวน์โหลด")]),
        )
        scenario.route("/get/o23", redirect(doc))
        sub = submission(tmp_path, scenario.url("/"), {"O25": away, "O23": page})
        code, report = run_cli(tmp_path, sub)
        assert code == 0
        assert item(report, "O25")["status"] == "fail"
        assert codes(report, "O25") == ["on_main_site.redirect_offsite"]
        # a linked document that redirects away is not judged as this site's evidence
        assert item(report, "O23")["status"] != "pass"
        assert other.hits["/ita/o25"] == 0 and other.hits["/o23.pdf"] == 0
        # the same redirect within the main site is followed as before
        inside = scenario.route(
            "/old/o25", redirect(scenario.page("/new/o25", html("O25", PLAN_TEXT)))
        )
        code, report = run_cli(tmp_path, submission(tmp_path, scenario.url("/"), {"O25": inside}))
        assert item(report, "O25")["status"] == "pass"
