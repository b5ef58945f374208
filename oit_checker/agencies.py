"""Agencies files for ``nightly`` (YAML or CSV): who to check, and with which submission.

Unlike a submission, one bad row must not stop a night over thousands of agencies: each
row's problem is reported with its file, line and field and the row is skipped; only a file
that cannot be read at all is an input error (exit 2). Submission paths are relative to the
agencies file.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from oit_checker.errors import AgenciesError, InputError, read_problem
from oit_checker.urls import BadURL, normalize
from oit_checker.yamlmarks import parse as parse_yaml

KEYS = {"name", "submission", "main_site", "checklist", "discover", "province", "district", "type"}
# Column names of the optional grouping columns as agencies' own lists spell them in Thai
ALIASES = {"จังหวัด": "province", "อำเภอ": "district", "เขต": "district", "ประเภท": "type"}
ALIASES |= {"ประเภทหน่วยงาน": "type", "ชื่อหน่วยงาน": "name", "หน่วยงาน": "name"}


@dataclass(frozen=True, slots=True)
class AgencyEntry:
    name: str
    submission: Path | None
    main_site: str | None = None
    checklist: str | None = None
    discover: bool = False
    line: int | None = None
    # optional grouping columns, for the dashboard's filters (free text, as the file has it)
    province: str = ""
    district: str = ""
    kind: str = ""  # the agency's type: อบต., เทศบาล, กรม, โรงเรียน …


def load_agencies(path: str | Path) -> tuple[tuple[AgencyEntry, ...], tuple[InputError, ...]]:
    """The valid entries, and one error per skipped row."""
    p = Path(path)
    file = str(p)
    if p.suffix.lower() in (".xlsx", ".xlsm"):
        return _validate(_xlsx_rows(p, file), p, file)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except OSError as exc:
        template, params = read_problem(exc)
        raise AgenciesError(template, file=file, params=params) from exc
    except UnicodeDecodeError as exc:
        raise AgenciesError(
            "not UTF-8 text: {detail}", file=file, params={"detail": exc.reason}
        ) from exc
    rows: list[tuple[int | None, Any]]
    if p.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(text, newline=""))
        try:
            rows = [(n, dict(r)) for n, r in enumerate(reader, start=2)]
        except csv.Error as exc:
            raise AgenciesError(
                "not a readable CSV file: {detail}",
                file=file,
                line=reader.line_num or 1,
                params={"detail": str(exc)},
            ) from None
    else:
        doc = parse_yaml(text, file, AgenciesError)
        data = doc.data
        listed = data.get("agencies") if isinstance(data, dict) else None
        if not isinstance(listed, list):
            raise AgenciesError(
                "an agencies file is a mapping with an 'agencies' list",
                file=file,
                line=1,
                field="agencies",
            )
        rows = [(doc.line(("agencies", i)), r) for i, r in enumerate(listed)]
    return _validate(rows, p, file)


def _validate(
    rows: list[tuple[int | None, Any]], p: Path, file: str
) -> tuple[tuple[AgencyEntry, ...], tuple[InputError, ...]]:
    entries: list[AgencyEntry] = []
    problems: list[InputError] = []
    for line, row in rows:
        try:
            entries.append(_entry(row, line, p, file))
        except AgenciesError as exc:
            problems.append(exc)
    return tuple(entries), tuple(problems)


def _xlsx_rows(p: Path, file: str) -> list[tuple[int | None, Any]]:
    """First sheet, a header row with the column names, one agency per row."""
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(p, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise AgenciesError(
            "not a readable .xlsx workbook: {detail}", file=file, params={"detail": str(exc)}
        ) from exc
    try:
        values = list(wb.worksheets[0].iter_rows(values_only=True, max_col=len(KEYS) + 8))
    finally:
        wb.close()
    if not values:
        return []
    header = [str(c or "").strip().lower() for c in values[0]]
    return [
        (n, {h: ("" if v is None else str(v)) for h, v in zip(header, row, strict=False) if h})
        for n, row in enumerate(values[1:], start=2)
        if any(v not in (None, "") for v in row)
    ]


def _entry(row: Any, line: int | None, p: Path, file: str) -> AgencyEntry:
    def err(msg: str, field: str, **params: Any) -> AgenciesError:
        return AgenciesError(msg, file=file, line=line, field=field, params=params)

    if not isinstance(row, dict):
        raise err("each agency is a mapping with 'name' and 'submission'", "agencies")
    row = {ALIASES.get(str(k).strip(), str(k).strip()): v for k, v in row.items() if k is not None}
    for key in row:
        if key not in KEYS:
            raise err("unknown key {key!r}", key, key=key)
    name = str(row.get("name") or "").strip()
    if not name:
        raise err("missing required key {key!r}", "name", key="name")
    discover = str(row.get("discover") or "").strip().lower() in ("true", "1", "yes")
    sub = str(row.get("submission") or "").strip()
    if not sub and not discover:
        raise err("missing required key {key!r}", "submission", key="submission")
    if sub and discover:
        raise err("give either 'submission' or 'discover: true', not both", "discover")
    main_site = str(row.get("main_site") or "").strip() or None
    if discover:
        if not main_site:
            raise err("'discover: true' needs 'main_site'", "main_site")
        try:
            main_site = normalize(main_site)
        except BadURL as exc:
            raise err(
                "malformed URL {value!r}: {detail}", "main_site", value=main_site, detail=str(exc)
            ) from None
    path = (p.parent / sub) if sub else None
    if path is not None and not path.exists():
        raise err("submission file not found: {path}", "submission", path=str(path))
    return AgencyEntry(
        name=name,
        submission=path,
        main_site=main_site,
        checklist=str(row.get("checklist") or "") or None,
        discover=discover,
        line=line,
        province=_text(row.get("province")),
        district=_text(row.get("district")),
        kind=_text(row.get("type")),
    )


def _text(value: Any) -> str:
    """A grouping column's value: one line of at most 80 characters (it labels a filter)."""
    return " ".join(str(value or "").split())[:80]
