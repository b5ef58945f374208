"""SQLite or PostgreSQL under one small interface, so the history's SQL and migrations are
written once.

SQLite stays the default (embedded, no server). ``postgresql://…`` selects PostgreSQL through
psycopg 3, for fleets whose nights outgrow one file or are read by other tools. The store's
statements use ``?`` placeholders and SQLite's spelling; :class:`Postgres` translates the few
differences (placeholders, ``INTEGER PRIMARY KEY`` ids, ``BLOB``, ``INSERT OR IGNORE``,
``WITHOUT ROWID``) and keeps the schema version in a table instead of ``PRAGMA user_version``.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

from oit_checker.errors import UsageError


class Engine(Protocol):
    url: str

    def execute(self, sql: str, args: Sequence[object] = ()) -> Any: ...
    def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None: ...
    def insert_id(self, sql: str, args: Sequence[object]) -> int: ...
    def begin(self) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def close(self) -> None: ...
    @property
    def version(self) -> int: ...
    def set_version(self, number: int) -> None: ...
    def lock_night(self) -> Any: ...


def is_url(target: str) -> bool:
    return bool(re.match(r"(?i)postgres(ql)?://", target))


def open_engine(target: str) -> Engine:
    """``postgresql://…`` → PostgreSQL, anything else → a SQLite file."""
    return Postgres(target) if is_url(target) else Sqlite(target)


class _Transactions:
    """Ending a transaction and closing are spelt alike in both engines."""

    db: Any

    def execute(self, sql: str, args: Sequence[object] = ()) -> Any:
        raise NotImplementedError

    def commit(self) -> None:
        self.execute("COMMIT")

    def rollback(self) -> None:
        self.execute("ROLLBACK")

    def close(self) -> None:
        self.db.close()


class Sqlite(_Transactions):
    def __init__(self, path: str) -> None:
        self.url = path
        self.db = sqlite3.connect(path, timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")

    def execute(self, sql: str, args: Sequence[object] = ()) -> Any:
        return self.db.execute(sql, args)

    def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        self.db.executemany(sql, rows)

    def insert_id(self, sql: str, args: Sequence[object]) -> int:
        return int(self.db.execute(sql, args).lastrowid or 0)

    def begin(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def set_version(self, number: int) -> None:
        self.db.execute(f"PRAGMA user_version={int(number)}")

    @contextmanager
    def lock_night(self) -> Iterator[None]:
        """A lock file beside the database: a second night on it stops at once."""
        import fcntl
        import os

        fd = os.open(self.url + ".lock", os.O_CREAT | os.O_RDWR, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise UsageError("another nightly run is using {db}", {"db": self.url}) from None
            yield
        finally:
            os.close(fd)


_TRANSLATE = (
    (re.compile(r"\bINTEGER PRIMARY KEY\b"), "BIGSERIAL PRIMARY KEY"),
    (re.compile(r"\bBLOB\b"), "BYTEA"),
    (re.compile(r"\)\s*WITHOUT ROWID"), ")"),
    (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),
)
LOCK_KEY = 0x4F4954  # "OIT": the advisory lock of a night


class Postgres(_Transactions):
    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError:
            raise UsageError(
                "--db {db}: PostgreSQL needs psycopg (pip install 'oit-checker[postgres]')",
                {"db": _safe(url)},
            ) from None
        self.url = _safe(url)
        try:
            self.db = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.OperationalError as exc:
            raise UsageError(
                "--db {db}: cannot connect to PostgreSQL: {detail}",
                {"db": self.url, "detail": str(exc).strip().splitlines()[0]},
            ) from None
        self.db.execute("CREATE TABLE IF NOT EXISTS oit_schema (version INTEGER NOT NULL)")

    @staticmethod
    def _sql(sql: str) -> str:
        for rx, to in _TRANSLATE:
            sql = rx.sub(to, sql)
        if sql.lstrip().upper().startswith("INSERT OR IGNORE"):
            sql = (
                re.sub(r"(?i)INSERT OR IGNORE", "INSERT", sql, count=1) + " ON CONFLICT DO NOTHING"
            )
        return sql.replace("?", "%s")

    def execute(self, sql: str, args: Sequence[object] = ()) -> Any:
        return self.db.execute(self._sql(sql), tuple(args))

    def executemany(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        with self.db.cursor() as cur:
            cur.executemany(self._sql(sql), [tuple(r) for r in rows])

    def insert_id(self, sql: str, args: Sequence[object]) -> int:
        row = self.execute(sql + " RETURNING id", args).fetchone()
        return int(row[0])

    def begin(self) -> None:
        self.db.execute("BEGIN")

    @property
    def version(self) -> int:
        row = self.db.execute("SELECT max(version) FROM oit_schema").fetchone()
        return int(row[0] or 0) if row else 0

    def set_version(self, number: int) -> None:
        self.db.execute("INSERT INTO oit_schema (version) VALUES (%s)", (int(number),))

    @contextmanager
    def lock_night(self) -> Iterator[None]:
        """A session advisory lock: one night per database, from any machine."""
        got = self.db.execute("SELECT pg_try_advisory_lock(%s)", (LOCK_KEY,)).fetchone()
        if not got or not got[0]:
            raise UsageError("another nightly run is using {db}", {"db": self.url})
        try:
            yield
        finally:
            self.db.execute("SELECT pg_advisory_unlock(%s)", (LOCK_KEY,))


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)
