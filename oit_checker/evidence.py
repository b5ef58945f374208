"""Gathering an item's evidence: each URL fetched once, extracted once, followed within bounds.

An item's evidence is every URL submitted for it plus what those pages link to on the same
site (DESIGN "Evidence and verdicts"). :class:`Gatherer` owns the follow loop and the glue
around one document: the fetch (through ``--rewrite``), the nightly conditional-GET cache,
extraction on the shared pool, drawing script-drawn pages in the browser, and releasing the
body as soon as the document is made. Judging is the engine's; this module never runs a check.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from oit_checker import follow
from oit_checker.extract.ocr import enabled as ocr_enabled
from oit_checker.fetch.body import body_bytes, remove_body
from oit_checker.fetch.browser import Renderer
from oit_checker.fetch.cache import Entry, HttpCache, Stored
from oit_checker.fetch.fetcher import Fetcher
from oit_checker.model import DocKind, Document, EvidenceDoc, Link, Resource
from oit_checker.rewrite import Rewrite, rewrite_back, rewrite_out
from oit_checker.runtime import extract_document
from oit_checker.settings import RunSettings

EventFn = Callable[[str, str], None]
LOG = logging.getLogger(__name__)
INLINE_HASH = 256 * 1024  # bodies up to this size are hashed on the loop (≈ 0.1 ms)


@dataclass(frozen=True, slots=True)
class ItemEvidence:
    """The documents of one item, and the links it makes off the main site (not followed)."""

    evidence: tuple[EvidenceDoc, ...]
    offsite: tuple[Link, ...]


NO_EVIDENCE = ItemEvidence((), ())
_OCR_READS = ("no_text_layer", "image")  # unreadable reasons OCR may turn into text


class Gatherer:
    """One run's documents: a URL shared by several items is fetched and extracted once."""

    def __init__(
        self,
        main_site: str,
        settings: RunSettings,
        fetcher: Fetcher,
        rewrites: Sequence[Rewrite],
        on_event: EventFn | None,
        renderer: Renderer | None = None,
    ) -> None:
        self.main_site, self.settings = main_site, settings
        self.fetcher, self.rewrites, self.on_event = fetcher, rewrites, on_event
        self.renderer = renderer
        self.rendered = 0
        self._ocr: bool | None = None
        self.ocr_spent = 0.0  # seconds of OCR this run (bounded by ocr_run_seconds)
        self.docs: dict[str, asyncio.Task[tuple[Resource, Document]]] = {}
        self.cache = HttpCache(settings.cache_dir, settings) if settings.cache_dir else None
        self.not_modified = 0
        self.changed = 0
        self.reused = 0  # unchanged bodies whose stored document was reused (no ETag needed)
        self.cache_failed = False  # a write failed (disk full): warned once
        # entries read for the validators, held until the response: (the entry as read, its
        # document when it was loaded to answer a 304); (None, None) when there was none
        self._held: dict[str, tuple[Stored | None, Document | None]] = {}

    @property
    def ocr(self) -> bool:
        """Read scans (and the pictures of picture-only pages) in this run? Asked on first
        need, not at the start: the answer runs ``tesseract --list-langs`` (≈0.1 s), which
        :func:`runtime.start_pool` has usually already run in a helper thread."""
        if self._ocr is None:
            self._ocr = ocr_enabled(self.settings)
        return self._ocr

    async def validators(self, fetched_url: str) -> dict[str, str]:
        """Conditional-GET headers from the cache entry of an earlier run (``nightly``, or
        ``check --cache``)."""
        if self.cache is None:
            return {}
        return await asyncio.to_thread(self._validators, self.cache, fetched_url)

    def _validators(self, cache: HttpCache, fetched_url: str) -> dict[str, str]:
        """Ask "changed since?" only when the stored document can answer a ``304``: it is
        loaded now and held for :meth:`_stored`. An entry whose document is damaged (a disk
        that lost a file's tail) gets no validators, so the server sends the body, instead
        of a ``304`` that would leave nothing to judge."""
        stored = cache.read(fetched_url)
        if stored is None:
            # nothing stored (every document of a first night): remembered, so the response
            # is not looked up again and a small body is hashed on the loop (one thread hop
            # fewer per document)
            self._held[fetched_url] = (None, None)
            return {}
        entry = stored.entry
        if self._reread(entry.unreadable):
            return {}  # a scan OCR can read now, a page the browser may draw: fetch it whole
        if not (entry.etag or entry.last_modified):
            self._held[fetched_url] = (stored, None)  # for a body with the same bytes
            return {}
        doc = stored.document()
        if doc is None:
            return {}
        self._held[fetched_url] = (stored, doc)
        return HttpCache.validators(entry)

    async def _extract(self, res: Resource) -> Document:
        """Extraction, with OCR only while the run's OCR time budget lasts
        (``ocr_run_seconds``): a site of a thousand scans cannot hold one agency's run."""
        settings = self.settings
        if self.ocr and self.ocr_spent >= settings.ocr_run_seconds:
            settings = replace(settings, ocr="never")
        started = time.monotonic()
        doc = await extract_document(settings, res)
        if doc.ocr:
            self.ocr_spent += time.monotonic() - started
        return doc

    def _stored(self, res: Resource) -> tuple[Document | None, str, str, Entry | None]:
        """Last night's document for tonight's response, the body's SHA-256, why it was
        reused ("not_modified", "reused" or "") and last night's entry.

        A 304 reuses the stored document; so does a body byte-for-byte the same as last
        night's (a server without ETag or Last-Modified): a scan is not read by OCR again, a
        workbook not parsed again. Runs in a thread (``asyncio.to_thread``): hashing a 50 MB
        body and reading pickles would otherwise stall every other fetch of the night.
        """
        cache = self.cache
        if cache is None:
            return None, "", "", None
        key = self._out(res.url)
        held = self._held.pop(key, None)
        stored, doc = held or (None, None)
        if res.not_modified:
            doc = doc or self._usable(cache.document(key))
            return doc, "", "not_modified" if doc is not None else "", None
        if not res.ok or not res.has_body:
            return None, "", "", None
        digest = hashlib.sha256(body_bytes(res)).hexdigest()
        stored = stored if held is not None else cache.read(key)
        before = stored.entry if stored is not None else None
        if stored is None or stored.entry.sha256 != digest:
            return None, digest, "", before
        doc = self._usable(doc or stored.document())
        return doc, digest, "reused" if doc is not None else "", before

    def _stored_inline(self, res: Resource) -> bool:
        """Can :meth:`_stored` run on the loop? When its entry is already read and the body,
        if any, is a small one in memory: a thread hop costs more than hashing 40 KB."""
        key = self._out(res.url)
        if key not in self._held:
            return False
        return res.not_modified or (res.body_path is None and len(res.body or b"") <= INLINE_HASH)

    def _usable(self, doc: Document | None) -> Document | None:
        """A stored document, unless :meth:`_reread` says to read it again."""
        if doc is not None and self._reread(doc.unreadable_reason):
            return None
        return doc

    def _reread(self, unreadable: str | None) -> bool:
        """A stored document left unreadable is read again when this run could do better:
        a scan now that OCR is here, and a script-drawn page whenever a browser may draw it
        (what it shows comes from scripts and data its unchanged bytes do not reveal)."""
        if unreadable in _OCR_READS:
            return self.ocr
        return unreadable == "script_drawn" and self.renderer is not None

    def _remember(self, res: Resource, doc: Document, digest: str, before: Entry | None) -> bool:
        """Store tonight's document (a body ``_stored`` hashed); is it different from last
        night's (``before``, which ``_stored`` read)? Runs in a thread."""
        assert self.cache is not None
        fetched = self._out(res.url)
        entry = Entry(res.header("etag"), res.header("last-modified"), digest)
        try:
            self.cache.put(fetched, entry, doc)
        except OSError as exc:  # a full disk costs the next run's savings, never this verdict
            if not self.cache_failed:
                LOG.warning("document cache not written (%s): %s", self.cache.folder, exc)
            self.cache_failed = True
        return before is not None and before.sha256 != digest

    def _out(self, url: str) -> str:
        return rewrite_out(url, self.rewrites)

    def _back(self, url: str) -> str:
        return rewrite_back(url, self.rewrites)

    def clear(self) -> None:
        """Break task ↔ result cycles so an agency's documents do not outlive its run."""
        self.docs.clear()
        self._held.clear()

    async def get(self, url: str) -> tuple[Resource, Document]:
        task = self.docs.get(url)
        if task is None:
            task = self.docs[url] = asyncio.ensure_future(self._get(url))
        return await asyncio.shield(task)

    async def _get(self, url: str) -> tuple[Resource, Document]:
        res = await self.fetcher.fetch(self._out(url))
        if self.rewrites:
            res = replace(
                res,
                url=url,
                final_url=self._back(res.final_url),
                redirects=tuple(self._back(u) for u in res.redirects),
            )
        cached: Document | None = None
        digest = ""
        before: Entry | None = None
        if self.cache is not None:
            if self._stored_inline(res):
                cached, digest, how, before = self._stored(res)
            else:
                cached, digest, how, before = await asyncio.to_thread(self._stored, res)
            self.not_modified += how == "not_modified"
            self.reused += how == "reused"
        try:
            doc = cached or await self._extract(res)
            if cached is None:
                static = doc  # stored, not the drawing: a drawn page is drawn again next run
                res, doc = await self._drawn(res, doc)
                if digest:  # hashed only with a cache, for a fetched body
                    self.changed += await asyncio.to_thread(
                        self._remember, res, static, digest, before
                    )
        finally:
            remove_body(res)
            self.fetcher.release(res)
        # The body is no longer needed: the Document holds what the rules read. Keeping the
        # bytes on the Resource (which stays in the evidence) would hold a whole agency's
        # downloads in memory until its run ends.
        res = replace(res, body=None, body_path=None)
        if self.on_event:
            self.on_event("extracted", url)
        return res, doc

    async def _drawn(self, res: Resource, doc: Document) -> tuple[Resource, Document]:
        """The page as a browser draws it, for script-drawn pages (every page with ``always``).

        Without a browser the static document stands: a script-drawn page stays unreadable,
        so its content rules answer ``manual`` — never ``fail``.
        """
        if self.renderer is None or not res.ok or doc.kind is not DocKind.HTML:
            return res, doc
        if doc.unreadable_reason != "script_drawn" and self.settings.browser != "always":
            return res, doc
        drawn = await self.renderer.render(self._out(res.url), site=self._out(self.main_site))
        if drawn is None or not drawn.ok or not drawn.has_body:
            return res, doc
        drawn = replace(drawn, url=res.url, final_url=self._back(drawn.final_url))
        if drawn.redirects:  # the page's script sent it off the main site: judged off-site
            return replace(
                res, final_url=drawn.final_url, redirects=(*res.redirects, drawn.final_url)
            ), doc
        self.rendered += 1
        return res, await extract_document(self.settings, drawn)

    async def item_evidence(self, urls: tuple[str, ...]) -> ItemEvidence:
        """The submitted URLs and, breadth-first, the same-site documents they link."""
        if not urls:
            return NO_EVIDENCE
        got = await asyncio.gather(*(self.get(u) for u in urls))
        evidence = [
            EvidenceDoc(r, d, submitted=u, depth=0) for u, (r, d) in zip(urls, got, strict=True)
        ]
        offsite: list[Link] = []
        frontier = list(evidence)
        budget = self.settings.follow_max
        seen = frozenset(urls)
        while frontier and budget > 0:
            wanted: list[tuple[EvidenceDoc, Link]] = []
            for parent in frontier:
                plan = follow.pick(
                    parent.document,
                    page_url=parent.resource.final_url,
                    main_site=self.main_site,
                    depth=parent.depth,
                    follow_depth=self.settings.follow_depth,
                    limit=budget - len(wanted),
                    skip=seen,
                    pictures=self.ocr,
                )
                offsite.extend(plan.offsite)
                wanted.extend((parent, link) for link in plan.follow)
                seen = seen | {link.url for link in plan.follow}
            budget -= len(wanted)
            children = await asyncio.gather(*(self.get(link.url) for _, link in wanted))
            frontier = [
                EvidenceDoc(
                    r, d, submitted=parent.submitted, depth=parent.depth + 1, link_text=link.text
                )
                for (parent, link), (r, d) in zip(wanted, children, strict=True)
            ]
            evidence.extend(frontier)
        return ItemEvidence(tuple(evidence), tuple(offsite))
