"""``file_type``: the evidence includes a document of an accepted format.

Some items are judged on a particular format: the NACC procurement form of 2568 O12/O13 is an
Excel workbook, so a PDF print of it does not carry the required sheets. ``kinds`` lists the
accepted formats (``html``, ``pdf``, ``xlsx``, ``docx``, ``image``…); with ``where: submitted``
the submitted URL itself must be of such a format, otherwise any document of the evidence
counts. The format is read from the bytes, not trusted from the file name.
"""

from __future__ import annotations

from typing import Literal

from oit_checker.checks._base import CheckContext, Params, failed, passed
from oit_checker.model import DocKind, Outcome


class FileTypeParams(Params):
    kinds: tuple[DocKind, ...]
    where: Literal["submitted", "evidence"] = "evidence"


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
