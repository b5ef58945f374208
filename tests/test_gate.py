"""Gate flags and the baseline comparison (pure)."""

import dataclasses

from oit_checker.gate import Policy, compare, judge
from oit_checker.model import ItemStatus
from tests.test_reporters import fixed_report


def with_status(report, **statuses):
    items = tuple(
        dataclasses.replace(i, status=ItemStatus(statuses[i.id])) if i.id in statuses else i
        for i in report.items
    )
    return dataclasses.replace(report, items=items)


def test_fail_under_uses_the_pessimistic_score_and_fail_under_max_the_optimistic():
    r = fixed_report()  # OIT 70.00–80.00
    assert judge(r, Policy(fail_under=70)).ok
    assert not judge(r, Policy(fail_under=75)).ok
    assert judge(r, Policy(fail_under_max=80)).ok
    assert judge(r, Policy(fail_under_max=81)).reasons == ("OIT (max) 80.00 < 81.00",)


def test_require_and_max_manual():
    r = fixed_report()  # O12 fail, O2 manual, O3 missing
    assert judge(r, Policy(require=("O1", "O13"))).ok
    assert judge(r, Policy(require=("O12", "O3"))).reasons == ("O12 is fail", "O3 is missing")
    assert judge(r, Policy(max_manual=1)).ok
    assert judge(r, Policy(max_manual=0)).reasons == ("1 manual items > 0: O2",)


def test_baseline_regressions_fixed_and_persisting():
    before = with_status(fixed_report(), O1="fail", O13="pass")
    now = with_status(fixed_report(), O13="fail")  # O1 fixed, O13 new, O12 persisting
    c = compare(now, before)
    assert (c.new_failures, c.fixed, c.persisting) == (("O13",), ("O1",), ("O12",))
    v = judge(now, Policy(), before)
    assert not v.ok and v.reasons == ("new failures since the baseline: O13",)
    assert judge(before, Policy(), before).ok  # persisting failures alone do not fail the gate


def test_max_risk_bounds_items_an_inferred_rule_would_cost():
    r = with_status(fixed_report(), O13="risk")
    assert judge(r, Policy(max_risk=1)).ok
    assert judge(r, Policy(max_risk=0)).reasons == ("1 risk items > 0: O13",)
    assert judge(fixed_report(), Policy(max_risk=0)).ok


def test_baseline_treats_risk_as_losing_the_item():
    before = with_status(fixed_report(), O13="risk", O21="risk")
    now = with_status(fixed_report(), O1="risk", O13="fail")  # O21 back to pass
    c = compare(now, before)
    # O1 pass → risk and O13 risk → fail are new; O12 still fails; O21 risk → pass is fixed
    assert (c.new_failures, c.fixed, c.persisting) == (("O1", "O13"), ("O21",), ("O12",))
    assert not judge(now, Policy(), before).ok
