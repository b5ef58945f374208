"""Large reports render in linear time: no reporter rescans what it already wrote.

openpyxl's ``max_row``/``max_column`` and column slices scan every cell; read once per row
they made a 56,000-item workbook never finish. The test counts such scans: their number must
not grow with the items, so the quadratic pattern cannot come back unnoticed (no timing).
"""

import dataclasses
import io

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from oit_checker import reporters
from oit_checker.reporters.base import Options
from tests.test_reporters import fixed_report


def big_report(n: int):
    r = fixed_report()
    items = tuple(dataclasses.replace(r.items[i % len(r.items)], id=f"O{i + 1}") for i in range(n))
    return dataclasses.replace(r, items=items)


def scans_while_rendering(monkeypatch, n: int) -> tuple[int, bytes]:
    count = 0

    def counted(name: str):
        real = getattr(Worksheet, name)

        def get(self):
            nonlocal count
            count += 1
            return real.fget(self)

        return property(get)

    for name in ("max_row", "max_column", "dimensions"):
        monkeypatch.setattr(Worksheet, name, counted(name))
    data = reporters.render("xlsx", big_report(n), Options("th"))
    monkeypatch.undo()
    return count, data


def test_xlsx_whole_sheet_scans_do_not_grow_with_the_items(monkeypatch):
    few, _ = scans_while_rendering(monkeypatch, 50)
    many, data = scans_while_rendering(monkeypatch, 600)
    assert many == few  # saving scans each sheet a fixed number of times; rows never do
    book = load_workbook(io.BytesIO(data))
    sheet = book.worksheets[1]
    ids = {sheet.cell(row=r, column=1).value for r in range(2, 602)}
    assert sheet.max_row == 601 and "O600" in ids and len(ids) == 600
    assert sheet.auto_filter.ref == "A1:K601" and sheet.freeze_panes == "A2"
    statuses = {sheet.cell(row=r, column=4).fill.fgColor.rgb for r in range(2, 602)}
    assert len(statuses) >= 2  # each row coloured by its own status


@pytest.mark.parametrize("fmt", ["json", "html", "junit", "markdown", "table"])
def test_every_format_renders_a_large_report_whole(fmt):
    out = str(reporters.render(fmt, big_report(1500), Options("en", width=120)))
    assert "O1500" in out and "O1499" in out
