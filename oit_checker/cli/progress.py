"""Live progress on stderr: only on a terminal without ``NO_COLOR``/``CI`` (kept apart from
the final reporters so it never mixes into the report on stdout)."""

from __future__ import annotations

import sys

from oit_checker.cli._common import show_progress


class Progress:
    def __init__(self) -> None:
        self.enabled = show_progress()
        self.started = 0
        self.done = 0

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()

    def event(self, kind: str, url: str) -> None:
        if kind == "fetch_start":
            self.started += 1
        elif kind == "fetch_done":
            self.done += 1
        else:
            return
        if self.enabled:
            sys.stderr.write(f"\r\033[K{self.done}/{self.started} {url[-70:]}")
            sys.stderr.flush()
