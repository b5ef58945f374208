"""The explicit registry of checks: stable id → ``CheckSpec`` (yamllint's ``_RULES`` table).

No discovery by import side effects: adding a check means adding a module and one line here.
A test fails when a module in this package is missing from the table, lacks a docstring or
lacks pass/fail tests. Ids are contracts (DESIGN "Checklists"): never rename one.
"""

from __future__ import annotations

import difflib
from types import ModuleType

from oit_checker.checks import (
    dated_within,
    file_type,
    has_data,
    keywords,
    mentions_year,
    not_soft_404,
    on_main_site,
    own_agency,
    reachable,
    xlsx_template,
)
from oit_checker.checks._base import SHARED_MESSAGES, CheckContext, CheckSpec
from oit_checker.messages import Text
from oit_checker.params import Params, resolve_year

MODULES: tuple[ModuleType, ...] = (
    reachable,
    on_main_site,
    not_soft_404,
    has_data,
    own_agency,
    file_type,
    mentions_year,
    dated_within,
    keywords,
    xlsx_template,
)


def _spec(module: ModuleType) -> CheckSpec:
    """A check as its module declares it: ``SCOPE``, ``PARAMS``, ``MESSAGES``, ``check`` and a
    docstring. The id is the module name: one place to look, impossible to drift."""
    return CheckSpec(
        id=module.__name__.rsplit(".", 1)[-1],
        scope=module.SCOPE,
        params=module.PARAMS,
        fn=module.check,
        doc=(module.__doc__ or "").strip(),
        messages=module.MESSAGES,
    )


REGISTRY: dict[str, CheckSpec] = {s.id: s for s in map(_spec, MODULES)}


def messages() -> dict[str, Text]:
    """Every code a check can emit, with its texts (the shared ``*.<suffix>`` ones included)."""
    out: dict[str, Text] = dict(SHARED_MESSAGES)
    for spec in REGISTRY.values():
        out.update(spec.messages)
    return out


class UnknownCheck(KeyError):
    def __init__(self, check_id: str) -> None:
        self.check_id = check_id
        self.suggestion = suggest(check_id)
        super().__init__(check_id)


def suggest(check_id: str) -> str | None:
    """The closest known id, for a "did you mean …?" in loader errors."""
    hits = difflib.get_close_matches(check_id, list(REGISTRY), n=1, cutoff=0.6)
    return hits[0] if hits else None


def get(check_id: str) -> CheckSpec:
    try:
        return REGISTRY[check_id]
    except KeyError:
        raise UnknownCheck(check_id) from None


__all__ = [
    "REGISTRY",
    "CheckContext",
    "CheckSpec",
    "Params",
    "get",
    "messages",
    "resolve_year",
    "suggest",
]
