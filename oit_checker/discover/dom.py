"""An HTML page as a line of events in document order: text lines and links (pure, bounded).

Text is split at block elements; each event keeps its element path (for blocks), whether it
looks like a heading (heading tags, bold-only lines, accordion/tab classes), the year of the
tab pane it sits in, and whether it is site chrome (menus, footers). Hostile pages are bounded:
at most ``MAX_EVENTS`` events and ``MAX_DEPTH`` levels are read, iteratively; nothing runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode

from oit_checker.discover.ids import year_of_marker
from oit_checker.thaitext import thai_digits_to_arabic

MAX_EVENTS = 50_000
MAX_DEPTH = 256

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


@dataclass(slots=True)
class Line:
    text: str
    path: tuple[int, ...]
    headingish: bool
    pane_year: int | None
    chrome: bool


@dataclass(slots=True)
class Anchor:
    href: str
    text: str
    path: tuple[int, ...]
    pane_year: int | None
    chrome: bool
    toggle_year: int | None = None


@dataclass(slots=True)
class _Walker:
    events: list[Line | Anchor] = field(default_factory=list)
    counter: int = 0
    buf: list[str] = field(default_factory=list)
    bold: list[bool] = field(default_factory=list)

    def flush(
        self, path: tuple[int, ...], headingish: bool, pane: int | None, chrome: bool
    ) -> None:
        text = clean(" ".join(self.buf))
        if text:
            all_bold = bool(self.bold) and all(self.bold)
            self.events.append(Line(text, path, headingish or all_bold, pane, chrome))
        self.buf.clear()
        self.bold.clear()


def clean(text: str) -> str:
    text = thai_digits_to_arabic(text).replace("\u00a0", " ").replace("\u200b", "")
    return re.sub(r"\s+", " ", text).strip()


def attr(node: LexborNode, name: str) -> str:
    return (node.attributes.get(name) or "") if node.attributes else ""


def _marker(node: LexborNode) -> str:
    return f"{attr(node, 'class')} {attr(node, 'id')} {attr(node, 'role')}"


def _children(node: LexborNode) -> Iterator[LexborNode]:
    child = node.child
    while child is not None:
        yield child
        child = child.next


def linearise(root: LexborNode, pane_years: dict[str, int]) -> list[Line | Anchor]:
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
        node_id = attr(node, "id")
        child_pane = pane_years.get(node_id, pane) if node_id else pane
        if tag == "a":
            w.flush(path, hd, pane, chrome)
            text = clean(node.text(separator=" ") or "") or clean(
                attr(node, "title") or _alt_text(node)
            )
            w.events.append(
                Anchor(
                    attr(node, "href"),
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
    return attr(img, "alt") if img is not None else ""


def _toggle_year(node: LexborNode, text: str) -> int | None:
    """An accordion/tab toggle (``href="#…"``) whose text names a year."""
    href = attr(node, "href").strip()
    if not href.startswith("#") or len(href) < 2:
        return None
    return year_of_marker(text, headingish=True)


def pane_years(tree: HTMLParser) -> dict[str, int]:
    """Tabs and accordion buttons that point at a pane: the pane's id → the button's year."""
    out: dict[str, int] = {}
    for node in tree.css("[data-target], [data-bs-target], [aria-controls], a[href^='#']"):
        year = year_of_marker(clean(node.text(separator=" ") or ""), headingish=True)
        if year is None:
            continue
        for name in ("data-bs-target", "data-target", "aria-controls", "href"):
            target = attr(node, name).strip().lstrip("#")
            if target and re.fullmatch(r"[A-Za-z][\w\-:.]*", target):
                out.setdefault(target, year)
    return out
