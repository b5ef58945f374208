"""Checklist, Item, CheckRef: what to check, as frozen values (no YAML here)."""

from __future__ import annotations

from dataclasses import dataclass, field

from oit_checker.params import Params


@dataclass(frozen=True, slots=True)
class CheckRef:
    """One rule of an item: a registered check id with validated params and provenance.

    ``confidence`` is ``confirmed`` (the rule may decide ``fail``) or ``inferred`` (a failure
    is reported as ``warn`` until a source confirms the rule; ITA-NOTES marking).
    """

    id: str
    params: Params
    source: str = ""
    confidence: str = "confirmed"
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    indicator: int
    title: str
    title_en: str = ""
    topic: str = ""
    weight: float = 1.0
    formats: tuple[str, ...] = ()
    checks: tuple[CheckRef, ...] = ()
    note: str = ""
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Indicator:
    id: int
    title: str
    title_en: str = ""


@dataclass(frozen=True, slots=True)
class Checklist:
    id: str
    scheme: str
    year: int
    title: str
    indicators: tuple[Indicator, ...]
    items: tuple[Item, ...]
    completeness: str = "complete"
    certainty: str = "confirmed"
    note: str = ""
    path: str = ""
    sources: tuple[tuple[str, str], ...] = field(default=())

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)

    @property
    def item_ids(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.items)
