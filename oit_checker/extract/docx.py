"""DOCX → Document: paragraph text from ``word/document.xml`` with the stdlib.

No python-docx dependency: the text is all we need. Zip entries are size-checked before
reading (a zip bomb stops at ``max_unzipped_bytes``), and the XML is parsed with expat, which
resolves no external entities.
"""

from __future__ import annotations

import zipfile
from xml.etree import ElementTree as ET

from oit_checker.fetch.body import body_source
from oit_checker.model import DocKind, Document, FoundDate, Resource
from oit_checker.settings import RunSettings
from oit_checker.thaidate import find_dates, parse_date
from oit_checker.thaitext import normalize

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DC = "{http://purl.org/dc/terms/}"


def extract(res: Resource, settings: RunSettings) -> Document:
    with zipfile.ZipFile(body_source(res)) as z:
        info = z.getinfo("word/document.xml")
        if info.file_size > settings.max_unzipped_bytes:
            return Document(
                url=res.url,
                kind=DocKind.DOCX,
                readable=False,
                unreadable_reason="too_large_unzipped",
            )
        paras: list[str] = []
        with z.open(info) as fh:
            for _, el in ET.iterparse(fh, events=("end",)):
                if el.tag == f"{W}p":
                    paras.append("".join(t.text or "" for t in el.iter(f"{W}t")))
                    el.clear()
        dates: list[FoundDate] = []
        if "docProps/core.xml" in z.namelist():
            core = ET.fromstring(z.read("docProps/core.xml")[:1_000_000])
            for tag in ("created", "modified"):
                node = core.find(f"{DC}{tag}")
                d = parse_date(node.text or "") if node is not None else None
                if d:
                    dates.append(FoundDate(d, d, "meta", f"{tag} {node.text}"))  # type: ignore[union-attr]
    text = normalize("\n".join(paras))[: settings.max_text_chars]
    dates.extend(
        FoundDate(s.start, s.end, "text", s.raw)
        for s in find_dates(text[:200_000], normalized=True)
    )
    return Document(
        url=res.url,
        kind=DocKind.DOCX,
        text=text,
        dates=tuple(dates),
        readable=bool(text.strip()),
        unreadable_reason="" if text.strip() else "empty",
    )
