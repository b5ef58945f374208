"""On-disk conditional-GET cache for nightly reruns and ``check --cache DIR``.

Between nights most documents do not change. For every URL the cache keeps the validators the
server sent (``ETag``, ``Last-Modified``), a SHA-256 of the body, and the extracted
``Document``; the next night asks with ``If-None-Match``/``If-Modified-Since`` and a ``304``
reuses the stored document without downloading or parsing again. A body whose hash differs
from last night's is counted as changed. The folder is created private (0700) and only ever
holds our own values; fetched bytes are never stored or executed. Entries in the earlier layout
(two files per URL in the top folder) are not read: the first night after the upgrade
downloads each document once more.

An entry is used only by the code that made it, under the same reading bounds: the schema
hashes the ``Document`` fields, the release, the source of every module that turns bytes into
a ``Document`` and the settings that bound the reading (pages, rows, characters). A stored
document from an older extractor would otherwise carry that extractor's mistakes into a green
verdict after the upgrade that fixed them; a cache is never a reason to judge differently.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from oit_checker.model import Document

if TYPE_CHECKING:
    from oit_checker.settings import RunSettings

SUFFIX = ".oitc"
PACKAGE = Path(__file__).resolve().parents[1]
# What turns a response into a Document: the extractors and what they call, the evidence glue
# (drawing, the OCR budget) and the body and charset handling before them.
READERS = (
    "extract",
    "model.py",
    "thaidate.py",
    "thaitext.py",
    "urls.py",
    "evidence.py",
    "fetch/body.py",
    "fetch/decode.py",
)
# Settings that change what a Document holds (how much is read), not how it is fetched.
READING_BOUNDS = (
    "max_text_chars",
    "max_pdf_pages",
    "max_sheet_rows",
    "max_unzipped_bytes",
    "ocr_dpi",
    "ocr_pages",
)
LINE_CAP = 64 * 1024  # an entry's first line (validators) is our own few hundred bytes


@cache
def _code_digest() -> str:
    """SHA-256 of the reading code's source, once per process (≈ 0.2 MB, about a
    millisecond). Where the sources are not on disk the release number stands alone."""
    from oit_checker import __version__

    h = hashlib.sha256(",".join(Document.__dataclass_fields__).encode())
    h.update(__version__.encode())
    for name in READERS:
        path = PACKAGE / name
        for source in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            try:
                h.update(source.relative_to(PACKAGE).as_posix().encode() + b"\0")
                h.update(source.read_bytes())
            except OSError:
                h.update(b"?")
    return h.hexdigest()


def schema(settings: RunSettings | None = None) -> str:
    """The key an entry must carry to be used: the reading code and its bounds."""
    h = hashlib.sha256(_code_digest().encode())
    if settings is not None:
        h.update(repr([getattr(settings, name) for name in READING_BOUNDS]).encode())
    return h.hexdigest()[:16]


def has_entries(folder: str | None) -> bool:
    """Does ``folder`` hold a cache from an earlier run? A warm run reads few documents, so
    the engine leaves the extraction pool to start on first need instead of at once (its
    fork server and workers cost ≈ 0.3 s of CPU a warm run would not use)."""
    if not folder:
        return False
    try:
        with os.scandir(folder) as it:
            return any(e.is_dir() for e in it)
    except OSError:
        return False


@dataclass(frozen=True, slots=True)
class Entry:
    etag: str | None
    last_modified: str | None
    sha256: str
    unreadable: str | None = None  # the stored document's unreadable_reason (OCR may read it now)


@dataclass(frozen=True, slots=True)
class Stored:
    """An entry as read: the validators, and the document's pickle, loaded only if used."""

    entry: Entry
    pickled: bytes

    def document(self) -> Document | None:
        try:
            doc = pickle.loads(self.pickled)
        except (pickle.PickleError, EOFError, AttributeError, ValueError, TypeError, IndexError):
            return None
        if not isinstance(doc, Document):
            return None
        if not all(hasattr(doc, name) for name in Document.__dataclass_fields__):
            return None  # stored by an older release without a newer field: read it again
        return doc


class HttpCache:
    """One file per URL, in 256 sub-folders: a first line of JSON (validators, hash, why the
    document was unreadable) and the pickled Document after it, written whole to a temporary
    file and renamed into place, so a night killed mid-write leaves the old entry or none.

    One file, not two, and folders of a few hundred files, not one of 260,000: creating the
    files was a sixth of the main process's time on a 2,000-agency night (py-spy). A run reads
    each entry once (:meth:`read`); its document is unpickled only when it is reused.
    """

    def __init__(self, folder: str | Path, settings: RunSettings | None = None) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)
        self.schema = schema(settings)

    def _key(self, url: str) -> Path:
        digest = hashlib.sha256(url.encode()).hexdigest()
        return self.folder / digest[:2] / (digest[2:40] + SUFFIX)

    def entry(self, url: str) -> Entry | None:
        stored = self.read(url)
        return stored.entry if stored is not None else None

    def document(self, url: str) -> Document | None:
        stored = self.read(url)
        return stored.document() if stored is not None else None

    def read(self, url: str) -> Stored | None:
        """The whole entry in one read: its validators, and its document still pickled.
        One ``open`` per URL instead of one for the validators and another for the
        document: opening files was a tenth of a warm night's main process (py-spy)."""
        try:
            raw = self._key(url).read_bytes()
            head, newline, rest = raw.partition(b"\n")
            if not newline or len(head) > LINE_CAP:
                return None
            data = json.loads(head)
            if data.get("schema") != self.schema:
                return None
            entry = Entry(
                data.get("etag"), data.get("last_modified"), data["sha256"], data.get("unreadable")
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        return Stored(entry, rest)

    def put(self, url: str, entry: Entry, doc: Document) -> None:
        key = self._key(url)
        head = {
            "url": url,
            "etag": entry.etag,
            "last_modified": entry.last_modified,
            "sha256": entry.sha256,
            "unreadable": doc.unreadable_reason,
            "schema": self.schema,
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
