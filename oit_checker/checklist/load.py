"""YAML with line marks → ``Checklist``; every error names file, line and field.

The document's shape is :mod:`oit_checker.checklist.document` (pydantic); its errors map to
the file's lines. Check ids are resolved through the registry (unknown id → "did you mean
…?") and parameters are validated against each check's ``Params`` model
(:mod:`oit_checker.checklist.entries`), so a typo in a user's copied checklist is caught before
any URL is fetched (yamllint's "unknown option" habit). A local copy ``extends:`` another
checklist and overrides per item. Never runs a check.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from oit_checker.checklist import entries
from oit_checker.checklist.document import (
    CheckEntry,
    ChecklistDoc,
    ExtendingDoc,
    ItemDoc,
    OverrideDoc,
)
from oit_checker.checklist.model import Checklist, CheckRef, Indicator, Item
from oit_checker.errors import ChecklistError, raise_all, read_problem
from oit_checker.itemid import normalize_item_id
from oit_checker.validation import Loc, dotted, input_errors, known_keys
from oit_checker.yamlmarks import Marked
from oit_checker.yamlmarks import parse as parse_yaml

DEFAULT_CHECKLIST = "ita-2568"  # the latest complete year
MAX_EXTENDS = 5
DEFAULT_INDICATORS = (
    Indicator(9, "การเปิดเผยข้อมูล", "Information disclosure"),
    Indicator(10, "การป้องกันการทุจริต", "Corruption prevention"),
)
M = TypeVar("M", bound=BaseModel)

# What a wrong value of a known key means, in the words of the checklist format.
_EXPLAIN = {
    "year": "'year' must be a Buddhist-Era year such as 2568",
    "weight": "'weight' must be a number ≥ 0",
    "formats": "'formats' must be a list of names",
    "status": "'status' must be a mapping",
    "sources": "'sources' must be a mapping of id → description",
    "indicators": "'indicators' must be a list",
    "checks": "'checks' must be a list",
    "add_checks": "'checks' must be a list",
    "params": "'params' maps a check id to the parameters to change",
    "add_keywords": "'add_keywords' maps an element label to extra wordings",
}


def shipped_dir() -> Path:
    """Where the shipped checklists are: inside the wheel, or the repo root in a checkout."""
    packaged = Path(str(resources.files("oit_checker"))) / "checklists"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "checklists"


def shipped_ids() -> list[str]:
    return sorted(p.stem for p in shipped_dir().glob("*.yaml"))


def resolve(ref: str) -> Path:
    """A checklist id (``ita-2568``) or a path to a YAML file."""
    p = Path(ref)
    if p.suffix in (".yaml", ".yml") or p.exists():
        return p
    candidate = shipped_dir() / f"{ref}.yaml"
    if candidate.exists():
        return candidate
    known = ", ".join(shipped_ids())
    raise ChecklistError(
        "unknown checklist {ref!r} (known: {known})",
        file=ref,
        field="checklist",
        params={"ref": ref, "known": known},
    )


def checklist_ref(*candidates: str | None, year: int | None = None) -> str:
    """Which checklist to use: the first named candidate (flag, agency row, submission file),
    else the submission's year (``ita-<year>``), else :data:`DEFAULT_CHECKLIST`."""
    for ref in candidates:
        if ref:
            return ref
    return f"ita-{year}" if year else DEFAULT_CHECKLIST


def pick_checklist(*candidates: str | None, year: int | None = None) -> Checklist:
    """:func:`load_checklist` of :func:`checklist_ref` — the one rule every command follows."""
    return load_checklist(checklist_ref(*candidates, year=year))


# Checklists already built in this process, by file and exact text: a night loads the same
# checklist once per agency, and parsing and validating it was ≈ 4 % of a warm night's CPU
# (py-spy). The value is frozen; a file edited mid-run has new text, so it is read anew.
_LOADED: dict[tuple[str, str], Checklist] = {}
_LOADED_MAX = 32
_LOADED_LOCK = threading.Lock()


def load_checklist(ref: str | Path) -> Checklist:
    path = resolve(str(ref))
    return _Loader(path).load()


def _explain(extending: bool) -> Any:
    def explain(loc: Loc, kind: str) -> tuple[str, dict[str, object]] | None:
        if not loc:
            return "a checklist is a mapping with 'id', 'year' and 'items'", {}
        key = loc[-1]
        if loc[0] == "items" and len(loc) == 2 and isinstance(key, int):
            if extending:
                return "each item override is a mapping with 'id'", {}
            return "each item is a mapping with 'id', 'indicator' and 'title'", {}
        if loc == ("items",):
            return (
                "'items' must be a list" if extending else "'items' must be a non-empty list"
            ), {}
        if loc[0] == "indicators" and len(loc) > 1:
            return "each indicator needs a numeric 'id'", {}
        if key == "defaults":
            if len(loc) == 1:
                return "'defaults' must be a mapping with 'checks'", {}
            return "'defaults' must be true or false", {}
        text = _EXPLAIN.get(str(key))
        if text is None and len(loc) > 1 and loc[-2] in _EXPLAIN:
            text = _EXPLAIN[str(loc[-2])]
        return (text, {}) if text else None

    return explain


class _Loader:
    def __init__(self, path: Path, depth: int = 0) -> None:
        self.depth = depth
        self.path = path
        self.file = str(path)
        self.doc = Marked(None)

    def err(
        self, msg: str, path: Loc, field: str | None = None, **params: object
    ) -> ChecklistError:
        return ChecklistError(
            msg,
            file=self.file,
            line=self.doc.line(path),
            field=field or dotted(path),
            params=params,
        )

    def _validate(self, model: type[M], data: Any, extending: bool) -> M:
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            vocabulary = known_keys(ChecklistDoc, ExtendingDoc)
            found = input_errors(
                exc, self.doc, self.file, ChecklistError, _explain(extending), vocabulary
            )
            raise_all(list(found))
            raise  # unreachable: pydantic reported at least one error

    def load(self) -> Checklist:
        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError as exc:
            template, params = read_problem(exc)
            raise ChecklistError(template, file=self.file, params=params) from exc
        except UnicodeDecodeError as exc:
            raise ChecklistError(
                "not UTF-8 text: {detail}", file=self.file, params={"detail": exc.reason}
            ) from exc
        key = (str(self.path), text)
        with _LOADED_LOCK:
            known = _LOADED.get(key)
        if known is not None:
            return known
        self.doc = parse_yaml(text, self.file, ChecklistError)
        data = self.doc.data
        if not isinstance(data, dict):
            raise self.err("a checklist is a mapping with 'id', 'year' and 'items'", ())
        if "extends" in data:  # not kept: the file it extends may change under the same text
            return self._extended(self._validate(ExtendingDoc, data, True))
        checklist = self._full(self._validate(ChecklistDoc, data, False))
        with _LOADED_LOCK:  # a Dask worker's threads load checklists at once
            if len(_LOADED) >= _LOADED_MAX:
                _LOADED.pop(next(iter(_LOADED)))
            _LOADED[key] = checklist
        return checklist

    def _full(self, doc: ChecklistDoc) -> Checklist:
        indicators = {i.id: Indicator(i.id, i.title, i.title_en) for i in doc.indicators} or {
            i.id: i for i in DEFAULT_INDICATORS
        }
        defaults = self._checks(doc.defaults.checks, ("defaults", "checks"))
        items: list[Item] = []
        seen: dict[str, int] = {}
        for n, raw in enumerate(doc.items):
            item = self._item(raw, ("items", n), defaults, indicators)
            if item.id in seen:
                raise self.err(
                    "duplicate item {item} (first at line {first})",
                    ("items", n, "id"),
                    item=item.id,
                    first=seen[item.id],
                )
            seen[item.id] = item.line or 0
            items.append(item)
        return Checklist(
            id=doc.id,
            scheme=doc.scheme or doc.id.split("-")[0],
            year=doc.year,
            title=doc.title or doc.id,
            indicators=tuple(indicators.values()),
            items=tuple(items),
            completeness=doc.status.completeness,
            certainty=doc.status.certainty,
            note=doc.status.note or doc.note,
            path=self.file,
            sources=tuple(doc.sources.items()),
        )

    def _item_id(self, raw: str, path: Loc) -> str:
        item_id = normalize_item_id(raw)
        if item_id is None:
            raise self.err("{value!r} is not an item id such as O12", (*path, "id"), value=raw)
        return item_id

    def _item(
        self,
        raw: ItemDoc,
        path: Loc,
        defaults: tuple[CheckRef, ...],
        indicators: dict[int, Indicator],
    ) -> Item:
        item_id = self._item_id(raw.id, path)
        if raw.indicator not in indicators:
            raise self.err("unknown indicator {value!r}", (*path, "indicator"), value=raw.indicator)
        own = self._checks(raw.checks, (*path, "checks"))
        return Item(
            id=item_id,
            indicator=raw.indicator,
            title=raw.title,
            title_en=raw.title_en,
            topic=raw.topic,
            weight=float(raw.weight),
            formats=tuple(raw.formats),
            checks=(defaults if raw.defaults else ()) + own,
            note=raw.note,
            line=self.doc.line(path),
        )

    def _checks(self, raw: list[CheckEntry], path: Loc) -> tuple[CheckRef, ...]:
        return tuple(
            entries.check_ref(entry, (*path, i), self.err, self.doc.line((*path, i)))
            for i, entry in enumerate(raw)
        )

    # --- `extends:` a shipped (or relative) checklist, overriding per item ----------------

    def _extended(self, doc: ExtendingDoc) -> Checklist:
        """A local copy that changes only what it names (STYLE habit 6, yamllint's extends)."""
        if self.depth >= MAX_EXTENDS:
            raise self.err(
                "'extends' names one checklist id or file (at most {n} levels)",
                ("extends",),
                n=MAX_EXTENDS,
            )
        if doc.extends.endswith((".yaml", ".yml")):
            target = self.path.parent / doc.extends
        else:
            try:
                target = resolve(doc.extends)
            except ChecklistError as exc:
                raise self.err(exc.template, ("extends",), "extends", **exc.params) from None
        base = _Loader(target, self.depth + 1).load()
        if doc.year is not None and doc.year != base.year:
            raise self.err(
                "'year' must be {year}, the year of {base}", ("year",), year=base.year, base=base.id
            )
        items = {i.id: i for i in base.items}
        order = list(base.item_ids)
        indicators = {ind.id: ind for ind in base.indicators}
        for n, raw in enumerate(doc.items):
            item = self._override(raw, ("items", n), items, indicators, base.id)
            if item.id not in items:
                order.append(item.id)
            items[item.id] = item
        status = doc.status
        return replace(
            base,
            id=doc.id,
            title=doc.title or f"{doc.id} ({base.id})",
            items=tuple(items[i] for i in order),
            path=self.file,
            completeness=status.completeness if status else base.completeness,
            certainty=status.certainty if status else base.certainty,
            note=(status.note if status and status.note else None) or doc.note or base.note,
            sources=tuple({**dict(base.sources), **doc.sources}.items()),
        )

    def _override(
        self,
        raw: OverrideDoc,
        path: Loc,
        items: dict[str, Item],
        indicators: dict[int, Indicator],
        base_id: str,
    ) -> Item:
        item_id = self._item_id(raw.id, path)
        if item_id not in items:
            if raw.indicator is None or raw.title is None:
                raise self.err(
                    "item {item} is not in {base}; a new item needs 'indicator' and 'title'",
                    (*path, "id"),
                    item=item_id,
                    base=base_id,
                )
            fields = raw.model_dump(include=set(ItemDoc.model_fields), exclude_none=True)
            return self._item(ItemDoc.model_validate(fields), path, (), indicators)
        item = items[item_id]
        given = raw.model_fields_set
        changes: dict[str, Any] = {
            k: getattr(raw, k) for k in ("title", "title_en", "topic", "note") if k in given
        }
        if "weight" in given and raw.weight is not None:
            changes["weight"] = float(raw.weight)
        if "formats" in given:
            changes["formats"] = tuple(raw.formats or ())
        checks = item.checks
        if raw.checks is not None:
            checks = self._checks(raw.checks, (*path, "checks"))
        if raw.params:
            checks = entries.merge_params(checks, raw.params, (*path, "params"), self.err)
        if raw.add_keywords:
            checks = entries.add_keywords(
                checks, raw.add_keywords, (*path, "add_keywords"), self.err
            )
        if raw.add_checks:
            checks = checks + self._checks(raw.add_checks, (*path, "add_checks"))
        changes["checks"] = checks
        return replace(item, **changes)
