"""The published JSON Schema and docs/checks.md are generated from the code and up to date."""

import json

import jsonschema
import yaml

from oit_checker.checklist.schema import DOCS_PATH, SCHEMA_PATH, checks_markdown, json_schema


def test_committed_files_are_fresh():
    stale = "stale: run `python -m oit_checker.checklist.schema`"
    assert json.loads(SCHEMA_PATH.read_text(encoding="utf-8")) == json_schema(), stale
    assert DOCS_PATH.read_text(encoding="utf-8") == checks_markdown(), stale


def test_shipped_checklists_validate_and_a_typo_does_not():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    for path in SCHEMA_PATH.parent.glob("*.yaml"):
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)
    bad = {
        "id": "x",
        "year": 2568,
        "items": [
            {"id": "O1", "indicator": 9, "title": "t", "checks": [{"keywords": {"grups": []}}]}
        ],
    }
    extending = {
        "id": "x",
        "extends": "ita-2568",
        "items": [{"id": "O14", "weight": 3, "add_keywords": {"สรรหา": ["คัดเลือก"]}}],
    }
    jsonschema.validate(extending, schema)
    bad_override = {"id": "x", "extends": "ita-2568", "items": [{"id": "O1", "wieght": 2}]}
    for doc in (bad, bad_override):
        try:
            jsonschema.validate(doc, schema)
        except jsonschema.ValidationError:
            continue
        raise AssertionError(f"the schema accepted {doc}")


def test_report_schema_is_fresh_knows_risk_and_accepts_the_golden_report():
    from pathlib import Path

    from oit_checker.reportdoc import SCHEMA_PATH as REPORT_SCHEMA
    from oit_checker.reportdoc import json_schema as report_schema

    stale = "stale: run `python -m oit_checker.checklist.schema`"
    schema = json.loads(REPORT_SCHEMA.read_text(encoding="utf-8"))
    assert schema == report_schema(), stale
    golden = json.loads((Path(__file__).parent / "golden" / "report_th.json").read_text("utf-8"))
    jsonschema.validate(golden, schema)
    golden["items"][0]["status"] = "risk"
    jsonschema.validate(golden, schema)
    golden["items"][0]["status"] = "green"
    try:
        jsonschema.validate(golden, schema)
    except jsonschema.ValidationError:
        return
    raise AssertionError("the report schema accepted an unknown status")


def test_a_crafted_report_is_an_input_error_naming_the_field(tmp_path, capsys):
    from pathlib import Path

    from oit_checker.cli import main

    good = json.loads((Path(__file__).parent / "golden" / "report_th.json").read_text("utf-8"))
    for broken, field in (
        ({**good, "items": [{**good["items"][0], "findings": ["x"]}]}, "items[0].findings[0]"),
        ({**good, "oit": {"score": 1e400, "score_max": 1}}, "oit.score"),
        ({**good, "items": [{**good["items"][0], "status": "green"}]}, "items[0].status"),
    ):
        p = tmp_path / "r.json"
        p.write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")
        assert main(["report", str(p), "--format", "json", "--lang", "en"]) == 2
        assert f"{p}: {field}:" in capsys.readouterr().err
