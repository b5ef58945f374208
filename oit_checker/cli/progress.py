"""Live progress on stderr, kept apart from the reporters so it never mixes into a report.

On a terminal (without ``NO_COLOR``/``CI``/``-q``/``-v``) a rich bar per stage: the submitted
URLs (a total known before the first fetch), the documents they link to (a total that is
known once the linking pages are read) and the documents read. With ``-v`` one plain line per
event instead, for logs; with ``-q`` nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

from oit_checker.cli._common import VERBOSITY, show_progress
from oit_checker.i18n import say


class Progress:
    def __init__(self, submitted: Iterable[str] = (), lang: str = "th") -> None:
        self.submitted = set(submitted)
        self.lang = lang
        self.verbose = VERBOSITY["level"] > 0
        self.bar: Any = None
        self.tasks: dict[str, Any] = {}
        self.seen: set[str] = set()
        if show_progress():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
            )
            from rich.progress import Progress as Bar

            self.bar = Bar(
                TextColumn("{task.description:<22}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.tasks = {
                "submitted": self.bar.add_task(
                    say(lang, "เปิด URL ที่ส่ง", "submitted URLs"), total=len(self.submitted)
                ),
                "linked": self.bar.add_task(say(lang, "เอกสารที่ลิงก์", "linked documents"), total=0),
                "read": self.bar.add_task(say(lang, "อ่านเอกสาร", "documents read"), total=0),
            }

    def __enter__(self) -> Progress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def event(self, kind: str, url: str) -> None:
        if self.verbose:
            words = {
                "fetch_start": say(self.lang, "ดึง", "fetch"),
                "fetch_done": say(self.lang, "ได้แล้ว", "fetched"),
                "extracted": say(self.lang, "อ่านแล้ว", "read"),
            }
            if kind in words:
                print(f"oit-checker: {words[kind]} {url}", file=sys.stderr)
            return
        if self.bar is None:
            return
        stage = "submitted" if url in self.submitted else "linked"
        if kind == "fetch_start" and url not in self.seen:
            self.seen.add(url)
            self.bar.update(self.tasks["read"], total=len(self.seen))
            if stage == "linked":
                self.bar.update(self.tasks["linked"], total=len(self.seen - self.submitted))
        elif kind == "fetch_done":
            self.bar.advance(self.tasks[stage])
        elif kind == "extracted":
            self.bar.advance(self.tasks["read"])
