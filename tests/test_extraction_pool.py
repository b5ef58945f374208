"""The shared extraction pool: worker processes by default, and graceful breakage."""

import asyncio
import os
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from oit_checker import engine, runtime
from oit_checker.checklist.load import load_checklist
from oit_checker.engine import run_check
from oit_checker.settings import RunSettings
from oit_checker.submission.load import load_submission
from tests.e2e.conftest import submission
from tests.sites import PLAN_TEXT, html

PAGE = html("O25", PLAN_TEXT)


class Broken(Executor):
    """A pool whose workers never start (or die on the first document)."""

    def submit(self, fn, /, *args, **kwargs):
        f: Future = Future()
        f.set_exception(BrokenProcessPool("workers could not start"))
        return f


def run(tmp_path, scenario, workers):
    url = scenario.page("/o25", PAGE)
    sub = load_submission(submission(tmp_path, scenario.url("/"), {"O25": url}))
    settings = RunSettings(extract_workers=workers, read_timeout=2)
    report = asyncio.run(run_check(load_checklist("ita-2568"), sub, settings))
    return {i.id: i.status.value for i in report.items}["O25"]


def test_worker_processes_give_the_same_verdict(tmp_path, scenario):
    assert run(tmp_path, scenario, 2) == "pass" == run(tmp_path, scenario, 1)


class NoProcesses(ProcessPoolExecutor):
    """A sandbox where worker processes cannot start: every pool is broken at once."""

    def __init__(self, *args, **kwargs):
        pass

    def submit(self, fn, /, *args, **kwargs):
        f: Future = Future()
        f.set_exception(BrokenProcessPool("workers could not start"))
        return f

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass


def test_pool_that_cannot_start_falls_back_to_in_process(tmp_path, scenario, monkeypatch):
    monkeypatch.setattr(runtime, "ProcessPoolExecutor", NoProcesses)
    monkeypatch.setattr(runtime, "_HEALTHY", set())
    runtime._POOLS.pop(7, None)
    assert run(tmp_path, scenario, 7) == "pass"
    assert not isinstance(runtime._POOLS[7], NoProcesses)
    runtime._POOLS.pop(7).shutdown()


def die() -> None:
    os._exit(134)  # what a native crash (abort) looks like from outside


def address_space() -> int:
    import resource

    return resource.getrlimit(resource.RLIMIT_AS)[0]


def test_a_document_that_kills_its_worker_is_a_finding_and_the_run_goes_on():
    """Real worker processes: the crash answers `crashed` (never retried in this process),
    the broken pool is replaced, and workers run under an address-space limit."""
    settings = RunSettings(extract_workers=2)

    async def go():
        first = await runtime.in_pool(settings, die, crashed="crashed")
        limit = await runtime.in_pool(settings, address_space, crashed=-1)
        return first, limit

    first, limit = asyncio.run(go())
    assert first == "crashed"  # the main process is alive to say so
    assert limit == runtime.WORKER_MEMORY
    runtime._POOLS.pop(2).shutdown()


def test_worker_dying_on_a_document_is_a_finding_not_a_crash(tmp_path, scenario, monkeypatch):
    monkeypatch.setitem(runtime._POOLS, 8, Broken())
    monkeypatch.setattr(runtime, "_HEALTHY", {8})
    assert run(tmp_path, scenario, 8) == "manual"  # unreadable evidence, never a crash
    runtime._POOLS.pop(8, None)


def test_bodies_are_released_after_extraction(tmp_path, scenario):
    url = scenario.page("/o25", PAGE)
    sub = load_submission(submission(tmp_path, scenario.url("/"), {"O25": url}))
    settings = RunSettings(extract_workers=1, read_timeout=2)
    captured = []
    orig = engine.run_checks

    def spy(item, urls, ev, **kw):
        captured.extend(ev.evidence)
        return orig(item, urls, ev, **kw)

    import pytest

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(engine, "run_checks", spy)
        asyncio.run(run_check(load_checklist("ita-2568"), sub, settings))
    assert captured and all(
        e.resource.body is None and e.resource.body_path is None for e in captured
    )
    assert any(e.document.text for e in captured)
