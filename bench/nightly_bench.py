"""A simulated night: N agencies (default 200) served on loopback, one real `nightly` process.

    python3 bench/nightly_bench.py [--agencies 200] [--at-once 4] [--light] [--latency MS]
                                   [--cluster N [--threads T]] [--nights N]

Prints wall time, agencies per minute, CPU per resource, peak RSS of the coordinator's process
tree (and, with --cluster, of the workers' trees), and the history database size per agency per
night. The site server runs in its own process.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench import simsite  # noqa: E402
from bench.bench import timed, tree_sample  # noqa: E402
from oit_checker.history.store import Store  # noqa: E402

FLEET = 8300
SITE_LATENCY_S = 0.3  # a Thai agency host's time to first byte seen from a data centre
PER_HOST = 4  # RunSettings.per_host: one agency's fetches in flight at once


def project(result: dict[str, Any], per_agency: float) -> dict[str, Any]:
    """Wall time for 8,300 agencies on N machines like this one, from this run's numbers.

    A machine is bounded by its CPU (this run's agencies per minute: loopback answers fast, so
    the run was CPU-bound) and by site latency (A agencies at once on the machine, each
    fetching ``per_agency`` resources PER_HOST at a time, SITE_LATENCY_S each); the night by
    the coordinator's CPU per resource (one core; cluster runs only). A model, stated with its
    inputs: real nights add slow and dead hosts (bounded by the timeouts) that only more
    agencies at once hide.
    """
    workers = int(result["cluster_workers"] or 0)
    cpu_rate = float(result["agencies_per_min"])
    at_once = workers * int(result["threads_per_worker"]) if workers else int(result["at_once"])
    latency_rate = at_once * 60 / (per_agency / PER_HOST * SITE_LATENCY_S)
    per_machine = min(cpu_rate, latency_rate)
    coord_ms = float(result["cpu_ms_per_resource"]) if workers else 0.0
    ceiling = 60_000 / (coord_ms * per_agency) if coord_ms else float("inf")
    table = {}
    for n in (1, 2, 4, 8, 16, 32):
        rate = min(n * per_machine, ceiling)
        table[str(n)] = {"agencies_per_min": round(rate, 1), "hours": round(FLEET / rate / 60, 2)}
    return {
        "inputs": {
            "resources_per_agency": round(per_agency, 1),
            "cpu_bound_agencies_per_min_per_machine": round(cpu_rate, 1),
            "latency_s": SITE_LATENCY_S,
            "agencies_at_once_per_machine": at_once,
            "latency_bound_agencies_per_min_per_machine": round(latency_rate, 1),
            "coordinator_ceiling_agencies_per_min": round(ceiling, 1),
        },
        "machines": table,
    }


class WorkerWatch:
    """Peak RSS (largest single worker tree, with its extraction pool) and total CPU of a
    LocalCluster's workers, sampled every 50 ms while the night runs."""

    def __init__(self, lc: object) -> None:
        self.peak, self.cpu, self._seen = 0.0, 0.0, {}  # type: ignore[var-annotated]
        self._pids: list[int] = []
        if lc is not None:
            self._pids = [w.process.pid for w in lc.workers.values()]  # type: ignore[attr-defined]
        before: dict[int, float] = {}
        for pid in self._pids:  # workers outlive a night: count tonight's CPU only
            tree_sample(pid, before)
        self._base = sum(before.values())
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        cpu: dict[int, float] = {}
        while not self._done.wait(0.05):
            for pid in self._pids:
                self.peak = max(self.peak, tree_sample(pid, cpu))
        self.cpu = max(0.0, sum(cpu.values()) - self._base)

    def stop(self) -> None:
        self._done.set()
        self._thread.join()


def _night(
    args: argparse.Namespace,
    run: Any,
    watch: WorkerWatch,
    causes: list[str],
    agencies: int,
    stats: list[dict[str, Any]],
    day: str,
    db_bytes: float,
) -> dict[str, Any]:
    wall, rss, code = run.wall, run.rss, run.code
    resources = sum(s.get("resources", 0) for s in stats)
    result: dict[str, Any] = {
        "day": day,
        "agencies": args.agencies,
        "saved": agencies,
        "exit": code,
        "wall_s": round(wall, 1),
        "resources": resources,
        "not_modified": sum(s.get("not_modified", 0) for s in stats),
        "reused": sum(s.get("reused", 0) for s in stats),
        "resources_per_s": round(resources / wall, 1),
        "cpu_s": round(run.cpu, 1),
        "cpu_ms_per_resource": round(1000 * run.cpu / max(resources, 1), 2),
        "light": args.light,
        "cluster_workers": args.cluster,
        "agencies_per_min": round(agencies / wall * 60, 1),
        "latency_ms": args.latency,
        "at_once": args.at_once,
        "threads_per_worker": (args.threads or args.at_once) if args.cluster else None,
        "peak_rss_mb": round(rss, 1),
        "worker_peak_rss_mb": round(watch.peak, 1) if args.cluster else None,
        "worker_cpu_ms_per_resource": (
            round(1000 * watch.cpu / max(resources, 1), 2) if args.cluster else None
        ),
        "db_kb_per_agency_night": round(db_bytes / 1024 / max(agencies, 1), 1),
        "pool_breaks": causes,  # extraction workers that ended abruptly, as the night logged them
    }
    if agencies and resources:
        result["projection_8300"] = project(result, resources / agencies)
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--agencies", type=int, default=200)
    ap.add_argument("--at-once", type=int, default=4)
    ap.add_argument(
        "--light",
        action="store_true",
        help="small agencies (one document per item): RSS over long nights",
    )
    ap.add_argument(
        "--cluster",
        type=int,
        default=0,
        metavar="N",
        help="run on a Dask LocalCluster of N worker processes (workers' CPU is not counted)",
    )
    ap.add_argument(
        "--threads",
        type=int,
        default=0,
        metavar="T",
        help="agencies at once per cluster worker (Dask --nthreads; default: --at-once)",
    )
    ap.add_argument(
        "--latency",
        type=float,
        default=0,
        metavar="MS",
        help="each response of the simulated sites waits MS milliseconds (±50 %%)",
    )
    ap.add_argument(
        "--nights",
        type=int,
        default=1,
        metavar="N",
        help="run N nights on consecutive days against one database; night 2+ is warm (the "
        "document cache answers unchanged documents with a 304) and reported apart",
    )
    args = ap.parse_args()
    lc = None
    extra: list[str] = []
    if args.cluster:
        import dask
        from distributed import LocalCluster

        # as README's worker command: non-daemonic (extraction pool), no statistical profiler
        # (it samples every thread's stack every 10 ms)
        quiet = {"distributed.worker.daemon": False, "distributed.worker.profile.enabled": False}
        with dask.config.set(quiet):
            lc = LocalCluster(
                n_workers=args.cluster,
                threads_per_worker=args.threads or args.at_once,
                processes=True,
                dashboard_address=None,
            )
        extra = ["--cluster", lc.scheduler_address]
    ctx = mp.get_context("spawn")
    ready = ctx.Event()
    server = ctx.Process(
        target=simsite.run_server,
        args=(args.agencies, False, ready, args.light, args.latency),
        daemon=True,
    )
    server.start()
    ready.wait(300)
    time.sleep(0.5)
    try:
        with tempfile.TemporaryDirectory() as tmp_s:
            tmp = Path(tmp_s)
            docs = simsite.build_documents()
            lines = ["agencies:"]
            for k in range(args.agencies):
                sub = tmp / f"a{k}.yaml"
                sub.write_text(
                    simsite.submission(k, simsite.agency_site(k, docs, False, light=args.light)),
                    encoding="utf-8",
                )
                lines += [f"  - name: agency-{k:03d}", f"    submission: {sub.name}"]
            (tmp / "agencies.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
            db = tmp / "h.sqlite"
            nights = []
            for night in range(args.nights):  # one database: its cache makes night 2+ warm
                watch = WorkerWatch(lc)
                day = f"2025-03-{31 - args.nights + 1 + night:02d}"
                run = timed(
                    [
                        sys.executable,
                        "-m",
                        "oit_checker",
                        "nightly",
                        str(tmp / "agencies.yaml"),
                        "--db",
                        str(db),
                        "--out",
                        str(tmp / f"out-{night}"),
                        "--today",
                        day,
                        "--at-once",
                        str(args.at_once),
                        *extra,
                    ],
                    log=tmp / "stderr.txt",
                )
                causes = [
                    line.strip()[:200]
                    for line in (tmp / "stderr.txt").read_text(encoding="utf-8").splitlines()
                    if "ended abruptly" in line
                ]
                watch.stop()
                store = Store(db)
                names = [
                    r[0]
                    for r in store.db.execute("SELECT DISTINCT agency FROM agency_runs").fetchall()
                ]
                stats = [(store.report_json(n) or {}).get("stats", {}) for n in names]
                store.close()
                nights.append((run, watch, causes, len(names), stats, day))
            db_bytes = sum(p.stat().st_size for p in tmp.glob("h.sqlite*"))
    finally:
        server.terminate()
        if lc is not None:
            lc.close()
    results = [
        _night(args, run, watch, causes, agencies, stats, day, db_bytes / max(1, len(nights)))
        for run, watch, causes, agencies, stats, day in nights
    ]
    result = dict(results[0])  # the first night (cold) at the top, as before
    if len(results) > 1:
        result["nights"] = results  # night 2+: the cache answers most documents with a 304
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / f"nightly-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(result))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
