"""``own_agency``: the evidence is this agency's own, not another agency's document.

ITA-NOTES: indicators 9 and 10 assess the data of *this* agency. Agencies copy a neighbour's
plan or announcement and forget to change the name; the assessor scores it 0. The submitting
agency's name (the submission's ``agency``) is split into its kind and its own name — อบต./
องค์การบริหารส่วนตำบล, ทต./เทศบาลตำบล, ทม., ทน., อบจ., โรงเรียน — and the evidence is searched
for agencies of the same family (local government, or schools). The rule fails when some
document names another agency of that family and no document of the evidence ever names the
submitting one; a document that names both (a joint project, a neighbour thanked) is fine, and
so is evidence that names no agency at all. Abbreviated and full forms match each other. When
the submitting agency's kind is not recognised, the rule answers nothing. A failure here is a
confirmed floor.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from oit_checker.checks._base import CheckContext, Scope, failed, passed, readable_texts
from oit_checker.messages import Text
from oit_checker.model import Outcome
from oit_checker.params import Params
from oit_checker.thaitext import normalize, ocr_loose


class OwnAgencyParams(Params):
    """No parameters: the agency comes from the submission."""


SCOPE: Scope = "item"
PARAMS = OwnAgencyParams
MESSAGES: dict[str, Text] = {
    "own_agency.ok": Text(
        "เอกสารเป็นของหน่วยงาน ({agency})", "The evidence is this agency's ({agency})"
    ),
    "own_agency.other": Text(
        'เอกสารเป็นของหน่วยงานอื่น: ระบุ "{other}" และไม่ระบุ "{agency}" เลย',
        'The evidence is another agency\'s: it names "{other}" and never "{agency}"',
        fix_th="เผยแพร่เอกสารของ {agency} เอง (ตรวจชื่อหน่วยงานในเอกสารที่คัดลอกมา) แล้วส่ง URL ใหม่",
        fix_en="Publish {agency}'s own document (check the agency name in copied files), then submit its URL",
    ),
}

_LAO = (
    ("องค์การบริหารส่วนตำบล", "อบต."),
    ("องค์การบริหารส่วนจังหวัด", "อบจ."),
    ("เทศบาลตำบล", "ทต."),
    ("เทศบาลเมือง", "ทม."),
    ("เทศบาลนคร", "ทน."),
)
_SCHOOL = (("โรงเรียน", "รร."),)
_STOP = re.compile(r"^(?:อำเภอ|จังหวัด|ตำบล|โทร|และ|ที่|ได้|ใน|ซึ่ง|ประจำ|พ\.?ศ|เป็น|ของ|ให้|ทุก|นี้)")
_CUT = re.compile(r"(?:อำเภอ|จังหวัด|ตำบล|โทร|ประจำ|ได้|และ|ขอ|ประกาศ|เรื่อง|ที่|ใน).*$")
_OWN_CUT = re.compile(r"(?:อำเภอ|จังหวัด|อ\.|จ\.).*$")  # a real name may hold ใน, ที่…
_NAME = r"([\u0E01-\u0E2E][\u0E01-\u0E4E]{1,40})"


def _pattern(family: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    forms = [re.escape(full) for full, _ in family]
    forms += [re.escape(short.rstrip(".")) + r"\.\s?" for _, short in family]
    return re.compile("(?:" + "|".join(forms) + ")" + _NAME)


_FAMILIES = {"lao": (_LAO, _pattern(_LAO)), "school": (_SCHOOL, _pattern(_SCHOOL))}


def _own(agency: str) -> tuple[str, str] | None:
    """(family, own name) of the submitting agency, e.g. ("lao", "โนนคูณ")."""
    text = normalize(agency).replace(" ", "")
    for family, (forms, _) in _FAMILIES.items():
        for full, short in forms:
            for prefix in (full, short, short.rstrip(".")):
                if text.startswith(prefix) and len(text) > len(prefix):
                    rest = text[len(prefix) :]
                    return family, _OWN_CUT.sub("", rest) or rest
    return None


def _misread(found: str, own: str) -> bool:
    """Is a name read by OCR our own with a letter or two misread (not another agency)?"""
    head = found[: len(own) + 2]
    return SequenceMatcher(None, head[: len(own)], own).ratio() >= 0.8


def check(ctx: CheckContext, params: OwnAgencyParams) -> list[Outcome]:
    own = _own(ctx.agency)
    if own is None:
        return []
    family, name = own
    pattern = _FAMILIES[family][1]
    others: list[tuple[str, str]] = []  # (agency named, document url)
    for e, text in readable_texts(ctx):
        flat = normalize(text)
        scan = e.document.ocr  # OCR drops tone marks and misreads a letter now and then
        mine = ocr_loose(name) if scan else name
        if mine in (ocr_loose(flat) if scan else flat).replace(" ", ""):
            return [passed("own_agency.ok", agency=ctx.agency, url=e.resource.url)]
        for m in pattern.finditer(flat):
            found = m.group(1)
            if _STOP.match(found) or found.startswith(name) or name.startswith(found):
                continue
            if scan and _misread(ocr_loose(found), mine):
                return [passed("own_agency.ok", agency=ctx.agency, url=e.resource.url)]
            kind = m.group(0)[: m.start(1) - m.start(0)]
            others.append((kind + (_CUT.sub("", found) or found), e.resource.url))
    if not others:
        return [passed("own_agency.ok", agency=ctx.agency)]
    other, url = others[0]
    return [
        failed(
            "own_agency.other", url=url, floor=True, agency=ctx.agency, other=other, evidence=other
        )
    ]
