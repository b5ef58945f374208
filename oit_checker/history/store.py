"""SQLite history: numbered schema migrations, one transaction per agency, what changed kept.

Why SQLite: embedded, transactional and in the standard library, so a nightly job over
thousands of agencies needs no server. Each agency's result is written in a single
transaction (run row, report JSON, item results, findings), so a process killed at any moment
(``kill -9``) leaves either the whole agency or nothing; a rerun of the same night skips the
agencies already saved (lighthouse-ci keeps its history the same way). WAL mode lets
``history`` read while a night is being written.

Since migration 2 a night stores what changed, not the whole report again: a report is split
into its frame (scores, dates, stats: small, new each night) and its items, and each part is
kept once, content-addressed (SHA-256 of its canonical JSON, zlib-compressed) in ``blobs``. An
unchanged agency costs its run row, its frame and its item rows (≈2 KB instead of ≈100 KB),
and :meth:`Store.report_json` rebuilds any night's report exactly (the same JSON, key order
included). Rows saved before migration 2 keep their full ``report_json`` and load unchanged;
the per-finding rows (the same data as the items) are no longer written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zlib
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import cast

from oit_checker.history.engines import Engine, open_engine
from oit_checker.model import Report, TrendPoint
from oit_checker.reportfile import to_dict

MIGRATIONS: tuple[str, ...] = (
    # 1: runs, agency results, items and findings
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY, night TEXT NOT NULL UNIQUE, started_at TEXT NOT NULL,
        finished_at TEXT
    );
    CREATE TABLE agency_runs (
        id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL REFERENCES runs(id),
        agency TEXT NOT NULL, checklist TEXT NOT NULL, oit_score REAL NOT NULL,
        oit_score_max REAL NOT NULL, report_json TEXT NOT NULL, saved_at TEXT NOT NULL,
        UNIQUE (run_id, agency)
    );
    CREATE TABLE item_results (
        agency_run_id INTEGER NOT NULL REFERENCES agency_runs(id), item TEXT NOT NULL,
        status TEXT NOT NULL, score REAL NOT NULL, PRIMARY KEY (agency_run_id, item)
    );
    CREATE TABLE findings (
        agency_run_id INTEGER NOT NULL REFERENCES agency_runs(id), item TEXT NOT NULL,
        check_id TEXT NOT NULL, status TEXT NOT NULL, code TEXT NOT NULL, url TEXT,
        fingerprint TEXT NOT NULL
    );
    CREATE INDEX agency_runs_by_agency ON agency_runs (agency, run_id);
    """,
    # 2: content-addressed report parts; a night stores only what changed
    """
    CREATE TABLE blobs (hash TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;
    ALTER TABLE agency_runs ADD COLUMN frame TEXT;
    ALTER TABLE agency_runs ADD COLUMN items TEXT;
    """,
)

ITEMS_AT = "\x00items"  # where the items go back into the frame (a key no report can hold)


def _canon(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str).encode()


class Store:
    """The history, in a SQLite file (default) or PostgreSQL (``postgresql://…``)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.db: Engine = open_engine(self.path)
        self.migrate()

    def close(self) -> None:
        self.db.close()

    @property
    def version(self) -> int:
        return self.db.version

    def lock_night(self) -> AbstractContextManager[None]:
        """Exclusive, non-blocking: a second night on the same history stops at once."""
        return cast(AbstractContextManager[None], self.db.lock_night())

    def migrate(self) -> None:
        """Apply the numbered migrations not yet applied, each in its own transaction."""
        for number, script in enumerate(MIGRATIONS, start=1):
            if self.version >= number:
                continue
            with self._tx():
                for statement in filter(str.strip, script.split(";")):
                    self.db.execute(statement)
                self.db.set_version(number)

    @contextmanager
    def _tx(self) -> Iterator[None]:
        self.db.begin()
        try:
            yield
        except BaseException:
            self.db.rollback()
            raise
        self.db.commit()

    def start_run(self, night: str) -> int:
        """The run of ``night`` (created, or resumed when an earlier attempt was cut off)."""
        row = self.db.execute("SELECT id FROM runs WHERE night = ?", (night,)).fetchone()
        if row:
            return int(row[0])
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        return self.db.insert_id("INSERT INTO runs (night, started_at) VALUES (?, ?)", (night, now))

    def finish_run(self, run_id: int) -> None:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self.db.execute("UPDATE runs SET finished_at = ? WHERE id = ?", (now, run_id))

    def done(self, run_id: int) -> set[str]:
        rows = self.db.execute("SELECT agency FROM agency_runs WHERE run_id = ?", (run_id,))
        return {r[0] for r in rows}

    def _put(self, data: bytes) -> str:
        """Keep ``data`` once under its SHA-256 (a part seen on an earlier night is shared)."""
        key = hashlib.sha256(data).hexdigest()
        self.db.execute(
            "INSERT OR IGNORE INTO blobs (hash, data) VALUES (?, ?)", (key, zlib.compress(data, 6))
        )
        return key

    def _get(self, key: str) -> object:
        row = self.db.execute("SELECT data FROM blobs WHERE hash = ?", (key,)).fetchone()
        if row is None:
            raise LookupError(f"history blob {key} is missing")
        return json.loads(zlib.decompress(bytes(row[0])))

    def save(self, run_id: int, report: Report) -> None:
        """One agency's result, all or nothing: its frame and the items not stored before."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        doc = to_dict(report, "th")
        frame = {
            (ITEMS_AT if k == "items" else k): (None if k == "items" else v) for k, v in doc.items()
        }
        with self._tx():
            items = [self._put(_canon(item)) for item in doc.get("items", [])]
            ar = self.db.insert_id(
                "INSERT INTO agency_runs (run_id, agency, checklist, oit_score, oit_score_max,"
                " report_json, saved_at, frame, items) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    run_id,
                    report.agency,
                    report.checklist_id,
                    report.oit_score,
                    report.oit_score_max,
                    "",
                    now,
                    self._put(_canon(frame)),
                    self._put(_canon(items)),
                ),
            )
            self.db.executemany(
                "INSERT INTO item_results VALUES (?, ?, ?, ?)",
                [(ar, i.id, i.status.value, i.score) for i in report.items],
            )

    def report_json(self, agency: str, before_run: int | None = None) -> dict[str, object] | None:
        """The latest saved report of ``agency`` (optionally from a run before ``before_run``)."""
        sql = "SELECT report_json, frame, items FROM agency_runs WHERE agency = ?"
        args: list[object] = [agency]
        if before_run is not None:
            sql += " AND run_id < ?"
            args.append(before_run)
        row = self.db.execute(sql + " ORDER BY run_id DESC LIMIT 1", args).fetchone()
        if row is None:
            return None
        full, frame_key, items_key = row
        if full:  # saved before migration 2
            return dict(json.loads(full))
        frame = self._get(frame_key)
        keys = self._get(items_key)
        assert isinstance(frame, dict) and isinstance(keys, list)
        items = [self._get(k) for k in keys]
        return {
            ("items" if k == ITEMS_AT else k): (items if k == ITEMS_AT else v)
            for k, v in frame.items()
        }

    def trend(self, agency: str, last: int = 30) -> list[TrendPoint]:
        rows = self.db.execute(
            "SELECT r.night, a.oit_score, a.oit_score_max,"
            " (SELECT COUNT(*) FROM item_results i WHERE i.agency_run_id = a.id"
            "  AND i.status IN ('fail', 'risk'))"
            " FROM agency_runs a JOIN runs r ON r.id = a.run_id WHERE a.agency = ?"
            " ORDER BY a.run_id DESC LIMIT ?",
            (agency, last),
        ).fetchall()
        return [TrendPoint(n, s, m, int(f)) for n, s, m, f in reversed(rows)]

    def item_shares(self, last: int = 14) -> list[tuple[str, str, int, int]]:
        """``(night, item, agencies failing or at risk, agencies judged)`` over the last
        nights, oldest first: the fleet's trend per item, from one aggregate query."""
        rows = self.db.execute(
            "SELECT r.night, i.item,"
            " SUM(CASE WHEN i.status IN ('fail', 'risk') THEN 1 ELSE 0 END), COUNT(*)"
            " FROM item_results i JOIN agency_runs a ON a.id = i.agency_run_id"
            " JOIN runs r ON r.id = a.run_id"
            " WHERE r.id IN (SELECT id FROM runs ORDER BY id DESC LIMIT ?)"
            " GROUP BY r.id, r.night, i.item ORDER BY r.id, i.item",
            (last,),
        ).fetchall()
        return [(str(n), str(i), int(f), int(c)) for n, i, f, c in rows]

    def item_history(self, agency: str, last: int = 60) -> list[tuple[str, str, str]]:
        """``(night, item, status)`` of the agency's last nights, oldest first: since when
        each item fails."""
        rows = self.db.execute(
            "SELECT r.night, i.item, i.status FROM item_results i"
            " JOIN agency_runs a ON a.id = i.agency_run_id JOIN runs r ON r.id = a.run_id"
            " WHERE a.agency = ? AND a.run_id IN (SELECT run_id FROM agency_runs"
            "  WHERE agency = ? ORDER BY run_id DESC LIMIT ?)"
            " ORDER BY a.run_id, i.item",
            (agency, agency, last),
        ).fetchall()
        return [(str(n), str(i), str(s)) for n, i, s in rows]
