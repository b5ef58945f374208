"""XLSX → Document with openpyxl (read-only): sheet names in order, header rows, cell values.

The NACC procurement template is judged on its structure (sheets kept, header row, fiscal-year
column), so sheets are kept as rows of normalised strings. The header row is the first of the
top 20 rows with at least three non-empty cells (templates carry a title row above it). Rows
are capped per sheet (``max_sheet_rows``) and the unzipped size is checked first, so a
hostile workbook cannot exhaust memory. Cells holding dates are written as ISO dates.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from typing import Any

from openpyxl import load_workbook

from oit_checker.model import DocKind, Document, FoundDate, Resource, Sheet
from oit_checker.settings import RunSettings
from oit_checker.thaidate import find_dates
from oit_checker.thaitext import normalize

HEADER_SCAN = 20
MAX_COLS = 60


def _cell(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, dt.datetime | dt.date):
        return v.strftime("%Y-%m-%d")
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return normalize(str(v))


def extract(res: Resource, settings: RunSettings) -> Document:
    assert res.body_path is not None
    with zipfile.ZipFile(res.body_path) as z:
        if sum(i.file_size for i in z.infolist()) > settings.max_unzipped_bytes:
            return Document(
                url=res.url,
                kind=DocKind.XLSX,
                readable=False,
                unreadable_reason="too_large_unzipped",
            )
    fh = open(res.body_path, "rb")  # noqa: SIM115 - openpyxl insists on an .xlsx name otherwise
    wb = load_workbook(fh, read_only=True, data_only=True)
    try:
        sheets: list[Sheet] = []
        texts: list[str] = []
        for ws in wb.worksheets:
            sheets.append(_sheet(ws, settings, texts))
        props = wb.properties
        dates = [
            FoundDate(d.date(), d.date(), "xlsx_meta", f"{name} {d.isoformat()}")
            for name, d in (("created", props.created), ("modified", props.modified))
            if d
        ]
    finally:
        wb.close()
        fh.close()
    text = "\n".join(texts)[: settings.max_text_chars]
    dates.extend(FoundDate(s.start, s.end, "text", s.raw) for s in find_dates(text[:200_000]))
    return Document(
        url=res.url,
        kind=DocKind.XLSX,
        text=text,
        title=props.title or "",
        sheets=tuple(sheets),
        dates=tuple(dates),
    )


def _sheet(ws: Any, settings: RunSettings, texts: list[str]) -> Sheet:
    rows: list[tuple[str, ...]] = []
    truncated = False
    for n, raw in enumerate(ws.iter_rows(values_only=True, max_col=MAX_COLS)):
        if n >= settings.max_sheet_rows + HEADER_SCAN:
            truncated = True
            break
        row = tuple(_cell(v) for v in raw)
        while row and not row[-1]:
            row = row[:-1]
        rows.append(row)
    header_idx = next(
        (i for i, r in enumerate(rows[:HEADER_SCAN]) if sum(1 for c in r if c) >= 3), None
    )
    header = rows[header_idx] if header_idx is not None else ()
    data = [r for r in rows[(header_idx + 1) if header_idx is not None else 0 :] if any(r)]
    texts.append(ws.title)
    texts.extend(" ".join(c for c in r if c) for r in rows[:2000])
    return Sheet(
        name=ws.title,
        header_row=(header_idx + 1) if header_idx is not None else None,
        header=header,
        rows=tuple(data),
        row_count=len(data),
        truncated=truncated,
    )
