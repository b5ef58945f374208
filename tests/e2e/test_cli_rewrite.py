"""--rewrite: fetch a staging copy while the main-site rule is judged on the production URL."""

from tests.e2e.conftest import codes, item, run_cli, submission
from tests.sites import PLAN_TEXT, html


def test_staging_copy_is_checked_against_the_production_origin(tmp_path, scenario):
    scenario.page("/ita/o25", html("O25", PLAN_TEXT))
    prod = "https://www.example.go.th"
    sub = submission(tmp_path, prod + "/", {"O25": prod + "/ita/o25"})
    _code, report = run_cli(tmp_path, sub, "--rewrite", f"{prod}={scenario.origin}")
    it = item(report, "O25")
    assert it["status"] == "pass" and it["urls"] == [prod + "/ita/o25"]
    assert "on_main_site.ok" in codes(report, "O25", "pass")
    assert report["rewrites"] == [{"from": prod, "to": scenario.origin}]  # the report shows both
