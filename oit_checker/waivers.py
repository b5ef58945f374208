"""Waivers: known exceptions as data, visible in every report, never silently dropped.

A waivers file lists exceptions an agency has accepted for a while (a page under repair, a
rule the assessor has agreed does not apply)::

    waivers:
      - item: O10
        check: reachable                         # optional: any check of the item
        url: "https://www.example.go.th/eservice/*"   # optional glob on the finding's URL
        reason: ระบบ E-Service ปิดปรับปรุง
        expires: 2025-01-31

A matching ``fail`` or ``manual`` finding becomes ``warn`` and carries the waiver, so the item
no longer counts as failed but the report still shows what was waived and why. A waiver past
its expiry date stops applying and adds a ``waiver.expired`` warning to the item so that the
admin renews or removes it (ansible-lint's ignore file, with expiry). Pure: no I/O but loading.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from oit_checker.errors import InputError, raise_all, read_problem
from oit_checker.itemid import normalize_item_id
from oit_checker.messages import Text
from oit_checker.model import Finding, FindingStatus
from oit_checker.yamlmarks import Marked
from oit_checker.yamlmarks import parse as parse_yaml

KEYS = {"item", "check", "url", "reason", "expires"}

MESSAGES: dict[str, Text] = {
    "waiver.expired": Text(
        "ข้อยกเว้นหมดอายุเมื่อ {expires} จึงไม่ยกเว้นแล้ว: {reason}",
        "The waiver expired on {expires} and no longer applies: {reason}",
        fix_th="ต่ออายุข้อยกเว้นในไฟล์ waivers หรือแก้ปัญหาที่ยกเว้นไว้",
        fix_en="Renew the waiver in the waivers file, or fix what it waived",
    ),
}


class WaiverError(InputError):
    """A waivers file is invalid."""


@dataclass(frozen=True, slots=True)
class Waiver:
    item: str
    reason: str
    expires: dt.date
    check: str | None = None
    url: str | None = None
    line: int | None = None

    def matches(self, f: Finding) -> bool:
        if f.item != self.item or (self.check and f.check != self.check):
            return False
        return self.url is None or fnmatch.fnmatchcase(f.url or "", self.url)


def load_waivers(path: str | Path) -> tuple[Waiver, ...]:
    file = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        template, params = read_problem(exc)
        raise WaiverError(template, file=file, params=params) from exc
    except UnicodeDecodeError as exc:
        raise WaiverError(
            "not UTF-8 text: {detail}", file=file, params={"detail": exc.reason}
        ) from exc
    doc = parse_yaml(text, file, WaiverError)
    data = doc.data
    rows = data.get("waivers") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise WaiverError(
            "a waivers file is a mapping with a 'waivers' list", file=file, line=1, field="waivers"
        )
    out: list[Waiver] = []
    errors: list[InputError] = []
    for i, row in enumerate(rows):  # every bad row at once, not the first only
        try:
            out.append(_row(row, i, doc, file))
        except WaiverError as exc:
            errors.append(exc)
    raise_all(errors)
    return tuple(out)


def _row(row: Any, i: int, doc: Marked, file: str) -> Waiver:
    def err(msg: str, at: str | None = None, **params: Any) -> WaiverError:
        where: tuple[str | int, ...] = ("waivers", i, at) if at else ("waivers", i)
        return WaiverError(
            msg,
            file=file,
            line=doc.line(where),
            field=f"waivers[{i}]" + (f".{at}" if at else ""),
            params=params,
        )

    if not isinstance(row, dict):
        raise err("each waiver is a mapping with 'item', 'reason' and 'expires'")
    for key in row:
        if key not in KEYS:
            raise err("unknown key {key!r}", str(key), key=key)
    for key in ("item", "reason", "expires"):
        if not row.get(key):
            raise err("missing required key {key!r}", key, key=key)
    item = normalize_item_id(str(row["item"]))
    if item is None:
        raise err("{value!r} is not an item id such as O12", "item", value=row["item"])
    expires = row["expires"]
    if not isinstance(expires, dt.date):
        try:
            expires = dt.date.fromisoformat(str(expires))
        except ValueError:
            raise err("'expires' must be a date YYYY-MM-DD", "expires") from None
    return Waiver(
        item=item,
        reason=str(row["reason"]),
        expires=expires,
        check=str(row["check"]) if row.get("check") else None,
        url=str(row["url"]) if row.get("url") else None,
        line=doc.line(("waivers", i)),
    )


def apply(
    findings: tuple[Finding, ...], waivers: tuple[Waiver, ...], today: dt.date, item: str
) -> tuple[Finding, ...]:
    """Waive what matches a live waiver; say so when a matching waiver has expired."""
    mine = [w for w in waivers if w.item == item]
    if not mine:
        return findings
    out: list[Finding] = []
    expired_seen: set[int] = set()
    for f in findings:
        if f.status not in (FindingStatus.FAIL, FindingStatus.MANUAL):
            out.append(f)
            continue
        live = next((w for w in mine if w.matches(f) and w.expires >= today), None)
        if live is not None:
            out.append(
                replace(
                    f,
                    status=FindingStatus.WARN,
                    waived=live.reason,
                    waived_until=live.expires.isoformat(),
                )
            )
            continue
        out.append(f)
        for w in mine:
            if w.matches(f) and id(w) not in expired_seen:
                expired_seen.add(id(w))
                out.append(
                    Finding(
                        check="waiver",
                        item=item,
                        status=FindingStatus.WARN,
                        code="waiver.expired",
                        url=f.url,
                        evidence=w.reason,
                        params={"reason": w.reason, "expires": w.expires.isoformat()},
                    )
                )
    return tuple(out)
