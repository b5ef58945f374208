"""``has_data``: the submitted URL leads to this item's data at all (the confirmed floor).

ITA-NOTES and S17: the assessor follows the submitted URL to the item's data on the main
website, and indicators 9 and 10 assess current data of the agency. A page that says only
"อยู่ระหว่างปรับปรุงข้อมูล" or "coming soon", a page that is only a heading (or the item's own
title echoed), a page whose download buttons are ``#`` or ``javascript:``, and a page whose only
documents cannot be obtained (dead, too large, timed out) all score 0, whatever the item's other
rules say. The evidence holds data when a linked document has text or sheets, or when a
submitted page still says something once the echoed title, the item id, link labels and
placeholder notices are left out. Scans and script-drawn pages are ``manual``; so is content
linked on another host that the tool does not follow. In every shipped checklist this rule is a
default of every item; when it fails, the item's content rules are not run (nothing to judge).
"""

from __future__ import annotations

from oit_checker.checks._base import CheckContext, Scope, passed
from oit_checker.checks._floors import data_floor
from oit_checker.messages import Text
from oit_checker.model import Outcome
from oit_checker.params import Params


class HasDataParams(Params):
    """No parameters: the floor is the same for every item."""


SCOPE: Scope = "item"
PARAMS = HasDataParams
MESSAGES: dict[str, Text] = {
    "has_data.ok": Text("มีข้อมูลของข้อนี้ให้ตรวจ", "The evidence holds data for this item"),
}


def check(ctx: CheckContext, params: HasDataParams) -> list[Outcome]:
    floor = data_floor("has_data", ctx)
    if floor is not None:
        return [floor]
    return [passed("has_data.ok")]
