"""``not_soft_404``: a page that answers 200 but says "not found" or asks for a login.

Content-management systems often answer a deleted page with HTTP 200 and a "ไม่พบหน้าที่คุณ
ต้องการ" template, and some sites put ITA documents behind a member login. An assessor sees no
data either way, so a submitted HTML page whose title or short body says not-found
(``ไม่พบหน้า``, ``404``, ``page not found``…) is a ``fail``. A page that shows a login form with
little else is ``manual`` with the reason (DESIGN: content behind a login cannot be read by
machine — the admin must make it public or check what the assessor sees). Long pages that merely
mention "404" somewhere are not judged soft 404s.
"""

from __future__ import annotations

import re

from oit_checker.checks._base import CheckContext, Scope, failed, manual, passed
from oit_checker.messages import Text
from oit_checker.model import DocKind, Outcome
from oit_checker.params import Params
from oit_checker.thaitext import match_key

NOT_FOUND = (
    "ไม่พบหน้า",
    "ไม่พบข้อมูลที่ท่านต้องการ",
    "ไม่พบเพจ",
    "ไม่พบหน้าเว็บ",
    "pagenotfound",
    "404notfound",
    "notfound",
    "error404",
    "ขออภัยไม่พบ",
    "หน้านี้ไม่มีอยู่",
    "ไม่มีหน้านี้",
    "thepageyourequested",
    "filenotfound",
)
LOGIN = (
    "กรุณาเข้าสู่ระบบ",
    "โปรดเข้าสู่ระบบ",
    "เข้าสู่ระบบเพื่อดำเนินการต่อ",
    "pleaselogin",
    "pleasesignin",
    "loginrequired",
    "youmustbeloggedin",
    "สำหรับสมาชิกเท่านั้น",
)


class NotSoft404Params(Params):
    """``max_chars``: pages with more visible text than this are never judged soft 404s."""

    max_chars: int = 1500
    extra_phrases: tuple[str, ...] = ()


SCOPE: Scope = "url"
PARAMS = NotSoft404Params
MESSAGES: dict[str, Text] = {
    "not_soft_404.ok": Text("หน้าเว็บมีเนื้อหา", "The page has content"),
    "not_soft_404.not_found": Text(
        "หน้าเว็บแจ้งว่าไม่พบหน้า (soft 404) แม้ตอบ HTTP 200",
        "The page says 'not found' (soft 404) although it answers HTTP 200",
        fix_th="แก้หน้าให้แสดงข้อมูลของข้อนี้ หรือส่ง URL ของหน้าที่มีข้อมูลจริง",
        fix_en="Make the page show this item's data, or submit the URL of the page that has it",
    ),
    "not_soft_404.login_wall": Text(
        "หน้าเว็บต้องเข้าสู่ระบบก่อน ผู้ประเมินจะไม่เห็นข้อมูล",
        "The page requires a login; the assessor will not see the data",
        fix_th="เปิดให้ดูข้อมูลได้โดยไม่ต้องเข้าสู่ระบบ",
        fix_en="Let anyone see the data without logging in",
    ),
}


def check(ctx: CheckContext, params: NotSoft404Params) -> list[Outcome]:
    out: list[Outcome] = []
    for e in ctx.submitted:
        d = e.document
        if not e.resource.ok or d.kind is not DocKind.HTML:
            continue
        title = match_key(d.title)
        short = len(d.text) <= params.max_chars
        body = match_key(d.text) if short else ""
        phrases = NOT_FOUND + tuple(match_key(p) for p in params.extra_phrases)
        hit = next((p for p in phrases if p in title or p in body), None)
        if hit is None and short and re.search(r"(?<!\d)404(?!\d)", d.title + " " + d.text[:300]):
            hit = "404"
        if hit is not None:
            out.append(
                failed(
                    "not_soft_404.not_found",
                    url=e.resource.url,
                    phrase=hit,
                    evidence=(d.title or d.text[:120]),
                )
            )
            continue
        login = next((p for p in LOGIN if p in title or p in body), None)
        if (d.has_password_form and short) or login is not None:
            out.append(
                manual(
                    "not_soft_404.login_wall",
                    url=e.resource.url,
                    evidence=(d.title or d.text[:120]),
                )
            )
            continue
        out.append(passed("not_soft_404.ok", url=e.resource.url))
    return out
