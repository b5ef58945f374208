"""pydantic validation errors → an ``InputError`` that names the file, the line and the field.

Loaders describe their documents as pydantic models; this module turns what pydantic reports
(a location such as ``("items", 3, "wieght")`` and an error type) into the project's messages,
with the line looked up in the YAML marks. The English template is the message id, so the
Thai text comes from ``messages/th.py`` like every other input error.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from oit_checker.errors import InputError
from oit_checker.yamlmarks import Marked

Loc = tuple[str | int, ...]
# (loc, pydantic error type) → (template, params), or None for the generic message
Explain = Callable[[Loc, str], tuple[str, dict[str, object]] | None]


def dotted(path: Loc) -> str:
    """``("items", 3, "checks", 0)`` → ``items[3].checks[0]``."""
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(document)"


def known_keys(*models: type[BaseModel]) -> frozenset[str]:
    """Every key (alias first) of ``models`` and the models they nest: the vocabulary of a
    did-you-mean for an unknown key (``item:`` → ``items``)."""
    seen: set[type[BaseModel]] = set()
    out: set[str] = set()
    todo = list(models)
    while todo:
        m = todo.pop()
        if m in seen:
            continue
        seen.add(m)
        for name, f in m.model_fields.items():
            out.add(f.alias or name)
            for arg in _types(f.annotation):
                if isinstance(arg, type) and issubclass(arg, BaseModel):
                    todo.append(arg)
    return frozenset(out)


def _types(annotation: Any) -> list[Any]:
    from typing import get_args

    args = list(get_args(annotation))
    out = [annotation]
    for a in args:
        out.extend(_types(a))
    return out


def _error(
    err: Mapping[str, Any],
    doc: Marked,
    file: str,
    cls: type[InputError],
    explain: Explain,
    vocabulary: frozenset[str] = frozenset(),
) -> InputError:
    loc: Loc = tuple(err["loc"])
    kind = str(err["type"])
    if kind == "extra_forbidden":
        key = loc[-1]
        near = difflib.get_close_matches(str(key), sorted(vocabulary), n=1)
        return cls(
            "unknown key {key!r} (did you mean {hint!r}?)" if near else "unknown key {key!r}",
            file=file,
            line=doc.line(loc),
            field=str(key),
            params={"key": key, **({"hint": near[0]} if near else {})},
        )
    if kind == "missing":
        key = loc[-1]
        return cls(
            "missing required key {key!r}",
            file=file,
            line=doc.line(loc[:-1]),
            field=str(key),
            params={"key": key},
        )
    known = explain(loc, kind)
    template, params = known or ("invalid value: {detail}", {"detail": err.get("msg", "")})
    return cls(template, file=file, line=doc.line(loc), field=dotted(loc), params=params)


def input_errors(
    exc: ValidationError,
    doc: Marked,
    file: str,
    cls: type[InputError],
    explain: Explain,
    vocabulary: frozenset[str] = frozenset(),
) -> list[InputError]:
    """Every error of ``exc``, in the order of the file's lines."""
    found = [_error(e, doc, file, cls, explain, vocabulary) for e in exc.errors()]
    return sorted(found, key=lambda e: e.line or 0)
