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


def _night(report, n: int, **changes):
    import datetime as dt

    at = report.checked_at + dt.timedelta(days=n)
    stats = (("resources", 136.0), ("seconds", 2.0 + n / 10))
    return dataclasses.replace(report, checked_at=at, stats=stats, **changes)


def test_any_night_is_rebuilt_exactly_and_an_unchanged_night_stores_only_its_frame(tmp_path):
    """Issue 13: store what changed; every night's report stays reconstructible exactly."""
    import json

    from oit_checker.reportfile import to_dict

    s = Store(tmp_path / "h.sqlite")
    base = fixed_report()
    nights = []
    for n in range(6):
        report = _night(base, n)
        if n == 4:  # one item changes on night 4
            items = (dataclasses.replace(base.items[0], title="แก้แล้ว"), *base.items[1:])
            report = dataclasses.replace(report, items=items)
        run = s.start_run(f"2025-04-0{n + 1}")
        s.save(run, report)
        nights.append((run, json.dumps(to_dict(report, "th"), ensure_ascii=False, default=str)))
    for (_, expected), nxt in zip(nights, [*nights[1:], (None, None)], strict=True):
        got = (
            s.report_json("อบต.ตัวอย่าง", before_run=nxt[0])
            if nxt[0]
            else s.report_json("อบต.ตัวอย่าง")
        )
        assert json.dumps(got, ensure_ascii=False, default=str) == expected  # byte for byte
    blobs = s.db.execute("SELECT COUNT(*) FROM blobs").fetchone()[0]
    items = len(base.items)
    # items once + the changed item; item lists twice; one frame per night
    assert blobs == items + 1 + 2 + 6
    assert s.db.execute("SELECT COUNT(*) FROM findings").fetchone()[0] == 0


def test_a_version_1_history_migrates_and_its_reports_still_load(tmp_path):
    import json

    db = tmp_path / "old.sqlite"
    con = sqlite3.connect(db)
    con.executescript(MIGRATIONS[0])
    con.execute("PRAGMA user_version=1")
    con.execute("INSERT INTO runs VALUES (1, '2025-03-30', 'x', 'y')")
    old = {"schema": "oit-checker/report/v1", "oit": {"score": 61.5}, "items": []}
    con.execute(
        "INSERT INTO agency_runs (id, run_id, agency, checklist, oit_score, oit_score_max,"
        " report_json, saved_at) VALUES (1, 1, 'อบต.เก่า', 'ita-2567', 61.5, 70, ?, 'x')",
        (json.dumps(old),),
    )
    con.commit()
    con.close()
    s = Store(db)
    assert s.version == len(MIGRATIONS) == 2
    assert s.report_json("อบต.เก่า") == old
    run = s.start_run("2025-03-31")
    s.save(run, dataclasses.replace(fixed_report(), agency="อบต.เก่า"))
    assert s.report_json("อบต.เก่า")["oit"]["score"] == 70.0
    assert s.report_json("อบต.เก่า", before_run=run) == old
