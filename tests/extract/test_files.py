"""PDF, XLSX and DOCX extraction from real files made here."""

import datetime as dt
import io
import zipfile

from openpyxl import Workbook

from oit_checker.demo.files import make_pdf, make_procurement_xlsx
from oit_checker.model import DocKind
from tests.helpers import extract_file


def test_pdf_text_per_page_and_metadata_dates(tmp_path):
    p = tmp_path / "r.pdf"
    p.write_bytes(
        make_pdf(
            [["รายงานผลการดำเนินงาน ประจำปี พ.ศ. ๒๕๖๗"], ["หน้าที่สอง 15 ต.ค. 67"]],
            title="รายงาน 2567",
            created=dt.datetime(2024, 11, 2, 9),
        )
    )
    d = extract_file(p)
    assert d.kind is DocKind.PDF and d.pages == 2 and d.readable
    assert "ประจำปี พ.ศ. 2567" in d.text and "หน้าที่สอง" in d.text and d.title == "รายงาน 2567"
    assert {(f.source, f.start) for f in d.dates} >= {
        ("pdf_meta", dt.date(2024, 11, 2)),
        ("text", dt.date(2024, 10, 15)),
    }


def test_scanned_pdf_has_no_text_layer(tmp_path):
    p = tmp_path / "scan.pdf"
    p.write_bytes(make_pdf([[], []], scanned=True))
    d = extract_file(p)
    assert d.kind is DocKind.PDF and not d.readable and d.unreadable_reason == "no_text_layer"


def test_corrupt_pdf_is_unreadable_not_a_crash(tmp_path):
    p = tmp_path / "bad.pdf"
    p.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    d = extract_file(p)
    assert d.kind is DocKind.PDF and not d.readable and d.unreadable_reason.startswith("corrupt")


def test_xlsx_sheets_in_order_header_row_and_values(tmp_path):
    p = tmp_path / "o12.xlsx"
    p.write_bytes(make_procurement_xlsx(2568, rows=5))
    d = extract_file(p, content_type="application/octet-stream")
    assert d.kind is DocKind.XLSX
    assert [s.name for s in d.sheets] == ["แบบ สขร.", "คำอธิบายเพิ่มเติม"]
    data = d.sheets[0]
    assert data.header_row == 2 and data.header[0] == "ปีงบประมาณ" and data.row_count == 5
    assert data.rows[0][0] == "2568"
    assert any(f.source == "xlsx_meta" for f in d.dates)


def test_xlsx_zip_bomb_is_refused(tmp_path):
    wb = Workbook()
    wb.active.append(["x"])
    buf = io.BytesIO()
    wb.save(buf)
    p = tmp_path / "bomb.xlsx"
    with (
        zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src,
        zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("xl/media/padding.bin", b"\0" * (320 * 1024 * 1024))
    d = extract_file(p)
    assert d.kind is DocKind.XLSX and not d.readable and d.unreadable_reason == "too_large_unzipped"


def test_docx_text(tmp_path):
    p = tmp_path / "m.docx"
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = (
        f'<w:document xmlns:w="{w}"><w:body><w:p><w:r><w:t>คู่มือการปฏิบัติงาน</w:t></w:r>'
        f"</w:p><w:p><w:r><w:t>ประจำปี ๒๕๖๘</w:t></w:r></w:p></w:body></w:document>"
    )
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", xml)
    d = extract_file(p)
    assert d.kind is DocKind.DOCX and d.text == "คู่มือการปฏิบัติงาน\nประจำปี 2568"


def test_images_and_old_xls_are_unreadable(tmp_path):
    png = tmp_path / "chart.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 50)
    assert extract_file(png).unreadable_reason == "image"
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 50)
    assert extract_file(xls).kind is DocKind.XLS


def test_a_workbook_whose_used_range_is_enormous_is_refused_before_allocation(tmp_path):
    """A 4.7 KB XLSX with cells A1 and XFD1048576 would make the reader allocate ~500 GB."""
    from openpyxl import Workbook

    from tests.helpers import extract_file

    wb = Workbook()
    wb.active["A1"] = "x"
    wb.active["XFD1048576"] = "y"
    path = tmp_path / "span.xlsx"
    wb.save(path)
    assert path.stat().st_size < 10_000
    d = extract_file(path)
    assert not d.readable and d.unreadable_reason == "too_complex"


def test_workbook_cells_become_the_text_rules_read():
    """The per-cell conversion (its fast path by exact type included) keeps every kind of
    cell value calamine hands back: whole floats as integers, dates as ISO, Thai text
    normalised (Thai digits and zero-width characters), empty as empty."""
    import datetime as dt

    from oit_checker.extract.xlsx import _cell

    assert _cell(500000.0) == "500000"
    assert _cell(0.5) == "0.5"
    assert _cell(7) == "7"
    assert _cell(True) == "True"
    assert _cell(None) == "" and _cell("") == ""
    assert _cell(dt.date(2025, 3, 31)) == "2025-03-31"
    assert _cell(dt.datetime(2025, 3, 31, 9, 30)) == "2025-03-31"
    assert _cell("ปีงบประมาณ ๒๕๖๘\u200b") == "ปีงบประมาณ 2568"
    assert _cell("O12 plain") == "O12 plain"
