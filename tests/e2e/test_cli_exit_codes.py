"""Exit codes of DESIGN.md: 0 ran, 1 a gate failed, 2 bad input naming file and line."""

from oit_checker.cli import main
from tests.e2e.conftest import TODAY, run_cli, submission
from tests.sites import PLAN_TEXT, html


def test_completed_run_exits_0_even_when_the_site_is_down(tmp_path):
    sub = submission(tmp_path, "http://127.0.0.1:9/", {"O1": "http://127.0.0.1:9/o1"})
    code, report = run_cli(tmp_path, sub)
    assert code == 0 and report["items"][0]["status"] == "fail"


def test_gates_exit_1(tmp_path, scenario, capsys):
    url = scenario.page("/o25", html("O25", PLAN_TEXT))
    sub = submission(tmp_path, scenario.url("/"), {"O25": url, "O1": scenario.url("/gone")})
    assert run_cli(tmp_path, sub, "--fail-under", "50")[0] == 1
    assert run_cli(tmp_path, sub, "--fail-under", "5")[0] == 0
    assert "ไม่ผ่านเกณฑ์: คะแนน OIT" in capsys.readouterr().err  # Thai by default
    assert run_cli(tmp_path, sub, "--require", "o25")[0] == 0
    assert run_cli(tmp_path, sub, "--require", "O25,O1")[0] == 1
    assert "ข้อ O1 ไม่ผ่าน" in capsys.readouterr().err
    assert run_cli(tmp_path, sub, "--require", "O25,O1", "--lang", "en")[0] == 1
    assert "gate failed: O1 is fail" in capsys.readouterr().err
    assert run_cli(tmp_path, sub, "--require", "O99")[0] == 2  # before any crawl
    assert "--require: ไม่มีข้อ O99" in capsys.readouterr().err


def test_bad_input_exits_2_with_file_line_and_field(tmp_path, capsys):
    sub = tmp_path / "s.yaml"
    sub.write_text(
        "main_site: https://www.example.go.th/\nitems:\n  O1: https://www.example.go.th/a"
        "\n  O31: https://www.example.go.th/b\n",
        encoding="utf-8",
    )
    assert main(["check", str(sub), "--today", TODAY]) == 2
    assert f"{sub}:4: items.O31:" in capsys.readouterr().err
    assert main(["check", str(tmp_path / "none.yaml")]) == 2
    assert main(["check", str(sub), "--checklist", "ita-1999"]) == 2
    assert "ไม่รู้จักเกณฑ์ 'ita-1999'" in capsys.readouterr().err  # Thai by default
    assert main(["check", str(sub), "--checklist", "ita-1999", "--lang", "en"]) == 2
    assert "unknown checklist 'ita-1999'" in capsys.readouterr().err
    assert main(["check", str(sub), "--rewrite", "nonsense"]) == 2


def test_usage_errors_exit_2(capsys):
    import pytest

    with pytest.raises(SystemExit) as info:
        main(["check"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0 and "oit-checker 0." in capsys.readouterr().out
