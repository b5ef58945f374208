"""Thai OCR of real scans made here (tests/scans.py): text, confidence, dates, masked years.

Skipped where Tesseract or its Thai model is missing (.ci/run installs both); the behaviour
without OCR is tested everywhere (tests/e2e/test_cli_ocr.py, ``--ocr never``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from oit_checker.extract import extract, ocr
from oit_checker.model import DocKind, Resource
from oit_checker.settings import RunSettings
from tests import scans

pytestmark = pytest.mark.skipif(
    bool(ocr.problem()) or scans.font_path() is None,
    reason="Tesseract with the Thai model, or fonts-thai-tlwg, not installed (.ci/run does)",
)
ON = RunSettings(ocr="auto", today=dt.date(2025, 3, 31))


def read(tmp_path, name: str, data: bytes, settings: RunSettings = ON):
    p = tmp_path / name
    p.write_bytes(data)
    r = Resource(
        url=f"http://x/{name}",
        final_url=f"http://x/{name}",
        status=200,
        body_path=str(p),
        size=p.stat().st_size,
    )
    return extract(r, settings)


def test_a_degraded_scanned_announcement_is_read(tmp_path):
    img = scans.page(scans.no_gift_lines(), rotate=1.5, blur=0.8, stamp=True)
    doc = read(tmp_path, "o21.pdf", scans.image_pdf([img], quality=60))
    assert doc.kind is DocKind.PDF and doc.readable and doc.ocr
    assert doc.ocr_confidence >= 60
    for words in ("ประกาศเจตนารมณ์", "ไม่รับของขวัญ", "สร้างวัฒนธรรม", "องค์การบริหารส่วนตำบลตัวอย่าง"):
        assert words in doc.text, words
    assert dt.date(2024, 10, 15) in {d.start for d in doc.dates if d.source == "ocr"}


def test_without_ocr_the_same_scan_stays_unreadable(tmp_path):
    img = scans.page(scans.no_gift_lines())
    doc = read(tmp_path, "o21.pdf", scans.image_pdf([img]), RunSettings(ocr="never"))
    assert not doc.readable and doc.unreadable_reason == "no_text_layer" and not doc.ocr


def test_a_misread_thai_digit_year_can_never_count(tmp_path):
    """๒๕๖๘ is read as ๒๕๐๕ or ๒๕๒๕ here: masked, so no recency rule can fail on it."""
    img = scans.page(scans.no_gift_lines(thai_digits=True), rotate=1.5, blur=0.8)
    doc = read(tmp_path, "o21.pdf", scans.image_pdf([img]))
    assert doc.readable
    years = {int(y) for y in __import__("re").findall(r"(?<!\d)25\d\d(?!\d)", doc.text)}
    assert all(2560 <= y <= 2569 for y in years), years
    assert all(d.start.year >= 2017 for d in doc.dates)


def test_an_org_chart_picture_is_read(tmp_path):
    doc = read(tmp_path, "chart.png", scans.png(scans.org_chart()))
    assert doc.kind is DocKind.IMAGE and doc.readable and doc.ocr
    assert "สำนักปลัด" in doc.text and "กองคลัง" in doc.text


def test_a_blank_scan_stays_manual(tmp_path):
    doc = read(tmp_path, "blank.pdf", scans.image_pdf([scans.page([])]))
    assert not doc.readable and doc.unreadable_reason == "no_text_layer"


def test_an_enormous_picture_is_refused_before_ocr(tmp_path):
    from PIL import Image

    big = Image.new("L", (9000, 5000), 255)  # 45 MP
    doc = read(tmp_path, "big.png", scans.png(big))
    assert not doc.readable and doc.unreadable_reason == "too_complex"


def test_masking_keeps_plausible_years():
    text = "ประจำปี 2568 ปี 2505 ค.ศ. 2024 และ 1999 พ.ศ. 2570"
    assert ocr.mask_implausible_years(text, 2025) == (
        "ประจำปี 2568 ปี 25?? ค.ศ. 2024 และ 1999 พ.ศ. 25??"
    )


def test_tsv_joins_thai_glyph_boxes_and_keeps_real_spaces():
    rows = [
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    ]
    for i, (left, word) in enumerate([(0, "ประ"), (42, "กาศ"), (200, "No"), (260, "Gift")]):
        rows.append(f"5\t1\t1\t1\t1\t{i}\t{left}\t0\t40\t40\t90\t{word}")
    got = ocr.parse_tsv("\n".join(rows))
    assert got.text == "ประกาศ No Gift" and got.confidence == 90 and got.words == 4


def test_a_thai_digit_year_needs_another_source():
    from oit_checker.model import Document, FoundDate

    base = Document(url="http://x/a.pdf", kind=DocKind.PDF)
    assert not ocr.years_corroborated("ประจำปี ๒๕๖๒", base, "http://x/a.pdf", 2025)
    assert ocr.years_corroborated("ประจำปี ๒๕๖๒ ลงวันที่ 3 มี.ค. 2562", base, "http://x/a.pdf", 2025)
    assert ocr.years_corroborated("ประจำปี ๒๕๖๒", base, "http://x/report-2562.pdf", 2025)
    meta = dataclasses.replace(
        base, dates=(FoundDate(dt.date(2019, 5, 1), dt.date(2019, 5, 1), "pdf_meta", ""),)
    )
    assert ocr.years_corroborated("ประจำปี ๒๕๖๒", meta, "http://x/a.pdf", 2025)
    assert ocr.years_corroborated("ไม่มีปี", base, "http://x/a.pdf", 2025)
    assert ocr.years_corroborated("ปี ๒๕๐๕", base, "http://x/a.pdf", 2025)  # implausible: masked
