"""Pure scoring: findings → item status and score → indicators → OIT, with a min–max range.

Arithmetic confirmed on the seeds (ITA-NOTES §1.2): an item scores 100 or 0; an indicator is
the weighted mean of its items (weights from the checklist; equal weights make it the plain
mean that reproduces 2567); OIT is the plain mean of indicators 9 and 10. An item that is
``manual`` counts 0 in ``score`` and 100 in ``score_max``, so the report always shows the range
an assessor's reading could still move the result within; so does ``risk`` (an inferred rule
failed: the assessor who applies it gives 0). ``missing`` counts 0 in both.
"""

from __future__ import annotations

import datetime as dt

from oit_checker.checklist.model import Checklist, Item
from oit_checker.model import (
    Finding,
    FindingStatus,
    IndicatorResult,
    ItemResult,
    ItemStatus,
    Report,
)

FULL = 100.0


def item_status(urls: tuple[str, ...], findings: tuple[Finding, ...]) -> ItemStatus:
    if not urls:
        return ItemStatus.MISSING
    statuses = {f.status for f in findings}
    if FindingStatus.FAIL in statuses:
        return ItemStatus.FAIL
    if any(f.downgraded and not f.waived for f in findings):
        return ItemStatus.RISK
    if FindingStatus.MANUAL in statuses:
        return ItemStatus.MANUAL
    return ItemStatus.PASS


def item_result(item: Item, urls: tuple[str, ...], findings: tuple[Finding, ...]) -> ItemResult:
    status = item_status(urls, findings)
    score = FULL if status is ItemStatus.PASS else 0.0
    score_max = FULL if status in (ItemStatus.PASS, ItemStatus.RISK, ItemStatus.MANUAL) else 0.0
    return ItemResult(
        id=item.id,
        indicator=item.indicator,
        title=item.title,
        title_en=item.title_en,
        weight=item.weight,
        status=status,
        score=score,
        score_max=score_max,
        urls=urls,
        findings=findings,
    )


def _weighted(items: list[ItemResult], attr: str) -> float:
    total = sum(i.weight for i in items)
    if total <= 0:
        return 0.0
    return round(sum(i.weight * float(getattr(i, attr)) for i in items) / total, 2)


def build_report(
    checklist: Checklist,
    results: list[ItemResult],
    *,
    tool_version: str,
    agency: str,
    main_site: str,
    checked_at: dt.datetime,
    today: dt.date,
    stats: tuple[tuple[str, float], ...] = (),
    rewrites: tuple[tuple[str, str], ...] = (),
) -> Report:
    indicators = []
    for ind in checklist.indicators:
        mine = [r for r in results if r.indicator == ind.id]
        if not mine:
            continue
        indicators.append(
            IndicatorResult(
                ind.id,
                ind.title,
                _weighted(mine, "score"),
                _weighted(mine, "score_max"),
                ind.title_en,
            )
        )
    n = len(indicators) or 1
    oit = round(sum(i.score for i in indicators) / n, 2)
    oit_max = round(sum(i.score_max for i in indicators) / n, 2)
    return Report(
        tool_version=tool_version,
        checklist_id=checklist.id,
        checklist_year=checklist.year,
        agency=agency,
        main_site=main_site,
        checked_at=checked_at,
        today=today,
        items=tuple(results),
        indicators=tuple(indicators),
        oit_score=oit,
        oit_score_max=oit_max,
        stats=stats,
        rewrites=rewrites,
    )


ORDER = (ItemStatus.FAIL, ItemStatus.RISK, ItemStatus.MISSING, ItemStatus.MANUAL, ItemStatus.PASS)


def at_stake(report: Report) -> dict[str, float]:
    """OIT points each item would add if it reached full marks (what fixing it is worth):
    its share of its indicator (weights) times the indicator's share of OIT."""
    by_ind: dict[int, float] = {}
    for i in report.items:
        by_ind[i.indicator] = by_ind.get(i.indicator, 0.0) + i.weight
    n = len(report.indicators) or 1
    return {
        i.id: round((FULL - i.score) * i.weight / by_ind[i.indicator] / n, 2)
        if by_ind.get(i.indicator)
        else 0.0
        for i in report.items
    }


def worst_first(report: Report) -> list[ItemResult]:
    """Items in the order an admin fixes them: fail, risk, missing, manual, pass; within a
    status, most OIT points at stake first, then checklist order."""
    stake = at_stake(report)
    rank = {s: n for n, s in enumerate(ORDER)}
    pos = {i.id: n for n, i in enumerate(report.items)}
    return sorted(report.items, key=lambda i: (rank[i.status], -stake[i.id], pos[i.id]))
