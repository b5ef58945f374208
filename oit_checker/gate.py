"""Pure gate: Report (+ baseline) + policy → verdict, reasons and the exit code.

Every exit code of the command line is named here (:class:`Exit`, DESIGN "Command line"), so a
command returns ``Exit.OK`` or ``verdict.exit_code``, never a bare number.

* ``fail_under`` judges the pessimistic OIT score (manual items count 0), so a gate never
  passes on hope; ``fail_under_max`` judges the optimistic one.
* ``require`` lists items that must pass; ``max_manual`` bounds the items left to a person;
  ``max_risk`` bounds the items an assessor applying an inferred rule would score 0.
* With a baseline report, an item that passed there and fails now is a regression; the
  comparison also lists fixed and persisting failures for the output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

from oit_checker.model import ItemStatus, NightSummary, Report


class Exit(IntEnum):
    """The exit codes of DESIGN "Command line"."""

    OK = 0  # ran, and every gate held
    GATE = 1  # ran, and a gate failed
    INPUT = 2  # bad input or usage (file, line and field named)
    INTERNAL = 3  # an unexpected internal error (a bug): never 1, which means "gate failed"
    INTERRUPTED = 130  # Ctrl-C


@dataclass(frozen=True, slots=True)
class Policy:
    fail_under: float | None = None
    fail_under_max: float | None = None
    require: tuple[str, ...] = ()
    max_manual: int | None = None
    max_risk: int | None = None


@dataclass(frozen=True, slots=True)
class Comparison:
    new_failures: tuple[str, ...] = ()
    fixed: tuple[str, ...] = ()
    persisting: tuple[str, ...] = ()
    score_change: float = 0.0


Reason = tuple[str, tuple[tuple[str, object], ...]]  # English template (the id), params

# Thai texts of the gate's reasons (the English template is the id, as for input errors)
REASONS_TH = {
    "OIT {score} < {bar}": "คะแนน OIT {score} ต่ำกว่า {bar}",
    "OIT (max) {score} < {bar}": "คะแนน OIT สูงสุดที่เป็นไปได้ {score} ต่ำกว่า {bar}",
    "{item} is {state}": "ข้อ {item} {state}",
    "{n} manual items > {bar}: {items}": "ข้อที่ต้องตรวจเอง {n} ข้อ เกิน {bar}: {items}",
    "{n} risk items > {bar}: {items}": "ข้อเสี่ยง {n} ข้อ เกิน {bar}: {items}",
    "new failures since the baseline: {items}": "ข้อที่ไม่ผ่านใหม่เมื่อเทียบกับรายงานก่อนหน้า: {items}",
    "below {bar}: {agencies}": "หน่วยงานที่ได้คะแนนต่ำกว่า {bar}: {agencies}",
}


def _reason(template: str, **params: object) -> Reason:
    return template, tuple(params.items())


@dataclass(frozen=True, slots=True)
class Verdict:
    ok: bool
    found: tuple[Reason, ...]
    comparison: Comparison | None = field(default=None)

    @property
    def reasons(self) -> tuple[str, ...]:
        """The reasons in English (logs, tests); :meth:`lines` gives them in a language."""
        return self.lines("en")

    def lines(self, lang: str = "th") -> tuple[str, ...]:
        from oit_checker.i18n import status_label

        out = []
        for template, params in self.found:
            values = dict(params)
            if lang == "th":
                template = REASONS_TH.get(template, template)
                if "state" in values:
                    state = str(values["state"])
                    values["state"] = (
                        "ไม่มีในรายงาน" if state == "absent" else (status_label(state, "th"))
                    )
            out.append(template.format(**values))
        return tuple(out)

    @property
    def exit_code(self) -> Exit:
        return Exit.OK if self.ok else Exit.GATE


LOSING = frozenset({ItemStatus.FAIL, ItemStatus.RISK})  # the assessor (may) score it 0


def compare(report: Report, baseline: Report) -> Comparison:
    """Item-level changes since ``baseline`` (items matched by id).

    ``fail`` and ``risk`` both lose the item's points: an item that passed and is now either is
    a new failure; ``risk`` → ``fail`` is new too (a confirmed rule now fails). Baselines
    written before ``risk`` existed load unchanged (their items are pass/fail/manual/missing).
    """
    before = {i.id: i.status for i in baseline.items}
    new: list[str] = []
    fixed: list[str] = []
    persisting: list[str] = []
    for item in report.items:
        was = before.get(item.id)
        if item.status in LOSING:
            worse = was not in LOSING or (was is ItemStatus.RISK and item.status is ItemStatus.FAIL)
            (new if worse else persisting).append(item.id)
        elif was in LOSING and item.status is ItemStatus.PASS:
            fixed.append(item.id)
    return Comparison(
        tuple(new), tuple(fixed), tuple(persisting), round(report.oit_score - baseline.oit_score, 2)
    )


def judge(report: Report, policy: Policy, baseline: Report | None = None) -> Verdict:
    reasons: list[Reason] = []
    if policy.fail_under is not None and report.oit_score < policy.fail_under:
        reasons.append(
            _reason(
                "OIT {score} < {bar}",
                score=f"{report.oit_score:.2f}",
                bar=f"{policy.fail_under:.2f}",
            )
        )
    if policy.fail_under_max is not None and report.oit_score_max < policy.fail_under_max:
        reasons.append(
            _reason(
                "OIT (max) {score} < {bar}",
                score=f"{report.oit_score_max:.2f}",
                bar=f"{policy.fail_under_max:.2f}",
            )
        )
    by_id = {i.id: i for i in report.items}
    for item_id in policy.require:
        item = by_id.get(item_id)
        if item is None or item.status is not ItemStatus.PASS:
            state = item.status.value if item else "absent"
            reasons.append(_reason("{item} is {state}", item=item_id, state=state))
    if policy.max_manual is not None:
        manual = [i.id for i in report.items if i.status is ItemStatus.MANUAL]
        if len(manual) > policy.max_manual:
            reasons.append(
                _reason(
                    "{n} manual items > {bar}: {items}",
                    n=len(manual),
                    bar=policy.max_manual,
                    items=", ".join(manual),
                )
            )
    if policy.max_risk is not None:
        risky = [i.id for i in report.items if i.status is ItemStatus.RISK]
        if len(risky) > policy.max_risk:
            reasons.append(
                _reason(
                    "{n} risk items > {bar}: {items}",
                    n=len(risky),
                    bar=policy.max_risk,
                    items=", ".join(risky),
                )
            )
    comparison = compare(report, baseline) if baseline is not None else None
    if comparison and comparison.new_failures:
        reasons.append(
            _reason(
                "new failures since the baseline: {items}",
                items=", ".join(comparison.new_failures),
            )
        )
    return Verdict(ok=not reasons, found=tuple(reasons), comparison=comparison)


def judge_night(night: NightSummary, fail_under: float | None) -> Verdict:
    """``nightly --fail-under``: every agency's pessimistic OIT score must reach the bar."""
    if fail_under is None:
        return Verdict(ok=True, found=())
    below = [a.name for a in night.agencies if a.report.oit_score < fail_under]
    found = (_reason("below {bar}: {agencies}", bar=fail_under, agencies=", ".join(below)),)
    return Verdict(ok=not below, found=found if below else ())
