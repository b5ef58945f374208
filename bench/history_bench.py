"""History bytes per agency-night: the v1 layout (full report + finding rows every night) vs
content-addressed parts (issue 13: under 10 KB for an unchanged agency).

A real report comes from checking the bundled demo site (136 resources' worth of findings);
N agencies are saved for M nights — unchanged, then with one item changed per agency per
night — into real SQLite files, and the growth of each file is divided by the agency-nights.

    python bench/history_bench.py [--agencies 200] [--nights 5]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from oit_checker.history.store import MIGRATIONS, Store
from oit_checker.model import Report
from oit_checker.reportfile import load_report, to_dict


def demo_report(tmp: Path) -> Report:
    out = tmp / "demo.json"
    subprocess.run(
        [sys.executable, "-m", "oit_checker", "demo", "-q", "--format", "json", "-o", str(out)],
        check=True,
    )
    return load_report(out)


def size(path: Path) -> int:
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages, page = (
        con.execute("PRAGMA page_count").fetchone()[0],
        con.execute("PRAGMA page_size").fetchone()[0],
    )
    con.close()
    return int(pages * page)


def night_of(report: Report, agency: str, n: int, changed: bool) -> Report:
    # every agency's items differ from the others' (a real fleet shares little across agencies)
    items = [dataclasses.replace(i, title=f"{i.title} {agency}") for i in report.items]
    if changed:  # one item's findings change (a new title stands for a new finding text)
        k = n % len(items)
        items[k] = dataclasses.replace(items[k], title=f"{items[k].title} night {n}")
    return dataclasses.replace(
        report,
        agency=agency,
        items=tuple(items),
        checked_at=report.checked_at + dt.timedelta(days=n),
        stats=(("resources", 136.0), ("seconds", 2.0 + n / 7)),
    )


def v1_save(con: sqlite3.Connection, run: int, report: Report) -> None:
    """The layout before migration 2, replayed: the whole report and every finding row."""
    data = json.dumps(to_dict(report, "th"), ensure_ascii=False, default=str)
    cur = con.execute(
        "INSERT INTO agency_runs (run_id, agency, checklist, oit_score, oit_score_max,"
        " report_json, saved_at) VALUES (?, ?, ?, ?, ?, ?, 'x')",
        (run, report.agency, report.checklist_id, report.oit_score, report.oit_score_max, data),
    )
    ar = cur.lastrowid
    con.executemany(
        "INSERT INTO item_results VALUES (?, ?, ?, ?)",
        [(ar, i.id, i.status.value, i.score) for i in report.items],
    )
    con.executemany(
        "INSERT INTO findings VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (ar, f.item, f.check, f.status.value, f.code, f.url, f.fingerprint)
            for i in report.items
            for f in i.findings
        ],
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--agencies", type=int, default=200)
    ap.add_argument("--nights", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        report = demo_report(tmp)
        full = len(json.dumps(to_dict(report, "th"), ensure_ascii=False, default=str).encode())
        findings = sum(len(i.findings) for i in report.items)
        print(f"report: {len(report.items)} items, {findings} findings, JSON {full / 1024:.1f} KB")
        for changed in (False, True):
            new_db, old_db = tmp / f"new{changed}.sqlite", tmp / f"old{changed}.sqlite"
            store = Store(new_db)
            old = sqlite3.connect(old_db, isolation_level=None)
            old.executescript(MIGRATIONS[0])
            names = [f"อบต.ที่ {k}" for k in range(args.agencies)]
            marks_new, marks_old = [], []
            for n in range(args.nights):
                run = store.start_run(f"2025-04-{n + 1:02d}")
                old.execute("INSERT INTO runs VALUES (?, ?, 'x', 'y')", (run, f"n{n}"))
                old.execute("BEGIN")
                for name in names:
                    tonight = night_of(report, name, n, changed and n > 0)
                    store.save(run, tonight)
                    v1_save(old, run, tonight)
                old.execute("COMMIT")
                marks_new.append(size(new_db))
                marks_old.append(size(old_db))
            store.close()
            old.close()
            per = args.agencies * (args.nights - 1)  # nights after the first
            grow_new = (marks_new[-1] - marks_new[0]) / per
            grow_old = (marks_old[-1] - marks_old[0]) / per
            kind = "one item changed" if changed else "unchanged"
            print(
                f"{kind:>17}: v1 {grow_old / 1024:6.1f} KB/agency-night, "
                f"now {grow_new / 1024:5.2f} KB/agency-night ({grow_old / grow_new:.0f}x less); "
                f"first night v1 {marks_old[0] / args.agencies / 1024:.1f} KB, "
                f"now {marks_new[0] / args.agencies / 1024:.1f} KB per agency"
            )


if __name__ == "__main__":
    main()
