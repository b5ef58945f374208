"""What DOCX and XLSX share: the zip container and its ``docProps/core.xml`` dates.

Every member of the zip is judged by its declared size before anything is read (the
central directory states it, and Python's ``zipfile`` never inflates past it), so a
1.5 MB archive that claims 1.5 GB of zeros in ``docProps/core.xml`` is refused in
microseconds instead of allocating 3 GB. Small members are read with an explicit cap.
"""

from __future__ import annotations

import zipfile
from xml.etree import ElementTree as ET

from oit_checker.model import FoundDate
from oit_checker.thaidate import parse_date

DCTERMS = "{http://purl.org/dc/terms/}"
MAX_MEMBERS = 10_000  # a workbook with dozens of sheets has a few hundred members
MAX_CORE_BYTES = 1_000_000


def too_large(z: zipfile.ZipFile, max_unzipped: int) -> str:
    """The reason this archive is refused before reading ("" when it may be read)."""
    infos = z.infolist()
    if len(infos) > MAX_MEMBERS:
        return "too_complex"
    total = 0
    for info in infos:
        if info.file_size > max_unzipped:
            return "too_large_unzipped"
        total += info.file_size
    return "too_large_unzipped" if total > max_unzipped else ""


def read_member(z: zipfile.ZipFile, name: str, cap: int) -> bytes | None:
    """A small member's bytes, or None when it is missing or larger than ``cap``."""
    try:
        info = z.getinfo(name)
    except KeyError:
        return None
    if info.file_size > cap:
        return None
    with z.open(info) as fh:
        return fh.read(cap + 1)[:cap]


def core_dates(z: zipfile.ZipFile, source: str) -> list[FoundDate]:
    """``created``/``modified`` from ``docProps/core.xml`` (expat: no external entities)."""
    raw = read_member(z, "docProps/core.xml", MAX_CORE_BYTES)
    if not raw:
        return []
    try:
        core = ET.fromstring(raw)
    except ET.ParseError:
        return []
    out = []
    for tag in ("created", "modified"):
        node = core.find(f"{DCTERMS}{tag}")
        text = node.text if node is not None else None
        d = parse_date(text or "")
        if d:
            out.append(FoundDate(d, d, source, f"{tag} {text}"))
    return out
