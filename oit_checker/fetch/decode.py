"""Content-Encoding, decoded here in bounded pieces instead of by the HTTP client.

httpx decodes a whole network chunk at once: a 64 KB gzip chunk may become 64 MB before the
size cap sees it, and a brotli chunk (when the optional module is installed) gigabytes — a
MemoryError out of the fetcher. Here the raw bytes are inflated with zlib's ``max_length``, so
no piece exceeds ``PIECE`` bytes and the fetcher's cap stops a bomb after at most one piece.
Only ``gzip`` and ``deflate`` are asked for (``ACCEPT``); a server that answers with another
encoding anyway (br, zstd, compress) is a protocol finding, never bytes of unknown meaning.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

ACCEPT = "gzip, deflate"
PIECE = 256 * 1024
IDENTITY = frozenset({"", "identity"})


class UnsupportedEncoding(ValueError):
    pass


class Inflater:
    """``for piece in inflater.feed(raw): …`` then ``inflater.flush()``."""

    def __init__(self, encoding: str) -> None:
        names = [e.strip().lower() for e in encoding.split(",") if e.strip()]
        names = [e for e in names if e not in IDENTITY]
        if any(e not in ("gzip", "x-gzip", "deflate") for e in names) or len(names) > 1:
            raise UnsupportedEncoding(f"unsupported content encoding {encoding!r}")
        self.kind = names[0] if names else ""
        self._z: zlib._Decompress | None = None
        self._first = True
        if self.kind in ("gzip", "x-gzip"):
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self.kind == "deflate":
            self._z = zlib.decompressobj(zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._z is None:
            if data:
                yield data
            return
        if self._first and self.kind == "deflate" and data:
            self._first = False
            try:  # "deflate" is zlib-wrapped by the standard, raw by many servers
                probe = zlib.decompressobj(zlib.MAX_WBITS)
                probe.decompress(data[:2048], 1)
            except zlib.error:
                self._z = zlib.decompressobj(-zlib.MAX_WBITS)
        while data and not self._z.eof:
            try:
                piece = self._z.decompress(data, PIECE)
            except zlib.error as exc:  # the fetcher maps ValueError to a protocol finding
                raise ValueError(f"damaged {self.kind} body: {exc}") from None
            data = self._z.unconsumed_tail
            if piece:
                yield piece

    def flush(self) -> bytes:
        return self._z.flush(PIECE) if self._z is not None else b""
