"""Texts for people, Thai first. ``th``/``en`` hold the shared catalogues; :class:`Text` is how
a module that emits message codes (each check, waivers) declares its own sentences."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Text:
    """One message code's sentence in Thai and English, and how to fix it (for failures).

    Templates use ``{name}`` fields from the finding's params; both languages must use the
    same fields (a test holds every code to it).
    """

    th: str
    en: str
    fix_th: str = ""
    fix_en: str = ""
    by_reason: bool = False  # a resource could not be obtained: its reason decides the fix

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.th

    def fix(self, lang: str) -> str:
        return self.fix_en if lang == "en" else self.fix_th
