"""Sniff what a body is (magic bytes first, then Content-Type, then the file name) and hand it
to the extractor for that kind. Extractors are pure functions of (Resource, settings) and never
raise: a corrupt file becomes an unreadable ``Document`` with a reason.
"""

from __future__ import annotations

import importlib
import io
import zipfile
from collections.abc import Callable
from dataclasses import replace

from oit_checker.extract import ocr
from oit_checker.fetch.body import body_bytes, body_source
from oit_checker.model import DocKind, Document, FoundDate, Resource
from oit_checker.settings import RunSettings
from oit_checker.thaidate import dates_in_name, parse_date
from oit_checker.urls import extension

Extractor = Callable[[Resource, RunSettings], Document]


def _lazy(module: str, name: str) -> Extractor:
    """An extractor whose module (and its native parser: pdfium, calamine, lexbor) is imported
    on first use. The main process of a pooled run never parses a document, so it never pays
    for those libraries (pypdfium2 alone is a fifth of the check's import time)."""

    def call(res: Resource, settings: RunSettings) -> Document:
        fn: Extractor = getattr(importlib.import_module(f"oit_checker.extract.{module}"), name)
        return fn(res, settings)

    call.__qualname__ = f"{module}.{name}"
    return call


EXTRACTORS: dict[DocKind, Extractor] = {
    DocKind.HTML: _lazy("html", "extract"),
    DocKind.PDF: _lazy("pdf", "extract"),
    DocKind.XLSX: _lazy("xlsx", "extract"),
    DocKind.XLS: _lazy("xlsx", "extract_xls"),
    DocKind.DOCX: _lazy("docx", "extract"),
}


def warm() -> bool:
    """Import every extractor now: run in each fresh pool worker while the first pages are
    still being fetched, so no document waits for pdfium to load."""
    for module in ("html", "pdf", "xlsx", "docx"):
        importlib.import_module(f"oit_checker.extract.{module}")
    return True


_EXT = {
    "pdf": DocKind.PDF,
    "xlsx": DocKind.XLSX,
    "xlsm": DocKind.XLSX,
    "xls": DocKind.XLS,
    "docx": DocKind.DOCX,
    "htm": DocKind.HTML,
    "html": DocKind.HTML,
    "php": DocKind.HTML,
    "aspx": DocKind.HTML,
    "jpg": DocKind.IMAGE,
    "jpeg": DocKind.IMAGE,
    "png": DocKind.IMAGE,
    "gif": DocKind.IMAGE,
    "webp": DocKind.IMAGE,
    "txt": DocKind.TEXT,
}


def sniff(res: Resource) -> DocKind:
    if not res.has_body or not res.ok:
        return DocKind.NONE
    try:
        head = body_bytes(res, 2048)
    except OSError:
        return DocKind.NONE
    ctype = (res.header("content-type") or "").split(";")[0].strip().lower()
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return DocKind.PDF
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(body_source(res))
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return DocKind.XLS
    if head[:4] in (b"\x89PNG", b"GIF8") or head[:3] == b"\xff\xd8\xff" or head[8:12] == b"WEBP":
        return DocKind.IMAGE
    if ctype.startswith("image/"):
        return DocKind.IMAGE
    lowered = head.lstrip()[:512].lower()
    if ctype in ("text/html", "application/xhtml+xml") or lowered.startswith(
        (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<!--")
    ):
        return DocKind.HTML
    if ctype.startswith("text/"):
        return DocKind.TEXT
    by_ext = _EXT.get(extension(res.final_url))
    if by_ext is DocKind.HTML and b"<" in head:
        return DocKind.HTML
    return DocKind.OTHER if by_ext in (None, DocKind.HTML) else by_ext


def _zip_kind(path: str | io.BytesIO) -> DocKind:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError):
        return DocKind.OTHER
    if "xl/workbook.xml" in names:
        return DocKind.XLSX
    if "word/document.xml" in names:
        return DocKind.DOCX
    return DocKind.OTHER


def extract(res: Resource, settings: RunSettings) -> Document:
    kind = sniff(res)
    if kind is DocKind.NONE:
        return Document(url=res.url, kind=kind, readable=False, unreadable_reason="not_fetched")
    fn = EXTRACTORS.get(kind)
    if kind is DocKind.IMAGE and ocr.enabled(settings):
        fn = ocr.read_picture
    if fn is None:
        if kind is DocKind.TEXT:
            from oit_checker.extract import html

            return html.extract_text_file(res, settings)
        reason = {DocKind.IMAGE: "image"}.get(kind, "unknown_format")
        return _finish(
            Document(url=res.url, kind=kind, readable=False, unreadable_reason=reason), res
        )
    try:
        doc = fn(res, settings)
    except MemoryError:  # the worker's address-space limit: bounded, and said so
        doc = Document(url=res.url, kind=kind, readable=False, unreadable_reason="too_complex")
    except Exception as exc:  # a hostile file must never crash the run
        doc = Document(
            url=res.url,
            kind=kind,
            readable=False,
            unreadable_reason=f"corrupt: {type(exc).__name__}",
        )
    return _finish(doc, res)


def read_page(res: Resource, settings: RunSettings) -> tuple[Document, str]:
    """An HTML page as a Document *and* its markup, for callers that map the layout too
    (``discover``); the markup is decoded once, with the same charset rules as ``extract``."""
    from oit_checker.extract import html

    markup = html.markup_of(res)
    doc = html.parse(markup, res.final_url or res.url, settings, url=res.url)
    return doc, markup


MAX_DATES = 200


DOCUMENT_EXTENSIONS = frozenset(
    {"pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "jpg", "jpeg", "png", "zip", "rar"}
)


def _name_dates(url: str) -> list[FoundDate]:
    """Dates in the file's name (``ประกาศ_25690105.pdf``, ``680303-คำสั่ง.pdf``)."""
    from urllib.parse import unquote, urlsplit

    name = unquote(urlsplit(url).path.rsplit("/", 1)[-1])[:200]
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    # A page's path is often a numeric id (/content/660512): only an uploaded document's
    # name may carry the short yymmdd form; the 8-digit yyyymmdd form is specific enough
    document = ext.lower() in DOCUMENT_EXTENSIONS
    return [FoundDate(d.start, d.end, "url", d.raw) for d in dates_in_name(stem, short=document)]


def _finish(doc: Document, res: Resource) -> Document:
    """Add HTTP Last-Modified and keep each distinct date once (first wording wins).

    Headers and footers repeat the same date on every page; a workbook repeats contract dates
    in every row. Rules only ask whether *a* date falls in a window, so duplicates are noise
    that a long nightly run would otherwise keep alive by the thousand.
    """
    dates = list(doc.dates)
    lm = parse_date(res.header("last-modified") or "")
    if lm is not None:
        dates.append(FoundDate(lm, lm, "http", res.header("last-modified") or ""))
    named = _name_dates(res.url)
    dates.extend(named)
    seen: set[tuple[object, ...]] = set()
    unique = []
    for d in dates:
        key = (d.start, d.end, d.source)
        if key not in seen:
            seen.add(key)
            unique.append(d)
    if len(unique) == len(doc.dates) and lm is None and not named:
        return doc
    return replace(doc, dates=tuple(unique[:MAX_DATES]))
