"""Soak: `planqa serve` under steady load on loopback, bounded in time and count, stops by itself.

    python bench/soak_api.py [--minutes 10] [--threads 16] [--max-requests 200000]

Reports requests, errors, latency p50/p95 and the server's resident memory (VmRSS) at the start,
every minute and at the end. Goal (reliability issue): zero errors, memory flat.
"""

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_api import post, start, stop  # noqa: E402

from planqa.eval.metrics import percentile  # noqa: E402
from planqa.eval.questions import bundled_sets, load_questions  # noqa: E402


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--threads", type=int, default=16)
    ap.add_argument("--max-requests", type=int, default=200_000)
    args = ap.parse_args()
    questions = [q.question for f in bundled_sets() for q in load_questions(f)]
    with tempfile.TemporaryDirectory() as home:
        proc, url, _ = start(home)
        try:
            for q in questions[:20]:  # warm-up before the first memory reading
                post(url, q)
            memory = [(0.0, rss_mb(proc.pid))]
            results: list[tuple[int, float]] = []
            lock = threading.Lock()
            deadline = time.monotonic() + args.minutes * 60
            started = time.monotonic()

            def worker(offset: int) -> None:
                i = offset
                while time.monotonic() < deadline:
                    with lock:
                        if len(results) >= args.max_requests:
                            return
                    outcome = post(url, questions[i % len(questions)])
                    with lock:
                        results.append(outcome)
                    i += args.threads

            threads = [threading.Thread(target=worker, args=(n,)) for n in range(args.threads)]
            for t in threads:
                t.start()
            while any(t.is_alive() for t in threads):
                time.sleep(1)
                elapsed = time.monotonic() - started
                if elapsed - memory[-1][0] >= 60:
                    memory.append((round(elapsed), rss_mb(proc.pid)))
            memory.append((round(time.monotonic() - started), rss_mb(proc.pid)))
        finally:
            stop(proc)
    times = [ms for _, ms in results]
    print(json.dumps({
        "minutes": args.minutes, "threads": args.threads, "requests": len(results),
        "errors": sum(1 for status, _ in results if status != 200),
        "p50_ms": round(statistics.median(times), 1), "p95_ms": round(percentile(times, 95), 1),
        "rss_mb": {"start": memory[0][1], "end": memory[-1][1], "samples": memory},
        "goals": {"errors": 0, "rss": "flat"},
    }, indent=2))


if __name__ == "__main__":
    main()
