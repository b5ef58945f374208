"""Seed 002 (ทต.บ้านแป้น, ITA 2563): data not reached through the main website — every item
whose URL is on another host fails; the same content on the main site passes."""

from pathlib import Path

from tests.e2e.conftest import codes, item, run_cli, submission
from tests.sites import PLAN_TEXT, Scenario, html


def test_every_url_on_another_host_fails(tmp_path, scenario):
    with Scenario(Path(tmp_path), host="127.0.0.2") as other:
        body = html("O25 แผนปฏิบัติการป้องกันการทุจริต", PLAN_TEXT)
        off = other.page("/ita/o25", body)
        on = scenario.page("/ita/o25", body)
        sub = submission(
            tmp_path,
            scenario.url("/"),
            {
                "O25": off,
                "O23": other.page(
                    "/ita/o23", html("O23", "การประเมินความเสี่ยงการให้หรือรับสินบน ประจำปี พ.ศ. 2568")
                ),
            },
        )
        code, report = run_cli(tmp_path, sub)
        assert code == 0
        for item_id in ("O25", "O23"):
            assert item(report, item_id)["status"] == "fail"
            assert codes(report, item_id) == ["on_main_site.offsite"]
        code, report = run_cli(tmp_path, submission(tmp_path, scenario.url("/"), {"O25": on}))
        assert item(report, "O25")["status"] == "pass"
