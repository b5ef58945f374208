"""The checklist file format, described once: pydantic models of the YAML documents.

A full checklist (:class:`ChecklistDoc`) lists items; a local copy (:class:`ExtendingDoc`)
``extends:`` another and lists item overrides (:class:`OverrideDoc`). The loader validates the
YAML against these models and maps every validation error to the file's line; the published
JSON Schema is generated from the same models (``checklist/schema.py``). A check entry is kept
as written (``reachable``, ``{keywords: {...}}`` or ``{check: …, params: …}``): its id and
parameters are validated against the check registry by the loader, where the check's own
``Params`` model gives the precise error.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema


def _no_bool(value: Any) -> Any:
    """YAML ``yes``/``true`` is not a number here (pydantic would take it as 1)."""
    if isinstance(value, bool):
        raise ValueError("a boolean is not a number")
    return value


Weight = Annotated[float, BeforeValidator(_no_bool), Field(ge=0)]
# In the published schema a rule is one of the registered checks' forms (schema.py fills it in).
CHECK_PLACEHOLDER = {"x-oit-check": True}
CheckEntry = Annotated[str | dict[str, Any], WithJsonSchema(CHECK_PLACEHOLDER)]


class _Doc(BaseModel):
    # built on first validation (see Params): the item and indicator models a command
    # never validates cost nothing at its start
    model_config = ConfigDict(
        extra="forbid", frozen=True, coerce_numbers_to_str=True, defer_build=True
    )


class StatusDoc(_Doc):
    completeness: str = "complete"  # complete | partial
    certainty: str = "confirmed"
    note: str = ""


class IndicatorDoc(_Doc):
    id: Annotated[int, Field(strict=True)]
    title: str = ""
    title_en: str = ""


class DefaultsDoc(_Doc):
    checks: list[CheckEntry] = []


class ItemDoc(_Doc):
    id: str
    indicator: Annotated[int, Field(strict=True)]
    title: str
    title_en: str = ""
    topic: str = ""
    weight: Weight = 1.0
    formats: list[str] = []
    checks: list[CheckEntry] = []
    note: str = ""
    defaults: bool = True


class ChecklistDoc(_Doc):
    """A full checklist: one assessment year of one scheme."""

    schema_: str | None = Field(default=None, alias="schema")
    id: str
    scheme: str | None = None
    year: Annotated[int, Field(strict=True, ge=2500, le=2700)]
    title: str | None = None
    title_en: str = ""
    status: StatusDoc = StatusDoc()
    sources: dict[str, str] = {}
    indicators: list[IndicatorDoc] = []
    defaults: DefaultsDoc = DefaultsDoc()
    items: Annotated[list[ItemDoc], Field(min_length=1)]
    note: str = ""


class OverrideDoc(_Doc):
    """What a local copy changes in one item (or a new item, with indicator and title)."""

    id: str
    indicator: Annotated[int, Field(strict=True)] | None = None
    title: str | None = None
    title_en: str | None = None
    topic: str | None = None
    weight: Weight | None = None
    formats: list[str] | None = None
    note: str | None = None
    defaults: bool = True
    checks: list[CheckEntry] | None = None
    add_checks: list[CheckEntry] = []
    params: dict[str, dict[str, Any]] = {}
    add_keywords: dict[str, list[str]] = {}


class ExtendingDoc(_Doc):
    """A local copy of a shipped (or another local) checklist that changes only what it names."""

    schema_: str | None = Field(default=None, alias="schema")
    id: str
    extends: str
    year: int | None = None
    title: str | None = None
    title_en: str = ""
    status: StatusDoc | None = None
    sources: dict[str, str] = {}
    items: list[OverrideDoc] = []
    note: str | None = None
