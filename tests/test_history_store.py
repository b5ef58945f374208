"""SQLite history on a real database file: migrations, all-or-nothing saves, resume, trend."""

import dataclasses
import sqlite3

import pytest

from oit_checker.history.store import MIGRATIONS, Store
from tests.test_reporters import fixed_report


def test_migrations_apply_once_and_record_the_version(tmp_path):
    db = tmp_path / "h.sqlite"
    s = Store(db)
    assert s.version == len(MIGRATIONS)
    s.close()
    s = Store(db)  # reopening applies nothing twice
    assert s.version == len(MIGRATIONS)
    tables = {r[0] for r in s.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"runs", "agency_runs", "item_results", "findings"} <= tables


def test_save_previous_trend_and_resume(tmp_path):
    s = Store(tmp_path / "h.sqlite")
    r1 = s.start_run("2025-03-30")
    s.save(r1, fixed_report())
    s.finish_run(r1)
    r2 = s.start_run("2025-03-31")
    better = dataclasses.replace(fixed_report(), oit_score=75.0)
    s.save(r2, better)
    assert s.start_run("2025-03-31") == r2  # the same night resumes its run
    assert s.done(r2) == {"อบต.ตัวอย่าง"}
    assert s.report_json("อบต.ตัวอย่าง")["oit"]["score"] == 75.0
    assert s.report_json("อบต.ตัวอย่าง", before_run=r2)["oit"]["score"] == 70.0
    assert [(p.night, p.oit_score, p.failing) for p in s.trend("อบต.ตัวอย่าง")] == [
        ("2025-03-30", 70.0, 1),
        ("2025-03-31", 75.0, 1),
    ]
    counts = s.db.execute("SELECT COUNT(*) FROM item_results").fetchone()[0]
    assert counts == 2 * len(fixed_report().items)


def test_a_failed_save_leaves_nothing_half_written(tmp_path):
    s = Store(tmp_path / "h.sqlite")
    run = s.start_run("2025-03-31")
    r = fixed_report()
    dup = dataclasses.replace(r, items=(*r.items, r.items[0]))  # violates the item primary key
    with pytest.raises(sqlite3.IntegrityError):
        s.save(run, dup)
    assert s.done(run) == set()
    assert s.db.execute("SELECT COUNT(*) FROM item_results").fetchone()[0] == 0
    s.save(run, r)
    assert s.done(run) == {"อบต.ตัวอย่าง"}
