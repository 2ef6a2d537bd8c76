"""asyncio.create_subprocess_exec: run a child process, read its output, await its exit.

The loop waits for the child without blocking; communicate() reads stdout to the end.
Run: python3 python/asyncio/subprocess_exec.py
"""
import asyncio


async def main():
    child = await asyncio.create_subprocess_exec(
        "echo", "hello from a child", stdout=asyncio.subprocess.PIPE
    )
    out, _ = await child.communicate()
    print("child said:", out.decode().strip())
    print("exit code:", child.returncode)
    failing = await asyncio.create_subprocess_exec("sh", "-c", "exit 3")
    print("exit code:", await failing.wait())


asyncio.run(main())
