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
