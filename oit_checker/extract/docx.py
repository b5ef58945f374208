"""DOCX → Document: paragraph text from ``word/document.xml`` with the stdlib.

No python-docx dependency: the text is all we need. Every zip member is size-checked before
anything is read (``ooxml.too_large``: a bomb in any member, docProps included, stops
there), and the XML is parsed with expat, which resolves no external entities.
"""

from __future__ import annotations

import zipfile
from xml.etree import ElementTree as ET

from oit_checker.extract import ooxml
from oit_checker.fetch.body import body_source
from oit_checker.model import DocKind, Document, FoundDate, Resource
from oit_checker.settings import RunSettings
from oit_checker.thaidate import find_dates
from oit_checker.thaitext import normalize

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def extract(res: Resource, settings: RunSettings) -> Document:
    with zipfile.ZipFile(body_source(res)) as z:
        refused = ooxml.too_large(z, settings.max_unzipped_bytes)
        if refused:
            return Document(
                url=res.url, kind=DocKind.DOCX, readable=False, unreadable_reason=refused
            )
        info = z.getinfo("word/document.xml")
        paras: list[str] = []
        with z.open(info) as fh:
            for _, el in ET.iterparse(fh, events=("end",)):
                if el.tag == f"{W}p":
                    paras.append("".join(t.text or "" for t in el.iter(f"{W}t")))
                    el.clear()
        dates = ooxml.core_dates(z, "meta")
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
