"""Decompression, cell and depth bounds judged before anything large is allocated.

Each hostile file comes from tests/hostile_corpus.py; each bound also has its twin: an
ordinary file of the same kind still reads.
"""

import time
import zlib

import pytest

from oit_checker.demo.files import make_pdf
from oit_checker.extract import html, pdfscan
from oit_checker.model import DocKind
from oit_checker.settings import RunSettings
from tests import hostile_corpus as hc
from tests.helpers import extract_file


@pytest.mark.parametrize(
    ("maker", "suffix", "reason"),
    [
        (hc.xlsx_huge_span, "xlsx", "too_complex"),
        (lambda: hc.xlsx_huge_span("Z200000"), "xlsx", "too_complex"),  # 5.2 M cells, 1 letter
        (lambda: hc.xlsx_huge_span("GZ30000"), "xlsx", "too_complex"),  # 6.2 M, 5-digit rows
        (hc.xlsx_many_cells, "xlsx", "too_complex"),
        (hc.docx_core_bomb, "docx", "too_large_unzipped"),
        (hc.pdf_inflate_bomb, "pdf", "too_large_unzipped"),
        (hc.html_deep, "html", "too_complex"),
    ],
)
def test_a_bomb_is_refused_before_allocation(tmp_path, maker, suffix, reason):
    p = tmp_path / f"bomb.{suffix}"
    p.write_bytes(maker())
    started = time.process_time()
    d = extract_file(p, content_type="text/html" if suffix == "html" else "")
    assert not d.readable and d.unreadable_reason == reason
    assert time.process_time() - started < 30  # a bound on the test, not a timing claim


def test_docx_core_dates_are_read_when_core_is_small(tmp_path):
    p = tmp_path / "ok.docx"
    data = hc._zip(
        {
            "word/document.xml": hc._docx_document("คู่มือ ประจำปี 2568"),
            "docProps/core.xml": b'<cp:coreProperties xmlns:cp="x" xmlns:dcterms="http://purl'
            b'.org/dc/terms/"><dcterms:created>2025-01-05T00:00:00Z</dcterms:created>'
            b"</cp:coreProperties>",
        }
    )
    p.write_bytes(data)
    d = extract_file(p)
    assert d.kind is DocKind.DOCX and d.readable and "คู่มือ" in d.text
    assert any(f.source == "meta" and f.start.year == 2025 for f in d.dates)


def test_a_docx_core_bomb_under_the_total_cap_is_not_read_whole(tmp_path):
    """A core.xml under the archive cap but over 1 MB is skipped, never read."""
    p = tmp_path / "c.docx"
    p.write_bytes(hc.docx_core_bomb(size=8 * hc.MB))
    d = extract_file(p)
    assert d.readable and "คู่มือการปฏิบัติงาน" in d.text
    assert not [f for f in d.dates if f.source == "meta"]


def test_pdf_scan_bounds_chained_filters_and_skips_images():
    def pdf(stream: bytes, extra: bytes) -> bytes:
        return hc._pdf([hc._stream(stream, extra)])

    twice = zlib.compress(zlib.compress(b"\0" * (200 * hc.MB), 9), 9)
    assert len(twice) < 100_000  # too small for the single-filter shortcut
    assert pdfscan.inflates_too_much(pdf(twice, b"/Filter [/FlateDecode /FlateDecode] "))
    once = zlib.compress(b"\0" * (200 * hc.MB), 9)
    assert pdfscan.inflates_too_much(pdf(once, b"/Filter /FlateDecode "))
    assert not pdfscan.inflates_too_much(pdf(once, b"/Subtype /Image /Filter /FlateDecode "))
    small = zlib.compress(b"BT (ok) Tj ET\n" * 50_000)
    assert not pdfscan.inflates_too_much(pdf(small, b"/Filter /FlateDecode "))


def test_pdf_scan_finds_a_bomb_behind_large_streams_and_missing_endstream():
    """The fast scan misses no stream: a bomb after a stream full of the word "stream", and a
    bomb after a stream that lacks ``endstream``."""
    bomb = hc._stream(zlib.compress(b"\0" * (200 * hc.MB), 9), b"/Filter /FlateDecode ")
    noise = b"stream\n endstream stream\r\n" * 20_000
    assert pdfscan.inflates_too_much(hc._pdf([hc._stream(noise), bomb]))
    cut = hc._stream(b"BT (a) Tj ET").replace(b"endstream", b"")
    assert pdfscan.inflates_too_much(hc._pdf([cut, bomb]))
    assert not pdfscan.inflates_too_much(hc._pdf([hc._stream(noise), cut]))


def test_an_ordinary_pdf_still_reads(tmp_path):
    p = tmp_path / "r.pdf"
    p.write_bytes(make_pdf([["รายงานผลการดำเนินงาน ประจำปี พ.ศ. 2567"]]))
    d = extract_file(p)
    assert d.readable and "ประจำปี พ.ศ. 2567" in d.text


def test_depth_bound_counts_nesting_not_tags():
    wide = "<html><body>" + "<div><p>a<li>b<br><img src=x><span>c</span></div>" * 40_000
    assert not html.too_deep(wide)
    assert html.too_deep("<div>" * 5_000)
    assert not html.too_deep("<div>" * 3_000 + "</div>" * 3_000)
    assert html.too_deep("<div>" * 10_000 + "</div>" * 10_000)  # deep, then closed
    doc = html.parse(
        "<html><body>" + "<div>" * 3_000 + "ข้อมูล</body></html>", "http://x/", RunSettings()
    )
    assert doc.readable and "ข้อมูล" in doc.text


def test_control_characters_leave_sheet_names(tmp_path):
    p = tmp_path / "c.xlsx"
    p.write_bytes(hc.xlsx_control_sheet())
    d = extract_file(p)
    assert d.sheets and d.sheets[0].name == "ผล[31mการจัดซื้อ"
    assert "\x1b" not in d.text and "\x01" not in d.text


def test_memory_error_in_an_extractor_is_too_complex(monkeypatch, tmp_path):
    from oit_checker import extract

    def boom(res, settings):
        raise MemoryError

    monkeypatch.setitem(extract.EXTRACTORS, DocKind.PDF, boom)
    p = tmp_path / "r.pdf"
    p.write_bytes(make_pdf([["x"]]))
    d = extract_file(p)
    assert not d.readable and d.unreadable_reason == "too_complex"
