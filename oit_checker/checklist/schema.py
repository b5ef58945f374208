"""Build the published JSON Schema of the checklist format and ``docs/checks.md`` from the code.

One source of truth: each check's ``Params`` model and module docstring. Regenerate with
``python -m oit_checker.checklist.schema`` (a test fails when the committed files are stale).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from oit_checker import checks

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "checklists" / "checklist.schema.json"
DOCS_PATH = ROOT / "docs" / "checks.md"


def json_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    check_forms: list[dict[str, Any]] = [{"type": "string", "enum": sorted(checks.REGISTRY)}]
    meta = {"source": {"type": "string"}, "confidence": {"enum": ["confirmed", "inferred"]}}
    for cid, spec in sorted(checks.REGISTRY.items()):
        params = spec.params.model_json_schema(ref_template="#/$defs/{model}")
        defs.update(params.pop("$defs", {}))
        defs[f"{cid}_params"] = params
        ref = {"$ref": f"#/$defs/{cid}_params"}
        check_forms.append(
            {
                "type": "object",
                "required": [cid],
                "additionalProperties": False,
                "properties": {cid: {"anyOf": [ref, {"type": "null"}]}, **meta},
            }
        )
        check_forms.append(
            {
                "type": "object",
                "required": ["check"],
                "additionalProperties": False,
                "properties": {"check": {"const": cid}, "params": ref, **meta},
            }
        )
    item: dict[str, Any] = {
        "type": "object",
        "required": ["id", "indicator", "title"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string"},
            "indicator": {"type": "integer"},
            "topic": {"type": "string"},
            "title": {"type": "string"},
            "title_en": {"type": "string"},
            "weight": {"type": "number", "minimum": 0},
            "formats": {"type": "array", "items": {"type": "string"}},
            "checks": {"type": "array", "items": {"$ref": "#/$defs/check"}},
            "note": {"type": "string"},
            "defaults": {"type": "boolean"},
        },
    }
    defs["check"] = {"anyOf": check_forms}
    override = {
        "type": "object",
        "required": ["id"],
        "additionalProperties": False,
        "properties": {
            **item["properties"],
            "add_checks": {"type": "array", "items": {"$ref": "#/$defs/check"}},
            "params": {"type": "object"},
            "add_keywords": {
                "type": "object",
                "additionalProperties": {"type": "array", "items": {"type": "string"}},
            },
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://oit-checker.example/checklist.schema.json",
        "title": "oit-checker checklist",
        "type": "object",
        "required": ["id"],
        "additionalProperties": False,
        # A file that `extends:` another lists item overrides; a full checklist lists items.
        "if": {"required": ["extends"]},
        "then": {"properties": {"items": {"type": "array", "items": override}}},
        "else": {
            "required": ["id", "year", "items"],
            "properties": {"items": {"type": "array", "minItems": 1, "items": item}},
        },
        "properties": {
            "schema": {"type": "string"},
            "id": {"type": "string"},
            "extends": {"type": "string"},
            "scheme": {"type": "string"},
            "note": {"type": "string"},
            "year": {"type": "integer", "minimum": 2500, "maximum": 2700},
            "title": {"type": "string"},
            "title_en": {"type": "string"},
            "status": {"type": "object"},
            "sources": {"type": "object"},
            "indicators": {"type": "array", "items": {"type": "object", "required": ["id"]}},
            "defaults": {
                "type": "object",
                "properties": {"checks": {"type": "array", "items": {"$ref": "#/$defs/check"}}},
            },
            "items": {"type": "array"},
        },
        "$defs": defs,
    }


def checks_markdown() -> str:
    lines = [
        "# Checks",
        "",
        "Generated from the code by `python -m oit_checker.checklist.schema`; do not edit.",
        "Each check is referred to by its stable id in checklists, findings and reports.",
        "",
    ]
    for cid, spec in sorted(checks.REGISTRY.items()):
        lines += [
            f"## `{cid}`",
            "",
            f"Scope: `{spec.scope}` "
            f"({'once per submitted URL' if spec.scope == 'url' else 'whole item evidence'})",
            "",
            spec.doc,
            "",
            "| parameter | type | default |",
            "|---|---|---|",
        ]
        for name, field in spec.params.model_fields.items():
            default = "required" if field.is_required() else repr(field.default)
            ann = getattr(field.annotation, "__name__", str(field.annotation))
            lines.append(f"| `{name}` | `{ann}` | `{default}` |")
        lines.append("")
    return "\n".join(lines)


def write() -> None:
    SCHEMA_PATH.write_text(
        json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    DOCS_PATH.parent.mkdir(exist_ok=True)
    DOCS_PATH.write_text(checks_markdown(), encoding="utf-8")


if __name__ == "__main__":
    write()
