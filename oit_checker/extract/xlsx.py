"""XLSX (and legacy XLS) → Document with python-calamine: sheet names in order, header rows,
cell values, workbook dates.

The NACC procurement template is judged on its structure (sheets kept, header row, fiscal-year
column), so sheets are kept as rows of normalised strings. The header row is the first of the
top 20 rows with at least three non-empty cells (templates carry a title row above it). Rows
are capped per sheet (``max_sheet_rows``) and the unzipped size is checked first, so a
hostile workbook cannot exhaust memory. Cells holding dates are written as ISO dates.

calamine (Rust) reads a 200-row NACC workbook about 20× faster than openpyxl's read-only mode,
which dominated a whole agency's run; openpyxl is still used to *write* sample workbooks.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from functools import lru_cache
from typing import Any

from python_calamine import CalamineWorkbook, SheetTypeEnum

from oit_checker.extract import ooxml
from oit_checker.fetch.body import body_source
from oit_checker.model import DocKind, Document, FoundDate, Resource, Sheet
from oit_checker.settings import RunSettings
from oit_checker.thaidate import find_dates
from oit_checker.thaitext import normalize

HEADER_SCAN = 20
MAX_COLS = 60
_PLAIN = re.compile(r"^[\x21-\x7e]+(?: [\x21-\x7e]+)*$")


def _cell(v: Any) -> str:
    """One cell as text. Strings first, by exact type: with numbers they are nearly every cell
    of a workbook, and this runs once per cell (a fifth of a workbook's extraction time)."""
    if type(v) is str:
        return _normalize_cell(v) if v else ""
    if v is None:
        return ""
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else str(v)
    if isinstance(v, dt.datetime | dt.date):
        return v.strftime("%Y-%m-%d")
    return _normalize_cell(str(v))


def _row(raw: list[Any]) -> tuple[str, ...]:
    """One row's cells as text, trailing empty cells dropped."""
    out = [_cell(v) for v in raw[:MAX_COLS]]
    while out and not out[-1]:
        out.pop()
    return tuple(out)


@lru_cache(maxsize=8192)
def _normalize_cell(s: str) -> str:
    """Workbooks repeat the same values (agency, ministry, status) in every row."""
    return s if _PLAIN.match(s) else normalize(s)


MAX_CELLS = 5_000_000  # cells of one sheet (calamine holds them all); NACC's has thousands
_DIMENSION = re.compile(rb'<dimension[^>]*ref="([A-Z]+)?(\d+)?:?([A-Z]+)(\d+)"')
_REF = re.compile(rb' r="([A-Z]{1,3})(\d{1,7})"')
# A reference with two or three column letters, or a six-digit row: without one, every cell
# lies within Z99999, and 26 × 99,999 cells is under MAX_CELLS, so the references need no
# closer look (a search instead of collecting thousands of them: 0.6 against 1.9 ms a sheet).
_WIDE = re.compile(rb' r="[A-Z](?:[A-Z]|\d{6})')
_NARROW_SPAN = 26 * 99_999
_SCAN_BYTES = 8 * 1024 * 1024


def _col(letters: bytes) -> int:
    n = 0
    for c in letters:
        n = n * 26 + (c - 64)
    return n


def _cell_span(z: zipfile.ZipFile) -> int:
    """The largest number of cells any worksheet declares, uses, or holds — exact whenever
    it could exceed MAX_CELLS (a sheet whose references all lie within Z99999 counts them as
    ``_NARROW_SPAN`` at most).

    The used range (rows × columns, from ``<dimension>`` and the first references) catches
    A1 + XFD1048576; the count of ``<c`` elements, streamed through the whole sheet,
    catches millions of cells written without references (the declared unzipped size has
    already been bounded, so this scan is too).
    """
    worst = 0
    for info in z.infolist():
        if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
            continue
        cols = rows = cells = 0
        with z.open(info) as fh:
            head = fh.read(_SCAN_BYTES)
            dim = _DIMENSION.search(head[:4096])
            if dim:
                cols, rows = _col(dim.group(3)), int(dim.group(4))
            refs = _REF.findall(head) if _WIDE.search(head) else []
            if refs:  # a sheet repeats a few columns and rows thousands of times: dedupe first
                letters, numbers = zip(*refs, strict=True)
                cols = max(cols, *map(_col, set(letters)))
                rows = max(rows, *map(int, set(numbers)))
            chunk, tail = head, b""
            while chunk and cells <= MAX_CELLS:
                window = tail + chunk
                cells += window.count(b"<c ") + window.count(b"<c>") + window.count(b"<c/>")
                tail = window[-3:]
                cells -= tail.count(b"<c ") + tail.count(b"<c>")  # counted again next round
                chunk = fh.read(_SCAN_BYTES)
        worst = max(worst, cols * rows, cells)
    return worst


assert _NARROW_SPAN < MAX_CELLS  # what lets _cell_span skip narrow sheets' references


def extract(res: Resource, settings: RunSettings) -> Document:
    return _extract(res, settings, DocKind.XLSX)


def extract_xls(res: Resource, settings: RunSettings) -> Document:
    """Old binary workbooks: readable, but kept apart from XLSX (the NACC form is .xlsx)."""
    return _extract(res, settings, DocKind.XLS)


def _extract(res: Resource, settings: RunSettings, kind: DocKind) -> Document:
    dates: list[FoundDate] = []
    if kind is DocKind.XLSX:
        with zipfile.ZipFile(body_source(res)) as z:
            refused = ooxml.too_large(z, settings.max_unzipped_bytes)
            if refused:
                return Document(url=res.url, kind=kind, readable=False, unreadable_reason=refused)
            if _cell_span(z) > MAX_CELLS:
                # calamine allocates the whole used range: A1 and XFD1048576 alone would ask
                # for hundreds of GB. Judge the span before any allocation.
                return Document(
                    url=res.url, kind=kind, readable=False, unreadable_reason="too_complex"
                )
            dates.extend(ooxml.core_dates(z, "xlsx_meta"))
    src = body_source(res)
    wb = (
        CalamineWorkbook.from_path(src)
        if isinstance(src, str)
        else CalamineWorkbook.from_filelike(src)
    )
    try:
        sheets: list[Sheet] = []
        texts: list[str] = []
        for meta in wb.sheets_metadata:
            name = normalize(meta.name)  # a sheet name is crawled text too (controls dropped)
            if meta.typ is not SheetTypeEnum.WorkSheet:
                sheets.append(Sheet(name, None, (), (), 0))
                continue
            sheets.append(_sheet(name, wb.get_sheet_by_name(meta.name), settings, texts))
    finally:
        wb.close()
    text = "\n".join(texts)[: settings.max_text_chars]
    # Contract-date columns hold hundreds of dates; the first screenful is enough for recency
    # (the fiscal-year column is judged from the rows themselves).
    dates.extend(
        FoundDate(s.start, s.end, "text", s.raw) for s in find_dates(text[:20_000], normalized=True)
    )
    return Document(url=res.url, kind=kind, text=text, sheets=tuple(sheets), dates=tuple(dates))


def _sheet(name: str, ws: Any, settings: RunSettings, texts: list[str]) -> Sheet:
    rows: list[tuple[str, ...]] = []
    truncated = False
    for n, raw in enumerate(ws.iter_rows()):
        if n >= settings.max_sheet_rows + HEADER_SCAN:
            truncated = True
            break
        rows.append(_row(raw))
    header_idx = next(
        (i for i, r in enumerate(rows[:HEADER_SCAN]) if sum(1 for c in r if c) >= 3), None
    )
    header = rows[header_idx] if header_idx is not None else ()
    start = (header_idx + 1) if header_idx is not None else 0
    data = [r for r in rows[start:] if any(r)]
    texts.append(name)
    texts.extend(" ".join(c for c in r if c) for r in rows[:2000])
    return Sheet(
        name=name,
        header_row=(header_idx + 1) if header_idx is not None else None,
        header=header,
        rows=tuple(data),
        row_count=len(data),
        truncated=truncated,
    )
