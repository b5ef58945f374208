"""The saved-report document (``oit-checker/report/v1``) as pydantic models — described once.

``reportfile`` validates every document it reads through :class:`ReportDoc` (baselines,
``oit-checker report``, history), so a crafted or damaged file is an input error naming the
field, never a traceback; the published JSON Schema (``docs/report.schema.json``) is generated
from the same models. Unknown keys are ignored (fields are only ever added to v1), numbers must
be finite, and every field added since the first release has a default, so old reports load.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_ID = "oit-checker/report/v1"
SCHEMA_PATH = Path(__file__).resolve().parents[1] / "docs" / "report.schema.json"
Score = float


class _Doc(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True, allow_inf_nan=False)


class ToolDoc(_Doc):
    name: str = "oit-checker"
    version: str


class ChecklistRefDoc(_Doc):
    id: str
    year: int


class AgencyDoc(_Doc):
    name: str
    main_site: str


class WaivedDoc(_Doc):
    reason: str = ""
    expires: str = ""


class FindingDoc(_Doc):
    check: str
    status: Literal["pass", "fail", "warn", "manual"]
    message: str = ""
    url: str | None = None
    evidence: str = ""
    code: str | None = None
    params: dict[str, Any] = {}
    source: str = ""
    waived: WaivedDoc | None = None
    confidence: Literal["confirmed", "inferred"] = "confirmed"
    downgraded: bool = False  # an inferred rule failed: the item is `risk`
    remedy: str = ""


class ItemDoc(_Doc):
    id: str
    indicator: int
    title: str = ""
    title_en: str = ""
    weight: float = Field(default=1.0, ge=0)
    status: Literal["pass", "fail", "risk", "manual", "missing"]
    score: Score
    score_max: Score
    urls: list[str] = []
    findings: list[FindingDoc] = []


class IndicatorDoc(_Doc):
    id: int
    title: str = ""
    title_en: str = ""
    score: Score
    score_max: Score


class RangeDoc(_Doc):
    score: Score
    score_max: Score


class RewriteDoc(_Doc):
    from_: str = Field(alias="from")
    to: str


class ScreenshotDoc(_Doc):
    url: str
    file: str


class ReportDoc(_Doc):
    """One agency's saved report (DESIGN "JSON report")."""

    schema_: Literal["oit-checker/report/v1"] = Field(alias="schema")
    tool: ToolDoc
    checklist: ChecklistRefDoc
    agency: AgencyDoc
    checked_at: dt.datetime
    today: dt.date
    items: list[ItemDoc]
    indicators: list[IndicatorDoc]
    oit: RangeDoc
    stats: dict[str, float] = {}
    rewrites: list[RewriteDoc] = []
    screenshots: list[ScreenshotDoc] = []


def json_schema() -> dict[str, Any]:
    schema = ReportDoc.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://oit-checker.example/report.schema.json",
        **schema,
    }


def write() -> None:
    SCHEMA_PATH.write_text(
        json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
