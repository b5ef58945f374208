"""PDF → Document with pypdfium2: text per page, metadata dates, "no text layer" flag.

A PDF whose pages yield (almost) no text is a scan: it is read by OCR where Tesseract and its
Thai model exist (``extract.ocr``), else marked unreadable (``no_text_layer``) and its content
rules answer ``manual``. Page count and text are
capped (``max_pdf_pages``, ``max_text_chars``) so a hostile 10,000-page file cannot hold the
run, and streams that would inflate beyond bounds are refused before pdfium sees them
(``pdfscan``). pdfium is not thread-safe, and several engine runs may share a process (nightly runs
agencies concurrently), so every pdfium call in the process goes through ``PDFIUM_LOCK``.
"""

from __future__ import annotations

import threading

import pypdfium2 as pdfium

from oit_checker.extract import ocr
from oit_checker.extract.pdfscan import inflates_too_much
from oit_checker.fetch.body import body_bytes
from oit_checker.model import DocKind, Document, FoundDate, Resource
from oit_checker.settings import RunSettings
from oit_checker.thaidate import find_dates, parse_date
from oit_checker.thaitext import normalize

MIN_CHARS_PER_PAGE = 20
PDFIUM_LOCK = threading.Lock()


def extract(res: Resource, settings: RunSettings) -> Document:
    if inflates_too_much(body_bytes(res, settings.max_bytes)):
        return Document(
            url=res.url, kind=DocKind.PDF, readable=False, unreadable_reason="too_large_unzipped"
        )
    source = res.body if res.body is not None else str(res.body_path)
    with PDFIUM_LOCK:
        texts, n_pages, meta, truncated = _read(source, settings)
        doc = _document(res, settings, texts, n_pages, meta, truncated)
        if doc.unreadable_reason == "no_text_layer" and ocr.enabled(settings):
            pages, _ = ocr.read_pdf_pages(
                source, settings.ocr_pages, settings.ocr_dpi, settings.ocr_seconds
            )
            doc = ocr.document(res.url, DocKind.PDF, pages, settings, doc)
    return doc


def _read(path: str | bytes, settings: RunSettings) -> tuple[list[str], int, dict[str, str], bool]:
    total = 0
    pdf = pdfium.PdfDocument(path)
    try:
        n_pages = len(pdf)
        texts: list[str] = []
        truncated = n_pages > settings.max_pdf_pages
        for i in range(min(n_pages, settings.max_pdf_pages)):
            page = pdf[i]
            try:
                tp = page.get_textpage()
                try:
                    t = tp.get_text_range()
                finally:
                    tp.close()
            finally:
                page.close()
            texts.append(t)
            total += len(t.strip())
            if total > settings.max_text_chars:
                truncated = True
                break
        meta = pdf.get_metadata_dict(skip_empty=True)
    finally:
        pdf.close()
    return texts, n_pages, meta, truncated


def _document(
    res: Resource,
    settings: RunSettings,
    texts: list[str],
    n_pages: int,
    meta: dict[str, str],
    truncated: bool,
) -> Document:
    total = sum(len(t.strip()) for t in texts)
    text = normalize("\n".join(texts))[: settings.max_text_chars]
    dates = [
        FoundDate(s.start, s.end, "text", s.raw)
        for s in find_dates(text[:200_000], normalized=True)
    ]
    for key in ("CreationDate", "ModDate"):
        d = parse_date(meta.get(key, ""))
        if d:
            dates.append(FoundDate(d, d, "pdf_meta", f"{key} {meta[key]}"))
    scanned = n_pages > 0 and total < MIN_CHARS_PER_PAGE * min(n_pages, 3)
    return Document(
        url=res.url,
        kind=DocKind.PDF,
        text=text,
        title=normalize(meta.get("Title", "")),
        dates=tuple(dates),
        pages=n_pages,
        readable=not scanned,
        unreadable_reason="no_text_layer" if scanned else "",
        truncated=truncated,
        meta=tuple((k, str(v)) for k, v in meta.items()),
    )
