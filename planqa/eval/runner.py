"""Ask an assistant a question set (and conversations) and score every answer."""

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from planqa.assistant.answer import Answer
from planqa.errors import PlanqaError
from planqa.eval.metrics import precision, recall_at, reciprocal_rank, top1
from planqa.eval.questions import Conversation, Question

MAX_FACT_CHARS = 400  # an answer holding the fact, not a dump of the plan
LISTED_TASK_CHARS = 150  # ... and this much more for each further task the question expects (a listing)


@dataclass(frozen=True)
class Scored:
    question: Question
    answer: Answer | None
    error: str = ""

    @property
    def cited(self) -> list[int | str | None]:
        return cited_answers(self.question, self.answer)

    def metrics(self) -> dict[str, float]:
        """The metrics that apply to this question (pure: from the question and the answer)."""
        return score(self.question, self.answer)


def expected_answers(q: Question) -> tuple[int | str, ...]:
    """What a question expects cited, best first: its tasks, and each part it names whole that
    has no numbered tasks (by its ref), in the order its cite paths give them."""
    return q.expected or q.tasks


def cited_answers(q: Question, a: Answer | None) -> list[int | str | None]:
    """What an answer cites, in order: its tasks; a citation of a part itself (no task) that the
    question names whole stands for that part's tasks (or the part, when it has none). A refusal
    answers nothing, even when it names the task it found lacking the fact."""
    whole = dict(q.parts)
    cited: list[int | str | None] = []
    for c in a.citations if a and not a.abstained else ():
        if c.task is None and c.section in whole:
            cited += whole[c.section] or [c.section]
        else:
            cited.append(c.task)
    return cited


# Kinds that ask for every task where something is (哪些任务提到…): none of them is the best one,
# so the first one cited counts for top-1 when it is any expected one.
LIST_KINDS = frozenset({"multi", "list", "keyword"})


def score(q: Question, a: Answer | None) -> dict[str, float]:
    out: dict[str, float] = {}
    abstained = a.abstained if a else True
    cited = cited_answers(q, a)
    expected = expected_answers(q)
    if q.abstain:
        out["refused"] = float(abstained)
        return out
    out["false_refusal"] = float(abstained)
    if expected:
        out["top1"] = top1(expected, cited, any_of=q.kind in LIST_KINDS)
        out["recall@3"] = recall_at(expected, cited, 3)
        out["mrr"] = reciprocal_rank(expected, cited)
        if len(expected) > 1:
            out["full_recall"] = float(set(expected) <= set(cited))
            out["list_precision"] = precision(expected, cited)
        elif not abstained:  # one task answers it: citing more dilutes the answer
            out["over_list"] = float(len(set(cited)) > 1)
    if q.answer_any:
        text = a.answer if a else ""
        quoted = [c.task if c.task is not None else c.section for c in a.citations] if a else []
        said = same_form(text)
        out["fact"] = float(not abstained and any(same_form(unlabelled(x)) in said for x in q.answer_any)
                            and len(text) <= max_fact_chars(q, quoted))
    return out


def same_form(text: str) -> str:
    """A phrase as compared: without spaces and in one width (a PDF's "2035 到 2050 年" and "２０２５年"
    are the cleaned plan's 2035到2050年 and 2025年)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def unlabelled(phrase: str) -> str:
    """An expected phrase copied with its heading's label ("7.完善议事规则", "五、扎实推进科普工作")
    is the heading's words: an answer names a task or part as 第7项 or 第五部分, not by its label.
    A figure is no label (2.5亿元, 三、四月份 stay whole)."""
    phrase = unicodedata.normalize("NFKC", phrase)  # ７．完善 is 7.完善
    numerals = "一二三四五六七八九十两"
    for digits in ("0123456789", numerals):
        rest = phrase.lstrip(digits)
        dated = rest[1:5].isdigit() and rest[5:].lstrip().startswith("年")  # 3.2022年底前…: a label before a year
        if rest != phrase and rest[:1] in ".．、" and rest[1:2] and (dated or not (rest[1].isdigit() or rest[1] in numerals)):
            return rest[1:]  # not 三、四月份 or 一、二季度: numbers joined, no label
    return phrase


def max_fact_chars(q: Question, cited: Sequence[int | str | None]) -> int:
    """How long an answer holding the expected fact may be: a listing of the several tasks a
    question expects quotes each task it lists (a one-task answer gets no more room)."""
    listed = min(len(q.tasks), len(set(cited)))
    return MAX_FACT_CHARS + LISTED_TASK_CHARS * max(0, listed - 1)


Ask = Callable[..., Answer]


def run_questions(ask: Ask, questions: list[Question], plan: str | None = None,
                  tick: Callable[[int], None] = lambda n: None) -> list[Scored]:
    results = []
    for q in questions:
        results.append(_one(ask, q, plan, ()))
        tick(1)
    return results


def run_conversations(ask: Ask, conversations: list[Conversation], plan: str | None = None,
                      tick: Callable[[int], None] = lambda n: None) -> list[Scored]:
    results = []
    for conv in conversations:
        history: list[Answer] = []
        for q in conv.turns:
            r = _one(ask, q, plan, tuple(history), kind=q.kind or conv.kind)
            results.append(r)
            if r.answer:
                history.append(r.answer)
        tick(1)
    return results


def _one(ask: Ask, q: Question, plan, history, kind: str | None = None) -> Scored:
    if kind and not q.kind:
        q = replace(q, kind=kind)
    try:
        return Scored(q, ask(q.question, plan=plan, history=history, id=q.id))
    except PlanqaError as err:
        return Scored(q, None, str(err))
