"""A night on a real Dask LocalCluster with worker processes (issue 13): the same reports as
in-process, a worker killed mid-night loses nothing and saves nothing twice, agencies sharing
a host never run at once, and a scheduler that is not there is a clear, resumable error."""

from __future__ import annotations

import json
import os
import re
import signal
import threading
import time

import pytest

from oit_checker.cli import main
from oit_checker.history.store import Store
from tests.e2e.conftest import TODAY, submission
from tests.sites import PLAN_TEXT, STRUCTURE_TEXT, html, slow_then, static

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    import dask

    with dask.config.set({"distributed.worker.daemon": False}):
        lc = distributed.LocalCluster(
            n_workers=2, threads_per_worker=2, processes=True, dashboard_address=None
        )
    try:
        yield lc
    finally:
        lc.close()


def agencies(tmp_path, scenario, n=4, delay=0.0):
    def page(path, markup):
        return scenario.route(path, slow_then(delay, static(markup.encode("utf-8"))))

    lines = ["agencies:"]
    for k in range(n):
        d = tmp_path / f"a{k}"
        d.mkdir(exist_ok=True)
        items = {
            "O1": page(f"/a{k}/o1", html("O1", STRUCTURE_TEXT)),
            "O25": page(f"/a{k}/o25", html("O25", PLAN_TEXT)),
            "O21": scenario.url(f"/a{k}/gone"),
        }
        sub = submission(d, scenario.url("/"), items)
        lines += [f"  - name: อบต.คลัสเตอร์ {k}", f"    submission: {sub.relative_to(tmp_path)}"]
    path = tmp_path / "agencies.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def reports(db):
    s = Store(db)
    rows = s.db.execute("SELECT agency FROM agency_runs ORDER BY agency").fetchall()
    out = {}
    for (name,) in rows:
        r = s.report_json(name)
        r.pop("checked_at"), r.pop("stats", None)
        text = json.dumps(r, ensure_ascii=False, sort_keys=True)
        out[name] = re.sub(r"\d+\.\d+ s\b", "_ s", text)  # response times differ run to run
    count = s.db.execute("SELECT count(*) FROM agency_runs").fetchone()[0]
    s.close()
    return out, count


def night(tmp_path, agencies_file, db, *extra):
    out = tmp_path / "out"
    return main(
        [
            "nightly",
            str(agencies_file),
            "--db",
            str(db),
            "--out",
            str(out),
            "--today",
            TODAY,
            *extra,
        ]
    )


def test_cluster_night_equals_the_in_process_night(tmp_path, scenario, cluster):
    file = agencies(tmp_path, scenario)
    assert night(tmp_path, file, tmp_path / "local.sqlite") == 0
    assert (
        night(tmp_path, file, tmp_path / "cluster.sqlite", "--cluster", cluster.scheduler_address)
        == 0
    )
    local, n_local = reports(tmp_path / "local.sqlite")
    remote, n_remote = reports(tmp_path / "cluster.sqlite")
    assert n_local == n_remote == 4 and local == remote


def test_a_worker_killed_mid_night_loses_nothing_and_saves_nothing_twice(
    tmp_path, scenario, cluster
):
    file = agencies(tmp_path, scenario, n=6, delay=0.6)  # still running when we kill

    def kill_one():
        time.sleep(1.5)
        pid = next(iter(cluster.workers.values())).process.pid
        os.kill(pid, signal.SIGKILL)

    killer = threading.Thread(target=kill_one)
    killer.start()
    try:
        code = night(tmp_path, file, tmp_path / "h.sqlite", "--cluster", cluster.scheduler_address)
    finally:
        killer.join()
    assert code == 0
    saved, count = reports(tmp_path / "h.sqlite")
    assert count == 6 and len(saved) == 6  # every agency, once


def test_an_absent_scheduler_is_a_clear_error_and_the_night_resumes(tmp_path, scenario, capsys):
    file = agencies(tmp_path, scenario, n=2)
    code = night(
        tmp_path, file, tmp_path / "h.sqlite", "--cluster", "tcp://127.0.0.1:1", "--lang", "en"
    )
    assert code == 2 and "cannot reach the Dask scheduler" in capsys.readouterr().err
    assert night(tmp_path, file, tmp_path / "h.sqlite") == 0  # resumes in-process
    assert reports(tmp_path / "h.sqlite")[1] == 2


def test_agencies_on_one_host_hold_one_cluster_wide_lease(cluster):
    """Two tasks for the same host never overlap; another host runs beside them."""
    from distributed import Client, Semaphore

    def hold(host, seconds):
        import time as t

        with Semaphore(max_leases=1, name=f"oit-host-{host}"):
            start = t.monotonic()
            t.sleep(seconds)
            return host, start, t.monotonic()

    with Client(cluster.scheduler_address) as client:
        futs = [client.submit(hold, h, 0.8, pure=False) for h in ("shared", "shared", "other")]
        spans = client.gather(futs)
    (_, a0, a1), (_, b0, b1) = spans[0], spans[1]
    assert a1 <= b0 or b1 <= a0  # the shared host: one after the other
