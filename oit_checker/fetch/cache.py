"""On-disk conditional-GET cache for nightly reruns (off by default in ``check``).

Between nights most documents do not change. For every URL the cache keeps the validators the
server sent (``ETag``, ``Last-Modified``), a SHA-256 of the body, and the extracted
``Document``; the next night asks with ``If-None-Match``/``If-Modified-Since`` and a ``304``
reuses the stored document without downloading or parsing again. A body whose hash differs
from last night's is counted as changed. The folder is created private (0700) and only ever
holds our own values; fetched bytes are never stored or executed. Entries in the earlier layout
(two files per URL in the top folder) are not read: the first night after the upgrade
downloads each document once more.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import tempfile
from dataclasses import dataclass, fields
from pathlib import Path

from oit_checker.model import Document

SUFFIX = ".oitc"
# Entries stored by a release whose Document had other fields are not used: unpickled, such a
# document would lack a field, and a conditional GET for it would get a 304 with no document.
SCHEMA = hashlib.sha256(",".join(Document.__dataclass_fields__).encode()).hexdigest()[:16]
LINE_CAP = 64 * 1024  # an entry's first line (validators) is our own few hundred bytes


@dataclass(frozen=True, slots=True)
class Entry:
    etag: str | None
    last_modified: str | None
    sha256: str
    unreadable: str | None = None  # the stored document's unreadable_reason (OCR may read it now)


class HttpCache:
    """One file per URL, in 256 sub-folders: a first line of JSON (validators, hash, why the
    document was unreadable) and the pickled Document after it, written whole to a temporary
    file and renamed into place, so a night killed mid-write leaves the old entry or none.

    One file, not two, and folders of a few hundred files, not one of 260,000: creating the
    files was a sixth of the main process's time on a 2,000-agency night (py-spy). The
    validators are read from the first line alone; the document is unpickled only when it is
    reused.
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)

    def _key(self, url: str) -> Path:
        digest = hashlib.sha256(url.encode()).hexdigest()
        return self.folder / digest[:2] / (digest[2:40] + SUFFIX)

    def entry(self, url: str) -> Entry | None:
        try:
            with self._key(url).open("rb") as fh:
                data = json.loads(fh.readline(LINE_CAP))
            if data.get("schema") != SCHEMA:
                return None
            return Entry(
                data.get("etag"), data.get("last_modified"), data["sha256"], data.get("unreadable")
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def document(self, url: str) -> Document | None:
        try:
            with self._key(url).open("rb") as fh:
                fh.readline(LINE_CAP)
                doc = pickle.load(fh)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError, TypeError):
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
        head = {
            "url": url,
            "etag": entry.etag,
            "last_modified": entry.last_modified,
            "sha256": entry.sha256,
            "unreadable": doc.unreadable_reason,
            "schema": SCHEMA,
        }
        data = json.dumps(head).encode() + b"\n"
        data += pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL)
        key.parent.mkdir(mode=0o700, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=key.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, key)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

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
