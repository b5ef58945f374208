"""kill -9 a real nightly process mid-night; the rerun redoes nothing finished, loses nothing."""

import signal
import sqlite3
import subprocess
import sys
import time

from tests.e2e.conftest import submission
from tests.sites import PLAN_TEXT, html, slow_then, static

PLAN = html("O25", PLAN_TEXT).encode()


def test_kill_minus_9_then_resume(tmp_path, scenario):
    lines = ["agencies:"]
    for k in range(4):
        # agencies 2 and 3 answer slowly, so the kill lands while they are in flight
        behaviour = static(PLAN) if k < 2 else slow_then(3.0, static(PLAN))
        url = scenario.route(f"/a{k}/o25", behaviour)
        d = tmp_path / f"a{k}"
        d.mkdir()
        sub = submission(d, scenario.url("/"), {"O25": url})
        lines += [f"  - name: agency-{k}", f"    submission: {sub.relative_to(tmp_path)}"]
    agencies = tmp_path / "agencies.yaml"
    agencies.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "h.sqlite"
    cmd = [
        sys.executable,
        "-m",
        "oit_checker",
        "nightly",
        str(agencies),
        "--db",
        str(db),
        "--out",
        str(tmp_path / "out"),
        "--today",
        "2025-03-31",
        "--at-once",
        "4",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    saved = 0
    deadline = time.monotonic() + 60
    while saved < 2 and time.monotonic() < deadline:  # wait for the fast agencies to be saved
        time.sleep(0.1)
        if db.exists():
            try:
                saved = (
                    sqlite3.connect(db).execute("SELECT COUNT(*) FROM agency_runs").fetchone()[0]
                )
            except sqlite3.OperationalError:
                saved = 0
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    before = {k: scenario.hits[f"/a{k}/o25"] for k in range(4)}
    assert saved == 2 and before[0] == before[1] == 1
    assert subprocess.run(cmd, capture_output=True, timeout=120).returncode == 0
    rows = (
        sqlite3.connect(db)
        .execute("SELECT agency, COUNT(*) FROM agency_runs GROUP BY agency ORDER BY agency")
        .fetchall()
    )
    assert rows == [(f"agency-{k}", 1) for k in range(4)]  # each exactly once, none lost
    assert scenario.hits["/a0/o25"] == 1 and scenario.hits["/a1/o25"] == 1  # not redone
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone() == ("ok",)
