"""CSV files and workbooks → :class:`Sheet` grids of cell text and hyperlink targets.

The reading half of the table route (``table.read_table`` finds the submission in the grids):
bounded in size, rows and columns, Excel's Thai CSV encoding (windows-874) understood, and a
cell's hyperlink or ``=HYPERLINK`` formula kept beside its shown text.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from oit_checker.errors import SubmissionError
from oit_checker.submission.table import HYPERLINK_FORMULA, MAX_COLS, MAX_ROWS, Cell, Sheet

MAX_TABLE_BYTES = 20 * 1024 * 1024  # a submission workbook is kilobytes


def csv_sheet(data: bytes, file: str) -> Sheet:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Thai Windows saves CSV as windows-874 (a few byte values are unassigned)
        text = data.decode("cp874", errors="replace")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        rows = [
            tuple(Cell(c.strip()) for c in row[:MAX_COLS])
            for _, row in zip(range(MAX_ROWS), reader, strict=False)
        ]
    except csv.Error as exc:
        raise SubmissionError(
            "not a readable CSV file: {detail}",
            file=file,
            line=reader.line_num or 1,
            params={"detail": str(exc)},
        ) from None
    return Sheet("", tuple(rows))


def xlsx_sheets(p: Path, file: str) -> list[Sheet]:
    """Every sheet's cells as text, with hyperlink targets (a cell's link or its
    ``=HYPERLINK("url", "คลิก")`` formula; the cached value gives the shown text)."""
    import warnings
    import zipfile

    from openpyxl import load_workbook

    if p.stat().st_size > MAX_TABLE_BYTES:
        raise SubmissionError(
            "file too large for a submission ({size} bytes; at most {limit})",
            file=file,
            params={"size": p.stat().st_size, "limit": MAX_TABLE_BYTES},
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns on every unknown extension
            formulas = load_workbook(p, data_only=False)
            values = load_workbook(p, data_only=True, read_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise SubmissionError(
            "not a readable .xlsx workbook: {detail}", file=file, params={"detail": str(exc)}
        ) from exc
    sheets = []
    try:
        for ws, wv in zip(formulas.worksheets, values.worksheets, strict=False):
            shown = [
                tuple(row)
                for row in wv.iter_rows(values_only=True, max_row=MAX_ROWS, max_col=MAX_COLS)
            ]
            rows = []
            bound = {"max_row": min(ws.max_row, MAX_ROWS), "max_col": min(ws.max_column, MAX_COLS)}
            for r, row in enumerate(ws.iter_rows(**bound)):
                cells = []
                for c, cell in enumerate(row):
                    value = shown[r][c] if r < len(shown) and c < len(shown[r]) else None
                    link = cell.hyperlink.target if cell.hyperlink is not None else ""
                    raw = cell.value
                    if isinstance(raw, str) and (m := HYPERLINK_FORMULA.match(raw)):
                        link = link or m[1]
                        if value is None:
                            value = ""
                    elif value is None and isinstance(raw, str) and not raw.startswith("="):
                        value = raw
                    cells.append(Cell(_cell_text(value), link or ""))
                rows.append(tuple(cells))
            sheets.append(Sheet(ws.title, tuple(rows)))
    finally:
        values.close()
    return sheets


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
