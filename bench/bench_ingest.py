"""Clean + parse + chunk of the bundled seed plan: median and p95 over repeated runs, in-process.

    python bench/bench_ingest.py [--runs 50]

Goal (issue: ingest): clean+parse of the seed well under 200 ms (median). Reported, not asserted.
"""

import argparse
import json
import statistics
import time

from planqa.index.chunk import chunk_plan
from planqa.ingest.clean import clean_text
from planqa.ingest.load import bundled_plan_paths
from planqa.ingest.outline import parse_plan


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=50)
    args = ap.parse_args()
    raw = bundled_plan_paths()[0].read_text(encoding="utf-8")

    def timed(fn):
        start = time.perf_counter()
        out = fn()
        return out, (time.perf_counter() - start) * 1000

    # The first run includes loading OpenCC's dictionaries: reported on its own.
    _, cold = timed(lambda: parse_plan(clean_text(raw), "seed"))
    clean_ms, parse_ms, chunk_ms, total_ms = [], [], [], []
    for _ in range(args.runs):
        text, c = timed(lambda: clean_text(raw))
        plan, p = timed(lambda: parse_plan(text, "seed"))
        _, k = timed(lambda: chunk_plan(plan))
        clean_ms.append(c)
        parse_ms.append(p)
        chunk_ms.append(k)
        total_ms.append(c + p)

    def summary(xs):
        xs = sorted(xs)
        return {"median": round(statistics.median(xs), 2), "p95": round(xs[int(0.95 * (len(xs) - 1))], 2)}

    result = {
        "input_chars": len(raw),
        "runs": args.runs,
        "cold_clean_parse_ms": round(cold, 2),
        "clean_ms": summary(clean_ms),
        "parse_ms": summary(parse_ms),
        "chunk_ms": summary(chunk_ms),
        "clean_parse_ms": summary(total_ms),
        "goal": "clean_parse median well under 200 ms",
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
