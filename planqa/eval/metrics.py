"""Retrieval and answer metrics: pure functions of (expected tasks, ranked tasks)."""

from collections.abc import Sequence


def top1(expected: Sequence[int | str], ranked: Sequence[int | str | None], any_of: bool = False) -> float:
    """1 if the first ranked task is the expected best one (or any expected one, ``any_of``)."""
    if not expected or not ranked:
        return 0.0
    return float(ranked[0] in expected if any_of else ranked[0] == expected[0])


def recall_at(expected: Sequence[int | str], ranked: Sequence[int | str | None], k: int) -> float:
    """Share of the expected tasks found among the first ``k`` ranked."""
    if not expected:
        return 0.0
    return len(set(expected) & set(ranked[:k])) / len(set(expected))


def reciprocal_rank(expected: Sequence[int | str], ranked: Sequence[int | str | None]) -> float:
    """1/rank of the first expected task in the ranking (0 if none)."""
    for i, task in enumerate(ranked, start=1):
        if task in expected:
            return 1.0 / i
    return 0.0


def precision(expected: Sequence[int | str], cited: Sequence[int | str | None]) -> float:
    """Share of the cited tasks that are expected: a list of every task scores low."""
    if not cited:
        return 0.0
    return len(set(expected) & set(cited)) / len(set(cited))


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in 0 … 100)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))  # ceil
    return ordered[int(rank) - 1]


def refusal_precision(pairs: Sequence[tuple[bool, bool]]) -> float | None:
    """Of the questions the assistant refused, the share that should have been refused.
    ``pairs`` are (should_refuse, refused); None when nothing was refused."""
    refused = [should for should, did in pairs if did]
    return sum(refused) / len(refused) if refused else None


def refusal_recall(pairs: Sequence[tuple[bool, bool]]) -> float | None:
    """Of the questions that should be refused, the share the assistant refused."""
    due = [did for should, did in pairs if should]
    return sum(due) / len(due) if due else None
