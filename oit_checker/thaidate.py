"""The one parser for Thai, Buddhist-Era, Common-Era and ISO dates (DESIGN "Time").

Agency documents write dates as ``15 ตุลาคม 2567``, ``๑๕ ต.ค. ๖๗``, ``31/03/2568``,
``ปีงบประมาณ พ.ศ. ๒๕๖๘``, ISO, English, HTML ``<time datetime>``, PDF ``D:2024…`` metadata and
HTTP ``Last-Modified``. Every recency rule calls this module so that they all agree.

Conventions (why they are what they are):

* A four-digit year above 2400 is Buddhist Era (BE = CE + 543); 1900–2200 is CE.
* A two-digit year next to a Thai month is always BE (``ต.ค. 67`` = 2567): that is how Thai
  offices abbreviate. In purely numeric dates (``15/10/67``) 40–99 is read as BE 25yy and
  00–39 as CE 20yy, since BE years in use are 25xx and CE years 20xx.
* Numeric dates are day/month/year (the Thai order); month/day only when the first number
  cannot be a month.
* Thai fiscal year N (BE) runs 1 October N−1 … 30 September N.
"""

from __future__ import annotations

import calendar
import datetime as dt
import email.utils
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from oit_checker.thaitext import normalize

BE_OFFSET = 543

_THAI_MONTHS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (1, ("มกราคม", "ม.ค.", "มค.")),
    (2, ("กุมภาพันธ์", "กุมภาพันธ", "ก.พ.", "กพ.")),
    (3, ("มีนาคม", "มี.ค.", "มีค.")),
    (4, ("เมษายน", "เม.ย.", "เมย.")),
    (5, ("พฤษภาคม", "พ.ค.", "พค.")),
    (6, ("มิถุนายน", "มิ.ย.", "มิย.")),
    (7, ("กรกฎาคม", "กรกฏาคม", "ก.ค.", "กค.")),
    (8, ("สิงหาคม", "ส.ค.", "สค.")),
    (9, ("กันยายน", "ก.ย.", "กย.")),
    (10, ("ตุลาคม", "ต.ค.", "ตค.")),
    (11, ("พฤศจิกายน", "พ.ย.", "พย.")),
    (12, ("ธันวาคม", "ธ.ค.", "ธค.")),
)
_EN_MONTHS: tuple[tuple[int, tuple[str, ...]], ...] = tuple(
    (i, (calendar.month_name[i], calendar.month_abbr[i]) + (("Sept",) if i == 9 else ()))
    for i in range(1, 13)
)


def _month_pattern(name: str) -> str:
    """``ต.ค.`` also matches ``ต. ค.``, ``ต.ค`` (no final dot) and ``ต.ค. `` spacing."""
    if "." not in name:
        return re.escape(name)
    letters = [p for p in name.split(".") if p]
    return r"\.?\s?".join(re.escape(p) for p in letters) + r"\.?"


def _build(months: tuple[tuple[int, tuple[str, ...]], ...]) -> tuple[str, dict[str, int]]:
    lookup: dict[str, int] = {}
    pats: list[tuple[str, str]] = []
    for num, names in months:
        for name in names:
            pats.append((name, _month_pattern(name)))
            lookup[_month_key(name)] = num
    pats.sort(key=lambda p: -len(p[0]))
    return "|".join(p for _, p in pats), lookup


@lru_cache(maxsize=512)
def _month_key(text: str) -> str:
    """A month name as written ("ต.ค.", "ต.ค", "October") → its lookup key. Cached: the
    same few dozen spellings recur in every document (a tenth of ``find_dates``)."""
    return re.sub(r"[.\s]", "", text).lower()


_TH_ALT, _TH_LOOKUP = _build(_THAI_MONTHS)
_EN_ALT, _EN_LOOKUP = _build(_EN_MONTHS)
_ERA = r"(?:(?P<era>พ\.?\s?ศ|ค\.?\s?ศ)\.?\s*)?"

# The first letters a Thai month name (or "เดือน") can start with. The look-ahead in
# _RE_THAI_DMY fails at once at a number followed by anything else, before the regex engine
# tries every month name in turn: workbook text is mostly numbers (halves its time there).
_TH_FIRST = "".join(sorted({n[0] for _, names in _THAI_MONTHS for n in names} | {"เ"}))

# Patterns start with a single digit class (``\d\d?``, ``\d\d{3}``; never ``\d{1,2}``, a
# repeat, nor a look-behind), so the regex engine skips ahead to the next digit instead of
# trying the whole pattern at every letter (twice as fast on Thai prose, measured);
# "not preceded by a digit" is checked in code (``add(..., boundary)``).
_RE_THAI_DMY = re.compile(  # "9 มิถุนายน 2568", and letters' "9 เดือน มิถุนายน พ.ศ. 2568"
    rf"(?P<d>\d\d?)\s*(?=[{_TH_FIRST}])(?:เดือน\s*)?(?P<m>{_TH_ALT})\s*{_ERA}"
    rf"(?P<y>\d{{4}}|\d{{2}})(?!\d)"
)
# WordPress with a Thai locale prints the English order with Thai month names: มิถุนายน 9, 2026
_RE_THAI_MDY = re.compile(rf"(?P<m>{_TH_ALT})\s*(?P<d>\d{{1,2}}),\s*{_ERA}(?P<y>\d{{4}})(?!\d)")
# Every _RE_THAI_MDY match holds a digit then a comma; text without one (most Thai
# documents) skips the month-led scan, which tries every month name at every Thai letter.
_DIGIT_COMMA = re.compile(r"\d,")
# "พ.ศ.2568 – ปัจจุบัน", "ตั้งแต่ 2567 ถึงปัจจุบัน": from that year on, still running
_RE_SINCE = re.compile(r"(?P<y>25[4-7]\d|20[0-3]\d)\s*(?:-|–|—|ถึง|จนถึง)\s*(?:ปัจจุบัน|present|now)")
_RE_THAI_MY = re.compile(rf"(?P<m>{_TH_ALT})\s*{_ERA}(?P<y>\d{{4}}|\d{{2}})(?!\d)")
_RE_FY = re.compile(r"ปี\s?งบ(?:ประมาณ|\.|ฯ)?\s*(?:พ\.?\s?ศ\.?\s*)?(?P<y>\d{4}|\d{2})(?!\d)")
_RE_NUM = re.compile(
    r"(?P<a>\d\d?)(?P<s>[/.\-])(?P<b>\d{1,2})(?P=s)"
    r"(?P<y>\d{4}|\d{2})(?![\d/])"
)
_RE_ISO = re.compile(r"(?P<y>\d\d{3})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_RE_EN_DMY = re.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_EN_ALT})\.?,?\s+(?P<y>\d{{4}})(?!\d)",
    re.IGNORECASE,
)
_RE_EN_MDY = re.compile(
    rf"\b(?P<m>{_EN_ALT})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)",
    re.IGNORECASE,
)
_DIGITS = "0123456789"
# Case variants spelt out: a case-insensitive pattern defeats the regex engine's literal scan
# and cost more than the English-date patterns it is there to skip.
_EN_HINT = re.compile(
    "(?:"
    + "|".join(f"{m}|{m.upper()}|{m.lower()}" for m in calendar.month_abbr[1:])
    + r")[A-Za-z]*\.?,?\s+\d"
)
# No look-behind first (it defeats the skip to the next "2"): find_years checks the
# character before a match in code.
_RE_YEAR = re.compile(r"(?P<y>2[45]\d\d|26\d\d)(?!\d)")
_RE_YEAR_RANGE = re.compile(
    r"(?P<a>2[56]\d\d)\s*(?:-|–|—|ถึง|ถึงปี|ถึง\s*พ\.?\s?ศ\.?)\s*(?:พ\.?\s?ศ\.?\s*)?"
    r"(?P<b>2[56]\d\d|\d{2})(?!\d)"
)


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date or a span found in text (``start == end`` for a single day)."""

    start: dt.date
    end: dt.date
    raw: str


def be_to_ce(year: int) -> int:
    return year - BE_OFFSET


def ce_to_be(year: int) -> int:
    return year + BE_OFFSET


def fiscal_year(day: dt.date) -> int:
    """The Thai fiscal year (BE) a day falls in: October starts the next one."""
    return ce_to_be(day.year + (1 if day.month >= 10 else 0))


def fiscal_year_bounds(fy_be: int) -> tuple[dt.date, dt.date]:
    """FY N (BE) = 1 October N−1 … 30 September N, as CE dates."""
    ce = be_to_ce(fy_be)
    return dt.date(ce - 1, 10, 1), dt.date(ce, 9, 30)


def resolve_year(raw: str, *, thai_context: bool, era: str | None = None) -> int | None:
    """Turn a written year into a CE year, or ``None`` when it cannot be a plausible year."""
    y = int(raw)
    if len(raw) == 2:
        if era and era.startswith("ค"):
            return 2000 + y
        if thai_context or y >= 40:
            return be_to_ce(2500 + y)
        return 2000 + y
    if era and era.startswith("ค"):
        ce = y
    elif y > 2400:
        ce = be_to_ce(y)
    else:
        ce = y
    return ce if 1900 <= ce <= 2200 else None


def _mk(ce: int | None, month: int, day: int) -> dt.date | None:
    if ce is None:
        return None
    try:
        return dt.date(ce, month, day)
    except ValueError:
        return None


def _month_span(ce: int | None, month: int) -> tuple[dt.date, dt.date] | None:
    if ce is None or not 1 <= month <= 12:
        return None
    return dt.date(ce, month, 1), dt.date(ce, month, calendar.monthrange(ce, month)[1])


def find_dates(text: str, *, limit: int = 500, normalized: bool = False) -> list[DateSpan]:
    """Every date, month or fiscal year written in ``text``, in order of appearance.

    ``normalized=True`` skips normalisation for text that extraction already normalised.
    """
    s = text if normalized else normalize(text)
    taken = bytearray(len(s))  # 1 where an earlier, more specific pattern matched
    out: list[tuple[int, DateSpan]] = []

    def add(m: re.Match[str], span: tuple[dt.date, dt.date] | None, boundary: str = "") -> None:
        a, b = m.start(), m.end()
        # "123/10/2567", "115 ต.ค.": the number started earlier — but "ลว.22.12.66"
        # (ลงวันที่) puts a dot after letters, not after a number
        after_number = s[a - 1] in _DIGITS or (a > 1 and s[a - 2] in _DIGITS)
        if boundary and a > 0 and s[a - 1] in boundary and after_number:
            return
        if taken.find(1, a, b) != -1:
            return
        taken[a:b] = b"\x01" * (b - a)  # an impossible date (32 ต.ค.) hides its month too
        if span is None:
            return
        out.append((m.start(), DateSpan(span[0], span[1], m.group(0))))

    for m in _RE_THAI_DMY.finditer(s):
        month = _TH_LOOKUP[_month_key(m["m"])]
        d = _mk(resolve_year(m["y"], thai_context=True, era=m["era"]), month, int(m["d"]))
        add(m, (d, d) if d else None, _DIGITS)
    for m in _RE_THAI_MDY.finditer(s) if _DIGIT_COMMA.search(s) else ():
        month = _TH_LOOKUP[_month_key(m["m"])]
        d = _mk(resolve_year(m["y"], thai_context=True, era=m["era"]), month, int(m["d"]))
        add(m, (d, d) if d else None, _DIGITS)
    for m in _RE_SINCE.finditer(s):
        ce = resolve_year(m["y"], thai_context=True)
        # only the year it names: "2560 – ปัจจุบัน" over a page of 2560 data is not current
        # data to an assessor, so "to the present" never stretches the span (no false green)
        add(m, (dt.date(ce, 1, 1), dt.date(ce, 12, 31)) if ce else None, _DIGITS)
    english = _EN_HINT.search(s) is not None  # most Thai documents have no English dates
    for rx in (_RE_EN_DMY, _RE_EN_MDY) if english else ():
        for m in rx.finditer(s):
            month = _EN_LOOKUP[_month_key(m["m"])]
            d = _mk(resolve_year(m["y"], thai_context=False), month, int(m["d"]))
            add(m, (d, d) if d else None)
    for m in _RE_ISO.finditer(s):
        d = _mk(resolve_year(m["y"], thai_context=False), int(m["m"]), int(m["d"]))
        add(m, (d, d) if d else None, _DIGITS)
    for m in _RE_NUM.finditer(s):
        a, b = int(m["a"]), int(m["b"])
        day, month = (a, b) if b <= 12 else (b, a)
        d = _mk(resolve_year(m["y"], thai_context=False), month, day)
        add(m, (d, d) if d else None, _DIGITS + "/.-")
    for m in _RE_FY.finditer(s):
        ce = resolve_year(m["y"], thai_context=True)
        add(m, fiscal_year_bounds(ce_to_be(ce)) if ce else None)
    for m in _RE_THAI_MY.finditer(s):
        month = _TH_LOOKUP[_month_key(m["m"])]
        add(m, _month_span(resolve_year(m["y"], thai_context=True, era=m["era"]), month))
    out.sort(key=lambda t: t[0])
    return [span for _, span in out[:limit]]


_NAME_BE8 = re.compile(r"(?<!\d)(25[5-7]\d|20[1-3]\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_NAME_BE6 = re.compile(r"(?<!\d)([5-7]\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")


def dates_in_name(name: str, *, short: bool = True) -> list[DateSpan]:
    """Dates that file names carry: ``25690105`` (BE yyyymmdd), ``20260105`` (CE) and
    ``680303`` (BE yymmdd, how Thai offices number their uploads); plus any written date
    (``ประกาศ 5 ม.ค. 69.pdf``). Only for names: in running text an 8-digit number is rarely
    a date. ``short=False`` leaves out the 6-digit form (for names that may be record ids)."""
    out = list(find_dates(name, limit=10))
    for rx in (_NAME_BE8, _NAME_BE6) if short else (_NAME_BE8,):
        for m in rx.finditer(name):
            y = m[1]
            ce = resolve_year(y if len(y) == 4 else "25" + y, thai_context=True)
            d = _mk(ce, int(m[2]), int(m[3]))
            if d is not None:
                out.append(DateSpan(d, d, m.group(0)))
        if out:
            break
    return out


def parse_date(text: str) -> dt.date | None:
    """One date from a short string: metadata, ``<time datetime>``, HTTP headers, cells."""
    if not text:
        return None
    raw = text.strip()
    pdf = re.match(r"^D:(\d{4})(\d{2})?(\d{2})?", raw)
    if pdf:
        return _mk(resolve_year(pdf[1], thai_context=False), int(pdf[2] or 1), int(pdf[3] or 1))
    if re.match(r"^[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4}", raw):
        try:
            return email.utils.parsedate_to_datetime(raw).date()
        except (TypeError, ValueError):
            pass
    iso = _RE_ISO.match(normalize(raw))
    if iso:
        return _mk(resolve_year(iso["y"], thai_context=False), int(iso["m"]), int(iso["d"]))
    spans = find_dates(raw, limit=1)
    if spans and spans[0].start == spans[0].end:
        return spans[0].start
    return None


def find_years(text: str, *, normalized: bool = False) -> Iterator[tuple[int, int, str]]:
    """BE years and BE year ranges written in ``text`` as ``(first, last, raw)``.

    ``2566-2570`` yields (2566, 2570); a lone ``2568`` yields (2568, 2568). Used by rules such as
    "the plan period must cover the assessed year".
    """
    s = text if normalized else normalize(text)
    ranges: list[tuple[int, int]] = []
    pos = 0
    while (m := _RE_YEAR_RANGE.search(s, pos)) is not None:
        if m.start() and s[m.start() - 1].isdecimal():
            pos = m.start() + 1  # "12566-2570": a longer number; a range may start later
            continue
        pos = m.end()
        a = int(m["a"])
        b = int(m["b"]) if len(m["b"]) == 4 else (a // 100) * 100 + int(m["b"])
        if a <= b <= a + 20:
            ranges.append((m.start(), m.end()))
            yield a, b, m.group(0)
    for m in _RE_YEAR.finditer(s):
        if m.start() and s[m.start() - 1].isdecimal():
            continue  # the digits of a longer number (a rejected match holds only digits)
        if any(x <= m.start() < y for x, y in ranges):
            continue
        y = int(m["y"])
        if 2400 < y < 2700:
            yield y, y, m.group(0)
    for m in _RE_FY.finditer(s):
        if len(m["y"]) == 2:
            y = 2500 + int(m["y"])
            yield y, y, m.group(0)
