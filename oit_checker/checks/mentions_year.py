"""``mentions_year``: the evidence names the fiscal year the item is about.

Titles of the 2568 items carry their year ("รายงานผลการดำเนินงานประจำปี พ.ศ. 2567"): a report
for the wrong year scores zero (ITA-NOTES §1.3; seed 001 lost O7 and O28). ``year`` is a BE year
or an expression relative to the checklist's year (``fy``, ``fy-1``). With ``allow_range`` a
period such as "2566–2570" that covers the year counts (multi-year plans). Years are searched in
text, titles, link texts and URLs, with Thai digits; the finding lists the years that were
found instead when the right one is missing. When the evidence has documents, the year is
judged on them, not on the page heading that echoes the item title (lines that repeat the
title are never evidence of its year).

Confirmed floor: the evidence must be current (ITA-NOTES: indicators 9 and 10 assess current
data). When every year it names is before FY−1 (a 2565 plan and a 2564 report for ITA 2568),
the item fails whatever the rule's confidence (``mentions_year.missing`` marked as a floor, ``stale: true``); the exact year missing
while a neighbouring one is there (FY−1 where FY was expected) is the rule's detail: ``fail``
where the rule is confirmed, ``risk`` where it is inferred.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from urllib.parse import unquote

from oit_checker.checks._base import (
    CheckContext,
    Scope,
    not_found,
    passed,
    readable_texts,
    substance,
)
from oit_checker.messages import Text
from oit_checker.model import Outcome
from oit_checker.params import Params, YearRef, resolve_year
from oit_checker.thaidate import find_years
from oit_checker.thaitext import normalize


class MentionsYearParams(Params):
    year: YearRef = "fy"
    allow_range: bool = False


SCOPE: Scope = "item"
PARAMS = MentionsYearParams
MESSAGES: dict[str, Text] = {
    "mentions_year.ok": Text("ระบุปี พ.ศ. {year}", "States the year {year} (BE)"),
    "mentions_year.missing": Text(
        "ไม่พบการระบุปี พ.ศ. {year} (พบปี {found})",
        "Does not state the year {year} (BE); found {found}",
        fix_th="อัปโหลดเอกสารของปี พ.ศ. {year} แทนฉบับเดิม แล้วส่ง URL ของไฟล์ใหม่",
        fix_en="Upload the document for {year} (BE) instead, then submit the URL of the new file",
    ),
}


def check(ctx: CheckContext, params: MentionsYearParams) -> list[Outcome]:
    want = resolve_year(params.year, ctx.fiscal_year)
    seen: Counter[int] = Counter()
    for e, text in readable_texts(ctx, substance(ctx), drop_echo=True):
        # the texts are extraction's, normalised once; only the file name is normalised here
        haystack = text + "\n" + normalize(unquote(e.resource.url.rsplit("/", 1)[-1]))
        for first, last, raw in find_years(haystack, normalized=True):
            if first == last == want or (params.allow_range and first <= want <= last):
                return [passed("mentions_year.ok", url=e.resource.url, year=want, evidence=raw)]
            seen[first] += 1
            if last != first:
                seen[last] += 1
    others = ", ".join(str(y) for y, _ in seen.most_common(5))
    judged = substance(ctx) or ctx.readable
    where = judged[0].resource.url if judged else None
    out = not_found("mentions_year", ctx, "mentions_year.missing", year=want, found=others or "-")
    # Floor: every year named is before FY−1 — not current data under any reading.
    stale = bool(seen) and max(seen) < ctx.fiscal_year - 1 and out.code == "mentions_year.missing"
    return [replace(out, url=out.url or where, floor=stale, params={**out.params, "stale": stale})]
