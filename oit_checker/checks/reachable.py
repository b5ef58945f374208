"""``reachable``: every submitted URL must open.

The assessor clicks each submitted URL; one that does not open (DNS failure, refused
connection, time-out, HTTP 4xx/5xx, redirect loop, more than the redirect limit, a body over the
size cap) scores the item zero, so each is a ``fail`` naming the error. A certificate that does
not verify is a ``warn``: the page was fetched again without verification so its other checks
still ran, but a browser will show the assessor a warning first. Linked documents that cannot
be obtained are reported as ``warn`` here (their absence fails the content rules, with the
reason, where it matters).
"""

from __future__ import annotations

from oit_checker.checks._base import CheckContext, Scope, failed, passed, warned
from oit_checker.messages import Text
from oit_checker.model import Outcome, Resource
from oit_checker.params import Params


class ReachableParams(Params):
    """``tls_invalid``: how to treat an invalid certificate (``warn`` by default)."""

    tls_invalid: str = "warn"
    report_broken_links: bool = True


def _reason(r: Resource) -> str:
    if r.error is not None:
        return r.error.value
    return f"http_{r.status}"


SCOPE: Scope = "url"
PARAMS = ReachableParams
MESSAGES: dict[str, Text] = {
    "reachable.ok": Text("เปิดได้ (HTTP {status})", "Opens (HTTP {status})"),
    "reachable.broken": Text(
        "เปิด URL ไม่ได้: {reason_text}",
        "The URL does not open: {reason_text}",
        fix_th="แก้ให้ URL เปิดได้ (หน้า/ไฟล์ยังอยู่ และเปิดได้โดยไม่ต้องเข้าสู่ระบบ) แล้วส่ง URL ที่เปิดได้",
        fix_en="Make the URL open (the page or file still exists and needs no login), then submit the working URL",
        by_reason=True,
    ),
    "reachable.tls_invalid": Text(
        "ใบรับรอง HTTPS ไม่ถูกต้อง เบราว์เซอร์ของผู้ประเมินจะแสดงคำเตือน ({detail})",
        "Invalid HTTPS certificate; the assessor's browser will warn ({detail})",
        fix_th="ต่ออายุหรือติดตั้งใบรับรอง HTTPS ของเว็บไซต์ให้ถูกต้อง",
        fix_en="Renew or install a valid HTTPS certificate for the website",
    ),
    "reachable.broken_link": Text(
        "เอกสารที่ลิงก์ไว้เปิดไม่ได้: {reason_text}",
        "A linked document does not open: {reason_text}",
        fix_th="แก้ลิงก์เอกสารที่เปิดไม่ได้ หรืออัปโหลดไฟล์ใหม่แล้วแก้ลิงก์ในหน้าที่ส่ง",
        fix_en="Fix the broken document link, or upload the file again and update the link on the submitted page",
        by_reason=True,
    ),
}


def check(ctx: CheckContext, params: ReachableParams) -> list[Outcome]:
    out: list[Outcome] = []
    for e in ctx.submitted:
        r = e.resource
        if not r.ok:
            out.append(
                failed(
                    "reachable.broken",
                    url=r.url,
                    reason=_reason(r),
                    status=r.status,
                    detail=r.error_detail,
                    evidence=r.error_detail or f"HTTP {r.status}",
                )
            )
            continue
        if r.tls_error:
            make = failed if params.tls_invalid == "fail" else warned
            out.append(
                make("reachable.tls_invalid", url=r.url, detail=r.tls_error, evidence=r.tls_error)
            )
        out.append(
            passed(
                "reachable.ok",
                url=r.url,
                status=r.status,
                evidence=f"HTTP {r.status}, {r.size} bytes, {r.elapsed_s:.2f} s",
            )
        )
    if params.report_broken_links:
        for e in ctx.evidence:
            if e.depth > 0 and not e.resource.ok:
                out.append(
                    warned(
                        "reachable.broken_link",
                        url=e.resource.url,
                        reason=_reason(e.resource),
                        status=e.resource.status,
                        parent=e.submitted,
                    )
                )
    return out
