"""From a submitted page to the documents it links: which links become evidence.

An item's evidence is the submitted page plus what it links (DESIGN "Evidence and verdicts").
Rules, after scrapy's OffsiteMiddleware and DEPTH_LIMIT:

* only links on the main site or on the page's own host are followed; links to other hosts
  are returned separately, to be reported, never fetched;
* links in the site's chrome (menus, header, footer) are skipped: a homepage that says "2567"
  must not make a wrong-year report pass;
* documents (PDF, XLSX, DOCX, images…) come first, then same-site pages; pages are followed
  only while ``depth < follow_depth``;
* at most ``limit`` children per item. Returns URLs; never fetches.
"""

from __future__ import annotations

from dataclasses import dataclass

from oit_checker.model import DocKind, Document, Link
from oit_checker.urls import is_same_site, is_sharing_host, looks_like_document, origin


@dataclass(frozen=True, slots=True)
class Plan:
    follow: tuple[Link, ...]
    offsite: tuple[Link, ...]


def pick(
    doc: Document,
    *,
    page_url: str,
    main_site: str,
    depth: int,
    follow_depth: int,
    limit: int,
    skip: frozenset[str] = frozenset(),
    pictures: bool = False,
) -> Plan:
    """Children of ``doc`` (found at ``depth``) worth fetching, and off-site links to report.

    With ``pictures`` (OCR is on), a page that says almost nothing itself (under
    ``PICTURE_PAGE_CHARS``: an org chart or a board of executives posted as a picture) also
    has its content pictures followed, after its documents.
    """
    if doc.kind is not DocKind.HTML or depth >= follow_depth or limit <= 0:
        return Plan((), ())
    home = {origin(page_url) + "/", origin(main_site) + "/"}
    docs: list[Link] = []
    pages: list[Link] = []
    offsite: list[Link] = []
    seen = set(skip) | {page_url}
    for link in doc.links:
        if link.nav or link.url in seen or link.url in home:
            continue
        seen.add(link.url)
        local = is_same_site(link.url, main_site) or is_same_site(link.url, page_url)
        is_doc = looks_like_document(link.url) or link.tag in ("iframe", "embed", "object")
        if not local:
            if is_doc or is_sharing_host(link.url):
                offsite.append(link)
            continue
        (docs if is_doc else pages).append(link)
    images: list[Link] = []
    if pictures and len(doc.text) < PICTURE_PAGE_CHARS:
        images = [
            i
            for i in doc.images
            if i.url not in seen
            and (is_same_site(i.url, main_site) or is_same_site(i.url, page_url))
        ][:MAX_PICTURES]
    return Plan(tuple((docs + images + pages)[:limit]), tuple(offsite))


PICTURE_PAGE_CHARS = 400
MAX_PICTURES = 3
