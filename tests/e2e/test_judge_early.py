"""An item is judged as soon as its own evidence is in, not after every item's downloads.

Judging is CPU in the run's process; done for all items after the last document it was the
whole tail of a check. Here O25's page is held back by the server until O1 has been judged
(or a bound passes): the verdict for O1 must come while O25 is still in flight.
"""

from __future__ import annotations

import asyncio
import threading

import pytest

from oit_checker import engine
from oit_checker.checklist.load import load_checklist
from oit_checker.demo.server import SiteHandler
from oit_checker.engine import run_check
from oit_checker.settings import RunSettings
from oit_checker.submission.load import load_submission
from tests.e2e.conftest import submission
from tests.sites import PLAN_TEXT, html, static

HOLD_S = 2.0  # how long the server holds O25 back waiting for O1's verdict


def test_an_item_is_judged_while_another_is_still_downloading(tmp_path, scenario, monkeypatch):
    o1_judged = threading.Event()
    seen_before_o25: list[bool] = []
    orig = engine._judge

    def spy(item, *args, **kw):
        result = orig(item, *args, **kw)
        if item.id == "O1":
            o1_judged.set()
        return result

    def held(h: SiteHandler, s: object) -> None:
        seen_before_o25.append(o1_judged.wait(HOLD_S))
        static(html("O25", PLAN_TEXT).encode())(h, s)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "_judge", spy)
    o1 = scenario.page("/o1", html("O1", "ข้อมูลผู้บริหาร นายกองค์การบริหารส่วนตำบล"))
    o25 = scenario.route("/o25", held)
    sub = load_submission(submission(tmp_path, scenario.url("/"), {"O1": o1, "O25": o25}))
    settings = RunSettings(extract_workers=1, read_timeout=HOLD_S + 3, deadline=HOLD_S + 5)
    report = asyncio.run(run_check(load_checklist("ita-2568"), sub, settings))
    assert seen_before_o25 == [True]  # O1's verdict came while O25 was held back
    statuses = {i.id: i.status.value for i in report.items}
    assert statuses["O25"] == "pass"  # the held item is judged too, on its own evidence
    assert statuses["O1"] != "not_submitted"


def test_a_failing_judgement_still_releases_the_run(tmp_path, scenario, monkeypatch):
    """A check that raises on one item surfaces as the run's error (as before), and the
    gatherer is cleared: nothing of the agency is kept alive by a half-finished gather."""
    cleared: list[bool] = []
    orig_clear = engine.Gatherer.clear

    def clear(self):  # type: ignore[no-untyped-def]
        cleared.append(True)
        return orig_clear(self)

    def boom(item, *args, **kw):
        raise RuntimeError(f"check bug on {item.id}")

    monkeypatch.setattr(engine.Gatherer, "clear", clear)
    monkeypatch.setattr(engine, "_judge", boom)
    url = scenario.page("/o1", html("O1", PLAN_TEXT))
    sub = load_submission(submission(tmp_path, scenario.url("/"), {"O1": url}))
    with pytest.raises(RuntimeError, match="check bug"):
        asyncio.run(run_check(load_checklist("ita-2568"), sub, RunSettings(extract_workers=1)))
    assert cleared == [True]
