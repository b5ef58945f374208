"""Pure gate: Report + policy → verdict and reasons. The CLI maps the verdict to exit 0/1.

``--fail-under`` judges the pessimistic OIT score (manual items count 0) so a gate never
passes on hope; ``--require`` lists items that must pass.
"""

from __future__ import annotations

from dataclasses import dataclass

from oit_checker.model import ItemStatus, Report


@dataclass(frozen=True, slots=True)
class Policy:
    fail_under: float | None = None
    require: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Verdict:
    ok: bool
    reasons: tuple[str, ...]


def judge(report: Report, policy: Policy) -> Verdict:
    reasons: list[str] = []
    if policy.fail_under is not None and report.oit_score < policy.fail_under:
        reasons.append(f"OIT {report.oit_score:.2f} < {policy.fail_under:.2f}")
    by_id = {i.id: i for i in report.items}
    for item_id in policy.require:
        item = by_id.get(item_id)
        if item is None or item.status is not ItemStatus.PASS:
            state = item.status.value if item else "absent"
            reasons.append(f"{item_id} is {state}")
    return Verdict(ok=not reasons, reasons=tuple(reasons))
