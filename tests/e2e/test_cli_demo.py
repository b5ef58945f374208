"""`oit-checker demo` serves the bundled site on 127.0.0.1 and shows its three defects."""

import json

from oit_checker.cli import main


def test_demo_end_to_end(tmp_path, capsys):
    out = tmp_path / "demo.json"
    assert main(["demo", "--format", "json", "-o", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    status = {i["id"]: i["status"] for i in report["items"]}
    assert {k for k, v in status.items() if v == "fail"} == {"O7", "O12", "O21"}
    assert {k for k, v in status.items() if v == "manual"} == {"O9"}
    assert report["oit"]["score"] < report["oit"]["score_max"]
    assert "127.0.0.1" in capsys.readouterr().err
