"""Scored answers → the per-kind table of ``planqa eval`` (pure)."""

from collections import defaultdict
from collections.abc import Sequence

from planqa.eval.metrics import mean, percentile, refusal_precision, refusal_recall
from planqa.eval.runner import Scored, expected_answers

METRICS = ["top1", "recall@3", "mrr", "full_recall", "list_precision", "over_list", "refusal_precision", "refusal_recall",
           "false_refusal", "fact", "p50_ms", "p95_ms"]
TOTAL = "total"


def summarize(results: Sequence[Scored]) -> dict[str, dict[str, float | int | None]]:
    """Per kind and in total: each metric over the questions it applies to, and ``n``."""
    groups: dict[str, list[Scored]] = defaultdict(list)
    for r in results:
        groups[r.question.kind or "?"].append(r)
        groups[TOTAL].append(r)
    return {kind: _row(rows) for kind, rows in sorted(groups.items(), key=lambda kv: (kv[0] == TOTAL, kv[0]))}


def _row(rows: Sequence[Scored]) -> dict[str, float | int | None]:
    row: dict[str, float | int | None] = {"n": len(rows)}
    per_metric: dict[str, list[float]] = defaultdict(list)
    for r in rows:
        for name, value in r.metrics().items():
            per_metric[name].append(value)
    for name in ("top1", "recall@3", "mrr", "full_recall", "list_precision", "over_list", "false_refusal", "fact"):
        values = per_metric.get(name)
        row[name] = round(mean(values), 4) if values else None
    pairs = [(r.question.abstain, bool(r.answer is None or r.answer.abstained)) for r in rows]
    for name, fn in (("refusal_precision", refusal_precision), ("refusal_recall", refusal_recall)):
        value = fn(pairs)
        row[name] = round(value, 4) if value is not None else None
    latencies = [r.answer.latency_ms for r in rows if r.answer]
    row["p50_ms"] = round(percentile(latencies, 50), 1) if latencies else None
    row["p95_ms"] = round(percentile(latencies, 95), 1) if latencies else None
    return row


def misses(results: Sequence[Scored]) -> list[dict]:
    """Every question answered wrongly: what was asked, expected, answered and quoted."""
    out = []
    for r in results:
        m = r.metrics()
        failed = [k for k in ("top1", "full_recall", "fact", "refused") if k in m and m[k] < 1]
        failed += ["false_refusal"] if m.get("false_refusal") else []
        if failed or r.error:
            a = r.answer
            out.append({
                "id": r.question.id, "kind": r.question.kind, "question": r.question.question,
                "expected": list(expected_answers(r.question)) or ("拒答" if r.question.abstain else "—"),
                "expected_facts": list(r.question.answer_any), "failed": failed or ["error"],
                "got": [c.task if c.task is not None else c.section for c in a.citations] if a else [],
                "abstained": a.abstained if a else None,
                "answer": a.answer if a else r.error,
                "quote": a.citations[0].quote if a and a.citations else "",
            })
    return out


def format_table(table: dict, columns: Sequence[str] = METRICS) -> str:
    head = f"{'kind':14s}{'n':>5s}" + "".join(f"{c:>19s}" for c in columns)
    lines = [head]
    for kind, row in table.items():
        cells = "".join(f"{_fmt(row.get(c), c):>19s}" for c in columns)
        lines.append(f"{kind:14s}{row['n']:>5d}{cells}")
    return "\n".join(lines) + "\n"


def _fmt(value, column: str = "") -> str:
    if value is None:
        return "—"
    return f"{value:.1f}" if column.endswith("_ms") else f"{value:.3f}"


def compare_tables(a: dict, b: dict, columns: Sequence[str] = (
        "top1", "full_recall", "list_precision", "over_list", "refusal_recall", "false_refusal", "fact", "p95_ms")) -> str:
    """Two runs side by side, per kind: A → B (Δ)."""
    lines = [f"{'kind':14s}" + "".join(f"{c:>26s}" for c in columns)]
    for kind in sorted(set(a) | set(b), key=lambda k: (k == TOTAL, k)):
        cells = []
        for c in columns:
            x, y = a.get(kind, {}).get(c), b.get(kind, {}).get(c)
            delta = f"{y - x:+.3f}" if isinstance(x, (int, float)) and isinstance(y, (int, float)) else ""
            cells.append(f"{_fmt(x, c)} → {_fmt(y, c)} {delta}".rjust(26))
        lines.append(f"{kind:14s}" + "".join(cells))
    return "\n".join(lines) + "\n"
