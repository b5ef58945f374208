"""Builders that turn small literals into the frozen values checks consume.

``run(check_id, evidence, **params)`` is the one-line helper of STYLE habit 8: it validates
params through the check's ``Params`` exactly as the checklist loader does, runs the check and
returns its outcomes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from oit_checker import checks
from oit_checker.checks._base import CheckContext
from oit_checker.extract import extract
from oit_checker.model import (
    DocKind,
    Document,
    ErrorKind,
    EvidenceDoc,
    FoundDate,
    Link,
    Outcome,
    Resource,
    Sheet,
)
from oit_checker.settings import RunSettings
from oit_checker.thaitext import normalize

MAIN = "https://www.example.go.th/"
TODAY = dt.date(2025, 3, 31)


def res(
    url: str = MAIN + "ita/o1",
    status: int | None = 200,
    *,
    error: ErrorKind | None = None,
    final_url: str | None = None,
    tls_error: str = "",
    body_path: str | None = None,
    headers: tuple[tuple[str, str], ...] = (),
) -> Resource:
    return Resource(
        url=url,
        final_url=final_url or url,
        status=status,
        error=error,
        tls_error=tls_error,
        body_path=body_path,
        headers=headers,
    )


def doc(
    url: str = MAIN + "ita/o1",
    kind: DocKind = DocKind.HTML,
    text: str = "",
    *,
    title: str = "",
    links: tuple[Link, ...] = (),
    dates: tuple[FoundDate, ...] = (),
    sheets: tuple[Sheet, ...] = (),
    readable: bool = True,
    reason: str = "",
    password: bool = False,
) -> Document:
    # as extraction builds them: texts normalised once (Thai digits, spaces); rules rely on it
    return Document(
        url=url,
        kind=kind,
        text=normalize(text),
        title=normalize(title),
        links=tuple(replace(link, text=normalize(link.text)) for link in links),
        dates=dates,
        sheets=sheets,
        readable=readable,
        unreadable_reason=reason,
        has_password_form=password,
    )


def ev(
    resource: Resource,
    document: Document | None = None,
    *,
    depth: int = 0,
    submitted: str | None = None,
) -> EvidenceDoc:
    document = document or doc(resource.url, DocKind.NONE if not resource.ok else DocKind.HTML)
    return EvidenceDoc(resource, document, submitted=submitted or resource.url, depth=depth)


def page(url: str, text: str, **kw: object) -> EvidenceDoc:
    return ev(res(url), doc(url, DocKind.HTML, text, **kw))  # type: ignore[arg-type]


def child(parent: str, url: str, kind: DocKind, text: str = "", **kw: object) -> EvidenceDoc:
    return ev(res(url), doc(url, kind, text, **kw), depth=1, submitted=parent)  # type: ignore[arg-type]


def ctx(
    *evidence: EvidenceDoc,
    fiscal_year: int = 2568,
    today: dt.date = TODAY,
    main_site: str = MAIN,
    offsite: tuple[Link, ...] = (),
) -> CheckContext:
    return CheckContext("O1", fiscal_year, today, main_site, tuple(evidence), None, offsite)


def run(check_id: str, context: CheckContext, **params: object) -> list[Outcome]:
    spec = checks.get(check_id)
    return spec.run(context, spec.params.model_validate(params))


def statuses(outcomes: list[Outcome]) -> list[tuple[str, str]]:
    return [(o.status.value, o.code) for o in outcomes]


def extract_file(path: Path, url: str = MAIN + "f", content_type: str = "") -> Document:
    headers = (("content-type", content_type),) if content_type else ()
    r = Resource(
        url=url,
        final_url=url,
        status=200,
        body_path=str(path),
        size=path.stat().st_size,
        headers=headers,
    )
    return extract(r, RunSettings())
