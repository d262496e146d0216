"""Placeholder until the facts table lands (replaced by the facts branch)."""

from collections.abc import Sequence
from dataclasses import dataclass

from planqa.assistant.query import ANSWER_PATTERNS
from planqa.index.chunk import split_sentences


@dataclass(frozen=True)
class Fact:
    kind: str
    text: str
    sentence: str


def facts_in(text: str, leads: Sequence[str] = ()) -> tuple[Fact, ...]:
    found = [Fact("who", lead, "") for lead in leads]
    for sentence in split_sentences(text):
        for kind, pattern in ANSWER_PATTERNS.items():
            if m := pattern.search(sentence):
                found.append(Fact(kind, m.group(0), sentence))
    return tuple(found)


def of_kind(facts: Sequence[Fact], kind: str) -> tuple[Fact, ...]:
    return tuple(f for f in facts if f.kind == kind)
