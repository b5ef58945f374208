"""What a run needs from the process around it: the extraction pool, a work folder, a browser.

These are resources with a lifecycle (started on first use, shared, shut down at exit), kept
apart from the engine's order of work so that ``check``, ``discover`` and ``nightly`` use the
same ones through public names:

* :func:`in_pool` runs CPU-bound parsing on a process-wide pool of worker processes (spawned:
  forking a process that runs an event loop and threads is unsafe), surviving a pool that
  cannot start and a worker that dies on a hostile file;
* :func:`extract_document` is extraction through that pool, with a crashed worker as an
  unreadable document instead of an exception;
* :func:`work_dir` is the run's scratch folder; :func:`browser_for` the run's browser.
"""

from __future__ import annotations

import asyncio
import atexit
import multiprocessing as mp
import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any, TypeVar

from oit_checker.extract import extract
from oit_checker.fetch.browser import Renderer
from oit_checker.fetch.client import user_agent
from oit_checker.model import DocKind, Document, Resource
from oit_checker.settings import RunSettings

T = TypeVar("T")

_POOLS: dict[int, Executor] = {}
_HEALTHY: set[int] = set()  # pool sizes whose workers have completed at least one task


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
    pool = _POOLS.get(n)
    if pool is None:
        if n <= 1:
            pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="oit-extract")
        else:
            pool = ProcessPoolExecutor(max_workers=n, mp_context=mp.get_context("spawn"))
        _POOLS[n] = pool
    return pool


async def in_pool(settings: RunSettings, fn: Callable[..., T], *args: Any, crashed: T) -> T:
    """Run ``fn(*args)`` on the shared pool, surviving the two ways a process pool breaks.

    * Workers that cannot start at all (interactive sessions, ``python -`` scripts, sandboxes
      that forbid new processes): fall back to in-process work for the rest of the process,
      and retry this call there.
    * A worker that dies on one input (a native parser crashing on a hostile file): the call
      answers ``crashed`` (a finding), and a fresh pool serves the next ones.
    """
    n = _workers(settings)
    loop = asyncio.get_running_loop()
    try:
        result = await loop.run_in_executor(extraction_pool(settings), fn, *args)
    except BrokenProcessPool:
        broken = _POOLS.pop(n, None)
        if broken is not None:
            broken.shutdown(wait=False, cancel_futures=True)
        if n in _HEALTHY:
            return crashed
        _POOLS[n] = ThreadPoolExecutor(max_workers=1, thread_name_prefix="oit-extract")
        _HEALTHY.add(n)
        return await loop.run_in_executor(_POOLS[n], fn, *args)
    _HEALTHY.add(n)
    return result


async def extract_document(settings: RunSettings, res: Resource) -> Document:
    """``extract(res)`` on the pool; a worker that crashed on it makes it unreadable."""
    crashed = Document(
        url=res.url,
        kind=DocKind.OTHER,
        readable=False,
        unreadable_reason="corrupt: extractor crashed",
    )
    return await in_pool(settings, extract, res, settings, crashed=crashed)


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
    own = Renderer(
        timeout_s=settings.browser_timeout,
        user_agent=user_agent(settings),
        executable=settings.browser_path or None,
    )
    try:
        yield own
    finally:
        await own.aclose()
