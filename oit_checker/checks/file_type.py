"""``file_type``: the evidence includes a document of an accepted format.

Some items are judged on a particular format: the NACC procurement form of 2568 O12/O13 is an
Excel workbook, so a PDF print of it does not carry the required sheets. ``kinds`` lists the
accepted formats (``html``, ``pdf``, ``xlsx``, ``docx``, ``image``…); with ``where: submitted``
the submitted URL itself must be of such a format, otherwise any document of the evidence
counts. The format is read from the bytes, not trusted from the file name.
"""

from __future__ import annotations

from typing import Literal

from oit_checker.checks._base import CheckContext, Scope, failed, passed
from oit_checker.messages import Text
from oit_checker.model import DocKind, Outcome
from oit_checker.params import Params


class FileTypeParams(Params):
    kinds: tuple[DocKind, ...]
    where: Literal["submitted", "evidence"] = "evidence"


SCOPE: Scope = "item"
PARAMS = FileTypeParams
MESSAGES: dict[str, Text] = {
    "file_type.ok": Text("พบไฟล์รูปแบบ {kind}", "Found a {kind} file"),
    "file_type.wrong": Text(
        "ไม่พบไฟล์รูปแบบที่กำหนด ({wanted}) พบเพียง {found}",
        "No file of the required format ({wanted}); found only {found}",
        fix_th="เผยแพร่ไฟล์รูปแบบ {wanted} แล้วลิงก์จากหน้าที่ส่ง",
        fix_en="Publish a {wanted} file and link it from the submitted page",
    ),
}


def check(ctx: CheckContext, params: FileTypeParams) -> list[Outcome]:
    pool = ctx.submitted if params.where == "submitted" else ctx.evidence
    obtained = [e for e in pool if e.resource.ok]
    wanted = ", ".join(k.value for k in params.kinds)
    match = next((e for e in obtained if e.document.kind in params.kinds), None)
    if match is not None:
        return [
            passed(
                "file_type.ok",
                url=match.resource.url,
                kind=match.document.kind.value,
                wanted=wanted,
            )
        ]
    found = sorted({e.document.kind.value for e in obtained}) or ["-"]
    return [
        failed("file_type.wrong", wanted=wanted, found=", ".join(found), evidence=", ".join(found))
    ]
