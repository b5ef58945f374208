"""The shared extraction pool: worker processes by default, and graceful breakage."""

import asyncio
import contextlib
import os
import weakref
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
    # the document kills the shared pool, and then its own one-off worker too
    monkeypatch.setitem(runtime._POOLS, 8, Broken())
    monkeypatch.setattr(runtime, "_new_pool", lambda n: runtime._POOLS.setdefault(n, Broken()))
    monkeypatch.setattr(runtime, "_process_pool", lambda n: NoProcesses())
    monkeypatch.setattr(runtime, "_HEALTHY", {8})
    assert run(tmp_path, scenario, 8) == "manual"  # unreadable evidence, never a crash
    runtime._POOLS.pop(8, None)


def slow_square(x: int) -> int:
    import time

    time.sleep(0.3)  # still in flight when the hostile document kills its worker
    return x * x


def beside_a_fatal_one(innocent: int, fatal_at: int) -> list:
    """``innocent`` slow calls and one that kills its worker (at ``fatal_at``), all in flight
    on a real pool of 2 workers at once; their answers in order."""
    settings = RunSettings(extract_workers=2)

    async def go():
        calls = [runtime.in_pool(settings, slow_square, k, crashed=-1) for k in range(innocent)]
        calls.insert(fatal_at, runtime.in_pool(settings, die, crashed="crashed"))
        return await asyncio.gather(*calls)

    try:
        return asyncio.run(go())
    finally:
        runtime.close_pools()


def test_documents_in_flight_beside_a_hostile_one_are_still_read():
    """One crash breaks the whole pool and fails every call on it: the innocent ones are
    tried again on a fresh pool and answer; only the input that kills again is `crashed`."""
    assert beside_a_fatal_one(4, 1) == [0, "crashed", 1, 4, 9]


def test_retries_after_a_break_take_turns(monkeypatch, caplog):
    """A break fails every queued call at once; their one-off workers run a few at a time,
    not all at once (66 at once took a night's process tree from 280 MB to 2 GB), and the
    log says how the worker ended."""
    live, peak = [0], [0]
    real = runtime._process_pool

    def counted(n: int) -> ProcessPoolExecutor:
        pool = real(n)
        if n == 1:
            live[0] += 1
            peak[0] = max(peak[0], live[0])
            done = pool.shutdown

            def shutdown(wait: bool = True, *, cancel_futures: bool = False) -> None:
                live[0] -= 1
                done(wait=wait, cancel_futures=cancel_futures)

            pool.shutdown = shutdown  # type: ignore[method-assign]
        return pool

    monkeypatch.setattr(runtime, "_process_pool", counted)
    monkeypatch.setattr(runtime, "SOLO_AT_ONCE", 2)
    monkeypatch.setattr(runtime, "_SOLO", weakref.WeakKeyDictionary())
    with caplog.at_level("WARNING", logger="oit_checker.runtime"):
        assert beside_a_fatal_one(8, 0) == ["crashed", *(k * k for k in range(8))]
    assert 1 <= peak[0] <= 2
    assert "exit 134" in caplog.text


OWNER = """
import asyncio, os, sys, time
from oit_checker import runtime
from oit_checker.settings import RunSettings

async def main():
    pids = await asyncio.gather(
        *(runtime.in_pool(RunSettings(extract_workers=2), slow_pid, crashed=0) for _ in range(4))
    )
    print(" ".join(str(p) for p in sorted(set(pids))), flush=True)
    time.sleep(60)

def slow_pid():
    time.sleep(0.2)
    return os.getpid()

if __name__ == "__main__":
    sys.modules["__main__"].slow_pid = slow_pid
    asyncio.run(main())
"""


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1][0] != "Z"  # a zombie has ended
    except OSError:
        return False


def test_workers_end_with_an_owner_killed_by_sigkill(tmp_path):
    """A Dask nanny stops its worker with SIGKILL, so no exit hook runs: the extraction workers
    (children of the fork server, not of their owner) must still go, or they stay for good."""
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "owner.py"
    script.write_text(OWNER)
    proc = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, text=True, cwd=os.getcwd()
    )
    workers: list[int] = []
    try:
        assert proc.stdout is not None
        workers = [int(p) for p in proc.stdout.readline().split()]
        assert workers and all(alive(p) for p in workers)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 15
        while any(alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(alive(p) for p in workers)
    finally:
        proc.kill()
        for pid in workers:  # a failing run must not leave its orphans behind
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


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


def test_submissions_skip_the_helper_thread_once_every_worker_is_up(monkeypatch):
    """``submit`` forks while the pool is starting (so it runs in a helper thread then) and
    only queues the call afterwards, when it runs on the loop: a thread hop per document
    cost more than the submission. The first call goes through the helper; once both
    workers are up no call does, and the results are the workers' own."""
    pool = ProcessPoolExecutor(max_workers=2, mp_context=runtime._context())
    hops: list[object] = []
    real = asyncio.to_thread

    async def counted(fn, /, *args, **kwargs):
        hops.append(fn)
        return await real(fn, *args, **kwargs)

    monkeypatch.setattr(runtime.asyncio, "to_thread", counted)

    async def go() -> list[int]:
        first = await runtime._submit(pool, os.getpid)
        assert len(hops) == 1  # no worker before it: the submission could fork
        await asyncio.gather(*(runtime._submit(pool, os.getpid) for _ in range(4)))
        while not runtime.all_started(pool):  # a busy pool starts its second worker
            await asyncio.gather(*(runtime._submit(pool, os.getpid) for _ in range(4)))
        before = len(hops)
        rest = await asyncio.gather(*(runtime._submit(pool, os.getpid) for _ in range(6)))
        assert len(hops) == before
        return [first, *rest]

    try:
        pids = asyncio.run(go())
    finally:
        pool.shutdown()
    assert os.getpid() not in pids
