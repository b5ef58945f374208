"""The base of every check's parameters, in a module both checklists and checks can import.

A checklist holds validated parameters (``CheckRef.params``) without knowing any check; a check
declares its own ``Params`` subclass. Keeping the base here, below both, means the checklist
model never imports the checks package (no arrow from "what to check" to "how to check").
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict


class Params(BaseModel):
    """Base of every check's parameters: frozen, strict about unknown keys.

    ``defer_build``: a model's validator is built when it first validates, not when its
    class is defined — a check whose checklist never names it costs nothing at start-up
    (building them all took ≈ 35 ms of every ``check``'s start)."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


def _year_ref(value: Any) -> str:
    """Accept ``2568``, ``"2568"``, ``"fy"``, ``"fy-1"``, ``"fy+1"`` (relative to the checklist)."""
    if isinstance(value, bool):
        raise ValueError("a year is a number such as 2568 or an expression such as fy-1")
    if isinstance(value, int):
        if not 2400 < value < 2700:
            raise ValueError(f"{value} is not a Buddhist-Era year (e.g. 2568)")
        return str(value)
    if isinstance(value, str):
        s = value.strip().lower().replace(" ", "").strip("{}")
        if re.fullmatch(r"fy([+-]\d{1,2})?", s) or re.fullmatch(r"2[4-6]\d\d", s):
            return s
    raise ValueError("a year is a number such as 2568 or an expression such as fy-1")


YearRef = Annotated[str, BeforeValidator(_year_ref, json_schema_input_type=int | str)]


def resolve_year(ref: str, fiscal_year: int) -> int:
    """``"fy-1"`` with fiscal year 2568 → 2567; ``"2566"`` → 2566."""
    if ref.startswith("fy"):
        return fiscal_year + (int(ref[2:]) if len(ref) > 2 else 0)
    return int(ref)


__all__ = ["Params", "YearRef", "resolve_year"]
