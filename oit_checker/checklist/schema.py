"""Build the published JSON Schema of the checklist format and ``docs/checks.md`` from the code.

One source of truth: each check's ``Params`` model and module docstring. Regenerate with
``python -m oit_checker.checklist.schema`` (a test fails when the committed files are stale).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from oit_checker import checks
from oit_checker.checklist.document import CHECK_PLACEHOLDER, ChecklistDoc, ExtendingDoc
from oit_checker.checklist.entries import CONFIDENCE

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "checklists" / "checklist.schema.json"
DOCS_PATH = ROOT / "docs" / "checks.md"


def _check_forms(defs: dict[str, Any]) -> list[dict[str, Any]]:
    """The three ways to write a rule, per registered check, with its Params schema."""
    forms: list[dict[str, Any]] = [{"type": "string", "enum": sorted(checks.REGISTRY)}]
    meta = {"source": {"type": "string"}, "confidence": {"enum": sorted(CONFIDENCE)}}
    for cid, spec in sorted(checks.REGISTRY.items()):
        params = spec.params.model_json_schema(ref_template="#/$defs/{model}")
        defs.update(params.pop("$defs", {}))
        defs[f"{cid}_params"] = params
        ref = {"$ref": f"#/$defs/{cid}_params"}
        forms.append(
            {
                "type": "object",
                "required": [cid],
                "additionalProperties": False,
                "properties": {cid: {"anyOf": [ref, {"type": "null"}]}, **meta},
            }
        )
        forms.append(
            {
                "type": "object",
                "required": ["check"],
                "additionalProperties": False,
                "properties": {"check": {"const": cid}, "params": ref, **meta},
            }
        )
    return forms


def _link_checks(node: Any) -> Any:
    """Point every rule placeholder of the models at the registry's check forms."""
    if node == CHECK_PLACEHOLDER:
        return {"$ref": "#/$defs/check"}
    if isinstance(node, dict):
        return {k: _link_checks(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_link_checks(v) for v in node]
    return node


def json_schema() -> dict[str, Any]:
    """Generated from the document models: a full checklist, or one that ``extends:``."""
    defs: dict[str, Any] = {}
    sides = {}
    for name, model in (("full", ChecklistDoc), ("extending", ExtendingDoc)):
        schema = model.model_json_schema(ref_template="#/$defs/{model}", by_alias=True)
        defs.update(schema.pop("$defs", {}))
        sides[name] = schema
    defs = _link_checks(defs)
    sides = _link_checks(sides)
    defs["check"] = {"anyOf": _check_forms(defs)}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://oit-checker.example/checklist.schema.json",
        "title": "oit-checker checklist",
        "type": "object",
        "required": ["id"],
        # A file that `extends:` another lists item overrides; a full checklist lists items.
        "if": {"required": ["extends"]},
        "then": sides["extending"],
        "else": sides["full"],
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
