"""Thai OCR of scans and pictures with Tesseract (Debian's ``tesseract-ocr-tha``).

Tesseract runs as a subprocess of the extraction worker, one page at a time, with a time
limit and ``OMP_THREAD_LIMIT=1`` (the pool already uses every core): a crash or a runaway
page ends that subprocess only, and no native OCR code is ever loaded into our processes.
Its TSV output gives each word a confidence; the page's confidence is the mean over words
weighted by their length, which the verdict policy reads (``engine``: a failure resting on
OCR alone is ``risk`` below ``HIGH_CONFIDENCE``).

Scanned PDF pages are drawn by pdfium in grey at ``settings.ocr_dpi`` (150: as accurate as
200 or 300 dpi on the bench scans, and the fastest) and written as PGM (no imaging library
needed); only the first pages and the last one are read (titles and the signature date sit
there). Images are judged by their pixel count first.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import struct
import subprocess
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from oit_checker.fetch.body import body_bytes
from oit_checker.model import DocKind, Document, FoundDate, Resource
from oit_checker.settings import RunSettings
from oit_checker.thaidate import find_dates
from oit_checker.thaitext import normalize

MAX_PIXELS = 40_000_000  # an A4 page at 600 dpi is 35 MP
HIGH_CONFIDENCE = 85.0  # mean word confidence from which OCR may fail an item on its own
LANGS = "tha+eng"
HOW_TO_ENABLE = "apt-get install tesseract-ocr tesseract-ocr-tha"


@dataclass(frozen=True, slots=True)
class OcrText:
    text: str
    confidence: float  # 0–100, mean over words weighted by length
    words: int


@functools.cache
def problem() -> str:
    """Why OCR cannot run here ("" when Tesseract and its Thai model are installed)."""
    exe = shutil.which("tesseract")
    if exe is None:
        return "tesseract is not installed"
    try:
        out = subprocess.run(
            [exe, "--list-langs"], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return f"tesseract does not run: {exc}"
    langs = set((out.stdout + out.stderr).split())
    return "" if "tha" in langs else "the Thai model (tesseract-ocr-tha) is not installed"


def enabled(settings: RunSettings) -> bool:
    """Read scans in this run? ``auto``: where Tesseract and its Thai model exist."""
    return settings.ocr != "never" and not problem()


def read_image(path: str | Path, timeout: float) -> OcrText | None:
    """OCR one image file; None when Tesseract fails or runs out of time."""
    try:
        out = subprocess.run(
            ["tesseract", str(path), "stdout", "-l", LANGS, "--psm", "3", "tsv"],
            capture_output=True,
            timeout=timeout,
            check=False,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    return parse_tsv(out.stdout.decode("utf-8", "replace"))


def parse_tsv(tsv: str) -> OcrText:
    """Tesseract's TSV → text in reading order (one line per OCR line) and its confidence.

    Thai has no spaces between words, and Tesseract's "words" in Thai are often single
    characters: a space is put back only where the gap between two boxes is wider than a
    quarter of the line's height (a real space on the page).
    """
    lines: dict[tuple[str, ...], list[tuple[int, int, int, str]]] = {}
    weight = total = 0.0
    words = 0
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        word = cols[11].strip()
        try:
            conf = float(cols[10])
            left, width, height = int(cols[6]), int(cols[8]), int(cols[9])
        except ValueError:
            continue
        if not word or conf < 0:
            continue
        lines.setdefault(tuple(cols[1:5]), []).append((left, width, height, word))
        weight += len(word)
        total += conf * len(word)
        words += 1
    text = "\n".join(_join(boxes) for boxes in lines.values())
    return OcrText(text, total / weight if weight else 0.0, words)


def _join(boxes: list[tuple[int, int, int, str]]) -> str:
    out: list[str] = []
    end = None
    for left, width, height, word in boxes:
        if end is not None:
            thai = _is_thai(out[-1][-1]) and _is_thai(word[0])
            # Thai glyph boxes stand apart inside a word; only a wide gap is a space there
            if left - end > max(4, int(height * (0.75 if thai else 0.25))):
                out.append(" ")
        out.append(word)
        end = left + width
    return "".join(out)


def _is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def image_pixels(head: bytes) -> int | None:
    """Width × height from a PNG, GIF or JPEG header (None when unknown: WebP, damaged)."""
    if head.startswith(b"\x89PNG") and len(head) >= 24:
        w, h = struct.unpack(">II", head[16:24])
        return int(w) * int(h)
    if head[:4] == b"GIF8" and len(head) >= 10:
        w, h = struct.unpack("<HH", head[6:10])
        return int(w) * int(h)
    if head[:3] == b"\xff\xd8\xff":
        i = 2
        while i + 9 < len(head):
            if head[i] != 0xFF:
                return None
            marker = head[i + 1]
            size = struct.unpack(">H", head[i + 2 : i + 4])[0]
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                h, w = struct.unpack(">HH", head[i + 5 : i + 9])
                return int(w) * int(h)
            i += 2 + size
    return None


def read_pdf_pages(
    source: str | bytes, pages: int, dpi: int, timeout: float
) -> tuple[list[OcrText], int]:
    """OCR the first ``pages - 1`` pages and the last one of a scanned PDF.

    Returns the page texts (in page order) and the number of pages read. The caller holds
    pdfium's lock.
    """
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(source)
    try:
        n = len(pdf)
        wanted = sorted({*range(min(n, max(1, pages - 1))), n - 1} if n else set())
        out: list[OcrText] = []
        with tempfile.TemporaryDirectory(prefix="oit-ocr-") as tmp:
            for i in wanted:
                page = pdf[i]
                try:
                    w, h = page.get_size()
                    scale = dpi / 72
                    if w * h * scale * scale > MAX_PIXELS:
                        scale = (MAX_PIXELS / (w * h)) ** 0.5
                    bitmap = page.render(scale=scale, grayscale=True)
                    path = Path(tmp) / f"p{i}.pgm"
                    _write_pgm(path, bitmap)
                finally:
                    page.close()
                got = read_image(path, timeout)
                if got is not None:
                    out.append(got)
        return out, len(wanted)
    finally:
        pdf.close()


def _write_pgm(path: Path, bitmap: object) -> None:
    """A grey pdfium bitmap as a binary PGM (rows without the stride's padding)."""
    width, height = bitmap.width, bitmap.height  # type: ignore[attr-defined]
    stride = bitmap.stride  # type: ignore[attr-defined]
    buf = bytes(bitmap.buffer)  # type: ignore[attr-defined]
    bpp = stride // width if width else 1
    with open(path, "wb") as fh:
        fh.write(f"P5 {width} {height} 255\n".encode())
        for y in range(height):
            row = buf[y * stride : y * stride + width * bpp]
            fh.write(row if bpp == 1 else row[::bpp])


MIN_CONFIDENCE = 40.0  # below this a page is noise, not text: the scan stays ``manual``
MIN_CHARS = 20
YEARS_BACK = 8  # an OCR date this many years before today, or any after next year, is a misread


def document(
    url: str, kind: DocKind, pages: list[OcrText], settings: RunSettings, base: Document
) -> Document:
    """What OCR read, as the Document the rules judge (``base``: what extraction had).

    Years implausible for a current ITA document are masked in the text and their dates
    dropped: Tesseract reads Thai ๖ as ๒ or ๐ ("๒๕๖๘" → "๒๕๒๕"), which lands decades away
    from the truth — such a year must never fail an item. A scan OCR cannot read with
    confidence stays unreadable.
    """
    today = settings.effective_today()
    text = mask_implausible_years(
        normalize("\n".join(p.text for p in pages))[: settings.max_text_chars], today.year
    )
    weight = sum(max(1, len(p.text)) for p in pages)
    confidence = sum(p.confidence * max(1, len(p.text)) for p in pages) / weight if pages else 0.0
    dates = [
        FoundDate(s.start, s.end, "ocr", s.raw)
        for s in find_dates(text[:200_000], normalized=True)
        if today.year - YEARS_BACK <= s.start.year <= today.year + 1
    ]
    readable = confidence >= MIN_CONFIDENCE and len(text.strip()) >= MIN_CHARS
    sure = years_corroborated("\n".join(p.text for p in pages), base, url, today.year)
    return replace(
        base,
        kind=kind,
        text=text if readable else "",
        dates=(*base.dates, *dates) if readable else base.dates,
        readable=readable,
        unreadable_reason="" if readable else (base.unreadable_reason or "ocr_unreadable"),
        ocr=True,
        ocr_confidence=round(confidence, 1),
        ocr_years_sure=sure,
    )


_THAI_YEAR = re.compile(r"(?<![๐-๙])([๐-๙]{4})(?![๐-๙])")
_ARABIC_YEAR = re.compile(r"(?<![0-9])(25[0-9]{2}|20[0-9]{2})(?![0-9])")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def years_corroborated(raw: str, base: Document, url: str, this_year: int) -> bool:
    """Is every plausible year OCR read in Thai digits confirmed by another source?

    Tesseract reads Arabic digits well and Thai ones badly (every "๒๕๖๘" of the bench scans
    came out wrong), so a Thai-digit year counts only when the same year is also written in
    Arabic digits on the scan, or stands in the title, the file name or the PDF's own dates.
    """
    thai = {int(m.group(1).translate(_THAI_DIGITS)) for m in _THAI_YEAR.finditer(raw)}
    thai = {
        y for y in thai if this_year - YEARS_BACK <= (y - 543 if y > 2400 else y) <= this_year + 1
    }
    if not thai:
        return True
    others = f"{raw} {base.title} {url}"
    seen = {int(y) for y in _ARABIC_YEAR.findall(others)}
    seen |= {d.start.year for d in base.dates} | {d.start.year + 543 for d in base.dates}
    ce = {y - 543 if y > 2400 else y for y in seen}
    return all((y - 543 if y > 2400 else y) in ce for y in thai)


_YEAR = re.compile(r"(?<!\d)(25\d\d|20\d\d)(?!\d)")


def mask_implausible_years(text: str, this_year: int) -> str:
    """Years OCR read that no current ITA document could carry become ``25??``/``20??``.

    Tesseract misreads Thai digits (๖ as ๒ or ๐), and the misread lands decades away: the
    year is masked so that no rule (recency, the year in the title) can fail on it; the rest
    of the line still counts.
    """

    def mask(m: re.Match[str]) -> str:
        year = int(m.group(1))
        ce = year - 543 if year >= 2400 else year
        return (
            m.group(1) if this_year - YEARS_BACK <= ce <= this_year + 1 else m.group(1)[:2] + "??"
        )

    return _YEAR.sub(mask, text)


def read_picture(res: Resource, settings: RunSettings) -> Document:
    """An image linked or submitted as evidence (PNG, JPEG, GIF, WebP), read by OCR."""
    base = Document(url=res.url, kind=DocKind.IMAGE, readable=False, unreadable_reason="image")
    pixels = image_pixels(body_bytes(res, 64 * 1024))
    if pixels is not None and pixels > MAX_PIXELS:
        return replace(base, unreadable_reason="too_complex")
    with tempfile.TemporaryDirectory(prefix="oit-ocr-") as tmp:
        path = res.body_path
        if path is None:
            path = str(Path(tmp) / "picture")
            Path(path).write_bytes(body_bytes(res))
        got = read_image(path, settings.ocr_seconds)
    return document(res.url, DocKind.IMAGE, [got] if got else [], settings, base)
