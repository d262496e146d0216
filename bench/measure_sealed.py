"""Measure the sealed sets once: index the seed and each corpus plan that has a sealed set into
a fresh home, run ``planqa eval --json`` per set (SEALED/*.jsonl on the seed plan,
SEALED/corpus/<plan>.jsonl on that corpus plan), and keep only the metric tables (nobody reads
the questions or the misses of a sealed set before its first figure is recorded).

    python bench/measure_sealed.py OUT_DIR [--sealed sealed] [--corpus tests/data/corpus]

Run it from a checkout (or with PYTHONPATH set to one) to measure that code. Writes
OUT_DIR/<set>.json (settings and table only) and prints one line per set.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

KEEP = ("top1", "recall@3", "full_recall", "list_precision", "over_list", "refusal_recall",
        "false_refusal", "fact", "p95_ms")


def planqa(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PLANQA_HOME": str(home), "ANONYMIZED_TELEMETRY": "False"}
    return subprocess.run([sys.executable, "-m", "planqa", *args], env=env, capture_output=True,
                          text=True, encoding="utf-8")


def measure(home: Path, questions: Path, plan: str, out: Path) -> dict:
    done = planqa(home, "eval", str(questions), "--plan", plan, "--json")
    if not done.stdout.strip():
        raise SystemExit(f"eval {questions.name} failed: {done.stderr.strip()[-400:]}")
    data = json.loads(done.stdout)
    kept = {"settings": data["settings"], "table": data["table"]}
    out.write_text(json.dumps(kept, ensure_ascii=False, indent=1), encoding="utf-8")
    return data["table"]


def line(name: str, table: dict) -> str:
    total = table["total"]
    figures = " ".join(f"{k}={total[k]:.3f}" for k in KEEP if total.get(k) is not None)
    return f"{name}: {figures}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--sealed", default="sealed")
    parser.add_argument("--corpus", default="tests/data/corpus")
    parser.add_argument("--plans-only", action="store_true", help="only the corpus plans' sets (SEALED/corpus/*.jsonl)")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    sealed, corpus = Path(args.sealed), Path(args.corpus)
    with tempfile.TemporaryDirectory(prefix="planqa-sealed-") as tmp:
        home = Path(tmp)
        plans = sorted(p.stem for p in (sealed / "corpus").glob("*.jsonl"))
        seed = ""
        for step in (("index",), ("index", *(str(corpus / f"{p}.txt") for p in plans))):
            done = planqa(home, *step)
            if done.returncode:
                raise SystemExit(f"index failed: {done.stderr.strip()[-400:]}")
            seed = seed or planqa(home, "index", "--list").stdout.split("\t")[0]
        seed_sets = [] if args.plans_only else sorted(sealed.glob("*.jsonl"))
        sets = [(path.stem, path, seed) for path in seed_sets]
        sets += [(p, sealed / "corpus" / f"{p}.jsonl", p) for p in plans]
        for name, path, plan in sets:
            try:
                table = measure(home, path, plan, out / f"{name}.json")
            except SystemExit as failed:  # one set this code cannot ask: say so, measure the rest
                print(f"{name}: {failed}", flush=True)
                continue
            print(line(name, table), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
