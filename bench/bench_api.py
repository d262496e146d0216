"""The server under load, on loopback only (bounded in count and time; stops by itself).

    python bench/bench_api.py [--requests 400] [--threads 16] [--starts 3]

1. Start-up: `planqa serve` with an existing index until /healthz answers 200 (median of runs).
   Goal ≤ 5 s.
2. Load: REQUESTS POST /api/ask from THREADS threads, questions from the bundled sets.
   Goal: zero errors, p95 ≤ 1 s on this 2-core machine.
"""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from planqa.eval.metrics import percentile
from planqa.eval.questions import bundled_sets, load_questions


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(home: str) -> tuple[subprocess.Popen, str, float]:
    port = free_port()
    env = os.environ | {"PLANQA_HOME": home, "PLANQA_PORT": str(port)}
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "planqa", "serve"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    while time.monotonic() - started < 120:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1).close()
            return proc, url, time.monotonic() - started
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit("server did not become healthy in 120 s")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    proc.wait(timeout=30)


def post(url: str, question: str) -> tuple[int, float]:
    body = json.dumps({"question": question}).encode()
    req = urllib.request.Request(url + "/api/ask", data=body, headers={"Content-Type": "application/json"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as err:
        status = err.code
    except OSError:
        status = 0
    return status, (time.perf_counter() - started) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=400)
    ap.add_argument("--threads", type=int, default=16)
    ap.add_argument("--starts", type=int, default=3)
    args = ap.parse_args()
    questions = [q.question for f in bundled_sets() for q in load_questions(f)]
    with tempfile.TemporaryDirectory() as home:
        proc, url, first = start(home)  # the first start builds the index
        stop(proc)
        startups = []
        for _ in range(args.starts):
            proc, url, seconds = start(home)
            startups.append(seconds)
            if len(startups) < args.starts:
                stop(proc)
        try:
            work = [questions[i % len(questions)] for i in range(args.requests)]
            started = time.monotonic()
            with ThreadPoolExecutor(args.threads) as pool:
                results = list(pool.map(lambda q: post(url, q), work))
            wall = time.monotonic() - started
        finally:
            stop(proc)
    times = [ms for _, ms in results]
    errors = sum(1 for status, _ in results if status != 200)
    print(json.dumps({
        "first_start_with_index_build_s": round(first, 2),
        "startup_existing_index_s": {"median": round(statistics.median(startups), 2), "runs": [round(s, 2) for s in startups]},
        "load": {"requests": len(results), "threads": args.threads, "errors": errors,
                 "p50_ms": round(statistics.median(times), 1), "p95_ms": round(percentile(times, 95), 1),
                 "max_ms": round(max(times), 1), "throughput_rps": round(len(results) / wall, 1)},
        "goals": {"startup_existing_index_s": "<= 5", "load.errors": "0", "load.p95_ms": "<= 1000"},
    }, indent=2))


if __name__ == "__main__":
    main()
