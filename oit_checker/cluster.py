"""A night on a Dask distributed cluster: one task per agency, history written here only.

``nightly --cluster tcp://HOST:8786`` (or ``OIT_CLUSTER``) sends each agency to an existing
scheduler. The coordinator loads every submission and checklist itself (bad input is reported
here, by file and line, as in-process), ships the frozen values to the workers, and saves each
report as it comes back — so resume and the kill-9 guarantees are the store's, as in-process:
a worker killed mid-agency has its task run again elsewhere by the scheduler (``retries``),
and an agency is saved once because only this process saves, once per agency.

Per-host politeness across the cluster: agencies whose main sites share a host (hosting shared
by many อบต.) hold one cluster-wide lease per host (``distributed.Semaphore``), so together they
never exceed the per-host fetch limit that one run keeps.
"""

from __future__ import annotations

import asyncio
import dataclasses
import multiprocessing
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from oit_checker.agencies import AgencyEntry
from oit_checker.checklist.load import pick_checklist
from oit_checker.checklist.model import Checklist
from oit_checker.errors import InputError, UsageError
from oit_checker.history.store import Store
from oit_checker.model import Report
from oit_checker.settings import RunSettings
from oit_checker.submission.load import Submission, load_submission, validate_against

TASK_RETRIES = 3  # a task whose worker died runs again elsewhere, up to this many times


@dataclasses.dataclass(frozen=True, slots=True)
class Job:
    """What a worker needs for one agency: values, never paths of the coordinator's disk."""

    name: str
    host: str
    checklist: Checklist
    submission: Submission | None = None  # None: discover the ITA page on main_site
    main_site: str = ""


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def job_of(entry: AgencyEntry) -> Job:
    """Load the agency's inputs here (errors name the coordinator's files, as in-process)."""
    if entry.discover:
        assert entry.main_site is not None
        return Job(
            entry.name,
            _host(entry.main_site),
            pick_checklist(entry.checklist),
            None,
            entry.main_site,
        )
    assert entry.submission is not None
    sub = load_submission(entry.submission, main_site=entry.main_site, agency=entry.name)
    sub = dataclasses.replace(sub, agency=entry.name)
    checklist = pick_checklist(entry.checklist, sub.checklist, year=sub.year)
    validate_against(sub, checklist)
    return Job(entry.name, _host(sub.main_site), checklist, sub)


def agency_task(job: Job, settings: RunSettings) -> Report:
    """Runs on a worker: the same engine as in-process, under the host's cluster-wide lease."""
    from distributed import Semaphore

    if multiprocessing.current_process().daemon:
        # a daemonic worker process may not start the extraction pool: extract in-process
        settings = dataclasses.replace(settings, extract_workers=1)
    # The worker's extraction pool outlives the task: the worker's tasks (one per thread with
    # --nthreads) share it, as the agencies of an in-process night do, and its workers end
    # with the Dask worker even when the nanny kills it with SIGKILL (runtime._follow_owner).
    with Semaphore(max_leases=1, name=f"oit-host-{job.host}"):  # type: ignore[no-untyped-call]
        return asyncio.run(_run(job, settings))


async def _run(job: Job, settings: RunSettings) -> Report:
    from oit_checker.discover.crawl import discover
    from oit_checker.engine import run_check

    if job.submission is None:
        found = await discover(job.main_site, job.checklist, settings)
        sub = dataclasses.replace(found.submission(job.checklist), agency=job.name)
        return await run_check(job.checklist, sub, settings)
    return await run_check(job.checklist, job.submission, settings)


def pools_plugin() -> Any:
    """A Dask worker plugin: the worker's extraction pool closes when the worker does.

    Without it a worker asked to close waits on the pool's manager thread until its nanny
    kills it (4 s, measured); a killed worker's pool ends by itself (runtime._follow_owner).
    Registered by the coordinator each night under one name, so it is installed once."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class PoolsPlugin(WorkerPlugin):
        name = "oit-checker-pools"

        def teardown(self, worker: Any) -> None:
            from oit_checker import runtime

            runtime.close_pools()

    return PoolsPlugin()


def connect(address: str) -> Any:
    from distributed import Client

    try:
        return Client(address, timeout="10s")  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        raise UsageError(
            "--cluster {address}: cannot reach the Dask scheduler ({detail}); the night can be "
            "run again: agencies already saved are skipped",
            {"address": address, "detail": str(exc).splitlines()[0][:200]},
        ) from None


def run_night_on_cluster(
    entries: tuple[AgencyEntry, ...],
    store: Store,
    night: str,
    settings: RunSettings,
    address: str,
    *,
    on_done: Callable[[Any], None] | None = None,
) -> tuple[int, list[Any]]:
    """The night's run id and one outcome per agency (as :func:`nightly.run_night`)."""
    from distributed import as_completed

    from oit_checker.nightly import AgencyOutcome

    client = connect(address)
    try:
        client.register_plugin(pools_plugin())
        run_id = store.start_run(night)
        done = store.done(run_id)
        outcomes: dict[str, AgencyOutcome] = {}
        futures: dict[Any, str] = {}
        for entry in entries:
            if entry.name in done:
                outcomes[entry.name] = AgencyOutcome(entry.name, None, skipped=True)
                continue
            try:
                job = job_of(entry)
            except InputError as exc:
                outcomes[entry.name] = AgencyOutcome(entry.name, None, exc)
                continue
            fut = client.submit(
                agency_task,
                job,
                settings,
                pure=False,
                retries=TASK_RETRIES,
                key=f"oit-{night}-{len(futures)}",
            )
            futures[fut] = entry.name
        for out in list(outcomes.values()):
            if on_done:
                on_done(out)
        for fut in as_completed(futures):  # type: ignore[no-untyped-call]
            name = futures[fut]
            try:
                report = fut.result()
            except (OSError, TimeoutError) as exc:  # the scheduler went away mid-night
                raise UsageError(
                    "--cluster {address}: lost the Dask scheduler ({detail}); run the night "
                    "again: agencies already saved are skipped",
                    {"address": address, "detail": str(exc)[:200]},
                ) from None
            except Exception as exc:  # this agency only (its workers kept dying, or a bug)
                error = InputError(
                    "the check of this agency failed on the cluster: {detail}",
                    file=name,
                    params={"detail": f"{type(exc).__name__}: {str(exc)[:200]}"},
                )
                outcomes[name] = AgencyOutcome(name, None, error)
                if on_done:
                    on_done(outcomes[name])
                continue
            store.save(run_id, report)  # here only: once per agency
            outcomes[name] = AgencyOutcome(name, report.oit_score)
            fut.release()
            del report
            if on_done:
                on_done(outcomes[name])
        store.finish_run(run_id)
    finally:
        client.close()
    return run_id, [outcomes[e.name] for e in entries]
