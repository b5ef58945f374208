"""What a run needs from the process around it: the extraction pool, a work folder, a browser.

These are resources with a lifecycle (started on first use, shared, shut down at exit), kept
apart from the engine's order of work so that ``check``, ``discover`` and ``nightly`` use the
same ones through public names:

* :func:`in_pool` runs CPU-bound parsing on a process-wide pool of worker processes (forked
  from a clean fork server, never from this process: forking a process that runs an event loop
  and threads is unsafe), surviving a pool that
  cannot start and a worker that dies on a hostile file;
* :func:`extract_document` is extraction through that pool, with a crashed worker as an
  unreadable document instead of an exception;
* :func:`work_dir` is the run's scratch folder; :func:`browser_for` the run's browser.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import logging
import multiprocessing as mp
import os
import resource
import select
import shutil
import signal
import tempfile
import threading
import time
import weakref
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from oit_checker.extract import extract, ocr, warm
from oit_checker.model import DocKind, Document, Resource
from oit_checker.settings import RunSettings

if TYPE_CHECKING:
    from oit_checker.fetch.browser import Renderer

T = TypeVar("T")
LOG = logging.getLogger(__name__)

_POOLS: dict[int, Executor] = {}
_HEALTHY: set[int] = set()  # pool sizes whose workers have completed at least one task
_LOCK = threading.Lock()  # concurrent runs in threads (a Dask worker's tasks) share the pools


def _workers(settings: RunSettings) -> int:
    return settings.extract_workers or min(os.cpu_count() or 1, 4)


def extraction_pool(settings: RunSettings) -> Executor:
    """The process-wide extraction executor, shared by every run in the process.

    Extraction is CPU-bound Python (normalising Thai text, date patterns) that holds the GIL,
    so with several cores it runs in worker processes. ``extract_workers=1`` keeps it on one
    thread in-process, which is also what the tests use. Pools are shared so that concurrent
    agency runs never oversubscribe the machine.
    """
    n = _workers(settings)
    with _LOCK:
        return _POOLS.get(n) or _new_pool(n)


def _new_pool(n: int) -> Executor:
    pool: Executor
    if n <= 1:
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="oit-extract")
    else:
        pool = _process_pool(n)
    _POOLS[n] = pool
    return pool


def _process_pool(n: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=n,
        mp_context=_context(),
        initializer=_limit_worker,
        initargs=(WORKER_MEMORY, os.getpid()),
    )


_PRELOAD = ["oit_checker.runtime", "oit_checker.extract.pdf", "oit_checker.extract.html"]
_PRELOAD += ["oit_checker.extract.xlsx", "oit_checker.extract.docx"]


def _context() -> mp.context.BaseContext:
    """Workers fork from a *fork server*: one clean process (no event loop, no threads, so
    forking it is safe) that imports the extractors and their native libraries once. Each
    worker — and each replacement for a worker a hostile file killed — then starts in a few
    milliseconds instead of re-importing everything (≈0.2 s of CPU each when spawned).
    Spawn where there is no fork server (not POSIX)."""
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(_PRELOAD)
    return ctx


WORKER_MEMORY = 3 * 1024**3  # address space of one extraction worker
TASK_CPU_SECONDS = 60  # CPU one document may take in a worker


def _limit_worker(memory: int, owner: int) -> None:
    """Runs in each extraction worker: a hostile file hits these limits, not the machine, and
    the worker ends with the process that owns the pool (see :func:`_follow_owner`)."""
    with contextlib.suppress(ValueError, OSError):  # no such limit here: the pool still works
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    _follow_owner(owner)
    warm()  # load pdfium, calamine and lexbor while the run's first pages are in flight


OWNER_POLL_S = 1.0  # where pidfds are missing: how often a worker looks for its owner


def _follow_owner(owner: int) -> None:
    """End this worker when ``owner`` (the process that made the pool) is gone.

    A worker forked from the fork server is the server's child, not the owner's, and it holds
    both ends of its task pipe and the server's keep-alive pipe: when the owner is killed with
    SIGKILL (a Dask nanny stopping a worker, an OOM kill), nothing would ever wake it, and the
    worker and its fork server would stay for good. A pidfd becomes readable when the owner
    exits, with no pid-reuse race; elsewhere the owner is polled.
    """

    def watch() -> None:
        try:
            fd = os.pidfd_open(owner)
        except (AttributeError, OSError):  # no pidfds (not Linux ≥ 5.3), or owner already gone
            fd = -1
        if fd >= 0:
            select.select([fd], [], [])
        else:
            while True:
                try:
                    os.kill(owner, 0)
                except ProcessLookupError:
                    break
                except PermissionError:
                    pass
                time.sleep(OWNER_POLL_S)
        os._exit(0)

    threading.Thread(target=watch, name="oit-owner", daemon=True).start()


_STARTED: set[int] = set()  # ids of pools whose start has been set off


def start_pool(settings: RunSettings) -> None:
    """Start the extraction workers now, at the start of a run, instead of at its first
    document: starting them (fork server, imports, native libraries) then overlaps the first
    fetches instead of delaying the first extraction. Once per pool: the agencies of a night
    share it. A pool that cannot start here is found, and replaced, by :func:`in_pool`."""
    pool = extraction_pool(settings)
    if id(pool) in _STARTED:
        return
    _STARTED.add(id(pool))
    ocr_probe = settings.ocr != "never"
    if isinstance(pool, ProcessPoolExecutor) or ocr_probe:
        threading.Thread(target=_ping_pool, args=(pool, ocr_probe), daemon=True).start()


def _ping_pool(pool: Executor, ocr_probe: bool) -> None:
    """The first submission starts the fork server and the workers and waits for the
    server's imports (≈0.4 s), and the OCR probe runs Tesseract once (≈0.1 s): never on the
    event loop's thread."""
    if isinstance(pool, ProcessPoolExecutor):
        with contextlib.suppress(RuntimeError, BrokenProcessPool, OSError):
            pool.submit(_ping)
    if ocr_probe:
        ocr.problem()  # cached for the process


async def _submit(pool: Executor, fn: Callable[..., T], *args: Any) -> T:
    """``pool.submit``, then await the result on the loop. From a helper thread while the
    pool may still have to start workers (a fork, see :func:`_ping_pool`); directly once
    they are all up, when ``submit`` only queues the call: the thread hop cost more CPU
    than the submission (four hops per document on a cold night, the main process's
    helper threads ≈ 40 % of its CPU)."""
    if not isinstance(pool, ProcessPoolExecutor):
        return await asyncio.get_running_loop().run_in_executor(pool, fn, *args)
    if all_started(pool):
        future = pool.submit(fn, *args)
    else:
        future = await asyncio.to_thread(pool.submit, fn, *args)
    return await asyncio.wrap_future(future)


def all_started(pool: ProcessPoolExecutor) -> bool:
    """Are all of the pool's worker processes up, so that ``submit`` cannot fork?

    Read from the executor's private fields (the standard library offers no other way);
    where a future Python lays them out differently the answer is ``False`` and submissions
    keep their helper thread (correct, only slower) — a test checks it is ``True`` here.
    """
    procs = getattr(pool, "_processes", None)
    most = getattr(pool, "_max_workers", None)
    return isinstance(procs, dict) and isinstance(most, int) and len(procs) >= most


def _bounded(fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)`` in a worker, with a CPU-time limit for this one task (SIGXCPU ends the
    worker, which the caller turns into a finding for this document only)."""
    used = resource.getrusage(resource.RUSAGE_SELF)
    spent = int(used.ru_utime + used.ru_stime) + 1
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        soft = spent + TASK_CPU_SECONDS
        resource.setrlimit(resource.RLIMIT_CPU, (soft if hard < 0 else min(soft, hard), hard))
    except (ValueError, OSError):
        pass
    return fn(*args)


def _ping() -> bool:
    return True


async def in_pool(settings: RunSettings, fn: Callable[..., T], *args: Any, crashed: T) -> T:
    """Run ``fn(*args)`` on the shared pool, surviving the two ways a process pool breaks.

    * Workers that cannot start at all (interactive sessions, ``python -`` scripts, sandboxes
      that forbid new processes): fall back to in-process work for the rest of the process,
      and retry this call there.
    * A worker that dies on one input (a native parser crashing on a hostile file) breaks the
      whole pool, so every call in flight on it fails alike and none can tell whose input it
      was. Each is tried again alone, in a one-off worker of its own (:func:`_alone`), where
      only its own input can kill it: that one answers ``crashed`` (a finding), and innocent
      documents that shared the pool with it are read as usual. A fresh shared pool serves
      the next calls.
    """
    n = _workers(settings)
    loop = asyncio.get_running_loop()
    pool = extraction_pool(settings)
    call = (_bounded, fn, *args) if isinstance(pool, ProcessPoolExecutor) else (fn, *args)
    try:
        result = cast(T, await _submit(pool, *call))
    except BrokenProcessPool:
        if _POOLS.get(n) is pool:  # the first caller to see this break tells the log
            LOG.warning(
                "extraction worker ended abruptly (%s): calls in flight retried alone", _why(pool)
            )
        _drop(n, pool)
        if n in _HEALTHY or await _workers_start(settings):
            return await _alone(fn, *args, crashed=crashed)
        # Workers cannot start at all here: work in-process from now on. The input is not
        # suspect (no worker ever ran), so it is retried there once.
        with _LOCK:
            _POOLS[n] = ThreadPoolExecutor(max_workers=1, thread_name_prefix="oit-extract")
        _HEALTHY.add(n)
        return await loop.run_in_executor(_POOLS[n], fn, *args)
    _HEALTHY.add(n)
    return result


# one per event loop (a Dask worker runs one per task thread), gone with its loop
_SOLO: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
    weakref.WeakKeyDictionary()
)
SOLO_AT_ONCE = max(1, min(os.cpu_count() or 1, 4))  # one-off workers at once, per event loop


async def _alone(fn: Callable[..., T], *args: Any, crashed: T) -> T:
    """``fn(*args)`` in a worker that runs nothing else: a crash there is this input's.

    A broken pool fails every call queued on it at once (on a night, dozens), so the retries
    take turns, SOLO_AT_ONCE at a time (one per core): measured on a 2,000-agency night,
    66 one-off workers at once took the process tree from 280 MB to 2 GB for a moment.
    """
    loop = asyncio.get_running_loop()
    with _LOCK:
        turn = _SOLO.get(loop)
        if turn is None:
            turn = _SOLO[loop] = asyncio.Semaphore(SOLO_AT_ONCE)
    async with turn:
        solo = _process_pool(1)
        try:
            return cast(T, await _submit(solo, _bounded, fn, *args))
        except BrokenProcessPool:
            return crashed
        finally:
            await asyncio.to_thread(solo.shutdown, wait=True)


def _why(pool: Executor) -> str:
    """How the workers of a broken pool ended (exit codes, signal names), for the log: a worker
    killed by SIGXCPU hit the per-document CPU limit, SIGKILL usually the kernel's OOM killer,
    SIGSEGV/SIGABRT a native parser."""
    procs = getattr(pool, "_processes", None) or {}
    ends = []
    for proc in list(procs.values()):
        code = proc.exitcode
        if code is None or code == -signal.SIGTERM:  # still alive, or ended by the pool itself
            continue
        try:
            ends.append(signal.Signals(-code).name if code < 0 else f"exit {code}")
        except ValueError:  # a signal without a name here
            ends.append(f"signal {-code}")
    return ", ".join(ends) or "unknown"


def _drop(n: int, pool: Executor) -> None:
    """Forget a broken pool, unless a concurrent caller already replaced it."""
    with _LOCK:
        if _POOLS.get(n) is pool:
            del _POOLS[n]
    pool.shutdown(wait=False, cancel_futures=True)


async def _workers_start(settings: RunSettings) -> bool:
    """Can a fresh pool run anything? Tells a hostile input from a sandbox without processes;
    a hostile input is never extracted again in the main process."""
    pool = extraction_pool(settings)
    try:
        ok = await _submit(pool, _ping)
    except BrokenProcessPool:
        _drop(_workers(settings), pool)
        return False
    _HEALTHY.add(_workers(settings))
    return bool(ok)


async def extract_document(settings: RunSettings, res: Resource) -> Document:
    """``extract(res)`` on the pool; a worker that crashed on it makes it unreadable."""
    crashed = Document(url=res.url, kind=DocKind.OTHER, readable=False, unreadable_reason="crashed")
    return await in_pool(settings, extract, res, settings, crashed=crashed)


def close_pools() -> None:
    """Join the (idle) workers at the end of a command: a few milliseconds, and it spares
    CPython 3.11's exit hook a race on the pool's wake-up pipe ("Bad file descriptor" on
    stderr at exit). Only for a run that finished: nothing is left in the queue."""
    with _LOCK:
        pools = list(_POOLS.values())
        _POOLS.clear()
    for pool in pools:
        pool.shutdown(wait=True, cancel_futures=True)
    _HEALTHY.clear()
    _STARTED.clear()


@atexit.register
def _shutdown_pools() -> None:
    for pool in _POOLS.values():
        pool.shutdown(wait=False, cancel_futures=True)


@contextmanager
def work_dir(settings: RunSettings, prefix: str) -> Iterator[Path]:
    """The run's scratch folder: ``settings.work_dir`` (kept), else a temporary one (removed)."""
    if settings.work_dir:
        yield Path(settings.work_dir)
        return
    path = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


@asynccontextmanager
async def browser_for(
    settings: RunSettings, shared: Renderer | None
) -> AsyncIterator[Renderer | None]:
    """The caller's shared browser, else one for this run only; none with ``--browser never``.

    A run's own browser is started on first use (only if a script-drawn page needs it) and
    closed when the run ends.
    """
    if shared is not None or settings.browser == "never":
        yield shared
        return
    from oit_checker.fetch.browser import Renderer
    from oit_checker.fetch.client import user_agent

    own = Renderer(
        timeout_s=settings.browser_timeout,
        user_agent=user_agent(settings),
        executable=settings.browser_path or None,
    )
    try:
        yield own
    finally:
        await own.aclose()
