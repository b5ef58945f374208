"""Submission tables as admins really keep them (CSV, any sheet of a workbook) → item rows.

Admins keep the submission in Excel, laid out however their office does it: a title row, an
agency block, columns ``ลำดับ, ข้อ, รายการ, URL, หมายเหตุ`` or ``Item No, Link``, two URLs in
one cell, a "คลิกที่นี่" cell whose hyperlink is the URL, the table on the second sheet, an
item's rows merged so that only the first carries the id. This module finds the table by its
header (Thai or English) or, failing that, by content (the column of item ids and the column
of URLs), and returns one row per (item, URL) with the cell it came from, so every error can
name the sheet, row and cell. It collects every error instead of stopping at the first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from oit_checker.errors import InputError, SubmissionError
from oit_checker.itemid import normalize_item_id

HEADER_SCAN_ROWS = 30  # a header is within the first rows of a sheet
MAX_ROWS = 5000  # a submission has ≤ a few hundred rows; more is not a submission
MAX_COLS = 40

# header words, compared after lower-casing and dropping spaces and punctuation
ID_HEADERS = {
    "ข้อ",
    "รหัสข้อ",
    "รหัส",
    "ข้อที่",
    "รหัสรายการ",
    "item",
    "itemno",
    "itemid",
    "id",
    "oit",
    "ข้อoit",
    "รหัสoit",
    "ตัวชี้วัดย่อย",
}
URL_WORDS = ("url", "ลิงก์", "ลิงค์", "link", "ที่อยู่", "เว็บ", "web", "address")
META_LABELS = {
    "agency": {"หน่วยงาน", "ชื่อหน่วยงาน", "agency", "agencyname", "name"},
    "main_site": {"เว็บไซต์หลัก", "เว็บไซต์หลักของหน่วยงาน", "mainsite", "website", "เว็บไซต์"},
    "checklist": {"checklist", "เกณฑ์"},
    "year": {"ปี", "year", "ปีงบประมาณ", "ปีประเมิน", "ปีพศ"},
}
ACCEPTED_HEADERS = "ข้อ/รหัสข้อ/item/id + URL/ลิงก์/link/ที่อยู่"

_URL_START = re.compile(r"https?://", re.IGNORECASE)
# several URLs in one cell: split at line breaks, and at spaces only before another URL (a
# URL may itself hold a space: …/รายงาน ประจำปี.pdf)
_SPLIT = re.compile(r"[\r\n]+|\s+(?=https?://)|[,;]\s*(?=https?://)", re.IGNORECASE)
_LEADING_ID = re.compile(r"^\s*((?:ข้อ\s*)?[oO]\s*[-.]?\s*[0-9๐-๙]{1,3})(?![0-9๐-๙])")
HYPERLINK_FORMULA = re.compile(r'^=\s*HYPERLINK\(\s*"([^"]+)"', re.IGNORECASE)
# spaces and ASCII punctuation only: Thai vowel and tone marks are part of the word
_WORD = re.compile(r"[\s!-/:-@\[-`{-~\u00a0\u200b]+")


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    link: str = ""  # the cell's hyperlink target (or =HYPERLINK formula), if any


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str  # "" for CSV
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True, slots=True)
class Row:
    raw_id: str
    url: str
    line: int
    field: str


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)
    meta: dict[str, tuple[str, int, str]] = field(default_factory=dict)  # key → value, line, field
    errors: list[InputError] = field(default_factory=list)
    named: int = 0  # rows that named an item, with or without a URL


def _word(text: str) -> str:
    return _WORD.sub("", text.lower())


def cell_ref(sheet: str, col: int, line: int) -> str:
    """``("ITA", 2, 5)`` → ``ITA!C5`` (what Excel's name box shows); ``column C`` for CSV."""
    letters = ""
    n = col + 1
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return f"{sheet}!{letters}{line}" if sheet else f"column {letters}"


def leading_id(text: str) -> str | None:
    """The item id a cell starts with: ``O1``, ``o 12``, ``O12 รายงาน…``, ``ข้อ O5``, ``๑๒``."""
    found = normalize_item_id(text)
    if found:
        return found
    m = _LEADING_ID.match(text)
    return normalize_item_id(m[1]) if m else None


def split_urls(cell: Cell) -> tuple[list[str], str]:
    """A cell's URLs, and the text left when it holds none (for the error message).

    Words around the URLs ("ดูที่ https://…") are dropped; a cell whose text is no URL at all
    gives its hyperlink target ("คลิกที่นี่" → the link Excel opens)."""
    parts = [p.strip() for p in _SPLIT.split(cell.text) if p and p.strip()]
    urls = []
    for part in parts:
        m = _URL_START.search(part)
        if m:
            urls.append(part[m.start() :].strip())
    if not urls and cell.link:
        return [cell.link.strip()], ""
    return urls, "" if urls else cell.text.strip()


def _is_url_header(word: str) -> bool:
    return any(w in word for w in URL_WORDS)


def _find_header(sheet: Sheet) -> tuple[int, int, int] | None:
    """(row index, id column, url column) of a recognised header row."""
    for r, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        words = [_word(c.text) for c in row]
        id_col = next((i for i, w in enumerate(words) if w in ID_HEADERS), None)
        url_col = next(
            (i for i, w in enumerate(words) if i != id_col and w and _is_url_header(w)), None
        )
        if id_col is not None and url_col is not None:
            return r, id_col, url_col
    return None


def _by_content(sheet: Sheet) -> tuple[int, int, int] | None:
    """No header: the id column is the one most cells of which are item ids, the URL column
    the one (another) with most URLs or hyperlinks."""
    ids: dict[int, int] = {}
    urls: dict[int, int] = {}
    for row in sheet.rows:
        for i, c in enumerate(row):
            if c.text and leading_id(c.text):
                # "O12" outweighs a bare "12", which may be a running number (ลำดับ)
                ids[i] = ids.get(i, 0) + (2 if re.match(r"\s*(ข้อ\s*)?[oO]", c.text) else 1)
            if c.link or _URL_START.search(c.text):
                urls[i] = urls.get(i, 0) + 1
    if not ids or not urls:
        return None
    id_col = max(ids, key=lambda i: (ids[i], -i))
    others = {i: n for i, n in urls.items() if i != id_col}
    if not others:
        return None
    first = next(
        r
        for r, row in enumerate(sheet.rows)
        if id_col < len(row) and row[id_col].text and leading_id(row[id_col].text)
    )
    return first - 1, id_col, max(others, key=lambda i: (others[i], -i))


def _meta(sheet: Sheet, table: Table, stop: int) -> None:
    """``หน่วยงาน | อบต.ตัวอย่าง``-style rows above the table fill agency, main site, year."""
    for r, row in enumerate(sheet.rows[: max(stop, 0)]):
        texts = [c.text.strip() for c in row]
        filled = [(i, t) for i, t in enumerate(texts) if t]
        if len(filled) < 2:
            continue
        (_, label), (vcol, value) = filled[0], filled[1]
        key = next((k for k, names in META_LABELS.items() if _word(label) in names), None)
        if key and key not in table.meta:
            if key == "main_site" and not _URL_START.match(value) and row[vcol].link:
                value = row[vcol].link
            table.meta[key] = (value, r + 1, cell_ref(sheet.name, vcol, r + 1))


def _rows(sheet: Sheet, start: int, id_col: int, url_col: int, file: str, table: Table) -> int:
    """Read data rows below ``start``; returns how many rows named an item."""
    named = 0
    header = sheet.rows[start] if start >= 0 else ()

    def where(col: int, line: int) -> str:  # Excel: ITA!C5; CSV: the column's header
        if sheet.name or col >= len(header) or not header[col].text.strip():
            return cell_ref(sheet.name, col, line)
        return header[col].text.strip()

    current: str | None = None  # merged item cells: rows below the first carry no id
    for r in range(start + 1, len(sheet.rows)):
        row = sheet.rows[r]
        line = r + 1
        id_cell = row[id_col].text.strip() if id_col < len(row) else ""
        url_cell = row[url_col] if url_col < len(row) else Cell("")
        urls, leftover = split_urls(url_cell)
        if id_cell:
            item = leading_id(id_cell)
            if item is None:
                current = None
                if urls:  # a URL against something that is not an item id
                    table.errors.append(
                        SubmissionError(
                            "{value!r} is not an item id such as O12",
                            params={"value": id_cell},
                            file=file,
                            line=line,
                            field=where(id_col, line),
                        )
                    )
                continue  # a section heading ("ตัวชี้วัดที่ 9 …") or a note
            current = id_cell
            named += 1
        elif current is None or not (urls or leftover):
            continue
        for url in urls:
            table.rows.append(Row(current, url, line, where(url_col, line)))
        if leftover:
            table.errors.append(
                SubmissionError(
                    "{value!r} is not a URL (it must start with http:// or https://)",
                    params={"value": leftover[:80]},
                    file=file,
                    line=line,
                    field=where(url_col, line),
                )
            )
    return named


def read_table(sheets: list[Sheet], file: str) -> Table:
    """The submission table of a CSV or workbook: the sheet whose table names most items."""
    best: Table | None = None
    best_named = 0
    meta = Table()
    for sheet in sheets:
        found = _find_header(sheet) or _by_content(sheet)
        _meta(sheet, meta, found[0] + 1 if found else HEADER_SCAN_ROWS)
        if found is None:
            continue
        table = Table()
        named = _rows(sheet, found[0], found[1], found[2], file, table)
        if named > best_named:
            best, best_named = table, named
    if best is None:
        first = sheets[0].name if sheets and sheets[0].name else ""
        where = f" ({first})" if first else ""
        meta.errors.append(
            SubmissionError(
                "no table of items and URLs found{where}: give a header row with {headers}",
                params={"where": where, "headers": ACCEPTED_HEADERS},
                file=file,
                line=1,
            )
        )
        return meta
    best.meta = meta.meta
    best.named = best_named
    return best
