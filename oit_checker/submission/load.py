"""Submission files (YAML, CSV, XLSX) → ``Submission``; errors name file, line and field.

The submission is what the admin will type into ITAS: item → URLs. Item ids are normalised
(``o12``, ``O 12``, ``O012``, Thai digits) and URLs validated (absolute http/https) here, and
checked against the checklist's items by :func:`validate_against`, so a typo stops the run with
exit 2 before anything is fetched. No network here.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from oit_checker.checklist.model import Checklist
from oit_checker.errors import InputError, SubmissionError, raise_all, read_problem
from oit_checker.itemid import normalize_item_id
from oit_checker.submission.sheets import csv_sheet, xlsx_sheets
from oit_checker.submission.table import (
    Cell,
    Row,
    Table,
    leading_id,
    read_table,
    split_urls,
)
from oit_checker.thaitext import thai_digits_to_arabic
from oit_checker.urls import BadURL, normalize
from oit_checker.yamlmarks import parse as parse_yaml

DID_YOU_MEAN = "unknown key {key!r} (did you mean {hint!r}?)"
TOP_KEYS = {"agency", "main_site", "checklist", "year", "items", "note"}


@dataclass(frozen=True, slots=True)
class SubmittedItem:
    id: str
    urls: tuple[str, ...]
    line: int | None = None
    raw_id: str = ""
    field: str = ""  # where the item's first URL was: "items.O1", "ITA!C5"


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
    """Load any supported format; ``main_site``/``agency`` fill what the file lacks.

    Every error of the file is collected and raised together (``InputError.all``)."""
    sub, errors = read_submission(path, main_site=main_site, agency=agency)
    raise_all(sorted(errors, key=lambda e: e.line or 0))
    return sub


def load_with_checklist(
    path: str | Path,
    checklist_ref: str | None = None,
    *,
    main_site: str | None = None,
    agency: str | None = None,
) -> tuple[Submission, Checklist]:
    """The submission and the checklist it is judged by (flag, else the file's), with its
    item ids checked in the same pass: an unknown item and a bad URL show up in one run."""
    from oit_checker.checklist.load import pick_checklist

    sub, errors = read_submission(path, main_site=main_site, agency=agency)
    checklist = pick_checklist(checklist_ref, sub.checklist, year=sub.year)
    if sub.items:
        errors += item_errors(sub, checklist)
    raise_all(sorted(errors, key=lambda e: e.line or 0))
    return sub, checklist


def read_submission(
    path: str | Path, *, main_site: str | None = None, agency: str | None = None
) -> tuple[Submission, list[InputError]]:
    """The submission as far as it could be read, and every error found in it (a file that
    cannot be read at all still raises)."""
    if re.match(r"(?i)https?://", str(path)):
        raise SubmissionError(
            "this is a web address, not a submission file: to build one from the website, "
            "run: oit-checker discover {value} --year 2568 -o submission.yaml",
            file=str(path),
            params={"value": str(path)},
        )
    p = Path(path)
    file = str(p)
    suffix = p.suffix.lower()
    errors: list[InputError] = []
    try:
        if suffix in (".yaml", ".yml"):
            sub = _from_yaml(p.read_text(encoding="utf-8-sig"), file, errors)
        elif suffix == ".csv":
            sub = _from_table(read_table([csv_sheet(p.read_bytes(), file)], file), file, errors)
        elif suffix in (".xlsx", ".xlsm"):
            sub = _from_table(read_table(xlsx_sheets(p, file), file), file, errors)
        else:
            raise SubmissionError(
                "unsupported file type {suffix!r} (use .yaml, .csv or .xlsx)",
                file=file,
                params={"suffix": suffix or p.name},
            )
    except OSError as exc:
        template, params = read_problem(exc)
        raise SubmissionError(template, file=file, params=params) from exc
    except UnicodeDecodeError as exc:
        raise SubmissionError(
            "not UTF-8 text: {detail}", file=file, params={"detail": exc.reason}
        ) from exc
    if main_site:
        try:
            sub = replace(sub, main_site=_url(main_site, "--main-site", None, "main_site"))
        except SubmissionError as exc:
            errors.append(exc)
    if agency:
        sub = replace(sub, agency=agency)
    if not sub.main_site and not any(e.field == "main_site" for e in errors):
        errors.append(
            SubmissionError(
                "the main website is unknown: add 'main_site:' or --main-site"
                if suffix in (".yaml", ".yml")
                else "the main website is unknown: fill the row 'เว็บไซต์หลัก' "
                "(main website) above the table, or use --main-site",
                file=file,
                field="main_site",
            )
        )
    return sub, errors


def validate_against(sub: Submission, checklist: Checklist) -> None:
    """Unknown item ids are input errors (exit 2), every one of them at once."""
    raise_all(item_errors(sub, checklist))


def item_errors(sub: Submission, checklist: Checklist) -> list[InputError]:
    """One error per submitted item id that the checklist does not have (did-you-mean)."""
    known = set(checklist.item_ids)
    errors: list[InputError] = []
    for item in sub.items:
        if item.id not in known:
            errors.append(
                SubmissionError(
                    "item {item!r} is not in checklist {checklist} (items {first}–{last})",
                    params={
                        "item": item.raw_id or item.id,
                        "checklist": checklist.id,
                        "first": checklist.items[0].id,
                        "last": checklist.items[-1].id,
                    },
                    file=sub.path,
                    line=item.line,
                    field=item.field or "items",
                )
            )
    return errors


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


def _from_yaml(text: str, file: str, errors: list[InputError]) -> Submission:
    doc = parse_yaml(text, file, SubmissionError, key_field="items.{key}")
    data = doc.data
    if not isinstance(data, dict):
        raise SubmissionError(
            "a submission is a mapping with 'main_site' and 'items'", file=file, line=1
        )
    for key in data:
        if key not in TOP_KEYS:
            near = difflib.get_close_matches(str(key), sorted(TOP_KEYS), n=1)
            errors.append(
                SubmissionError(
                    DID_YOU_MEAN if near else "unknown key {key!r}",
                    file=file,
                    line=doc.line((key,)),
                    field=str(key),
                    params={"key": key, **({"hint": near[0]} if near else {})},
                )
            )
    items_raw = data.get("items")
    if not isinstance(items_raw, dict) or not items_raw:
        errors.append(
            SubmissionError(
                "'items' must map item ids to URLs (e.g. O1: https://…)",
                file=file,
                line=doc.line(("items",)),
                field="items",
            )
        )
        items_raw = {}
    main = ""
    if data.get("main_site"):
        try:
            main = _url(data["main_site"], file, doc.line(("main_site",)), "main_site")
        except SubmissionError as exc:
            errors.append(exc)
    year = data.get("year")
    if year is not None and (not isinstance(year, int) or not 2500 <= year <= 2700):
        errors.append(
            SubmissionError(
                "'year' must be a Buddhist-Era year such as 2568",
                file=file,
                line=doc.line(("year",)),
                field="year",
            )
        )
        year = None
    rows: list[Row] = []
    for key, value in items_raw.items():
        values = value if isinstance(value, list) else [value]
        for i, v in enumerate(values):
            path = ("items", key, i) if isinstance(value, list) else ("items", key)
            line = doc.line(path) or 0
            if isinstance(v, str) and v.strip():  # several URLs in one value: line breaks
                for url in split_urls(Cell(v))[0] or [v]:
                    rows.append(Row(str(key), url, line, f"items.{key}"))
            else:
                rows.append(Row(str(key), v, line, f"items.{key}"))
    sub = _from_rows(rows, file, errors, keyed=True)
    return replace(
        sub,
        main_site=main,
        agency=str(data.get("agency") or ""),
        checklist=str(data["checklist"]) if data.get("checklist") else None,
        year=year,
    )


def _from_table(table: Table, file: str, errors: list[InputError]) -> Submission:
    """Rows of a CSV/workbook table plus its agency block (หน่วยงาน, เว็บไซต์หลัก, ปี)."""
    errors.extend(table.errors)
    if table.named and not table.rows and not table.errors:
        errors.append(
            SubmissionError(
                "no item has a URL yet: fill the URL column ({named} items listed)",
                file=file,
                line=1,
                params={"named": table.named},
            )
        )
    sub = _from_rows(table.rows, file, errors)
    meta = table.meta
    if "agency" in meta:
        sub = replace(sub, agency=meta["agency"][0])
    if "main_site" in meta and meta["main_site"][0].strip().lower() not in PLACEHOLDERS:
        value, line, where = meta["main_site"]
        try:
            sub = replace(sub, main_site=_url(value, file, line, where))
        except SubmissionError as exc:
            errors.append(exc)
    if "checklist" in meta:
        sub = replace(sub, checklist=meta["checklist"][0])
    if "year" in meta:
        value, line, where = meta["year"]
        digits = thai_digits_to_arabic(value).strip().removesuffix(".0")
        if digits.isdigit() and 2500 <= int(digits) <= 2700:
            sub = replace(sub, year=int(digits))
        else:
            errors.append(
                SubmissionError(
                    "'year' must be a Buddhist-Era year such as 2568",
                    file=file,
                    line=line,
                    field=where,
                )
            )
    return sub


def _from_rows(
    rows: list[Row], file: str, errors: list[InputError], keyed: bool = False
) -> Submission:
    items: dict[str, list[str]] = {}
    lines: dict[str, int | None] = {}
    raws: dict[str, str] = {}
    fields: dict[str, str] = {}
    for row in rows:
        raw_id, url, line, field = row.raw_id, row.url, row.line or None, row.field
        item_id = normalize_item_id(str(raw_id)) or (None if keyed else leading_id(str(raw_id)))
        if item_id is None:
            errors.append(
                SubmissionError(
                    "{value!r} is not an item id such as O12",
                    params={"value": raw_id},
                    file=file,
                    line=line,
                    field=field,
                )
            )
            continue
        if keyed and item_id in items and raws[item_id] != str(raw_id):
            errors.append(
                SubmissionError(
                    "duplicate item {item}: {a!r} (line {first}) and {b!r}",
                    params={
                        "item": item_id,
                        "a": raws[item_id],
                        "first": lines[item_id],
                        "b": raw_id,
                    },
                    file=file,
                    line=line,
                    field=field,
                )
            )
            continue
        try:
            norm = _url(url, file, line, field)
        except SubmissionError as exc:
            errors.append(exc)
            continue
        items.setdefault(item_id, [])
        if norm not in items[item_id]:
            items[item_id].append(norm)
        lines.setdefault(item_id, line)
        raws.setdefault(item_id, str(raw_id))
        fields.setdefault(item_id, field)
    out = tuple(SubmittedItem(i, tuple(u), lines[i], raws[i], fields[i]) for i, u in items.items())
    if not out and not errors:
        errors.append(SubmissionError("no rows (expected columns item,url)", file=file, line=1))
    return Submission(agency="", main_site="", items=out, path=file)


PLACEHOLDERS = {"https://", "http://", "-"}  # the template's unfilled main-site cell
