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

from collections.abc import Collection
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from oit_checker.discover.dom import Anchor, Line, attr, clean, linearise, pane_years
from oit_checker.discover.ids import (
    GENERIC_LABEL,
    be_year,
    file_id,
    heading_id,
    title_year,
    url_year,
    year_of_marker,
)
from oit_checker.urls import DEAD_HREF, resolve

Event = Line | Anchor
Kind = tuple[
    str, str | None, int | None
]  # (heading | heading_link | year | text | link, item, year)

__all__ = [
    "Mapped",
    "PageMap",
    "Problem",
    "be_year",
    "file_id",
    "heading_id",
    "map_page",
    "url_year",
]


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


def _lca(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return a[:n]


def _blocks(heads: list[tuple[int, Event]]) -> dict[int, tuple[int, ...]]:
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


def _label(anchor: Anchor, last_text: str) -> str:
    text = anchor.text.strip(" -–—•")
    if not text or GENERIC_LABEL.match(text):
        return (last_text or text)[:200]
    return text[:200]


def _allow_zero(events: list[Event], known: set[str]) -> bool:
    """The zero-for-O form ("01 …") only counts on pages that use it for several items —
    as text headings or as headings that are themselves the links (school ITA pages list
    ``<a href=…>01 โครงสร้าง</a>`` … ``043 …``)."""
    zero_ids = {
        hid[0]
        for ev in events
        if (isinstance(ev, Line) or (ev.href.strip() and not DEAD_HREF.match(ev.href)))
        and (hid := heading_id(ev.text, allow_zero=True)) is not None
        and hid[1]
    }
    return len(zero_ids & known) >= 3


def _classify(events: list[Event], allow_zero: bool) -> tuple[list[Kind], list[tuple[int, Event]]]:
    """Pass 1: what each event is, and where the item headings are."""
    kinds: list[Kind] = []
    heads: list[tuple[int, Event]] = []
    for idx, ev in enumerate(events):
        hid = heading_id(ev.text, allow_zero=allow_zero)
        if isinstance(ev, Line):
            if hid is not None:
                kinds.append(("heading", hid[0], None))
                heads.append((idx, ev))
                continue
            y = year_of_marker(ev.text, headingish=ev.headingish)
            kinds.append(("year", None, y) if y and not ev.chrome else ("text", None, None))
        elif hid is not None and ev.href.strip() and not DEAD_HREF.match(ev.href):
            kinds.append(("heading_link", hid[0], None))
            heads.append((idx, ev))
        elif ev.toggle_year is not None:
            kinds.append(("year", None, ev.toggle_year))
        else:
            kinds.append(("link", None, None))
    return kinds, heads


@dataclass
class _Mapper:
    """Pass 2: walk the events with the state (year section, current heading)."""

    url: str
    base: str
    year: int
    known: set[str]
    year_note: str
    running_year: int | None
    cur: tuple[str, str, tuple[int, ...]] | None = None  # item, heading text, block path
    last_text: str = ""
    mapped: list[Mapped] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    seen: set[tuple[str, str]] = field(default_factory=set)

    def add(self, m: Mapped) -> None:
        if (m.item, m.url) not in self.seen:
            self.seen.add((m.item, m.url))
            self.mapped.append(m)

    def event(
        self, ev: Event, kind: str, item: str | None, y: int | None, block: tuple[int, ...]
    ) -> None:
        if kind == "year":
            self.running_year, self.cur = y, None
            return
        pane = ev.pane_year if ev.pane_year is not None else self.running_year
        if pane is not None and pane != self.year:  # another year's section
            if kind in ("heading", "heading_link"):
                self.cur = None
            return
        if kind in ("heading", "heading_link"):
            assert item is not None
            self.heading(ev, item, block, linked=kind == "heading_link")
        elif isinstance(ev, Line):
            self.last_text = ev.text[:200]
        else:
            self.link(ev)

    def heading(self, ev: Event, item: str, block: tuple[int, ...], *, linked: bool) -> None:
        if item not in self.known:
            self.problems.append(Problem("unknown_item", item, ev.text[:120], self.url))
            self.cur = None
            return
        self.cur = (item, ev.text[:200], block)
        self.headings.append(item)
        self.last_text = ""
        if linked and isinstance(ev, Anchor) and (target := resolve(self.base, ev.href)):
            text = ev.text[:200]
            self.add(
                Mapped(item, target, text, text, "heading_link", "high", self.year_note, self.url)
            )

    def link(self, ev: Anchor) -> None:
        cur = self.cur
        under = cur if cur is not None and ev.path[: len(cur[2])] == cur[2] else None
        if ev.chrome and under is None:
            return
        if DEAD_HREF.match(ev.href):
            if under is not None:
                label = _label(ev, self.last_text)
                self.problems.append(Problem("empty_link", under[0], label, self.url))
            return
        target = resolve(self.base, ev.href)
        if target is None:
            return
        fid = file_id(target)
        fid = fid if fid in self.known else None
        label = _label(ev, self.last_text)
        if under is not None:
            confidence, note = "high", self.year_note
            if fid is not None and fid != under[0]:
                confidence, note = "low", f"file_name_disagrees:{fid}"
            self.add(
                Mapped(under[0], target, label, under[1], "heading", confidence, note, self.url)
            )
        elif fid is not None and not ev.chrome:
            self.add(
                Mapped(fid, target, label, "", "file_name", "medium", self.year_note, self.url)
            )

    def result(self, title: str, page_year: int | None, years: list[int]) -> PageMap:
        linked = {m.item for m in self.mapped}
        for item in dict.fromkeys(self.headings):
            if item not in linked:
                self.problems.append(Problem("heading_without_link", item, "", self.url))
        return PageMap(
            url=self.url,
            title=title,
            page_year=page_year,
            years=tuple(years),
            headings=tuple(dict.fromkeys(self.headings)),
            mapped=tuple(self.mapped),
            problems=tuple(self.problems),
        )


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
    title = clean(title_node.text()) if title_node else ""
    base_tag = tree.css_first("base[href]")
    base = (resolve(url, attr(base_tag, "href")) if base_tag else None) or url
    root = tree.body or tree.root
    if root is None:
        return PageMap(url, title, None, (), (), (), ())
    events = linearise(root, pane_years(tree))
    known = set(item_ids)
    kinds, heads = _classify(events, _allow_zero(events, known))
    blocks = _blocks(heads)
    years_seen = sorted({y for k, _, y in kinds if k == "year" and y})
    page_year = url_year(url) or title_year(title)
    year_note = "" if page_year or years_seen else "year_not_stated"
    mapper = _Mapper(url, base, year, known, year_note, page_year)
    for idx, (ev, (kind, item, y)) in enumerate(zip(events, kinds, strict=True)):
        mapper.event(ev, kind, item, y, blocks.get(idx, ()))
    return mapper.result(title, page_year, years_seen)
