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


def test_the_schema_follows_the_reading_code(tmp_path, monkeypatch):
    """One changed byte in an extractor, and no entry stored before it is used."""
    import shutil

    from oit_checker.fetch import cache as cache_mod

    copy = tmp_path / "pkg"
    for name in cache_mod.READERS:
        src = cache_mod.PACKAGE / name
        dst = copy / name
        if src.is_dir():
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, dst)
    monkeypatch.setattr(cache_mod, "PACKAGE", copy)

    def digest() -> str:
        cache_mod._code_digest.cache_clear()
        return cache_mod.schema()

    try:
        before = digest()
        assert digest() == before  # stable for the same code
        pdf = copy / "extract" / "pdf.py"
        pdf.write_text(pdf.read_text(encoding="utf-8") + "\n# fixed\n", encoding="utf-8")
        assert digest() != before
        old = HttpCache(tmp_path / "c")
        old.put(URL, Entry('"v1"', None, "ab" * 32), doc())
        (copy / "thaidate.py").write_text("# another date reader\n", encoding="utf-8")
        assert digest() != old.schema  # the new code's key (computed once per process)
        now = HttpCache(tmp_path / "c")
        assert now.entry(URL) is None and now.document(URL) is None
    finally:
        cache_mod._code_digest.cache_clear()


def test_the_schema_follows_the_reading_bounds_not_the_fetch_bounds():
    from oit_checker.fetch.cache import schema
    from oit_checker.settings import RunSettings

    base = RunSettings()
    assert schema(base) == schema(base.merged({"read_timeout": 5, "per_host": 1}))
    for name, value in [("max_pdf_pages", 3), ("max_sheet_rows", 10), ("max_text_chars", 99)]:
        assert schema(base.merged({name: value})) != schema(base), name


def test_a_script_drawn_page_is_fetched_whole_when_a_browser_may_draw_it(tmp_path):
    """What a script-drawn page shows comes from its scripts' data, which its unchanged
    bytes do not reveal: it is drawn again each run, never answered from the cache."""
    import asyncio

    from oit_checker.evidence import Gatherer
    from oit_checker.settings import RunSettings

    settings = RunSettings(cache_dir=str(tmp_path), ocr="never")
    stored = HttpCache(tmp_path, settings)
    stored.put(URL, Entry('"v1"', None, "ab" * 32), doc("script_drawn"))

    def asks(renderer: object) -> dict[str, str]:
        g = Gatherer("https://www.abt.go.th/", settings, None, (), None, renderer)  # type: ignore[arg-type]
        return asyncio.run(g.validators(URL))

    assert asks(None) == {"If-None-Match": '"v1"'}  # no browser: the stored page stands
    assert asks(object()) == {}
