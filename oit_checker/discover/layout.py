"""One ITA page → which link belongs to which item, for which year (pure, no I/O).

Agency ITA pages are hand-made lists (ITA-NOTES §5): one heading per item ("O1 …", "o12",
"OIT 12", "ข้อ O12", "01"…"043" with the digit zero standing for the letter, Thai digits,
``&nbsp;`` and en dashes), followed by the item's links; often one accordion, tab or table per
year. The page is read as a line of events in document order — text lines (split at block
elements) and links — and mapped with three rules:

* **nearest preceding heading of the same block**: a link belongs to the last item heading
  before it, provided it sits inside that heading's block (the smallest element holding the
  heading and its neighbouring heading). A footer after the last item is outside every block,
  so it is never pinned on the last item;
* **year sections**: a year marker ("การประเมิน ITA ปี 2569", a tab or accordion button
  "2568") opens a section; tabs that point at panes (``href="#y2568"``, ``data-bs-target``,
  ``aria-controls``) give their pane the year. Only the requested year's links are mapped;
  links before any marker take the page's own year (from its URL or title), if any;
* **file names carry ids** (``o13_….pdf``, ``/ita2569/O12/…``): a link with no heading is
  mapped by its file name (medium confidence); a file name that contradicts its heading keeps
  the heading but lowers the confidence and says so.

Hostile pages are bounded: the markup is capped by the caller and at most ``MAX_EVENTS``
events are read; nothing is executed.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode

from oit_checker.thaitext import thai_digits_to_arabic
from oit_checker.urls import resolve

MAX_EVENTS = 50_000
MAX_DEPTH = 256
MAX_HEADING_CHARS = 250

_BLOCKS = (
    "p div section article main aside header footer nav h1 h2 h3 h4 h5 h6 li ul ol dl dt dd "
    "table thead tbody tfoot tr td th caption blockquote details summary button form fieldset "
    "legend figure figcaption br hr pre center address label option select body"
)
BLOCK_TAGS = frozenset(_BLOCKS.split())
SKIP_TAGS = frozenset(("script", "style", "noscript", "template", "svg", "head", "select"))
HEADINGISH_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6", "summary", "button"))
HEADINGISH_TAGS |= frozenset(("legend", "caption", "th", "dt"))
CHROME_TAGS = frozenset(("nav", "footer"))
_CHROME_CLASS = re.compile(
    r"(^|[-_ ])(nav|navbar|menubar|main-menu|mainmenu|topmenu|top-menu|footer|sidebar|"
    r"breadcrumbs?|site-header|masthead)($|[-_ ])",
    re.I,
)
_HEADINGISH_CLASS = re.compile(r"title|head|accordion|tab|panel|collapse|toggle|card-header", re.I)
_BOLD_TAGS = frozenset(("strong", "b"))

# --- item ids ---------------------------------------------------------------------------------
_LEAD = r"^[\s\-–—•·*►▶▸◆●○■□✓✔>\[(]*"
_AFTER_ID = r"(?=$|[\s\-–—.:)\]]|[\u0E00-\u0E7F])"
_STRONG_ID = re.compile(
    _LEAD + r"(?:ข้อ\s*)?(?:OIT|O)\s*[-–—.:_]?\s*(\d{1,3})(?![\d/])" + _AFTER_ID, re.I
)
_ZERO_ID = re.compile(_LEAD + r"(?:ข้อ\s*)?0(\d{1,2})(?![\d/.:,]\d)" + _AFTER_ID)
_MONTH_AFTER = re.compile(
    r"^[\s.]*(ม\.?ค|ก\.?พ|มี\.?ค|เม\.?ย|พ\.?ค|มิ\.?ย|ก\.?ค|ส\.?ค|ก\.?ย|ต\.?ค|พ\.?ย|ธ\.?ค|มกรา|"
    r"กุมภา|มีนา|เมษา|พฤษภา|มิถุนา|กรกฎา|สิงหา|กันยา|ตุลา|พฤศจิกา|ธันวา)"
)
_FILE_ID = re.compile(r"(?:^|[/_\-.=])(?:oit|o)[-_ ]?(\d{1,2})(?=[_\-./ ]|$)", re.I)

# --- years ------------------------------------------------------------------------------------
_YEAR = r"(25[6-8]\d|20[1-3]\d)"
_ITA_YEAR = re.compile(
    r"(?:\bITA|\bOIT|คุณธรรมและความโปร่งใส|เปิดเผยข้อมูลสาธารณะ)[^0-9]{0,40}?" + _YEAR, re.I
)
_BARE_YEAR = re.compile(
    r"^(?:ปี\s*(?:งบประมาณ)?\s*(?:พ\.?\s*ศ\.?)?\s*|ประจำปี\s*(?:งบประมาณ)?\s*(?:พ\.?\s*ศ\.?)?\s*)?"
    + _YEAR
    + r"$"
)
_NOT_A_SECTION = re.compile(r"วิเคราะห์|ผลการประเมิน|มาตรการ|รายงาน|แผน")
_URL_YEAR = re.compile(
    r"(?:ita|oit)[-_/]?(?:year[-_/]?)?" + _YEAR + r"|(?:^|[/=_-])(25[6-8]\d)(?=$|[/_&.-])", re.I
)
_EMPTY_HREF = re.compile(r"^\s*(#!?/?\s*|javascript:.*|)$", re.I)
_GENERIC_LABEL = re.compile(
    r"^(เปิด|เปิดไฟล์|ดู|ดูไฟล์|ดาวน์โหลด|download|คลิก|คลิกที่นี่|click|click here|"
    r"รายละเอียด|ดูรายละเอียด|อ่านต่อ|more|link|ลิงก์|ลิงค์|pdf|view|open)$",
    re.I,
)


def be_year(value: str) -> int:
    y = int(value)
    return y + 543 if y < 2500 else y


@dataclass(frozen=True, slots=True)
class Mapped:
    """One link placed under one item."""

    item: str
    url: str
    label: str  # what the page calls the link (the text beside a "เปิด" button, if generic)
    heading: str  # the heading it sits under ("" when placed by its file name)
    how: str  # "heading" | "heading_link" | "file_name"
    confidence: str  # "high" | "medium" | "low"
    note: str = ""  # "file_name_disagrees:O13", "year_not_stated"
    page: str = ""


@dataclass(frozen=True, slots=True)
class Problem:
    kind: str  # "heading_without_link" | "empty_link" | "unknown_item"
    item: str
    text: str
    page: str = ""


@dataclass(frozen=True, slots=True)
class PageMap:
    url: str
    title: str
    page_year: int | None
    years: tuple[int, ...]  # year sections seen on the page
    headings: tuple[str, ...]  # items with a heading in the requested year
    mapped: tuple[Mapped, ...]
    problems: tuple[Problem, ...]

    @property
    def items(self) -> frozenset[str]:
        return frozenset(m.item for m in self.mapped) | frozenset(self.headings)


# --- linearising the DOM ------------------------------------------------------------------------


@dataclass(slots=True)
class _Line:
    text: str
    path: tuple[int, ...]
    headingish: bool
    pane_year: int | None
    chrome: bool


@dataclass(slots=True)
class _Anchor:
    href: str
    text: str
    path: tuple[int, ...]
    pane_year: int | None
    chrome: bool
    toggle_year: int | None = None


@dataclass(slots=True)
class _Walker:
    events: list[_Line | _Anchor] = field(default_factory=list)
    counter: int = 0
    buf: list[str] = field(default_factory=list)
    bold: list[bool] = field(default_factory=list)

    def flush(
        self, path: tuple[int, ...], headingish: bool, pane: int | None, chrome: bool
    ) -> None:
        text = _clean(" ".join(self.buf))
        if text:
            all_bold = bool(self.bold) and all(self.bold)
            self.events.append(_Line(text, path, headingish or all_bold, pane, chrome))
        self.buf.clear()
        self.bold.clear()


def _clean(text: str) -> str:
    text = thai_digits_to_arabic(text).replace("\u00a0", " ").replace("\u200b", "")
    return re.sub(r"\s+", " ", text).strip()


def _attr(node: LexborNode, name: str) -> str:
    return (node.attributes.get(name) or "") if node.attributes else ""


def _marker(node: LexborNode) -> str:
    return f"{_attr(node, 'class')} {_attr(node, 'id')} {_attr(node, 'role')}"


def _children(node: LexborNode) -> Iterator[LexborNode]:
    child = node.child
    while child is not None:
        yield child
        child = child.next


def _linearise(root: LexborNode, pane_years: dict[str, int]) -> list[_Line | _Anchor]:
    """Document order → text lines and anchors, each with its element path (iterative DFS)."""
    w = _Walker()
    # stack entries: (iterator over children, path, headingish, pane_year, chrome, bold, is_block)
    stack: list[tuple[Iterator[LexborNode], tuple[int, ...], bool, int | None, bool, bool, bool]]
    stack = [(_children(root), (0,), False, None, False, False, True)]
    while stack and len(w.events) < MAX_EVENTS:
        it, path, hd, pane, chrome, bold, _ = stack[-1]
        node = next(it, None)
        if node is None:
            _, path, hd, pane, chrome, _, is_block = stack.pop()
            if is_block:
                w.flush(path, hd, pane, chrome)
            continue
        tag = node.tag or ""
        if tag == "-text":
            text = node.text_content or ""
            if text.strip():
                w.buf.append(text)
                w.bold.append(bold)
            continue
        if tag.startswith("-") or tag in SKIP_TAGS or len(stack) > MAX_DEPTH:
            continue
        w.counter += 1
        marker = _marker(node)
        child_path = (*path, w.counter)
        child_chrome = chrome or tag in CHROME_TAGS or bool(_CHROME_CLASS.search(marker))
        node_id = _attr(node, "id")
        child_pane = pane_years.get(node_id, pane) if node_id else pane
        if tag == "a":
            w.flush(path, hd, pane, chrome)
            text = _clean(node.text(separator=" ") or "") or _clean(
                _attr(node, "title") or _alt_text(node)
            )
            w.events.append(
                _Anchor(
                    _attr(node, "href"),
                    text,
                    child_path,
                    child_pane,
                    child_chrome,
                    _toggle_year(node, text),
                )
            )
            continue
        is_block = tag in BLOCK_TAGS
        if is_block:
            w.flush(path, hd, pane, chrome)
        child_hd = (hd and not is_block) or tag in HEADINGISH_TAGS
        child_hd = child_hd or (is_block and bool(_HEADINGISH_CLASS.search(marker)))
        if tag == "br":
            continue
        stack.append(
            (
                _children(node),
                child_path if is_block else path,
                child_hd,
                child_pane,
                child_chrome,
                bold or tag in _BOLD_TAGS,
                is_block,
            )
        )
    while stack:
        _, path, hd, pane, chrome, _, is_block = stack.pop()
        if is_block:
            w.flush(path, hd, pane, chrome)
    return w.events


def _alt_text(node: LexborNode) -> str:
    img = node.css_first("img[alt]")
    return _attr(img, "alt") if img is not None else ""


def _toggle_year(node: LexborNode, text: str) -> int | None:
    """An accordion/tab toggle (``href="#…"``) whose text names a year."""
    href = _attr(node, "href").strip()
    if not href.startswith("#") or len(href) < 2:
        return None
    return _year_of_marker(text, headingish=True)


def _pane_years(tree: HTMLParser) -> dict[str, int]:
    """Tabs and accordion buttons that point at a pane: the pane's id → the button's year."""
    out: dict[str, int] = {}
    for node in tree.css("[data-target], [data-bs-target], [aria-controls], a[href^='#']"):
        year = _year_of_marker(_clean(node.text(separator=" ") or ""), headingish=True)
        if year is None:
            continue
        for name in ("data-bs-target", "data-target", "aria-controls", "href"):
            target = _attr(node, name).strip().lstrip("#")
            if target and re.fullmatch(r"[A-Za-z][\w\-:.]*", target):
                out.setdefault(target, year)
    return out


# --- classifying lines -------------------------------------------------------------------------


def heading_id(text: str, *, allow_zero: bool) -> tuple[str, bool] | None:
    """``"O12 รายงาน…"`` → ``("O12", False)``; ``"012 …"`` → ``("O12", True)`` (zero form)."""
    if len(text) > MAX_HEADING_CHARS:
        return None
    m = _STRONG_ID.match(text)
    if m:
        n = int(m.group(1).lstrip("0") or "0")
        return (f"O{n}", False) if 0 < n < 100 else None
    if allow_zero:
        m = _ZERO_ID.match(text)
        if m and not _MONTH_AFTER.match(text[m.end() :]):
            n = int(m.group(1))
            return (f"O{n}", True) if 0 < n < 100 else None
    return None


def file_id(url: str) -> str | None:
    """The item id a file name or folder carries (``o13_….pdf``, ``/ita2569/O12/x.pdf``)."""
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return None
    found = [int(m.group(1)) for m in _FILE_ID.finditer(path)]
    found = [n for n in found if 0 < n < 100]
    return f"O{found[-1]}" if found else None


def _year_of_marker(text: str, *, headingish: bool) -> int | None:
    if not text or len(text) > 80 or _NOT_A_SECTION.search(text):
        return None
    m = _BARE_YEAR.match(text)
    if m:
        return be_year(m.group(1)) if (headingish or len(text) <= 12) else None
    m = _ITA_YEAR.search(text)
    if m and (headingish or len(text) <= 40):
        return be_year(m.group(1))
    return None


def url_year(url: str) -> int | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    m = _URL_YEAR.search(unquote(parts.path + "?" + parts.query))
    if not m:
        return None
    return be_year(m.group(1) or m.group(2))


# --- mapping --------------------------------------------------------------------------------


def _lca(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return a[:n]


def _blocks(heads: list[tuple[int, _Line | _Anchor]]) -> dict[int, tuple[int, ...]]:
    """Each heading's block: the deeper of its common ancestors with the previous and next."""
    out: dict[int, tuple[int, ...]] = {}
    for k, (idx, ev) in enumerate(heads):
        options = []
        if k > 0:
            options.append(_lca(heads[k - 1][1].path, ev.path))
        if k + 1 < len(heads):
            options.append(_lca(ev.path, heads[k + 1][1].path))
        out[idx] = max(options, key=len) if options else ev.path[:-1]
    return out


def _label(anchor: _Anchor, last_text: str) -> str:
    text = anchor.text.strip(" -–—•")
    if not text or _GENERIC_LABEL.match(text):
        return (last_text or text)[:200]
    return text[:200]


def map_page(
    markup: str,
    url: str,
    *,
    year: int,
    item_ids: Collection[str],
) -> PageMap:
    """Map the links of one page to the items of ``year`` (see the module docstring)."""
    tree = HTMLParser(markup)
    title_node = tree.css_first("title")
    title = _clean(title_node.text()) if title_node else ""
    base_tag = tree.css_first("base[href]")
    base = (resolve(url, _attr(base_tag, "href")) if base_tag else None) or url
    root = tree.body or tree.root
    if root is None:
        return PageMap(url, title, None, (), (), (), ())
    events = _linearise(root, _pane_years(tree))
    known = set(item_ids)

    # The zero-for-O form ("01 …") only counts on pages that use it for several items.
    zero_ids = {
        hid[0]
        for ev in events
        if isinstance(ev, _Line)
        and (hid := heading_id(ev.text, allow_zero=True)) is not None
        and hid[1]
    }
    allow_zero = len(zero_ids & known) >= 3

    page_year = url_year(url) or _title_year(title)
    # Pass 1: classify; find headings (with their position) and year markers.
    kinds: list[tuple[str, str | None, int | None]] = []  # (kind, item, year)
    heads: list[tuple[int, _Line | _Anchor]] = []
    for idx, ev in enumerate(events):
        if isinstance(ev, _Line):
            hid = heading_id(ev.text, allow_zero=allow_zero)
            if hid is not None:
                kinds.append(("heading", hid[0], None))
                heads.append((idx, ev))
                continue
            y = _year_of_marker(ev.text, headingish=ev.headingish)
            kinds.append(("year", None, y) if y and not ev.chrome else ("text", None, None))
        else:
            hid = heading_id(ev.text, allow_zero=allow_zero)
            if hid is not None and ev.href.strip() and not _EMPTY_HREF.match(ev.href):
                kinds.append(("heading_link", hid[0], None))
                heads.append((idx, ev))
            elif ev.toggle_year is not None:
                kinds.append(("year", None, ev.toggle_year))
            else:
                kinds.append(("link", None, None))
    blocks = _blocks(heads)
    years_seen = sorted({y for k, _, y in kinds if k == "year" and y})

    # Pass 2: walk with the state (year, heading).
    running_year: int | None = page_year
    cur: tuple[str, str, tuple[int, ...]] | None = None  # item, heading text, block path
    mapped: list[Mapped] = []
    problems: list[Problem] = []
    headings: list[str] = []
    last_text = ""
    seen: set[tuple[str, str]] = set()

    def in_year(ev: _Line | _Anchor) -> bool:
        y = ev.pane_year if ev.pane_year is not None else running_year
        return y is None or y == year

    def add(m: Mapped) -> None:
        if (m.item, m.url) not in seen:
            seen.add((m.item, m.url))
            mapped.append(m)

    year_note = "" if page_year or years_seen else "year_not_stated"
    for idx, ev in enumerate(events):
        kind, item, y = kinds[idx]
        if kind == "year":
            running_year, cur = y, None
            continue
        if not in_year(ev):
            if kind in ("heading", "heading_link"):
                cur = None
            continue
        if kind in ("heading", "heading_link"):
            assert item is not None
            if item not in known:
                problems.append(Problem("unknown_item", item, ev.text[:120], url))
                cur = None
                continue
            cur = (item, ev.text[:200], blocks[idx])
            headings.append(item)
            last_text = ""
            if kind == "heading_link":
                assert isinstance(ev, _Anchor)
                target = resolve(base, ev.href)
                if target:
                    add(
                        Mapped(
                            item,
                            target,
                            ev.text[:200],
                            ev.text[:200],
                            "heading_link",
                            "high",
                            year_note,
                            url,
                        )
                    )
            continue
        if isinstance(ev, _Line):
            last_text = ev.text[:200]
            continue
        # A plain link.
        under = cur if cur is not None and ev.path[: len(cur[2])] == cur[2] else None
        if ev.chrome and under is None:
            continue
        if _EMPTY_HREF.match(ev.href):
            if under is not None:
                problems.append(Problem("empty_link", under[0], _label(ev, last_text), url))
            continue
        target = resolve(base, ev.href)
        if target is None:
            continue
        fid = file_id(target)
        fid = fid if fid in known else None
        if under is not None:
            note = year_note
            confidence = "high"
            if fid is not None and fid != under[0]:
                confidence, note = "low", f"file_name_disagrees:{fid}"
            add(
                Mapped(
                    under[0],
                    target,
                    _label(ev, last_text),
                    under[1],
                    "heading",
                    confidence,
                    note,
                    url,
                )
            )
        elif fid is not None and not ev.chrome:
            add(
                Mapped(
                    fid, target, _label(ev, last_text), "", "file_name", "medium", year_note, url
                )
            )
    linked = {m.item for m in mapped}
    for item in dict.fromkeys(headings):
        if item not in linked:
            problems.append(Problem("heading_without_link", item, "", url))
    return PageMap(
        url=url,
        title=title,
        page_year=page_year,
        years=tuple(years_seen),
        headings=tuple(dict.fromkeys(headings)),
        mapped=tuple(mapped),
        problems=tuple(problems),
    )


def _title_year(title: str) -> int | None:
    m = _ITA_YEAR.search(title)
    return be_year(m.group(1)) if m else None
