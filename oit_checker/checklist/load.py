"""YAML with line marks → ``Checklist``; every error names file, line and field.

Check ids are resolved through the registry (unknown id → "did you mean …?") and parameters
are validated against each check's ``Params`` model, so a typo in a user's copied checklist is
caught before any URL is fetched (yamllint's "unknown option" habit). Never runs a check.
"""

from __future__ import annotations

from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from oit_checker import checks
from oit_checker.checklist.model import Checklist, CheckRef, Indicator, Item
from oit_checker.errors import ChecklistError
from oit_checker.itemid import normalize_item_id
from oit_checker.yamlmarks import Marked
from oit_checker.yamlmarks import parse as parse_yaml

EXTENDS_KEYS = {
    "schema",
    "id",
    "extends",
    "title",
    "title_en",
    "status",
    "sources",
    "items",
    "note",
    "year",
}
OVERRIDE_KEYS = {
    "id",
    "weight",
    "title",
    "title_en",
    "topic",
    "formats",
    "note",
    "checks",
    "add_checks",
    "params",
    "add_keywords",
    "indicator",
}
MAX_EXTENDS = 5
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


DEFAULT_CHECKLIST = "ita-2568"  # the latest complete, confirmed-where-possible year


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


def load_checklist(ref: str | Path) -> Checklist:
    path = resolve(str(ref))
    return _Loader(path).load()


class _Loader:
    def __init__(self, path: Path, depth: int = 0) -> None:
        self.depth = depth
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
        self.doc = parse_yaml(text, self.file, ChecklistError)
        data = self.doc.data
        if not isinstance(data, dict):
            raise self.err("a checklist is a mapping with 'id', 'year' and 'items'", ())
        if "extends" in data:
            return self._extended(data)
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

    # --- `extends:` a shipped (or relative) checklist, overriding per item ----------------

    def _extended(self, data: dict[str, Any]) -> Checklist:
        """A local copy that changes only what it names (STYLE habit 6, yamllint's extends)."""
        for key in data:
            if key not in EXTENDS_KEYS:
                raise self.err("unknown key {key!r}", (key,), str(key), key=key)
        if "id" not in data:
            raise self.err("missing required key {key!r}", (), "id", key="id")
        ref = data["extends"]
        if not isinstance(ref, str) or self.depth >= MAX_EXTENDS:
            raise self.err(
                "'extends' names one checklist id or file (at most {n} levels)",
                ("extends",),
                n=MAX_EXTENDS,
            )
        if ref.endswith((".yaml", ".yml")):
            target = self.path.parent / ref
        else:
            try:
                target = resolve(ref)
            except ChecklistError as exc:
                raise self.err(exc.template, ("extends",), "extends", **exc.params) from None
        base = _Loader(target, self.depth + 1).load()
        if "year" in data and data["year"] != base.year:
            raise self.err(
                "'year' must be {year}, the year of {base}", ("year",), year=base.year, base=base.id
            )
        items = {i.id: i for i in base.items}
        order = list(base.item_ids)
        raw_items = data.get("items") or []
        if not isinstance(raw_items, list):
            raise self.err("'items' must be a list", ("items",))
        indicators = {ind.id: ind for ind in base.indicators}
        for n, raw in enumerate(raw_items):
            item = self._override(raw, ("items", n), items, indicators, base.id)
            if item.id not in items:
                order.append(item.id)
            items[item.id] = item
        status = data.get("status") or {}
        if not isinstance(status, dict):
            raise self.err("'status' must be a mapping", ("status",))
        sources = dict(base.sources)
        sources.update({str(k): str(v) for k, v in (data.get("sources") or {}).items()})
        return replace(
            base,
            id=str(data["id"]),
            title=str(data.get("title", f"{data['id']} ({base.id})")),
            items=tuple(items[i] for i in order),
            path=self.file,
            completeness=str(status.get("completeness", base.completeness)),
            certainty=str(status.get("certainty", base.certainty)),
            note=str(status.get("note", data.get("note", base.note))),
            sources=tuple(sources.items()),
        )

    def _override(
        self,
        raw: Any,
        path: tuple[str | int, ...],
        items: dict[str, Item],
        indicators: dict[int, Indicator],
        base_id: str,
    ) -> Item:
        if not isinstance(raw, dict) or "id" not in raw:
            raise self.err("each item override is a mapping with 'id'", path)
        for key in raw:
            if key not in OVERRIDE_KEYS:
                raise self.err("unknown key {key!r}", (*path, key), str(key), key=key)
        item_id = normalize_item_id(str(raw["id"]))
        if item_id is None:
            raise self.err(
                "{value!r} is not an item id such as O12", (*path, "id"), value=raw["id"]
            )
        if item_id not in items:
            if "indicator" not in raw or "title" not in raw:
                raise self.err(
                    "item {item} is not in {base}; a new item needs 'indicator' and 'title'",
                    (*path, "id"),
                    item=item_id,
                    base=base_id,
                )
            clean = {k: v for k, v in raw.items() if k in ITEM_KEYS}
            return self._item(clean, path, (), indicators)
        item = items[item_id]
        changes: dict[str, Any] = {}
        for key in ("title", "title_en", "topic", "note"):
            if key in raw:
                changes[key] = str(raw[key])
        if "weight" in raw:
            w = raw["weight"]
            if isinstance(w, bool) or not isinstance(w, int | float) or w < 0:
                raise self.err("'weight' must be a number ≥ 0", (*path, "weight"))
            changes["weight"] = float(w)
        if "formats" in raw:
            changes["formats"] = tuple(str(f) for f in raw["formats"] or ())
        checks = (
            self._checks(raw["checks"] or [], (*path, "checks")) if "checks" in raw else item.checks
        )
        if "params" in raw:
            checks = self._merge_params(checks, raw["params"], (*path, "params"))
        if "add_keywords" in raw:
            checks = self._add_keywords(checks, raw["add_keywords"], (*path, "add_keywords"))
        if "add_checks" in raw:
            checks = checks + self._checks(raw["add_checks"] or [], (*path, "add_checks"))
        changes["checks"] = checks
        return replace(item, **changes)

    def _merge_params(
        self, refs: tuple[CheckRef, ...], raw: Any, path: tuple[str | int, ...]
    ) -> tuple[CheckRef, ...]:
        if not isinstance(raw, dict):
            raise self.err("'params' maps a check id to the parameters to change", path)
        out = list(refs)
        for check_id, partial in raw.items():
            hits = [i for i, r in enumerate(out) if r.id == check_id]
            if not hits:
                raise self.err(
                    "the item has no {check!r} rule to change",
                    (*path, check_id),
                    str(check_id),
                    check=check_id,
                )
            if not isinstance(partial, dict):
                raise self.err(
                    "parameters of {check!r} must be a mapping", (*path, check_id), check=check_id
                )
            spec = checks.get(check_id)
            for i in hits:
                merged = {**out[i].params.model_dump(), **partial}
                try:
                    params = spec.params.model_validate(merged)
                except ValidationError as exc:
                    first = exc.errors()[0]
                    raise self.err(
                        "invalid parameter of {check}: {detail}",
                        (*path, check_id, *tuple(first["loc"])[:1]),
                        ".".join(str(x) for x in (check_id, *first["loc"])),
                        check=check_id,
                        detail=first["msg"],
                    ) from None
                out[i] = replace(out[i], params=params)
        return tuple(out)

    def _add_keywords(
        self, refs: tuple[CheckRef, ...], raw: Any, path: tuple[str | int, ...]
    ) -> tuple[CheckRef, ...]:
        """``add_keywords: {label: [variant, …]}``: more wordings for an existing element."""
        if not isinstance(raw, dict):
            raise self.err("'add_keywords' maps an element label to extra wordings", path)
        out = list(refs)
        for label, variants in raw.items():
            if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
                raise self.err(
                    "'add_keywords' maps an element label to extra wordings", (*path, label)
                )
            found = False
            for i, ref in enumerate(out):
                if ref.id != "keywords":
                    continue
                data = ref.params.model_dump()
                for group in data["groups"]:
                    if group["label"] == label or label in group["any"]:
                        group["any"] = [*group["any"], *variants]
                        found = True
                out[i] = replace(ref, params=checks.get("keywords").params.model_validate(data))
            if not found:
                raise self.err(
                    "no keywords element {label!r} to extend",
                    (*path, label),
                    str(label),
                    label=label,
                )
        return tuple(out)


def _dotted(path: tuple[str | int, ...]) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(document)"
