"""Everyday words staff type for what plans print in official words (colloquial.toml):
年轻人 → 青年, 摸底 → 调查, 国外 → 海外. A word is read only where it is a whole word of the
question ("大学" in 大学能不能参与, not in 大学生), as jieba splits it: the word boundaries are
passed in. Pure apart from reading the table once, on first use.
"""

import tomllib
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Pair:
    said: tuple[str, ...]  # what a user types
    printed: tuple[str, ...]  # what plans print, the usual form first


@cache
def _table() -> dict:
    return tomllib.loads(resources.files("planqa.assistant").joinpath("colloquial.toml").read_text("utf-8"))


@cache
def pairs() -> tuple[Pair, ...]:
    return tuple(Pair(tuple(row["said"]), tuple(row["printed"])) for row in _table()["pair"])


def said_forms(word: str) -> tuple[str, ...]:
    """A said word as typed: whole, and a two-character one split too (摸底: 摸个底, 摸一下底)."""
    if len(word) != 2:
        return (word,)
    return (word, *(word[0] + infix + word[1] for infix in _table()["split_by"]))


@cache
def _by_said() -> tuple[tuple[str, Pair], ...]:
    """Every form of every said word with its pair, longest first (搞科研的 before 科研)."""
    return tuple(sorted(((f, p) for p in pairs() for w in p.said for f in said_forms(w)), key=lambda x: -len(x[0])))


def said_spans(question: str, edges: Collection[int]) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, the forms plans print) of each everyday word of the question that stands as
    whole words (its start and end are word ``edges``), in question order; overlapping words:
    longest first."""
    taken = [False] * len(question)
    found = []
    for word, pair in _by_said():
        at = question.find(word)
        while at >= 0:
            end = at + len(word)
            if at in edges and end in edges and not any(taken[at:end]):
                taken[at:end] = [True] * len(word)
                found.append((at, end, pair.printed))
            at = question.find(word, at + 1)
    return sorted(found)
