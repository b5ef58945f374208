"""Content-Encoding decoded in bounded pieces: bombs stop at the cap, honest bodies read."""

import gzip
import zlib

import pytest

from oit_checker.fetch.decode import PIECE, Inflater, UnsupportedEncoding


def decode(encoding: str, data: bytes, chunk: int = 65536) -> list[bytes]:
    inflater = Inflater(encoding)
    out = []
    for i in range(0, len(data), chunk):
        out.extend(inflater.feed(data[i : i + chunk]))
    out.append(inflater.flush())
    return [p for p in out if p]


@pytest.mark.parametrize(
    ("encoding", "pack"),
    [
        ("gzip", gzip.compress),
        ("x-gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda b: zlib.compress(b)[2:-4]),  # raw deflate, as many servers send
        ("", lambda b: b),
        ("identity", lambda b: b),
    ],
)
def test_honest_bodies_read_whole(encoding, pack):
    body = "ประกาศ ปี 2568 ".encode() * 50_000
    assert b"".join(decode(encoding, pack(body))) == body


def test_a_bomb_never_yields_a_large_piece():
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), 9)
    inflater = Inflater("gzip")
    seen = 0
    for piece in inflater.feed(bomb[:65536]):  # one network chunk: ~64 MB inflated
        assert len(piece) <= PIECE
        seen += len(piece)
        if seen > 4 * PIECE:
            break  # the caller's cap stops here; nothing beyond was allocated
    assert seen > 4 * PIECE


@pytest.mark.parametrize("encoding", ["br", "zstd", "compress", "gzip, br"])
def test_encodings_not_asked_for_are_refused(encoding):
    with pytest.raises(UnsupportedEncoding):
        Inflater(encoding)


def test_a_damaged_body_is_a_value_error():
    with pytest.raises(ValueError, match="damaged gzip"):
        decode("gzip", b"\x1f\x8b\x08\x00" + b"garbage" * 100)
