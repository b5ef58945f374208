"""The confirmed core under every content rule: does the evidence hold any data at all?

ITA-NOTES (and S17): indicators 9 and 10 assess *current* data of *this* agency, reached
through the submitted URL on the main website. Whatever an item's own inferred details, an
assessor scores 0 when the URL leads to no data. So, before any element, year or date is
judged, the evidence must hold data:

* a linked document (PDF, workbook, DOCX, a same-site page) with text or sheets of its own, or
* a submitted page whose *own* text — its lines without the echoed item title (or a close
  variant of it), the item id, link labels ("ดาวน์โหลด", the file names of its links) and
  placeholder notices ("อยู่ระหว่างปรับปรุงข้อมูล", "coming soon") — still says something.

When nothing holds data the answer is a floor failure, named by what was found instead: the
linked documents could not be obtained (dead, too large, timed out: the links are named), the
links lead nowhere (``#``, ``javascript:``), the page is a placeholder, or it is empty. A scan or
a script-drawn page is ``manual`` (a machine cannot tell), as is content on another host that
the tool does not follow. Pure: no I/O.
"""

from __future__ import annotations

import difflib
import re

from oit_checker.checks._base import CheckContext, failed, manual
from oit_checker.model import DocKind, EvidenceDoc, Outcome
from oit_checker.thaitext import match_key
from oit_checker.urls import is_same_site

MIN_OWN_LETTERS = 8  # consonants/latin/digits left on the page once echo and labels are gone
MIN_DOC_LETTERS = 10
_PLACEHOLDER = re.compile(
    r"อยู่ระหว่าง(?:การ)?(?:ปรับปรุง|ดำเนินการ|จัดทำ|รวบรวม|อัปเดต|อัพเดท)(?:ข้อมูล|เว็บไซต์|หน้าเว็บ)?|"
    r"(?:กำลัง|ปิด|รอ(?:การ)?)ปรับปรุง(?:ข้อมูล|ระบบ|เว็บไซต์)?|ยังไม่มีข้อมูล|ไม่มีข้อมูล|ไม่พบข้อมูล|"
    r"ไม่มีรายการ|เร็วๆนี้|comingsoon|underconstruction|undermaintenance|nodata(?:available)?|"
    r"(?:page|content)(?:is)?(?:being)?updat(?:ed|ing)|tobeannounced"
)
_LABEL = re.compile(
    r"ดาวน์โหลด(?:เอกสาร|ไฟล์)?|คลิก(?:ที่นี่|ดู)?|ดูรายละเอียด|รายละเอียด|อ่านต่อ|เปิด(?:ไฟล์|ดู)?|"
    r"download|clickhere|click|readmore|view|more|pdf|docx?|xlsx?|ไฟล์แนบ|เอกสารแนบ|ที่นี่"
)
_ITEM_ID = re.compile(r"(?<![a-z])(?:ข้อ)?(?:oit|o)[-.:]?0*\d{1,3}(?!\d)")
_LETTER = re.compile(r"[ก-ฮa-z0-9]")
_DIGIT = re.compile(r"[0-9๐-๙]")


def letters(key: str) -> int:
    return len(_LETTER.findall(key))


def _echo(line_key: str, title_key: str) -> bool:
    """The line repeats the item title (agencies add "พ.ศ.", years, the id or small changes).

    Years, digits and "พ.ศ." are left out of both; the line is an echo when what it says beyond
    the title — the letters that do not line up with the title — is almost nothing.
    """
    if not title_key or not line_key:
        return False
    bare = re.sub(r"\d+|พ\.?ศ\.?", "", line_key)
    title = re.sub(r"\d+|พ\.?ศ\.?", "", title_key)
    if not bare or not title:
        return False
    if bare in title:
        return True
    if len(bare) > 2 * len(title) + 10:  # far longer than the title: says more than it
        return False
    blocks = difflib.SequenceMatcher(None, bare, title, autojunk=False).get_matching_blocks()
    matched = sum(b.size for b in blocks if b.size >= 3)
    if matched < min(len(title), len(bare)) * 0.6:
        return False
    rest = list(bare)
    for blk in blocks:
        if blk.size >= 3:
            rest[blk.a : blk.a + blk.size] = [""] * blk.size
    return letters("".join(rest)) < 6


ECHO_LINES = 200  # the echoed heading sits at the top of the page


def without_echo(text: str, item_title: str) -> str:
    """``text`` without the lines near its top that repeat the item title with a year.

    Only lines carrying a digit can prove a year, and the echoed heading sits at the top, so
    only those are compared with the title (cheap on a page of 100 000 lines).
    """
    title_key = match_key(item_title)
    lines = text.split("\n")
    head = [
        line
        for line in lines[:ECHO_LINES]
        if not (_DIGIT.search(line) and _echo(_ITEM_ID.sub("", match_key(line)), title_key))
    ]
    return "\n".join(head + lines[ECHO_LINES:])


def own_key(e: EvidenceDoc, item_title: str, enough: int | None = None) -> str:
    """A page's own words as a match key: echo, ids, link labels and placeholders left out.

    With ``enough``, stops as soon as that many letters are found (a long page holds data; no
    need to read all of it).
    """
    d = e.document
    title_key = match_key(item_title)
    labels = {match_key(link.text) for link in d.links if not link.nav and link.text}
    labels |= {match_key(t) for t in d.dead_links}
    long_labels = sorted((lb for lb in labels if len(lb) >= 4), key=len, reverse=True)
    kept: list[str] = []
    found = 0
    for line in d.text.split("\n"):
        key = _ITEM_ID.sub("", match_key(line))
        if not key or key in labels or _echo(key, title_key):
            continue
        for label in long_labels:
            if label in key:
                key = key.replace(label, "")
        key = _LABEL.sub("", _PLACEHOLDER.sub("", key))
        kept.append(key)
        found += letters(key)
        if enough is not None and found >= enough:
            break
    return "".join(kept)


def holds_data(e: EvidenceDoc, item_title: str) -> bool:
    d = e.document
    if not (e.resource.ok and d.readable) or d.kind is DocKind.NONE:
        return False
    if d.kind is not DocKind.HTML:
        return bool(d.sheets) or letters(match_key(d.text)) >= MIN_DOC_LETTERS
    return letters(own_key(e, item_title, MIN_OWN_LETTERS)) >= MIN_OWN_LETTERS


def data_floor(check: str, ctx: CheckContext) -> Outcome | None:
    """None when some evidence holds data; else why not (a floor ``fail``, or ``manual``)."""
    if any(holds_data(e, ctx.item_title) for e in ctx.evidence):
        return None
    if ctx.unreadable:
        e = ctx.unreadable[0]
        reason = e.document.unreadable_reason or "unreadable"
        return manual(f"{check}.unreadable", url=e.resource.url, reason=reason)
    away = [
        e.resource.final_url
        for e in ctx.evidence
        if e.depth > 0 and e.resource.ok and not is_same_site(e.resource.final_url, ctx.main_site)
    ]  # linked documents that redirect to another host (not followed)
    if ctx.offsite_links or away:
        url = ctx.offsite_links[0].url if ctx.offsite_links else away[0]
        return manual(f"{check}.offsite_unchecked", url=url)
    broken = [e for e in ctx.evidence if e.depth > 0 and not e.resource.ok]
    if broken:
        r = broken[0].resource
        reason = r.error.value if r.error else f"http_{r.status}"
        links = " | ".join(e.resource.url for e in broken[:5])
        return failed(
            f"{check}.no_evidence",
            floor=True,
            url=r.url,
            reason=reason,
            status=r.status,
            links=links,
            evidence=links,
        )
    pages = [e for e in ctx.submitted if e.resource.ok]
    dead = [t for e in pages for t in e.document.dead_links]
    page = pages[0].resource.url if pages else ctx.submitted_url
    if dead:
        shown = ", ".join(dict.fromkeys(dead[:5]))
        return failed(f"{check}.links_nowhere", floor=True, url=page, links=shown, evidence=shown)
    notice = next(
        (m.group(0) for e in pages for m in [_PLACEHOLDER.search(match_key(e.document.text))] if m),
        None,
    )
    if notice:
        return failed(f"{check}.placeholder", floor=True, url=page, notice=notice, evidence=notice)
    return failed(f"{check}.empty", floor=True, url=page)
