"""asyncio.start_server and asyncio.open_connection: a TCP server and client on loopback.

The server answers each line in upper case; the client sends one line and reads the reply.
Run: python3 python/asyncio/open_connection.py
"""
import asyncio


async def handle(reader, writer):
    line = await reader.readline()
    print("server got:", line.decode().strip())
    writer.write(line.upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"hello\n")
    await writer.drain()
    print("client got:", (await reader.readline()).decode().strip())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print("server closed")


asyncio.run(main())
