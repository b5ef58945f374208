"""On-disk conditional-GET cache for nightly reruns (off by default in ``check``).

Between nights most documents do not change. For every URL the cache keeps the validators the
server sent (``ETag``, ``Last-Modified``), a SHA-256 of the body, and the extracted
``Document``; the next night asks with ``If-None-Match``/``If-Modified-Since`` and a ``304``
reuses the stored document without downloading or parsing again. A body whose hash differs
from last night's is counted as changed. The folder is created private (0700) and only ever
holds our own values; fetched bytes are never stored or executed.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from dataclasses import dataclass, fields
from pathlib import Path

from oit_checker.model import Document


@dataclass(frozen=True, slots=True)
class Entry:
    etag: str | None
    last_modified: str | None
    sha256: str


class HttpCache:
    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)

    def _key(self, url: str) -> Path:
        return self.folder / hashlib.sha256(url.encode()).hexdigest()[:40]

    def entry(self, url: str) -> Entry | None:
        try:
            data = json.loads(self._key(url).with_suffix(".json").read_text(encoding="utf-8"))
            return Entry(data.get("etag"), data.get("last_modified"), data["sha256"])
        except (OSError, ValueError, KeyError):
            return None

    def document(self, url: str) -> Document | None:
        try:
            doc = pickle.loads(self._key(url).with_suffix(".doc").read_bytes())
        except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError):
            return None
        if not isinstance(doc, Document):
            return None
        if not all(hasattr(doc, f.name) for f in fields(Document)):
            return None  # stored by an older release without a newer field: read it again
        try:  # a document stored by an older release may lack a field added since
            for name in Document.__dataclass_fields__:
                getattr(doc, name)
        except AttributeError:
            return None
        return doc

    def put(self, url: str, entry: Entry, doc: Document) -> None:
        key = self._key(url)
        key.with_suffix(".doc").write_bytes(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))
        key.with_suffix(".json").write_text(
            json.dumps(
                {
                    "url": url,
                    "etag": entry.etag,
                    "last_modified": entry.last_modified,
                    "sha256": entry.sha256,
                }
            ),
            encoding="utf-8",
        )

    @staticmethod
    def validators(entry: Entry | None) -> dict[str, str]:
        if entry is None:
            return {}
        headers = {}
        if entry.etag:
            headers["If-None-Match"] = entry.etag
        if entry.last_modified:
            headers["If-Modified-Since"] = entry.last_modified
        return headers
