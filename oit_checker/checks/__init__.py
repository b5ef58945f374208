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
    keywords,
    mentions_year,
    not_soft_404,
    on_main_site,
    reachable,
    xlsx_template,
)
from oit_checker.checks._base import CheckContext, CheckSpec, Params, Scope, resolve_year


def _spec(module: ModuleType, scope: Scope, params: type[Params]) -> CheckSpec:
    """The check's id is its module name: one place to look, impossible to drift."""
    name = module.__name__.rsplit(".", 1)[-1]
    return CheckSpec(
        id=name,
        scope=scope,
        params=params,
        fn=module.check,
        doc=(module.__doc__ or "").strip(),
    )


REGISTRY: dict[str, CheckSpec] = {
    s.id: s
    for s in (
        _spec(reachable, "url", reachable.ReachableParams),
        _spec(on_main_site, "url", on_main_site.OnMainSiteParams),
        _spec(not_soft_404, "url", not_soft_404.NotSoft404Params),
        _spec(file_type, "item", file_type.FileTypeParams),
        _spec(mentions_year, "item", mentions_year.MentionsYearParams),
        _spec(dated_within, "item", dated_within.DatedWithinParams),
        _spec(keywords, "item", keywords.KeywordsParams),
        _spec(xlsx_template, "item", xlsx_template.XlsxTemplateParams),
    )
}


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


__all__ = ["REGISTRY", "CheckContext", "CheckSpec", "Params", "get", "resolve_year", "suggest"]
