"""The client's connection pool: cheap expiry checks, and a server's closed keep-alive
connection still noticed (real sockets to a local server; issue 15)."""

from __future__ import annotations

import asyncio

import httpx

from oit_checker.fetch import client as client_mod
from oit_checker.settings import RunSettings


def test_the_pool_of_a_real_client_uses_the_cheap_expiry_checks():
    """If httpx or httpcore lay their pool out differently one day, this fails instead of
    the check silently paying AnyIO's attribute table again."""
    c = client_mod.make_client(RunSettings())
    pool = c._transport._pool  # type: ignore[attr-defined]
    assert isinstance(pool._network_backend, client_mod._Backend)
    assert client_mod.cheap_expiry_checks(c._transport)  # type: ignore[arg-type]
    asyncio.run(c.aclose())


def test_a_test_transport_is_left_alone():
    mock = httpx.MockTransport(lambda request: httpx.Response(200))
    c = client_mod.make_client(RunSettings(), transport=mock)
    assert c._transport is mock
    asyncio.run(c.aclose())


async def _serve_then_close(connections: list[int]) -> asyncio.Server:
    """Answers one request per connection, keep-alive announced, then closes it: the next
    request must notice the closed connection and open a new one."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections.append(1)
        while (await reader.readline()) not in (b"\r\n", b""):
            pass
        body = b"ok"
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\n" + body
        )
        await writer.drain()
        writer.close()

    return await asyncio.start_server(handle, "127.0.0.1", 0)


def test_a_keep_alive_connection_the_server_closed_is_replaced_not_reused():
    """Were the closed connection taken for a live one, the next request would be written
    to it and fail ("server disconnected without sending a response")."""

    async def main() -> tuple[list[int], list[int]]:
        connections: list[int] = []
        server = await _serve_then_close(connections)
        port = server.sockets[0].getsockname()[1]
        async with client_mod.make_client(RunSettings()) as c:
            statuses = []
            for _ in range(3):
                r = await c.get(f"http://127.0.0.1:{port}/")
                statuses.append(r.status_code)
                await asyncio.sleep(0.05)  # the server's close (EOF) reaches us
        server.close()
        await server.wait_closed()
        return statuses, connections

    statuses, connections = asyncio.run(main())
    assert statuses == [200, 200, 200]
    assert len(connections) == 3  # a new connection each time: none was reused after EOF


def test_an_open_idle_connection_is_reused():
    """The other half: a live keep-alive connection is not readable, so it is reused."""

    async def main() -> tuple[int, bool]:
        connections: list[int] = []

        async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            connections.append(1)
            while True:
                while (line := await reader.readline()) not in (b"\r\n", b""):
                    pass
                if not line:
                    break
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
                await writer.drain()
            writer.close()

        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        readable = True
        async with client_mod.make_client(RunSettings()) as c:
            for _ in range(3):
                assert (await c.get(f"http://127.0.0.1:{port}/")).status_code == 200
            conn = c._transport._pool.connections[0]  # type: ignore[attr-defined]
            stream = conn._connection._network_stream
            assert isinstance(stream, client_mod._Stream)
            readable = stream.get_extra_info("is_readable")
        server.close()
        await server.wait_closed()
        return len(connections), readable

    count, readable = asyncio.run(main())
    assert count == 1 and readable is False
