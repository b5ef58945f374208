"""The history on a real PostgreSQL server (issue 13): the same migrations, saves, exact
rebuilds, trend, the night lock and a nightly end to end. `.ci/run` installs Debian's
PostgreSQL, starts it and sets OIT_TEST_PG_URL; without it these tests skip (never in CI)."""

from __future__ import annotations

import dataclasses
import json
import os
import uuid
from collections.abc import Iterator

import pytest

from oit_checker.errors import UsageError
from oit_checker.history.store import MIGRATIONS, Store
from oit_checker.reportfile import to_dict
from tests.test_reporters import fixed_report

ADMIN = os.environ.get("OIT_TEST_PG_URL", "")
IN_CI = bool(os.environ.get("CI"))
needs_server = pytest.mark.skipif(
    not ADMIN and not IN_CI, reason="no PostgreSQL server (OIT_TEST_PG_URL)"
)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh database per test, dropped afterwards."""
    import psycopg

    if not ADMIN:  # in CI the server is part of the run: its absence is a failure
        pytest.fail("CI must provide a PostgreSQL server (OIT_TEST_PG_URL, see .ci/run)")
    name = f"oit_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = ADMIN.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@needs_server
def test_migrations_saves_rebuilds_and_trend_on_postgresql(pg_url):
    s = Store(pg_url)
    assert s.version == len(MIGRATIONS)
    s.close()
    s = Store(pg_url)  # reopening applies nothing twice
    assert s.version == len(MIGRATIONS)
    base = fixed_report()
    r1 = s.start_run("2025-03-30")
    s.save(r1, base)
    r2 = s.start_run("2025-03-31")
    better = dataclasses.replace(base, oit_score=75.0)
    s.save(r2, better)
    assert s.start_run("2025-03-31") == r2 and s.done(r2) == {"อบต.ตัวอย่าง"}
    want = json.dumps(to_dict(better, "th"), ensure_ascii=False, default=str)
    assert json.dumps(s.report_json("อบต.ตัวอย่าง"), ensure_ascii=False, default=str) == want
    assert s.report_json("อบต.ตัวอย่าง", before_run=r2)["oit"]["score"] == 70.0
    assert [(p.night, p.oit_score, p.failing) for p in s.trend("อบต.ตัวอย่าง")] == [
        ("2025-03-30", 70.0, 1),
        ("2025-03-31", 75.0, 1),
    ]
    blobs = s.db.execute("SELECT count(*) FROM blobs").fetchone()[0]
    assert blobs == len(base.items) + 1 + 2  # items and their list shared; two frames
    s.close()


@needs_server
def test_a_failed_save_leaves_nothing_and_a_second_night_is_locked_out(pg_url):
    import psycopg

    s = Store(pg_url)
    run = s.start_run("2025-03-31")
    r = fixed_report()
    dup = dataclasses.replace(r, items=(*r.items, r.items[0]))
    with pytest.raises(psycopg.errors.UniqueViolation):
        s.save(run, dup)
    assert s.done(run) == set()
    assert s.db.execute("SELECT count(*) FROM item_results").fetchone()[0] == 0
    other = Store(pg_url)
    with (
        s.lock_night(),
        pytest.raises(UsageError, match="another nightly run"),
        other.lock_night(),
    ):
        pass
    with other.lock_night():  # released
        pass
    s.close()
    other.close()


@needs_server
def test_nightly_end_to_end_on_postgresql(pg_url, tmp_path, scenario, capsys):
    from oit_checker.cli import main
    from tests.e2e.conftest import TODAY, submission
    from tests.sites import PLAN_TEXT, html

    sub = submission(
        tmp_path, scenario.url("/"), {"O25": scenario.page("/o25", html("O25", PLAN_TEXT))}
    )
    agencies = tmp_path / "agencies.yaml"
    agencies.write_text(f"agencies:\n  - name: อบต.พีจี\n    submission: {sub.name}\n", "utf-8")
    out = tmp_path / "out"
    argv = ["nightly", str(agencies), "--db", pg_url, "--out", str(out), "--today", TODAY]
    assert main(argv) == 0
    assert main(argv) == 0  # the same night again: resumed, nothing saved twice
    assert "บันทึกไว้แล้วในคืนนี้" in capsys.readouterr().err
    s = Store(pg_url)
    assert s.db.execute("SELECT count(*) FROM agency_runs").fetchone()[0] == 1
    assert s.report_json("อบต.พีจี")["agency"]["name"] == "อบต.พีจี"
    s.close()
    assert (out / "index.html").is_file() and (out / ".cache").is_dir()


def test_an_unreachable_server_is_a_clear_usage_error(capsys):
    from oit_checker.cli import main

    code = main(
        ["history", "x", "--db", "postgresql://nobody:secret@127.0.0.1:1/none", "--lang", "en"]
    )
    err = capsys.readouterr().err
    assert code == 2 and "cannot connect to PostgreSQL" in err and "secret" not in err
