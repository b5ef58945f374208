"""``--rewrite FROM=TO``: fetch a staging copy, judge as if it were production.

Every rule (the main-site rule above all) is judged on the production URL the admin will
submit; only the fetch goes to the staging copy. The engine fetches through :func:`out`
and maps what comes back through :func:`back`; reports show both origins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rewrite:
    """One ``FROM=TO`` pair: URLs starting with ``src`` are fetched at ``dst``."""

    src: str
    dst: str

    def out(self, url: str) -> str:
        return self.dst + url[len(self.src) :] if url.startswith(self.src) else url

    def back(self, url: str) -> str:
        return self.src + url[len(self.dst) :] if url.startswith(self.dst) else url


def rewrite_out(url: str, rewrites: Sequence[Rewrite]) -> str:
    """Where ``url`` is fetched under ``--rewrite`` (the staging copy)."""
    for r in rewrites:
        url = r.out(url)
    return url


def rewrite_back(url: str, rewrites: Sequence[Rewrite]) -> str:
    """The production URL of a fetched staging URL (rules are judged on it)."""
    for r in rewrites:
        url = r.back(url)
    return url
