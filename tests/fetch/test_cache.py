"""The nightly conditional-GET cache: one private file per URL, validators readable alone,
and nothing half-written or from another release ever used."""

from __future__ import annotations

import json
import os
import stat

from oit_checker.fetch.cache import SUFFIX, Entry, HttpCache
from oit_checker.model import DocKind, Document

URL = "https://www.abt.go.th/ita/o25.pdf"


def doc(reason: str | None = None) -> Document:
    return Document(
        url=URL,
        kind=DocKind.PDF,
        text="แผนปฏิบัติการ พ.ศ. 2568",
        readable=reason is None,
        unreadable_reason=reason,
    )


def test_an_entry_round_trips_in_one_private_file(tmp_path):
    cache = HttpCache(tmp_path / "c")
    assert cache.entry(URL) is None and cache.document(URL) is None
    cache.put(URL, Entry('"v1"', "Tue, 01 Apr 2025 00:00:00 GMT", "ab" * 32), doc())
    files = [p for p in (tmp_path / "c").rglob("*") if p.is_file()]
    assert len(files) == 1 and files[0].suffix == SUFFIX  # one file, no temporary left
    assert stat.S_IMODE(os.stat(tmp_path / "c").st_mode) == 0o700
    assert stat.S_IMODE(os.stat(files[0].parent).st_mode) & 0o077 == 0
    assert cache.entry(URL) == Entry('"v1"', "Tue, 01 Apr 2025 00:00:00 GMT", "ab" * 32, None)
    assert cache.document(URL) == doc()
    assert cache.validators(cache.entry(URL)) == {
        "If-None-Match": '"v1"',
        "If-Modified-Since": "Tue, 01 Apr 2025 00:00:00 GMT",
    }


def test_the_first_line_says_why_the_document_was_unreadable(tmp_path):
    """So the next night can fetch a scan whole for OCR without unpickling the document."""
    cache = HttpCache(tmp_path)
    cache.put(URL, Entry(None, None, "cd" * 32), doc("no_text_layer"))
    assert cache.entry(URL) == Entry(None, None, "cd" * 32, "no_text_layer")


def only_file(folder):
    [path] = [p for p in folder.rglob("*" + SUFFIX)]
    return path


def test_a_torn_entry_is_never_used(tmp_path):
    cache = HttpCache(tmp_path)
    cache.put(URL, Entry('"v1"', None, "ef" * 32), doc())
    path = only_file(tmp_path)
    path.write_bytes(path.read_bytes()[:-20])  # a disk that lost the tail
    assert cache.document(URL) is None
    path.write_bytes(b'{"etag": "v1", "sha2')  # the first line itself cut short
    assert cache.entry(URL) is None and cache.document(URL) is None
    path.write_bytes(b"\x00" * 100_000)  # garbage without a line break
    assert cache.entry(URL) is None and cache.document(URL) is None


def test_an_entry_of_a_release_with_other_document_fields_is_not_used(tmp_path):
    """Its document would lack a field; a conditional GET for it would get a 304 with no
    document to reuse. It is treated as absent: the document is downloaded whole."""
    cache = HttpCache(tmp_path)
    cache.put(URL, Entry('"v1"', None, "01" * 32), doc())
    path = only_file(tmp_path)
    head, _, rest = path.read_bytes().partition(b"\n")
    old = json.loads(head)
    old["schema"] = "an-older-release"
    path.write_bytes(json.dumps(old).encode() + b"\n" + rest)
    assert cache.entry(URL) is None
    assert cache.validators(cache.entry(URL)) == {}


def test_a_scan_left_unread_is_fetched_whole_when_ocr_can_read_it(tmp_path):
    """Last night's scan had no text and no OCR; tonight OCR is on: no conditional GET (a 304
    would keep the unread document), while a readable document is asked conditionally."""
    from oit_checker.evidence import Gatherer
    from oit_checker.settings import RunSettings

    settings = RunSettings(cache_dir=str(tmp_path))
    cache = HttpCache(tmp_path)
    cache.put(URL, Entry('"scan"', None, "02" * 32), doc("no_text_layer"))
    cache.put(URL + "x", Entry('"text"', None, "03" * 32), doc())
    gatherer = Gatherer("https://www.abt.go.th/", settings, None, (), None)  # type: ignore[arg-type]
    for ocr, scan_headers in ((True, {}), (False, {"If-None-Match": '"scan"'})):
        gatherer._ocr = ocr
        assert gatherer._validators(cache, URL) == scan_headers
        assert gatherer._validators(cache, URL + "x") == {"If-None-Match": '"text"'}
