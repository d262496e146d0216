"""Slow clients (connections that trickle their request) do not stall everyone else."""

import os
import socket
import subprocess
import sys
import time
import urllib.request

from tests.integration.conftest import free_port


def test_trickling_connections_do_not_block_answers(tmp_path):
    port = free_port()
    env = os.environ | {"PLANQA_HOME": str(tmp_path / "home"), "PLANQA_PORT": str(port)}
    proc = subprocess.Popen([sys.executable, "-m", "planqa", "serve"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    slow = []
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(url + "/healthz", timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None
                time.sleep(0.2)
        for _ in range(30):  # each sends half a request and then waits
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.sendall(b"POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"qu")
            slow.append(s)
        body = '{"question": "反邪教工作在第几项？"}'.encode()
        for _ in range(5):
            started = time.monotonic()
            req = urllib.request.Request(url + "/api/ask", data=body, headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(req, timeout=10) as r:
                assert r.status == 200 and b"19" in r.read()
            assert time.monotonic() - started < 5
    finally:
        for s in slow:
            s.close()
        proc.terminate()
        proc.wait(timeout=30)
