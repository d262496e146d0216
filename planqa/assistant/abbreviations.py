"""Short and colloquial forms a user types, with the full forms plans print (abbreviations.toml).

"电商" → 电子商务, "AI" → 人工智能, "公积金" → 住房公积金. Matching is longest first and never
overlapping; an ASCII short matches case-insensitively and only as a whole token ("AI" not in
"MAIL" or "NB-IoT"). Text already in a full form is left alone ("住房公积金" stays), and so is a
short inside a word where it means something else (a row's ``not_in``: 提高企业 holds no 高企).
One pass: an expansion is never expanded again.
Pure apart from reading the table once, on first use.
"""

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Full-width ASCII (as an IME types it) and upper case fold to lower-case ASCII; one character
# for one, so positions in the folded text are positions in the question.
_FOLD = str.maketrans(
    {chr(c): chr(c - 0xFEE0).lower() for c in range(0xFF01, 0xFF5F)}
    | {chr(c): chr(c).lower() for c in range(ord("A"), ord("Z") + 1)}
)
_WORD = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")  # an ASCII token goes on through these


@dataclass(frozen=True)
class Term:
    short: tuple[str, ...]
    full: tuple[str, ...]  # the usual form first
    not_in: tuple[str, ...] = ()  # words in which the short is not this abbreviation


def fold(text: str) -> str:
    return text.translate(_FOLD)


@cache
def terms() -> tuple[Term, ...]:
    data = tomllib.loads(resources.files("planqa.assistant").joinpath("abbreviations.toml").read_text("utf-8"))
    return tuple(
        Term(
            short=(row["short"],) if isinstance(row["short"], str) else tuple(row["short"]),
            full=tuple(row["full"]),
            not_in=tuple(row.get("not_in", ())),
        )
        for row in data["term"]
    )


@cache
def _forms() -> tuple[dict[str, Term | None], tuple[int, ...]]:
    """Folded text → the term it is the short of, or None for a full form (matched so that it
    blocks the shorts inside it, never replaced); the lengths, longest first."""
    forms: dict[str, Term | None] = {}
    for term in terms():
        for word in term.full:
            forms[fold(word)] = None
    for term in terms():
        for short in term.short:
            forms[fold(short)] = term  # a short wins over the same text as another's full form
    return forms, tuple(sorted({len(k) for k in forms}, reverse=True))


def _inside(text: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """text[start:end] stands inside one of the words."""
    short = text[start:end]
    for word in map(fold, words):
        at = word.find(short)
        while at >= 0:
            if start >= at and text.startswith(word, start - at):
                return True
            at = word.find(short, at + 1)
    return False


def _whole(text: str, start: int, end: int) -> bool:
    """An ASCII edge of a match is not inside an ASCII token."""
    if text[start] in _WORD and start > 0 and text[start - 1] in _WORD:
        return False
    return not (text[end - 1] in _WORD and end < len(text) and text[end] in _WORD)


def spans(question: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, full forms) of each short in the question, in order."""
    text = fold(question)
    forms, lengths = _forms()
    found = []
    for i in range(len(text)):
        for n in lengths:
            key = text[i : i + n]
            if len(key) == n and key in forms and _whole(text, i, i + n):
                term = forms[key]
                if term is None or not _inside(text, i, i + n, term.not_in):
                    found.append((i, i + n, term))
    taken = [False] * len(text)
    chosen = []
    for start, end, term in sorted(found, key=lambda m: (m[0] - m[1], m[0])):  # longest, then leftmost
        if not any(taken[start:end]):
            taken[start:end] = [True] * (end - start)
            if term is not None:
                chosen.append((start, end, term.full))
    return sorted(chosen)


def expansions(question: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each short form in the question (as typed, once) with its full forms, in question order:
    "电商和AI" → [("电商", ("电子商务",)), ("AI", ("人工智能",))]."""
    seen: dict[str, tuple[str, ...]] = {}
    for start, end, full in spans(question):
        seen.setdefault(question[start:end], full)
    return list(seen.items())


def expand(question: str, known: Callable[[str], bool] | None = None) -> str:
    """The question with each short form replaced by its first full form that ``known`` accepts
    (e.g. "the plan prints it"); a short none is accepted for stays. known=None takes the first."""
    parts, last = [], 0
    for start, end, full in spans(question):
        choice = next((f for f in full if known is None or known(f)), None)
        if choice is not None:
            parts += [question[last:start], choice]
            last = end
    return "".join(parts) + question[last:]
