"""Several outputs in one run, `report` re-rendering, and the baseline gate over real sockets."""

import json

from oit_checker.cli import main
from tests.e2e.conftest import TODAY, submission
from tests.sites import PLAN_TEXT, html

PLAN = html("O25", PLAN_TEXT)


def test_several_outputs_then_report_rerenders_without_crawling(tmp_path, scenario, capsys):
    sub = submission(tmp_path, scenario.url("/"), {"O25": scenario.page("/o25", PLAN)})
    a, j = tmp_path / "a.json", tmp_path / "a.xml"
    assert (
        main(
            [
                "check",
                str(sub),
                "--today",
                TODAY,
                "--format",
                "json",
                "-o",
                str(a),
                "--format",
                "junit",
                "-o",
                str(j),
            ]
        )
        == 0
    )
    assert json.loads(a.read_text(encoding="utf-8"))["schema"] == "oit-checker/report/v1"
    assert j.read_text(encoding="utf-8").startswith('<?xml version="1.0"')
    hits = scenario.hits["/o25"]
    assert main(["report", str(a), "--format", "table", "--lang", "en"]) == 0
    assert "O25" in capsys.readouterr().out and scenario.hits["/o25"] == hits  # no crawl
    assert main(["check", str(sub), "--format", "json", "--format", "junit", "-o", "x"]) == 2
    x = tmp_path / "a.xlsx"
    assert main(["report", str(a), "--format", "xlsx", "-o", str(x)]) == 0
    assert x.read_bytes()[:2] == b"PK"
    assert main(["report", str(a), "--format", "xlsx"]) == 2  # a workbook needs -o
    assert main(["report", str(tmp_path / "missing.json")]) == 2
    j.write_text("{}", encoding="utf-8")
    assert main(["report", str(j)]) == 2


def test_baseline_gate_fails_on_a_new_failure_and_lists_changes(tmp_path, scenario, capsys):
    url = scenario.page("/o25", PLAN)
    sub = submission(tmp_path, scenario.url("/"), {"O25": url})
    old = tmp_path / "old.json"
    assert main(["check", str(sub), "--today", TODAY, "--format", "json", "-o", str(old)]) == 0
    scenario.page("/o25", html("O25", "หน้านี้ย้ายแล้ว"), status=404)  # the site change breaks O25
    code = main(
        [
            "check",
            str(sub),
            "--today",
            TODAY,
            "--format",
            "json",
            "-o",
            str(tmp_path / "new.json"),
            "--baseline",
            str(old),
        ]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "ไม่ผ่านใหม่ O25" in err
    assert "ไม่ผ่านเกณฑ์: ข้อที่ไม่ผ่านใหม่เมื่อเทียบกับรายงานก่อนหน้า: O25" in err
