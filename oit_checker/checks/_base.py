"""What every check is made of: a ``CheckSpec`` (id, scope, typed ``Params``, pure function).

A check never does I/O. It receives a ``CheckContext`` — the evidence already fetched and
extracted — and returns ``Outcome`` values with a message *code*; the engine stamps item, URL
and rule provenance, and i18n turns codes into Thai or English (STYLE habit 2).

Scope:

* ``url``: run once per submitted URL with that URL's own evidence (reachability and the
  main-site rule apply to each URL the assessor clicks);
* ``item``: run once over the whole evidence of the item (content rules are met by the page
  and its documents together).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from oit_checker.messages import Text
from oit_checker.model import DocKind, EvidenceDoc, FindingStatus, Link, Outcome
from oit_checker.params import Params

Scope = Literal["url", "item"]


@dataclass(frozen=True, slots=True)
class CheckContext:
    """Everything a check may look at. Built by the engine; immutable."""

    item_id: str
    fiscal_year: int
    today: dt.date
    main_site: str
    evidence: tuple[EvidenceDoc, ...]
    submitted_url: str | None = None
    offsite_links: tuple[Link, ...] = ()
    item_title: str = ""  # the checklist title, which agency pages echo in their headings
    agency: str = ""  # the submitting agency's name (its documents should name it)

    @property
    def submitted(self) -> tuple[EvidenceDoc, ...]:
        return tuple(e for e in self.evidence if e.depth == 0)

    @property
    def obtained(self) -> tuple[EvidenceDoc, ...]:
        """Evidence whose body could be fetched and extracted."""
        return tuple(
            e for e in self.evidence if e.resource.ok and e.document.kind is not DocKind.NONE
        )

    @property
    def readable(self) -> tuple[EvidenceDoc, ...]:
        return tuple(e for e in self.obtained if e.document.readable)

    @property
    def unreadable(self) -> tuple[EvidenceDoc, ...]:
        return tuple(e for e in self.obtained if not e.document.readable)


# Answers every content rule shares (``keywords.unreadable`` falls back to ``*.unreadable``).
SHARED_MESSAGES: dict[str, Text] = {
    "*.unreadable": Text(
        "ตรวจด้วยเครื่องไม่ได้ ({reason_text}) ต้องตรวจด้วยตนเอง",
        "Cannot be checked by machine ({reason_text}); check by hand",
        fix_th="ตรวจเอกสารนี้ด้วยตนเอง หรือเผยแพร่ฉบับที่มีชั้นข้อความ (PDF ที่ค้นหาข้อความได้)",
        fix_en="Check this document by hand, or publish a version with a text layer (a searchable PDF)",
    ),
    "*.no_evidence": Text(
        "ไม่มีหลักฐานให้ตรวจ: เอกสารที่ลิงก์ไว้เปิดไม่ได้ ({reason_text}): {links}",
        "No evidence to check: the linked documents cannot be obtained ({reason_text}): {links}",
        fix_th="แก้ลิงก์เอกสารให้เปิดได้ หรืออัปโหลดไฟล์ใหม่ที่ไม่ใหญ่เกินไป แล้วลิงก์จากหน้าที่ส่ง",
        fix_en="Make the documents open, or upload them again (not too large) and link them from the submitted page",
        by_reason=True,
    ),
    "*.links_nowhere": Text(
        "ไม่มีหลักฐานให้ตรวจ: ลิงก์ในหน้าไม่ได้ชี้ไปที่เอกสารใด (# หรือ javascript:): {links}",
        "No evidence to check: the page's links lead nowhere (# or javascript:): {links}",
        fix_th="ใส่ลิงก์ไปยังไฟล์หรือหน้าที่มีข้อมูลจริงแทน # แล้วตรวจว่าคลิกแล้วเปิดได้",
        fix_en="Point the links at the real files or pages instead of #, and check that they open",
    ),
    "*.placeholder": Text(
        'หน้าเว็บยังไม่มีข้อมูล มีเพียงข้อความแจ้ง "{notice}"',
        'The page holds no data, only the notice "{notice}"',
        fix_th="เผยแพร่ข้อมูลของข้อนี้บนหน้าที่ส่ง (ผู้ประเมินให้ 0 กับหน้าที่อยู่ระหว่างปรับปรุง)",
        fix_en="Publish this item's data on the submitted page (a page under construction scores 0)",
    ),
    "*.empty": Text(
        "หน้าเว็บไม่มีข้อมูลของข้อนี้ (มีเพียงหัวข้อหรือชื่อรายการ)",
        "The page holds no data for this item (only a heading or the item's title)",
        fix_th="เพิ่มเนื้อหาหรือลิงก์เอกสารของข้อนี้ลงในหน้าที่ส่ง",
        fix_en="Add this item's content, or links to its documents, to the submitted page",
    ),
    "*.offsite_unchecked": Text(
        "เนื้อหาอยู่บนเว็บไซต์อื่นที่ไม่ได้ตรวจ ต้องตรวจด้วยตนเอง",
        "The content is on another website that was not checked; check by hand",
        fix_th="ตรวจเนื้อหาบนเว็บไซต์อื่นด้วยตนเอง หรือย้ายมาไว้บนเว็บไซต์หลัก",
        fix_en="Check the content on the other website by hand, or move it onto the main website",
    ),
}


CheckFn = Callable[[CheckContext, Any], Sequence[Outcome]]


@dataclass(frozen=True, slots=True)
class CheckSpec:
    id: str
    scope: Scope
    params: type[Params]
    fn: CheckFn
    doc: str
    messages: Mapping[str, Text] = field(default_factory=dict)

    def run(self, ctx: CheckContext, params: Params) -> list[Outcome]:
        return list(self.fn(ctx, params))


def outcome(
    status_: FindingStatus,
    code_: str,
    /,
    *,
    url: str | None = None,
    evidence: str = "",
    floor: bool = False,
    **params: Any,
) -> Outcome:
    """Shorthand used by every check module (positional-only so any param name is free)."""
    return Outcome(status_, code_, params, url, str(evidence), floor=floor)


def passed(code_: str, /, **kw: Any) -> Outcome:
    return outcome(FindingStatus.PASS, code_, **kw)


def failed(code_: str, /, **kw: Any) -> Outcome:
    return outcome(FindingStatus.FAIL, code_, **kw)


def warned(code_: str, /, **kw: Any) -> Outcome:
    return outcome(FindingStatus.WARN, code_, **kw)


def manual(code_: str, /, **kw: Any) -> Outcome:
    return outcome(FindingStatus.MANUAL, code_, **kw)


def no_evidence(check: str, ctx: CheckContext) -> Outcome | None:
    """The shared answer of content rules when nothing readable was obtained.

    Unobtainable evidence (broken, too large, timed out) fails with the reason; evidence that
    exists but cannot be read by machine (scan, image, script-drawn page) is ``manual``. The
    stricter question — does what was obtained hold any data? — is ``has_data``'s, which runs
    before the content rules of every shipped checklist (see ``_floors``).
    """
    if ctx.readable:
        return None
    if ctx.unreadable:
        e = ctx.unreadable[0]
        return manual(
            f"{check}.unreadable",
            url=e.resource.url,
            reason=e.document.unreadable_reason or "unreadable",
        )
    broken = [e for e in ctx.evidence if not e.resource.ok]
    if broken:
        r = broken[0].resource
        links = " | ".join(e.resource.url for e in broken[:5])
        reason = r.error.value if r.error else f"http_{r.status}"
        return failed(
            f"{check}.no_evidence", url=r.url, reason=reason, status=r.status, links=links
        )
    return failed(f"{check}.no_evidence", reason="empty", links="-")


def substance(ctx: CheckContext) -> tuple[EvidenceDoc, ...]:
    """The evidence that carries the substance of a time rule.

    Agency pages echo the item's title ("รายงาน…ประจำปี พ.ศ. 2567") above a link to the real
    report, which may be for another year: when the evidence has documents (PDF, XLSX, DOCX),
    years and dates are judged on those; the page counts only when it holds the content.
    """
    files = tuple(e for e in ctx.obtained if e.document.kind is not DocKind.HTML)
    return tuple(e for e in files if e.document.readable) if files else ctx.readable


def readable_texts(
    ctx: CheckContext, pool: tuple[EvidenceDoc, ...] | None = None, *, drop_echo: bool = False
) -> list[tuple[EvidenceDoc, str]]:
    """(evidence, text incl. title and content link texts) for readable documents.

    ``drop_echo`` leaves out a page's lines that repeat the item title: agency pages put the
    title, year included, above whatever they link, so the heading proves no year.
    """
    from oit_checker.checks._floors import without_echo

    out = []
    for e in ctx.readable if pool is None else pool:
        d = e.document
        body = (
            without_echo(d.text, ctx.item_title) if drop_echo and d.kind is DocKind.HTML else d.text
        )
        parts = ["" if drop_echo and d.kind is DocKind.HTML else d.title, body]
        if d.kind is DocKind.HTML:
            parts.extend(link.text for link in d.links if not link.nav)
        out.append((e, "\n".join(p for p in parts if p)))
    return out


DAMAGED = ("crashed", "too_complex", "corrupt", "too_large_unzipped")


def damaged(e: EvidenceDoc) -> bool:
    """Unreadable because the file is broken or hostile, not because it is a picture."""
    return e.document.unreadable_reason.startswith(DAMAGED)


def not_found(check: str, ctx: CheckContext, code_: str, /, **params: Any) -> Outcome:
    """What a content rule answers when the readable evidence lacks what it looks for.

    ``fail`` only when the machine saw everything: if part of the evidence is unreadable (a
    scan) or sits on another host that the tool does not follow, the answer is ``manual``.
    Broken linked documents are named in the failure (``broken`` param).
    """
    broken = [e.resource.url for e in ctx.evidence if e.depth > 0 and not e.resource.ok]
    if broken and "broken" not in params:
        params["broken"] = len(broken)
    none = no_evidence(check, ctx)
    if none is not None:
        return none
    # A document that crashed its reader or was too complex to read is not a scan that might
    # hold the element: it never turns what the rest of the evidence decides into `manual`.
    open_questions = [e for e in ctx.unreadable if not damaged(e)]
    if open_questions:
        e = open_questions[0]
        return manual(
            f"{check}.unreadable",
            url=e.resource.url,
            reason=e.document.unreadable_reason or "unreadable",
            **params,
        )
    if ctx.offsite_links:
        link = ctx.offsite_links[0]
        return manual(f"{check}.offsite_unchecked", url=link.url, **params)
    return failed(code_, **params)
