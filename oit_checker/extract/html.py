"""HTML → Document with selectolax: visible text, links with their text, dates, title.

Charset: the ``Content-Type`` header, then ``<meta charset>`` / ``http-equiv``, then detection
(charset-normalizer), then UTF-8 with replacement. ``tis-620`` and ``iso-8859-11`` are read as
``cp874`` (windows-874), their superset, because many old Thai CMSs mislabel one as the other.
Pages with almost no text that load scripts are flagged ``script_drawn`` (a browser is needed,
so their content rules answer ``manual``). Scripts are never executed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from charset_normalizer import from_bytes
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from oit_checker.fetch.body import body_bytes
from oit_checker.model import DocKind, Document, FoundDate, Link, Resource
from oit_checker.settings import RunSettings
from oit_checker.thaidate import find_dates, parse_date
from oit_checker.thaitext import normalize
from oit_checker.urls import DEAD_HREF, resolve

THAI_ALIASES = {
    "tis-620": "cp874",
    "tis620": "cp874",
    "iso-8859-11": "cp874",
    "windows-874": "cp874",
    "x-windows-874": "cp874",
    "iso8859-11": "cp874",
}
META_DATE_NAMES = (
    "article:published_time",
    "article:modified_time",
    "og:updated_time",
    "date",
    "dc.date",
    "dcterms.modified",
    "dcterms.created",
    "last-modified",
    "pubdate",
    "datepublished",
    "datemodified",
)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*['\"]?\s*([A-Za-z0-9_\-:.]+)", re.I)
MAX_HTML_BYTES = 10 * 1024 * 1024
LINK_TAGS = (
    ("a", "href"),
    ("iframe", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("area", "href"),
    ("frame", "src"),
)


def codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("'\"").lower()
    label = THAI_ALIASES.get(label, label)
    try:
        "".encode(label)
    except LookupError:
        return None
    return label


def _mostly_utf8(data: bytes) -> bool:
    """Undeclared bytes that are UTF-8 but for a few bad bytes (a damaged or cut page)."""
    text = data[:200_000].decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return bad <= max(3, len(text) // 1000) and any("\u0e00" <= c <= "\u0e7f" for c in text)


def decode(data: bytes, content_type: str | None) -> str:
    """Bytes → str, trusting header, then meta, then detection (Thai single-byte aware)."""
    header = None
    if content_type and "charset=" in content_type.lower():
        header = content_type.lower().split("charset=")[-1].split(";")[0]
    meta = _META_CHARSET.search(data[:4096])
    for label in (header, meta.group(1).decode("ascii", "ignore") if meta else None):
        name = codec(label)
        if name:
            try:
                return data.decode(name)
            except UnicodeDecodeError:
                if name.replace("-", "").replace("_", "") == "utf8":
                    # Declared UTF-8 stays UTF-8: one bad byte (or a size cut inside a Thai
                    # character) must not send a correct page to the cp874 decoder.
                    return data.decode("utf-8", errors="replace")
                continue
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        if _mostly_utf8(data):
            return data.decode("utf-8", errors="replace")
    best = from_bytes(data[:200_000], cp_isolation=["cp874", "tis_620", "utf_8", "cp1252"]).best()
    name = codec(best.encoding) if best else None
    return data.decode(name or "cp874", errors="replace")


def markup_of(res: Resource) -> str:
    """The page's markup as text (charset from the header, the meta tag, or detection)."""
    return decode(body_bytes(res, MAX_HTML_BYTES), res.header("content-type"))


def extract(res: Resource, settings: RunSettings) -> Document:
    return parse(
        markup_of(res),
        res.final_url or res.url,
        settings,
        url=res.url,
        truncated=res.size > MAX_HTML_BYTES,
    )


MAX_DEPTH = 4000  # lexbor's tree building is quadratic in nesting: 200k deep took minutes
_IMPLICIT = "p|li|td|th|tr|dt|dd|option|optgroup|thead|tbody|tfoot|colgroup|rb|rt|rp"
_VOID = "area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr"
_OPENS = re.compile(rf"<(?!(?:{_VOID}|{_IMPLICIT})[\s/>])[a-zA-Z]", re.I)
_CLOSES = re.compile(rf"</(?!(?:{_IMPLICIT})[\s>])[a-zA-Z]", re.I)
_DEPTH_CHUNK = 20_000


def too_deep(markup: str, limit: int = MAX_DEPTH) -> bool:
    """Would the tree nest deeper than ``limit``? Judged before parsing, in linear time.

    Opening minus closing tags (void and implicitly closed elements aside), summed per
    chunk: the running sum is the nesting depth to within one chunk's tags. A first pass
    with plain counts (every ``<`` that is not ``</`` taken as an opening, an overestimate)
    clears ordinary pages in microseconds; only a page it cannot clear is counted exactly.
    """
    if markup.count("<") < limit or not _may_nest(markup, limit, _rough):
        return False
    return _may_nest(markup, limit, _exact)


def _rough(chunk: str) -> int:
    closes = chunk.count("</")
    return chunk.count("<") - 2 * closes


def _exact(chunk: str) -> int:
    return len(_OPENS.findall(chunk)) - len(_CLOSES.findall(chunk))


def _may_nest(markup: str, limit: int, delta: Callable[[str], int]) -> bool:
    depth = 0
    for i in range(0, len(markup), _DEPTH_CHUNK):
        depth = max(0, depth + delta(markup[i : i + _DEPTH_CHUNK]))
        if depth > limit:
            return True
    return False


def parse(
    markup: str,
    base_url: str,
    settings: RunSettings,
    *,
    url: str | None = None,
    truncated: bool = False,
) -> Document:
    """Markup → Document: links and head dates first, then the visible text without chrome.

    The order matters: links are read before the tree is pruned (a menu link is still a link,
    marked ``nav``), and the site's chrome is stripped before the text is taken.
    """
    if too_deep(markup):
        return Document(
            url=url or base_url,
            kind=DocKind.HTML,
            readable=False,
            unreadable_reason="too_complex",
            truncated=truncated,
        )
    tree = HTMLParser(markup)
    title_node = tree.css_first("title")
    title = normalize(title_node.text()) if title_node else ""
    dates = _head_dates(tree)
    links = _links(tree, _base(tree, base_url))
    dead = _dead_links(tree)
    images = _images(tree, _base(tree, base_url))
    has_password = tree.css_first("input[type=password]") is not None
    scripts = len(tree.css("script[src]")) + len(tree.css("script"))
    visible = _visible_text(tree)
    if len(visible) > settings.max_text_chars:
        visible, truncated = visible[: settings.max_text_chars], True
    for span in find_dates(visible[:200_000], normalized=True):
        dates.append(FoundDate(span.start, span.end, "text", span.raw))
    drawn = _script_drawn(visible, scripts, bool(links))
    return Document(
        url=url or base_url,
        kind=DocKind.HTML,
        text=visible,
        title=title,
        links=tuple(links),
        dates=tuple(dates),
        readable=not drawn,
        unreadable_reason="script_drawn" if drawn else "",
        has_password_form=has_password,
        truncated=truncated,
        dead_links=dead,
        images=images,
    )


MAX_DEAD_LINKS = 50
_DOWNLOAD_WORD = re.compile(r"ดาวน์โหลด|ดาวโหลด|download|คลิก|click|เปิดไฟล์|ดูไฟล์|ไฟล์แนบ", re.I)


def _dead_links(tree: HTMLParser) -> tuple[str, ...]:
    """Texts of content anchors whose href leads nowhere (``#``, ``javascript:``, empty).

    In-page anchors to a real element (``#section-2``) and the site's chrome do not count.
    """
    out: list[str] = []
    for node in tree.css("a"):
        href = node.attributes.get("href")
        if href is None:  # <a>ดาวน์โหลด</a>: a button that was never given its file
            if not _DOWNLOAD_WORD.search(node.text() or ""):
                continue
        elif not DEAD_HREF.match(href):
            continue
        if _in_nav(node):
            continue
        text = normalize(node.text(separator=" "))[:120]
        if text:
            out.append(text)
            if len(out) >= MAX_DEAD_LINKS:
                break
    return tuple(out)


MAX_IMAGES = 5
_ICON = re.compile(r"logo|icon|banner|button|arrow|bullet|spacer|loading|\.svg$|\.ico$", re.I)


def _images(tree: HTMLParser, base: str) -> tuple[Link, ...]:
    """Content pictures worth reading by OCR: not chrome, not icons, not tiny, not inline."""
    out: list[Link] = []
    for node in tree.css("img[src]"):
        src = node.attributes.get("src") or ""
        if src.startswith("data:") or _ICON.search(src) or _in_nav(node):
            continue
        sizes = [node.attributes.get(a) or "" for a in ("width", "height")]
        if any(v.isdigit() and int(v) < 120 for v in sizes):
            continue
        target = resolve(base, src)
        if target and all(link.url != target for link in out):
            out.append(Link(target, normalize(node.attributes.get("alt") or "")[:300], "img"))
            if len(out) >= MAX_IMAGES:
                break
    return tuple(out)


def _base(tree: HTMLParser, page_url: str) -> str:
    """The URL relative links resolve against: ``<base href>`` when it is usable."""
    base_tag = tree.css_first("base[href]")
    base = resolve(page_url, base_tag.attributes.get("href") or "") if base_tag else None
    return base or page_url


def _head_dates(tree: HTMLParser) -> list[FoundDate]:
    """Dates the markup states as data: ``<time datetime>`` and date ``<meta>`` tags."""
    dates: list[FoundDate] = []
    for node in tree.css("time"):
        raw = node.attributes.get("datetime") or node.text()
        d = parse_date(raw or "")
        if d:
            dates.append(FoundDate(d, d, "time", raw or ""))
    for node in tree.css("meta"):
        name = (
            node.attributes.get("property")
            or node.attributes.get("name")
            or node.attributes.get("itemprop")
            or ""
        ).lower()
        if name in META_DATE_NAMES:
            raw = node.attributes.get("content") or ""
            d = parse_date(raw)
            if d:
                dates.append(FoundDate(d, d, "meta", raw))
    return dates


def _links(tree: HTMLParser, base: str) -> list[Link]:
    """Every distinct usable link target, with its label and whether it sits in the chrome."""
    links: list[Link] = []
    seen: set[str] = set()
    for tag, attr in LINK_TAGS:
        for node in tree.css(f"{tag}[{attr}]"):
            target = resolve(base, node.attributes.get(attr) or "")
            if target and target not in seen:
                seen.add(target)
                label = (
                    node.text(separator=" ") if tag == "a" else (node.attributes.get("title") or "")
                )
                links.append(Link(target, normalize(label)[:300], tag, _in_nav(node)))
    return links


def _visible_text(tree: HTMLParser) -> str:
    """The page's own text: scripts dropped, and the chrome too unless nothing else is left.

    The site's chrome (menus saying "ITA 2566 2567 2568") is not evidence; keep the whole
    text only when stripping it left almost nothing (a page built entirely in a "menu").
    Prunes ``tree`` in place.
    """
    for node in tree.css("script, style, noscript, template, svg"):
        node.decompose()
    body = tree.body or tree.root
    whole = normalize(body.text(separator="\n") if body else "")
    for node in tree.css("nav, header, footer, aside, [class], [id], [role]"):
        if node.tag in ("body", "html", "main"):
            continue
        if node.tag in ("nav", "header", "footer", "aside") or _is_chrome(node):
            node.decompose()
    content = normalize(body.text(separator="\n") if body else "")
    return content if len(content) >= min(100, len(whole) // 4) else whole


_LOADING = re.compile(r"กำลังโหลด|loading\.\.\.|please enable javascript|เปิดใช้งาน javascript", re.I)


def _script_drawn(visible: str, scripts: int, has_links: bool) -> bool:
    """An empty shell that scripts fill in (or a "กำลังโหลด" placeholder): needs a browser."""
    if scripts == 0:
        return False
    empty = len(visible) < 200 and not has_links
    return empty or (_LOADING.search(visible) is not None and len(visible) < 400)


_NAV_WORDS = re.compile(
    r"(^|[-_ ])(nav|navbar|menu|menubar|footer|header|sidebar|breadcrumbs?)"
    r"($|[-_ ])",
    re.I,
)


def _is_chrome(node: object) -> bool:
    attrs = getattr(node, "attributes", {}) or {}
    marker = f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('role') or ''}"
    return bool(marker.strip()) and (
        _NAV_WORDS.search(marker) is not None or "navigation" in marker
    )


def _in_nav(node: object) -> bool:
    """Is this link part of the site's chrome (menus, header, footer) rather than content?"""
    cur = getattr(node, "parent", None)
    for _ in range(12):
        if cur is None:
            return False
        tag = getattr(cur, "tag", "")
        if tag in ("nav", "header", "footer", "aside") or _is_chrome(cur):
            return True
        cur = getattr(cur, "parent", None)
    return False


def extract_text_file(res: Resource, settings: RunSettings) -> Document:
    text = normalize(markup_of(res))[: settings.max_text_chars]
    dates = tuple(
        FoundDate(s.start, s.end, "text", s.raw)
        for s in find_dates(text[:200_000], normalized=True)
    )
    return Document(url=res.url, kind=DocKind.TEXT, text=text, dates=dates)
