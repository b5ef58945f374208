"""YAML with line marks → ``Checklist``; every error names file, line and field.

Check ids are resolved through the registry (unknown id → "did you mean …?") and parameters
are validated against each check's ``Params`` model, so a typo in a user's copied checklist is
caught before any URL is fetched (yamllint's "unknown option" habit). Never runs a check.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from oit_checker import checks
from oit_checker.checklist.model import Checklist, CheckRef, Indicator, Item
from oit_checker.errors import ChecklistError
from oit_checker.itemid import normalize_item_id
from oit_checker.yamlmarks import Marked, YamlDuplicateKeyError
from oit_checker.yamlmarks import load as load_yaml

TOP_KEYS = {
    "schema",
    "id",
    "scheme",
    "year",
    "title",
    "title_en",
    "status",
    "sources",
    "indicators",
    "defaults",
    "items",
    "note",
}
ITEM_KEYS = {
    "id",
    "indicator",
    "topic",
    "title",
    "title_en",
    "weight",
    "formats",
    "checks",
    "note",
    "defaults",
}
META_KEYS = {"check", "params", "source", "confidence"}
CONFIDENCE = {"confirmed", "inferred"}


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


def load_checklist(ref: str | Path) -> Checklist:
    path = resolve(str(ref))
    return _Loader(path).load()


class _Loader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.file = str(path)
        self.doc = Marked(None)

    def err(
        self, msg: str, path: tuple[str | int, ...], field: str | None = None, **params: object
    ) -> ChecklistError:
        return ChecklistError(
            msg,
            file=self.file,
            line=self.doc.line(path),
            field=field or _dotted(path),
            params=params,
        )

    def load(self) -> Checklist:
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ChecklistError(
                "cannot read file: {detail}", file=self.file, params={"detail": str(exc)}
            ) from exc
        try:
            self.doc = load_yaml(text)
        except YamlDuplicateKeyError as exc:
            raise ChecklistError(
                "duplicate key {key!r} (first at line {first})",
                file=self.file,
                line=exc.line,
                field=exc.key,
                params={"key": exc.key, "first": exc.first_line},
            ) from exc
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise ChecklistError(
                "not valid YAML: {detail}",
                params={"detail": str(getattr(exc, "problem", exc))},
                file=self.file,
                line=(mark.line + 1) if mark else None,
            ) from exc
        data = self.doc.data
        if not isinstance(data, dict):
            raise self.err("a checklist is a mapping with 'id', 'year' and 'items'", ())
        for key in data:
            if key not in TOP_KEYS:
                raise self.err("unknown key {key!r}", (key,), str(key), key=key)
        for key in ("id", "year", "items"):
            if key not in data:
                raise self.err("missing required key {key!r}", (), key, key=key)
        year = data["year"]
        if not isinstance(year, int) or not 2500 <= year <= 2700:
            raise self.err("'year' must be a Buddhist-Era year such as 2568", ("year",))
        status = data.get("status") or {}
        if not isinstance(status, dict):
            raise self.err("'status' must be a mapping", ("status",))
        indicators = self._indicators(data.get("indicators") or [])
        default_checks = self._defaults(data.get("defaults") or {}, ("defaults",))
        items_raw = data["items"]
        if not isinstance(items_raw, list) or not items_raw:
            raise self.err("'items' must be a non-empty list", ("items",))
        items: list[Item] = []
        seen: dict[str, int] = {}
        for i, raw in enumerate(items_raw):
            item = self._item(raw, ("items", i), default_checks, indicators)
            if item.id in seen:
                raise self.err(
                    "duplicate item {item} (first at line {first})",
                    ("items", i, "id"),
                    item=item.id,
                    first=seen[item.id],
                )
            seen[item.id] = item.line or 0
            items.append(item)
        sources = data.get("sources") or {}
        if not isinstance(sources, dict):
            raise self.err("'sources' must be a mapping of id → description", ("sources",))
        return Checklist(
            id=str(data["id"]),
            scheme=str(data.get("scheme", str(data["id"]).split("-")[0])),
            year=year,
            title=str(data.get("title", data["id"])),
            indicators=tuple(indicators.values()),
            items=tuple(items),
            completeness=str(status.get("completeness", "complete")),
            certainty=str(status.get("certainty", "confirmed")),
            note=str(status.get("note", data.get("note", ""))),
            path=self.file,
            sources=tuple((str(k), str(v)) for k, v in sources.items()),
        )

    def _indicators(self, raw: Any) -> dict[int, Indicator]:
        if not isinstance(raw, list):
            raise self.err("'indicators' must be a list", ("indicators",))
        out: dict[int, Indicator] = {}
        for i, ind in enumerate(raw):
            if not isinstance(ind, dict) or not isinstance(ind.get("id"), int):
                raise self.err("each indicator needs a numeric 'id'", ("indicators", i))
            out[ind["id"]] = Indicator(
                ind["id"], str(ind.get("title", "")), str(ind.get("title_en", ""))
            )
        return out or {
            9: Indicator(9, "การเปิดเผยข้อมูล", "Information disclosure"),
            10: Indicator(10, "การป้องกันการทุจริต", "Corruption prevention"),
        }

    def _defaults(self, raw: Any, path: tuple[str | int, ...]) -> tuple[CheckRef, ...]:
        if not isinstance(raw, dict):
            raise self.err("'defaults' must be a mapping with 'checks'", path)
        for key in raw:
            if key != "checks":
                raise self.err("unknown key {key!r}", (*path, key), str(key), key=key)
        return self._checks(raw.get("checks") or [], (*path, "checks"))

    def _item(
        self,
        raw: Any,
        path: tuple[str | int, ...],
        defaults: tuple[CheckRef, ...],
        indicators: dict[int, Indicator],
    ) -> Item:
        if not isinstance(raw, dict):
            raise self.err("each item is a mapping with 'id', 'indicator' and 'title'", path)
        for key in raw:
            if key not in ITEM_KEYS:
                raise self.err("unknown key {key!r}", (*path, key), str(key), key=key)
        for key in ("id", "indicator", "title"):
            if key not in raw:
                raise self.err("missing required key {key!r}", path, key, key=key)
        item_id = normalize_item_id(str(raw["id"]))
        if item_id is None:
            raise self.err(
                "{value!r} is not an item id such as O12", (*path, "id"), value=raw["id"]
            )
        if raw["indicator"] not in indicators:
            raise self.err(
                "unknown indicator {value!r}", (*path, "indicator"), value=raw["indicator"]
            )
        weight = raw.get("weight", 1)
        if isinstance(weight, bool) or not isinstance(weight, int | float) or weight < 0:
            raise self.err("'weight' must be a number ≥ 0", (*path, "weight"))
        formats = raw.get("formats") or []
        if not isinstance(formats, list) or not all(isinstance(f, str) for f in formats):
            raise self.err("'formats' must be a list of names", (*path, "formats"))
        own = self._checks(raw.get("checks") or [], (*path, "checks"))
        use_defaults = raw.get("defaults", True)
        if not isinstance(use_defaults, bool):
            raise self.err("'defaults' must be true or false", (*path, "defaults"))
        return Item(
            id=item_id,
            indicator=raw["indicator"],
            title=str(raw["title"]),
            title_en=str(raw.get("title_en", "")),
            topic=str(raw.get("topic", "")),
            weight=float(weight),
            formats=tuple(formats),
            checks=(defaults if use_defaults else ()) + own,
            note=str(raw.get("note", "")),
            line=self.doc.line(path),
        )

    def _checks(self, raw: Any, path: tuple[str | int, ...]) -> tuple[CheckRef, ...]:
        if not isinstance(raw, list):
            raise self.err("'checks' must be a list", path)
        return tuple(self._check(entry, (*path, i)) for i, entry in enumerate(raw))

    def _check(self, entry: Any, path: tuple[str | int, ...]) -> CheckRef:
        meta: dict[str, Any] = {}
        params: Any
        if isinstance(entry, str):
            check_id, params, ppath = entry, {}, path
        elif isinstance(entry, dict):
            meta = {k: v for k, v in entry.items() if k in META_KEYS}
            rest = [k for k in entry if k not in META_KEYS]
            if "check" in meta:
                if rest:
                    raise self.err(
                        "unknown key {key!r}", (*path, rest[0]), str(rest[0]), key=rest[0]
                    )
                check_id, params, ppath = meta["check"], meta.get("params") or {}, (*path, "params")
            elif len(rest) == 1:
                check_id, params, ppath = rest[0], entry[rest[0]] or {}, (*path, rest[0])
            else:
                raise self.err("a check is an id, or a mapping with one check id as key", path)
        else:
            raise self.err("a check is an id, or a mapping with one check id as key", path)
        if not isinstance(check_id, str):
            raise self.err("a check id is a name such as 'keywords'", path)
        try:
            spec = checks.get(check_id)
        except checks.UnknownCheck as exc:
            if exc.suggestion:
                raise self.err(
                    "unknown check id {check!r} (did you mean {hint!r}?)",
                    path,
                    "check",
                    check=check_id,
                    hint=exc.suggestion,
                ) from None
            raise self.err("unknown check id {check!r}", path, "check", check=check_id) from None
        if not isinstance(params, dict):
            raise self.err("parameters of {check!r} must be a mapping", ppath, check=check_id)
        try:
            validated = spec.params.model_validate(params)
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = tuple(first["loc"])
            where = (*ppath, *loc)
            raise self.err(
                "invalid parameter of {check}: {detail}",
                where,
                ".".join(str(x) for x in (check_id, *loc)),
                check=check_id,
                detail=first["msg"],
            ) from None
        confidence = str(meta.get("confidence", "confirmed"))
        if confidence not in CONFIDENCE:
            raise self.err("'confidence' is 'confirmed' or 'inferred'", (*path, "confidence"))
        return CheckRef(
            id=check_id,
            params=validated,
            source=str(meta.get("source", "")),
            confidence=confidence,
            line=self.doc.line(path),
        )


def _dotted(path: tuple[str | int, ...]) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(document)"
