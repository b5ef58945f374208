"""One rule of a checklist item, as written → a ``CheckRef`` with validated parameters.

The forms (``reachable``; ``{keywords: {groups: …}, source: S1}``;
``{check: keywords, params: {…}, confidence: inferred}``) are resolved here: the id through
the registry (unknown id → "did you mean …?"), the parameters through the check's own
``Params`` model, so an error names the parameter (``keywords.grups``). Also the two ways a
local copy edits existing rules: ``params`` merged into a rule, ``add_keywords``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from pydantic import ValidationError

from oit_checker import checks
from oit_checker.checklist.model import CheckRef
from oit_checker.errors import ChecklistError

META_KEYS = {"check", "params", "source", "confidence"}
CONFIDENCE = {"confirmed", "inferred"}
Path = tuple[str | int, ...]
Err = Callable[..., ChecklistError]  # err(template, path, field=None, **params)


def _form(entry: Any, path: Path, err: Err) -> tuple[str, Any, Path, dict[str, Any]]:
    """(check id, raw params, path of the params, meta keys) of one entry as written."""
    if isinstance(entry, str):
        return entry, {}, path, {}
    if not isinstance(entry, dict):
        raise err("a check is an id, or a mapping with one check id as key", path)
    meta = {k: v for k, v in entry.items() if k in META_KEYS}
    rest = [k for k in entry if k not in META_KEYS]
    if "check" in meta:
        if rest:
            raise err("unknown key {key!r}", (*path, rest[0]), str(rest[0]), key=rest[0])
        return meta["check"], meta.get("params") or {}, (*path, "params"), meta
    if len(rest) == 1:
        return rest[0], entry[rest[0]] or {}, (*path, rest[0]), meta
    raise err("a check is an id, or a mapping with one check id as key", path)


def _spec(check_id: Any, path: Path, err: Err) -> checks.CheckSpec:
    if not isinstance(check_id, str):
        raise err("a check id is a name such as 'keywords'", path)
    try:
        return checks.get(check_id)
    except checks.UnknownCheck as exc:
        if exc.suggestion:
            raise err(
                "unknown check id {check!r} (did you mean {hint!r}?)",
                path,
                "check",
                check=check_id,
                hint=exc.suggestion,
            ) from None
        raise err("unknown check id {check!r}", path, "check", check=check_id) from None


def validate_params(
    spec: checks.CheckSpec, params: Any, path: Path, err: Err, *, whole: bool = True
) -> checks.Params:
    """``params`` through the check's ``Params`` model; the error names the parameter."""
    if not isinstance(params, dict):
        raise err("parameters of {check!r} must be a mapping", path, check=spec.id)
    try:
        return spec.params.model_validate(params)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        raise err(
            "invalid parameter of {check}: {detail}",
            (*path, *(loc if whole else loc[:1])),
            ".".join(str(x) for x in (spec.id, *loc)),
            check=spec.id,
            detail=first["msg"],
        ) from None


def check_ref(entry: Any, path: Path, err: Err, line: int | None) -> CheckRef:
    check_id, params, ppath, meta = _form(entry, path, err)
    spec = _spec(check_id, path, err)
    validated = validate_params(spec, params, ppath, err)
    confidence = str(meta.get("confidence", "confirmed"))
    if confidence not in CONFIDENCE:
        raise err("'confidence' is 'confirmed' or 'inferred'", (*path, "confidence"))
    return CheckRef(
        id=spec.id,
        params=validated,
        source=str(meta.get("source", "")),
        confidence=confidence,
        line=line,
    )


def merge_params(
    refs: tuple[CheckRef, ...], raw: dict[str, dict[str, Any]], path: Path, err: Err
) -> tuple[CheckRef, ...]:
    """``params: {check_id: {…}}`` of an override: merged into every rule of that id."""
    out = list(refs)
    for check_id, partial in raw.items():
        hits = [i for i, r in enumerate(out) if r.id == check_id]
        if not hits:
            raise err(
                "the item has no {check!r} rule to change",
                (*path, check_id),
                str(check_id),
                check=check_id,
            )
        spec = checks.get(check_id)
        for i in hits:
            merged = {**out[i].params.model_dump(), **partial}
            params = validate_params(spec, merged, (*path, check_id), err, whole=False)
            out[i] = replace(out[i], params=params)
    return tuple(out)


def add_keywords(
    refs: tuple[CheckRef, ...], raw: dict[str, list[str]], path: Path, err: Err
) -> tuple[CheckRef, ...]:
    """``add_keywords: {label: [variant, …]}``: more wordings for an existing element."""
    out = list(refs)
    for label, variants in raw.items():
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
            raise err(
                "no keywords element {label!r} to extend",
                (*path, label),
                str(label),
                label=label,
            )
    return tuple(out)
