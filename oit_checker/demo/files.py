"""Builders for real sample files: PDFs with a Thai text layer, scanned PDFs, NACC workbooks.

The PDF writer emits a CID font (Identity-H) with a ``ToUnicode`` map, so any Thai text has a
genuine, extractable text layer without shipping a font file (viewers substitute a system
font for display). Used by the demo site and by the tests to make fixture files.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from openpyxl import Workbook

_CMAP = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
1 beginbfrange
<0000> <FFFF> <0000>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end"""


def _pdf_date(when: dt.datetime) -> bytes:
    return when.strftime("D:%Y%m%d%H%M%S+07'00'").encode()


def _utf16(text: str) -> bytes:
    return ("\ufeff" + text).encode("utf-16-be").hex().encode()


def make_pdf(
    pages: Sequence[Sequence[str]],
    *,
    title: str = "",
    created: dt.datetime | None = None,
    scanned: bool = False,
    scans: Sequence[bytes] = (),
) -> bytes:
    """A PDF whose pages carry ``pages`` as text lines; ``scanned`` draws an image instead.

    ``scans`` (grey JPEGs, one per page) makes an image-only PDF as an office scanner writes
    it: each page is one picture, no text layer (``pages`` is then ignored).
    """
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    tounicode = add(b"<< /Length %d >>\nstream\n" % len(_CMAP) + _CMAP + b"\nendstream")
    desc = add(
        b"<< /Type /FontDescriptor /FontName /Tahoma /Flags 32 /FontBBox [0 -250 1000 "
        b"950] /ItalicAngle 0 /Ascent 950 /Descent -250 /CapHeight 700 /StemV 80 >>"
    )
    cid = add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Tahoma /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor "
        b"%d 0 R /DW 500 /CIDToGIDMap /Identity >>" % desc
    )
    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Tahoma /Encoding /Identity-H "
        b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid, tounicode)
    )
    image = add(
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x80\xc0\xc0\x80\nendstream"
    )
    pages_id = add(b"")
    kids = []
    pictures = [add(_jpeg_xobject(data)) for data in scans]
    if pictures:
        pages = [[] for _ in pictures]
    for n, lines in enumerate(pages):
        if pictures:
            ops = [b"q 595 0 0 842 0 0 cm /Im1 Do Q"]
        elif scanned:
            ops = [b"q 495 0 0 700 50 70 cm /Im1 Do Q"]
        else:
            ops = [b"BT /F1 14 Tf 18 TL 50 790 Td"]
            ops.extend(
                b"<" + line.encode("utf-16-be").hex().encode() + b"> Tj T*" for line in lines
            )
            ops.append(b"ET")
        stream = b"\n".join(ops)
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources "
                b"<< /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >> "
                b"/Contents %d 0 R >>"
                % (pages_id, font, pictures[n] if pictures else image, content)
            )
        )
    objs[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    when = created or dt.datetime(2025, 1, 15, 9, 0)
    info = add(
        b"<< /Title <%s> /Producer (oit-checker demo) /CreationDate (%s) /ModDate (%s) >>"
        % (_utf16(title), _pdf_date(when), _pdf_date(when))
    )
    return write_pdf(objs, root=catalog, info=info)


def write_pdf(objs: Sequence[bytes], *, root: int, info: int | None = None) -> bytes:
    """Numbered object bodies (1-based) as a PDF file with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    extra = b" /Info %d 0 R" % info if info is not None else b""
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1,
        root,
        extra,
        xref,
    )
    return bytes(out)


def _jpeg_xobject(data: bytes) -> bytes:
    """A grey JPEG as a PDF image (DCTDecode: the JPEG bytes are the stream as they are)."""
    i = 2
    while i + 9 < len(data):
        marker, size = data[i + 1], int.from_bytes(data[i + 2 : i + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height = int.from_bytes(data[i + 5 : i + 7], "big")
            width = int.from_bytes(data[i + 7 : i + 9], "big")
            break
        i += 2 + size
    else:
        raise ValueError("not a JPEG")
    return (
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n"
        % (width, height, len(data))
        + data
        + b"\nendstream"
    )


# Header of the NACC procurement sheet as reproduced by real ITA reports (ITA-NOTES §3, S7).
PROCUREMENT_HEADER = (
    "ปีงบประมาณ",
    "ประเภทหน่วยงาน",
    "กระทรวง",
    "ชื่อหน่วยงาน",
    "อำเภอ",
    "จังหวัด",
    "งานที่ซื้อหรือจ้าง",
    "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)",
    "แหล่งที่มาของงบประมาณ",
    "สถานะการจัดซื้อจัดจ้าง",
    "วิธีการจัดซื้อจัดจ้าง",
    "ราคากลาง (บาท)",
    "ราคาที่ตกลงซื้อหรือจ้าง (บาท)",
    "เลขประจำตัวผู้เสียภาษี",
    "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก",
    "เลขที่โครงการ",
    "วันที่ลงนามในสัญญา",
    "วันที่สิ้นสุดสัญญา",
)
EXPLANATION_SHEET = "คำอธิบายเพิ่มเติม"
DATA_SHEET = "แบบ สขร."


def make_procurement_xlsx(
    year: int, *, rows: int = 12, explanation: bool = True, agency: str = "องค์การบริหารส่วนตำบลตัวอย่าง"
) -> bytes:
    """A workbook in the NACC layout; ``explanation=False`` reproduces the seed-000 defect."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = DATA_SHEET
    ws.append([f"ข้อมูลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {year}"])
    ws.append(list(PROCUREMENT_HEADER))
    statuses = ("สิ้นสุดสัญญา", "อยู่ระหว่างระยะสัญญา", "สิ้นสุดระยะสัญญา")
    for i in range(rows):
        budget = 500_000 - i * 20_000
        ws.append(
            [
                year,
                "องค์กรปกครองส่วนท้องถิ่น",
                "กระทรวงมหาดไทย",
                agency,
                "เมือง",
                "ศรีสะเกษ",
                f"โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ {i + 1}",
                budget,
                "พ.ร.บ. งบประมาณรายจ่าย",
                statuses[i % 3],
                "วิธีเฉพาะเจาะจง",
                budget - 1000,
                budget - 5000,
                f"0{3305500000000 + i}",
                f"หจก. ตัวอย่างก่อสร้าง {i + 1}",
                f"6{year % 100}0{i:05d}",
                f"{10 + i % 15}/11/{year - 1}",
                f"{10 + i % 15}/02/{year}",
            ]
        )
    if explanation:
        ex = wb.create_sheet(EXPLANATION_SHEET)
        ex.append(["คำอธิบายเพิ่มเติม"])
        ex.append(["1. ให้หน่วยงานกรอกข้อมูลการจัดซื้อจัดจ้างตามแบบฟอร์มนี้ ห้ามลบหรือเปลี่ยนชื่อชีต"])
        ex.append(
            [
                "2. สถานะการจัดซื้อจัดจ้าง: ยังไม่ลงนามในสัญญา / อยู่ระหว่างระยะสัญญา / "
                "สิ้นสุดสัญญา / ยกเลิกการดำเนินการ"
            ]
        )
    wb.properties.created = dt.datetime(2025, 3, 1, 9, 0)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
