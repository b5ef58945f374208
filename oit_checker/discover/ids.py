"""What a line of an ITA page says: an item id, a year section, a page year (pure text rules).

Item headings come in every form of ITA-NOTES §5 ("O1 …", "o12", "OIT 12", "ข้อ O12", "01"…"043"
where the digit zero stands for the letter, Thai digits); year markers are section headings
("การประเมิน ITA ปี 2569", a tab labelled "2568"); file names and URLs carry ids and years.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

MAX_HEADING_CHARS = 250

_LEAD = r"^[\s\-–—•·*►▶▸◆●○■□✓✔>\[(]*"
_AFTER_ID = r"(?=$|[\s\-–—.:)\]]|[\u0E00-\u0E7F])"
_STRONG_ID = re.compile(
    _LEAD + r"(?:ข้อ\s*)?(?:OIT|O)\s*[-–—.:_]?\s*(\d{1,3})(?![\d/])" + _AFTER_ID, re.I
)
_ZERO_ID = re.compile(_LEAD + r"(?:ข้อ\s*)?0(\d{1,2})(?![\d/.:,]\d)" + _AFTER_ID)
_MONTH_AFTER = re.compile(
    r"^[\s.]*(ม\.?ค|ก\.?พ|มี\.?ค|เม\.?ย|พ\.?ค|มิ\.?ย|ก\.?ค|ส\.?ค|ก\.?ย|ต\.?ค|พ\.?ย|ธ\.?ค|มกรา|"
    r"กุมภา|มีนา|เมษา|พฤษภา|มิถุนา|กรกฎา|สิงหา|กันยา|ตุลา|พฤศจิกา|ธันวา)"
)
_FILE_ID = re.compile(r"(?:^|[/_\-.=])(?:oit|o)[-_ ]?(\d{1,2})(?=[_\-./ ]|$)", re.I)

_YEAR = r"(25[6-8]\d|20[1-3]\d)"
_ITA_YEAR = re.compile(
    r"(?:\bITA|\bOIT|คุณธรรมและความโปร่งใส|เปิดเผยข้อมูลสาธารณะ)[^0-9]{0,40}?" + _YEAR, re.I
)
_BARE_YEAR = re.compile(
    r"^(?:ปี\s*(?:งบประมาณ)?\s*(?:พ\.?\s*ศ\.?)?\s*|ประจำปี\s*(?:งบประมาณ)?\s*(?:พ\.?\s*ศ\.?)?\s*)?"
    + _YEAR
    + r"$"
)
_NOT_A_SECTION = re.compile(r"วิเคราะห์|ผลการประเมิน|มาตรการ|รายงาน|แผน")
_URL_YEAR = re.compile(
    r"(?:ita|oit)[-_/]?(?:year[-_/]?)?" + _YEAR + r"|(?:^|[/=_-])(25[6-8]\d)(?=$|[/_&.-])", re.I
)
GENERIC_LABEL = re.compile(
    r"^(เปิด|เปิดไฟล์|ดู|ดูไฟล์|ดาวน์โหลด|download|คลิก|คลิกที่นี่|click|click here|"
    r"รายละเอียด|ดูรายละเอียด|อ่านต่อ|more|link|ลิงก์|ลิงค์|pdf|view|open)$",
    re.I,
)


def be_year(value: str) -> int:
    y = int(value)
    return y + 543 if y < 2500 else y


def heading_id(text: str, *, allow_zero: bool) -> tuple[str, bool] | None:
    """``"O12 รายงาน…"`` → ``("O12", False)``; ``"012 …"`` → ``("O12", True)`` (zero form)."""
    if len(text) > MAX_HEADING_CHARS:
        return None
    m = _STRONG_ID.match(text)
    if m:
        n = int(m.group(1).lstrip("0") or "0")
        return (f"O{n}", False) if 0 < n < 100 else None
    if allow_zero:
        m = _ZERO_ID.match(text)
        if m and not _MONTH_AFTER.match(text[m.end() :]):
            n = int(m.group(1))
            return (f"O{n}", True) if 0 < n < 100 else None
    return None


def file_id(url: str) -> str | None:
    """The item id a file name or folder carries (``o13_….pdf``, ``/ita2569/O12/x.pdf``)."""
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return None
    found = [int(m.group(1)) for m in _FILE_ID.finditer(path)]
    found = [n for n in found if 0 < n < 100]
    return f"O{found[-1]}" if found else None


def year_of_marker(text: str, *, headingish: bool) -> int | None:
    if not text or len(text) > 80 or _NOT_A_SECTION.search(text):
        return None
    m = _BARE_YEAR.match(text)
    if m:
        return be_year(m.group(1)) if (headingish or len(text) <= 12) else None
    m = _ITA_YEAR.search(text)
    if m and (headingish or len(text) <= 40):
        return be_year(m.group(1))
    return None


def url_year(url: str) -> int | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    m = _URL_YEAR.search(unquote(parts.path + "?" + parts.query))
    if not m:
        return None
    return be_year(m.group(1) or m.group(2))


def title_year(title: str) -> int | None:
    m = _ITA_YEAR.search(title)
    return be_year(m.group(1)) if m else None
