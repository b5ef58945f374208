"""``keywords``: every required element is named somewhere in the evidence.

An item scores zero when a required element is missing (seed 000: O14 HR plan without its
elements, O21 No Gift page without all elements, O27 measures without how the ITA analysis is
put into practice). Each group lists alternative wordings of one element; every group must be
found (or ``min_groups`` of them). Matching runs on Thai-normalised text with spaces ignored, so
``ประจำ ปี`` from pdfium, Thai digits, ``ํา`` and repeated-cluster artefacts of PDF extraction
still match; U+FFFD in old PDFs stands for any one vowel or mark. A verbatim echo of the item's
own title (agency pages put it in their heading) does not count as evidence of an element.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict

from oit_checker.checks._base import CheckContext, Scope, not_found, passed, readable_texts
from oit_checker.messages import Text
from oit_checker.model import EvidenceDoc, Outcome
from oit_checker.params import Params
from oit_checker.thaitext import contains, match_key, ocr_loose

ECHO_MIN_CHARS = 20


class KeywordGroup(BaseModel):
    """One required element: a label for messages and its accepted wordings."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    label: str
    any: tuple[str, ...]


def _group(value: Any) -> Any:
    if isinstance(value, str):
        return {"label": value, "any": (value,)}
    if isinstance(value, list | tuple) and value and all(isinstance(v, str) for v in value):
        return {"label": value[0], "any": tuple(value)}
    if isinstance(value, dict) and "any" in value and "label" not in value:
        alts = value["any"]
        return {**value, "label": alts[0] if isinstance(alts, list | tuple) and alts else ""}
    return value


class KeywordsParams(Params):
    groups: tuple[
        Annotated[
            KeywordGroup,
            BeforeValidator(_group, json_schema_input_type=KeywordGroup | list[str] | str),
        ],
        ...,
    ]
    min_groups: int | None = None


SCOPE: Scope = "item"
PARAMS = KeywordsParams
MESSAGES: dict[str, Text] = {
    "keywords.ok": Text("พบองค์ประกอบครบ: {found}", "All required elements found: {found}"),
    "keywords.missing": Text(
        "ขาดองค์ประกอบ {count} รายการ: {missing}",
        "{count} required element(s) missing: {missing}",
        fix_th="เพิ่มองค์ประกอบที่ขาดลงในเอกสารหรือหน้าเว็บ: {missing}",
        fix_en="Add the missing elements to the document or page: {missing}",
    ),
}


def check(ctx: CheckContext, params: KeywordsParams) -> list[Outcome]:
    # Agency pages repeat the item's own title in their heading ("…และการสร้างวัฒนธรรม…"):
    # that echo is not evidence of the elements the title names, so it is taken out first.
    # Only compound titles: a short title such as "อำนาจหน้าที่" *is* the element, and taking
    # it out would remove real evidence (the clean 2567 agency guards this).
    echo = match_key(ctx.item_title) if len(ctx.item_title) >= ECHO_MIN_CHARS else ""
    keys = [
        (e, match_key(text).replace(echo, "|") if echo else match_key(text))
        for e, text in readable_texts(ctx)
    ]
    # Text read by OCR is compared without tone marks, on both sides (thaitext.ocr_loose).
    keys = [(e, ocr_loose(k) if e.document.ocr else k) for e, k in keys]

    def has(e: EvidenceDoc, key: str, alt: str) -> bool:
        return ocr_loose(match_key(alt)) in key if e.document.ocr else contains(key, alt)

    missing: list[str] = []
    found: list[str] = []
    for group in params.groups:
        hit = next((alt for alt in group.any for e, key in keys if has(e, key, alt)), None)
        if hit is None:
            missing.append(group.label)
        else:
            found.append(hit)
    need = len(params.groups) if params.min_groups is None else params.min_groups
    if keys and len(found) >= need:
        return [passed("keywords.ok", found=", ".join(found), evidence=", ".join(found))]
    # None of the item's elements at all is the floor (the evidence is not about this item);
    # some missing is the rule's detail (fail if confirmed, risk if inferred).
    out = not_found(
        "keywords",
        ctx,
        "keywords.missing",
        missing=", ".join(missing),
        count=len(missing),
        evidence=", ".join(missing),
    )
    where = keys[0][0].resource.url if keys else None
    none = not found and len(params.groups) > 1 and out.code == "keywords.missing"
    return [replace(out, url=out.url or where, floor=none, params={**out.params, "none": none})]
