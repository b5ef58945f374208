"""Where a fetched body lives, and the only way to read or drop it: memory (small) or disk.

The fetcher decides where a body goes (``fetch.fetcher``: in memory under a process-wide
budget, else spooled to disk); every stage after it reads the body through these functions,
so the storage policy can change in one place.
"""

from __future__ import annotations

import io
from pathlib import Path

from oit_checker.model import Resource


def body_bytes(res: Resource, limit: int | None = None) -> bytes:
    """The body (or its first ``limit`` bytes), from memory or from its spool file."""
    if res.body is not None:
        return res.body if limit is None else res.body[:limit]
    assert res.body_path is not None
    with open(res.body_path, "rb") as fh:
        return fh.read() if limit is None else fh.read(limit)


def body_source(res: Resource) -> str | io.BytesIO:
    """A path or a file-like object, for parsers that accept either (zip, calamine)."""
    if res.body is not None:
        return io.BytesIO(res.body)
    assert res.body_path is not None
    return res.body_path


def remove_body(res: Resource) -> None:
    """Delete the spool file once the body has been read (memory bodies go with the value)."""
    if res.body_path:
        Path(res.body_path).unlink(missing_ok=True)


class SpoolBudget:
    """Bytes of response bodies held in memory at once, across every fetcher of the process."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0

    def take(self, n: int) -> bool:
        if self.used + n > self.limit:
            return False
        self.used += n
        return True

    def give(self, n: int) -> None:
        self.used = max(0, self.used - n)


_SPOOLS: dict[int, SpoolBudget] = {}


def spool_budget(limit: int) -> SpoolBudget:
    """One budget per process (per configured limit), shared by concurrent runs."""
    return _SPOOLS.setdefault(limit, SpoolBudget(limit))
