"""Submission files (YAML, CSV, XLSX) → ``Submission``; errors name file, line and field.

The submission is what the admin will type into ITAS: item → URLs. Item ids are normalised
(``o12``, ``O 12``, ``O012``, Thai digits) and URLs validated (absolute http/https) here, and
checked against the checklist's items by :func:`validate_against`, so a typo stops the run with
exit 2 before anything is fetched. No network here.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from oit_checker.checklist.model import Checklist
from oit_checker.errors import SubmissionError
from oit_checker.itemid import normalize_item_id
from oit_checker.urls import BadURL, normalize
from oit_checker.yamlmarks import parse as parse_yaml

TOP_KEYS = {"agency", "main_site", "checklist", "year", "items", "note"}


@dataclass(frozen=True, slots=True)
class SubmittedItem:
    id: str
    urls: tuple[str, ...]
    line: int | None = None
    raw_id: str = ""


@dataclass(frozen=True, slots=True)
class Submission:
    agency: str
    main_site: str
    items: tuple[SubmittedItem, ...]
    checklist: str | None = None
    year: int | None = None
    path: str = ""

    def urls(self, item_id: str) -> tuple[str, ...]:
        return next((i.urls for i in self.items if i.id == item_id), ())


def load_submission(
    path: str | Path, *, main_site: str | None = None, agency: str | None = None
) -> Submission:
    """Load any supported format; ``main_site``/``agency`` fill what the file lacks."""
    p = Path(path)
    file = str(p)
    suffix = p.suffix.lower()
    try:
        if suffix in (".yaml", ".yml"):
            sub = _from_yaml(p.read_text(encoding="utf-8-sig"), file)
        elif suffix == ".csv":
            sub = _from_rows(_csv_rows(p.read_bytes(), file), file)
        elif suffix in (".xlsx", ".xlsm"):
            sub = _from_rows(_xlsx_rows(p, file), file)
        else:
            raise SubmissionError("unsupported file type (use .yaml, .csv or .xlsx)", file=file)
    except OSError as exc:
        raise SubmissionError(
            "cannot read file: {detail}", file=file, params={"detail": exc.strerror or str(exc)}
        ) from exc
    except UnicodeDecodeError as exc:
        raise SubmissionError(
            "not UTF-8 text: {detail}", file=file, params={"detail": exc.reason}
        ) from exc
    if main_site:
        sub = replace(sub, main_site=_url(main_site, "--main-site", None, "main_site"))
    if agency:
        sub = replace(sub, agency=agency)
    if not sub.main_site:
        raise SubmissionError(
            "the main website is unknown: add 'main_site:' or --main-site",
            file=file,
            field="main_site",
        )
    return sub


def validate_against(sub: Submission, checklist: Checklist) -> None:
    """Unknown item ids are input errors (exit 2), with a did-you-mean list of valid ids."""
    known = set(checklist.item_ids)
    for item in sub.items:
        if item.id not in known:
            raise SubmissionError(
                "item {item!r} is not in checklist {checklist} (items {first}–{last})",
                params={
                    "item": item.raw_id or item.id,
                    "checklist": checklist.id,
                    "first": checklist.items[0].id,
                    "last": checklist.items[-1].id,
                },
                file=sub.path,
                line=item.line,
                field="items",
            )


def _url(value: Any, file: str, line: int | None, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SubmissionError(
            "a URL (text starting with http:// or https://) is required",
            file=file,
            line=line,
            field=field,
        )
    try:
        return normalize(value)
    except BadURL as exc:
        raise SubmissionError(
            "malformed URL {value!r}: {detail}",
            file=file,
            line=line,
            field=field,
            params={"value": value, "detail": str(exc)},
        ) from exc


def _from_yaml(text: str, file: str) -> Submission:
    doc = parse_yaml(text, file, SubmissionError, key_field="items.{key}")
    data = doc.data
    if not isinstance(data, dict):
        raise SubmissionError(
            "a submission is a mapping with 'main_site' and 'items'", file=file, line=1
        )
    for key in data:
        if key not in TOP_KEYS:
            raise SubmissionError(
                "unknown key {key!r}",
                file=file,
                line=doc.line((key,)),
                field=str(key),
                params={"key": key},
            )
    items_raw = data.get("items")
    if not isinstance(items_raw, dict) or not items_raw:
        raise SubmissionError(
            "'items' must map item ids to URLs (e.g. O1: https://…)",
            file=file,
            line=doc.line(("items",)),
            field="items",
        )
    main_site = data.get("main_site")
    main = _url(main_site, file, doc.line(("main_site",)), "main_site") if main_site else ""
    year = data.get("year")
    if year is not None and (not isinstance(year, int) or not 2500 <= year <= 2700):
        raise SubmissionError(
            "'year' must be a Buddhist-Era year such as 2568",
            file=file,
            line=doc.line(("year",)),
            field="year",
        )
    rows: list[tuple[Any, Any, int | None, str]] = []
    for key, value in items_raw.items():
        values = value if isinstance(value, list) else [value]
        for i, v in enumerate(values):
            path = ("items", key, i) if isinstance(value, list) else ("items", key)
            rows.append((key, v, doc.line(path), f"items.{key}"))
    sub = _from_rows(rows, file, keyed=True)
    return replace(
        sub,
        main_site=main,
        agency=str(data.get("agency") or ""),
        checklist=str(data["checklist"]) if data.get("checklist") else None,
        year=year,
    )


def _from_rows(
    rows: list[tuple[Any, Any, int | None, str]], file: str, keyed: bool = False
) -> Submission:
    items: dict[str, list[str]] = {}
    lines: dict[str, int | None] = {}
    raws: dict[str, str] = {}
    for raw_id, url, line, field in rows:
        item_id = normalize_item_id(str(raw_id))
        if item_id is None:
            raise SubmissionError(
                "{value!r} is not an item id such as O12",
                params={"value": raw_id},
                file=file,
                line=line,
                field=field if keyed else "item",
            )
        if keyed and item_id in items and raws[item_id] != str(raw_id):
            raise SubmissionError(
                "duplicate item {item}: {a!r} (line {first}) and {b!r}",
                params={"item": item_id, "a": raws[item_id], "first": lines[item_id], "b": raw_id},
                file=file,
                line=line,
                field=field,
            )
        norm = _url(url, file, line, field if keyed else "url")
        items.setdefault(item_id, [])
        if norm not in items[item_id]:
            items[item_id].append(norm)
        lines.setdefault(item_id, line)
        raws.setdefault(item_id, str(raw_id))
    out = tuple(SubmittedItem(i, tuple(u), lines[i], raws[i]) for i, u in items.items())
    return Submission(agency="", main_site="", items=out, path=file)


def _csv_rows(data: bytes, file: str) -> list[tuple[Any, Any, int | None, str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Thai Windows saves CSV as windows-874 (a few byte values are unassigned)
        text = data.decode("cp874", errors="replace")
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[Any, Any, int | None, str]] = []
    try:
        numbered = list(enumerate(reader, start=1))
    except csv.Error as exc:
        raise SubmissionError(
            "not a readable CSV file: {detail}",
            file=file,
            line=reader.line_num or 1,
            params={"detail": str(exc)},
        ) from None
    for n, row in numbered:
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if n == 1 and cells[0].lower() in ("item", "ข้อ", "id"):
            continue
        if len(cells) < 2:
            raise SubmissionError(
                "each row needs two columns: item,url", file=file, line=n, field="url"
            )
        rows.append((cells[0], cells[1], n, "item"))
    if not rows:
        raise SubmissionError("no rows (expected columns item,url)", file=file, line=1)
    return rows


def _xlsx_rows(p: Path, file: str) -> list[tuple[Any, Any, int | None, str]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(p, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise SubmissionError(
            "not a readable .xlsx workbook: {detail}", file=file, params={"detail": str(exc)}
        ) from exc
    try:
        ws = wb.worksheets[0]
        rows: list[tuple[Any, Any, int | None, str]] = []
        for n, row in enumerate(ws.iter_rows(values_only=True, max_col=2), start=1):
            cells = ["" if c is None else str(c).strip() for c in row] + ["", ""]
            if not cells[0] or (n == 1 and cells[0].lower() in ("item", "ข้อ", "id")):
                continue
            rows.append((cells[0], cells[1], n, "item"))
    finally:
        wb.close()
    if not rows:
        raise SubmissionError("no rows (expected columns item,url)", file=file, line=1)
    return rows
